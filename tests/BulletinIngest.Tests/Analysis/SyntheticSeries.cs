namespace BulletinIngest.Tests.Analysis;

/// <summary>
/// An invented prefecture (青川市) and two of its counties: a county plan, two issues of the county's
/// bulletin, the same issue once more as another rendering (one bulletin with it), and a city bulletin giving the city total with
/// its counties. Each flag kind is planted once, next to figures that look alike but add up.
/// </summary>
public static class SyntheticSeries
{
    public static void Fill(SyntheticArchive archive)
    {
        archive.Add("010_plan.txt", "石门县", "plan", "2025-03-01", null,
            new Stated("石门县", "新增城镇就业", "全年新增城镇就业5000人。", Target: 5000, Unit: "人"),
            new Stated("石门县", "高标准农田建设", "建设高标准农田2万亩。", Target: 20000, Unit: "亩"),
            new Stated("石门县", "培训乡村医生", "培训乡村医生30人。", Target: 30, Unit: "人"));

        archive.Add("011_issue1.txt", "石门县", "bulletin", "2025-04-30", 1,
            // consistent: 1500 / 5000 = 30%
            new Stated("石门县", "新增城镇就业", "新增城镇就业目标5000人，已完成1500人，完成率30%。", 5000, 1500, "人", 30),
            // implies a target of 15000 亩 where the plan set 20000 亩
            new Stated("石门县", "高标准农田建设", "高标准农田建设已完成6000亩，完成率40%。", Actual: 6000, Unit: "亩", Percent: 40),
            // 3 / 10 = 30%, stated 45%: inconsistent
            new Stated("石门县", "改造城镇老旧小区", "改造城镇老旧小区10个，已开工3个，完成率45%。", 10, 3, "个", 45),
            // 5 / 11 = 45.45%, stated 45%: within a point
            new Stated("石门县", "建设流动供销服务网点", "建设流动供销服务网点11个，已建成5个，完成率45%。", 11, 5, "个", 45),
            // over 100% while the sentence says work goes on (130 / 100 = 130%, consistent)
            new Stated("石门县", "康复救助残疾儿童", "康复救助残疾儿童100人，已救助130人，完成率130%，相关工作正在推进中。", 100, 130, "人", 130),
            // above target yet under 100%, and 33 / 30 = 110% is not 95%
            new Stated("石门县", "培训乡村医生", "培训乡村医生30人，已培训33人，完成率95%。", 30, 33, "人", 95),
            // a met standard level capped at 100%: not inconsistent
            new Stated("石门县", "城乡居民基础养老金", "城乡居民基础养老金不低于171元/月，现已达到180元/月，完成率100%。", 171, 180, "元/月", 100),
            // rounded actual: 1.3万 of 2万 is 62.5%-67.5%; 67% is within its rounding
            new Stated("石门县", "恢复灌溉面积", "恢复灌溉面积2万亩，已完成1.3万亩，完成率67%。", 20000, 13000, "亩", 67),
            // a bound is never checked against actual / target
            new Stated("石门县", "农村公路安防建设", "农村公路安防建设40公里，完成10公里，完成率超过70%。", 40, 10, "公里", 70, Qualifier: ">"),
            // the same figure twice with different values
            new Stated("石门县", "农村公路提质改造", "农村公路提质改造已完成20公里，完成率50%。", Actual: 20, Unit: "公里", Percent: 50),
            new Stated("石门县", "农村公路提质改造", "其中农村公路提质改造已完成25公里。", Actual: 25, Unit: "公里"));

        archive.Add("012_issue2.txt", "石门县", "bulletin", "2025-06-30", 2,
            // fell from 1500 (30%) to 1200 (20%), and the target moved from 5000 to 6000
            new Stated("石门县", "新增城镇就业", "新增城镇就业目标6000人，已完成1200人，完成率20%。", 6000, 1200, "人", 20),
            // grew: nothing to say
            new Stated("石门县", "改造城镇老旧小区", "改造城镇老旧小区10个，已开工6个，完成率60%。", 10, 6, "个", 60));

        // The same issue 2 once more (another rendering, read a little differently): same region, kind, issue, date and
        // title, so one bulletin with 012_issue2.txt, counted from that file only.
        archive.Add("012_issue2.pdf", "石门县", "bulletin", "2025-06-30", 2,
            new Stated("石门县", "新增城镇就业", "新增城镇就业目标6000人，已完成1200人，完成率20%。", 6000, 1200, "人", 20),
            new Stated("石门县", "改造城镇老旧小区", "改造城镇老旧小区10个，已开工5个，完成率50%。", 10, 5, "个", 50));

        archive.Add("020_city.txt", "青川市", "bulletin", "2025-06-30", 4,
            // counties add up to 4000 + 3000 + 3500 = 10500, more than the city's 9000
            new Stated("青川市", "新增城镇就业", "全市新增城镇就业20000人，已完成9000人，完成率45%。", 20000, 9000, "人", 45),
            new Stated("石门县", "新增城镇就业", "石门县已完成4000人。", Actual: 4000, Unit: "人"),
            new Stated("桃源县", "新增城镇就业", "桃源县已完成3000人。", Actual: 3000, Unit: "人"),
            new Stated("临江区", "新增城镇就业", "临江区已完成3500人。", Actual: 3500, Unit: "人"),
            // counties add up: 600 + 400 = 1000
            new Stated("青川市", "建设老年助餐服务点", "全市建设老年助餐服务点1000个，已建成1000个，完成率100%。", 1000, 1000, "个", 100),
            new Stated("石门县", "建设老年助餐服务点", "石门县建成600个。", Actual: 600, Unit: "个"),
            new Stated("桃源县", "建设老年助餐服务点", "桃源县建成400个。", Actual: 400, Unit: "个"));
    }
}
