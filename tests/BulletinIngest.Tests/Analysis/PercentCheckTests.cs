using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;

namespace BulletinIngest.Tests.Analysis;

public class PercentCheckTests
{
    [Theory]
    [InlineData(2, 6, 30, "提质升级中小学校食堂6所，已完成2所，完成率30%", true)]       // 33.3 vs 30
    [InlineData(5, 11, 45, "建设网点11个，已完成5个，完成率45%", false)]                  // 45.45 vs 45
    [InlineData(1386, 6000, 23.1, "新增城镇就业6000人，完成1386人，完成率23.1%", false)]
    [InlineData(7, 60, 10.5, "演出60场，完成7场，完成率10.5%", true)]                    // 11.67 vs 10.5: 1.17 points
    [InlineData(7, 60, 11, "演出60场，完成7场，完成率11%", false)]                        // 0.67 points
    [InlineData(180, 171, 100, "不低于171元/月，已达到180元/月", false)]                    // met standard
    [InlineData(180, 171, 105.3, "不低于171元/月，已达到180元/月，完成率105.3%", false)]
    [InlineData(13000, 20000, 67, "目标2万亩，已完成1.3万亩，完成率67%", false)]          // 1.3万 may be 1.35万: 67.5%
    [InlineData(13000, 20000, 67, "目标20000亩，已完成13000亩，完成率67%", true)]         // written in full: 65% exactly
    [InlineData(13000, 20000, 69, "目标2万亩，已完成1.3万亩，完成率69%", true)]           // beyond even the rounding
    public void Percent_is_checked_against_actual_over_target_within_the_stated_precision(
        double actual, double target, double percent, string sentence, bool inconsistent)
    {
        Assert.Equal(inconsistent, PercentCheck.Check(actual, target, percent, sentence).Inconsistent);
    }

    [Theory]
    [InlineData(13000, "已完成1.3万亩", 500)]
    [InlineData(13000, "已完成13000亩", 0)]
    [InlineData(27.904, "完成27. 904公里", 0.0005)]
    [InlineData(95000000, "发放9500万元", 5000)]
    public void Stated_precision_is_half_a_unit_of_the_last_written_digit(double value, string sentence, double halfUnit)
    {
        Assert.Equal(halfUnit, StatedPrecision.HalfUnit(value, sentence), 9);
    }

    [Fact]
    public void A_percent_is_rounded_to_its_last_written_digit()
    {
        Assert.Equal(0.05, StatedPrecision.HalfUnit(23.1, "完成率23.1%", isPercent: true), 9);
        Assert.Equal(0.005, StatedPrecision.HalfUnit(73.05, "完成率73. 05%", isPercent: true), 9);
        Assert.Equal(0.5, StatedPrecision.HalfUnit(30, "完成率30%", isPercent: true), 9);
    }
}

public class NamesTests
{
    [Theory]
    [InlineData("高标准农田建设5万亩", "高标准农田建设")]
    [InlineData("提质升级中小学校食堂6所", "提质升级中小学校食堂")]
    [InlineData("完成新增城镇就业6000人", "完成新增城镇就业")]
    [InlineData("新建农村4G、5G基站", "新建农村4g5g基站")]
    [InlineData("建设老年助餐服务点项目", "建设老年助餐服务点")]
    [InlineData("“送戏下乡” 演艺", "送戏下乡演艺")]
    public void Project_names_are_compared_without_punctuation_and_a_trailing_quantity(string name, string normalized)
    {
        Assert.Equal(normalized, Names.NormalizeProject(name));
    }

    [Theory]
    [InlineData("屈原区", "屈原管理区", true)]
    [InlineData("汨罗", "汨罗市", true)]
    [InlineData("湘乡", "湘乡市", true)]
    [InlineData("南湖区", "南湖新区", true)]
    [InlineData("岳阳县", "岳阳市", false)]
    [InlineData("汨罗市", "汨罗县", false)]
    public void A_region_is_found_under_another_district_suffix_or_its_bare_name_but_not_another_level(string query, string region, bool matches)
    {
        Assert.Equal(matches, Names.RegionMatches(query, region));
    }
}
