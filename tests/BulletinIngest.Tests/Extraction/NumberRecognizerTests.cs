using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Tests.Extraction;

public class NumberRecognizerTests
{
    private static Quantity Single(string text)
    {
        var found = NumberRecognizer.Find(CompactText.From(text).Text);
        Assert.Single(found);
        return found[0];
    }

    [Theory]
    [InlineData("新建文化广场 36 个", 36, "个")]
    [InlineData("培训护理员１２０名", 120, "人")]
    [InlineData("改造农村危房一千二百户", 1200, "户")]
    [InlineData("吸纳就业两千人", 2000, "人")]
    [InlineData("发放补贴 3,500 元", 3500, "元")]
    [InlineData("修复堤防 12.6 km", 12.6, "公里")]
    [InlineData("新建污水管网 3.7 公里", 3.7, "公里")]
    [InlineData("累计完成监督抽检148批次", 148, "批次")]
    [InlineData("免费接种HPV疫苗5479剂次", 5479, "剂次")]
    public void Reads_arabic_full_width_and_chinese_numerals(string text, double value, string unit)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("开展体检 2.35 万人次", 23500, "人次")]
    [InlineData("投入资金 860 万元", 8600000, "元")]
    [InlineData("兑付奖补 1.2 亿元", 120000000, "元")]
    [InlineData("整治耕地 0.8 万亩", 8000, "亩")]
    [InlineData("清淤 12.5 万方", 125000, "方")]
    [InlineData("覆盖人口 3 千人", 3000, "人")]
    public void Folds_scales_into_the_value(string text, double value, string unit)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("为贫困县50万农村适龄妇女免费检查", 500000, "人")]
    [InlineData("为80万农村35—64岁妇女免费做检查", 800000, "人")]
    [InlineData("完成新生儿筛查21.14万例", 211400, "例")]
    [InlineData("服务人口超过2万的乡镇卫生院配备医生", 20000, null)]
    public void A_scaled_number_counts_the_noun_after_it(string text, double value, string? unit)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void Each_counted_noun_example_reads_its_unit()
    {
        var rows = BulletinIngest.Learning.TsvFile.Read(Path.Combine(RepoPaths.Root, "models", CountedNouns.FileName));
        Assert.NotEmpty(rows);
        foreach (var row in rows)
            Assert.Contains(NumberRecognizer.Find(CompactText.From(row["example"]).Text), q => q.Unit == row["unit"] && q.Value >= 1e4);
    }

    [Theory]
    [InlineData("完成投资256.4亿元", 25640000000)]
    [InlineData("到位资金76.81亿元", 7681000000)]
    [InlineData("发放补贴13822.04万元", 138220400)]
    public void A_scaled_value_is_the_number_the_text_says_not_its_binary_neighbour(string text, double value)
    {
        Assert.Equal(value, Single(text).Value); // exactly: an analyst sees 25639999999.999996 otherwise
    }

    [Theory]
    [InlineData("已完成 6. 25 万亩", 62500, "亩")]
    [InlineData("完成率 81. 07%", 81.07, "%")]
    [InlineData("建成 19. 5 公 里", 19.5, "公里")]
    public void Reads_decimals_with_stray_spaces(string text, double value, string unit)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("服务群众 3 千余人", 3000)]
    [InlineData("提供岗位 800 多个", 800)]
    [InlineData("惠及近 900 户", 900)]
    [InlineData("发放约 45 万元", 450000)]
    [InlineData("培训 2 万余名", 20000)]
    public void Flags_approximations(string text, double value)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.True(q.Approximate);
    }

    [Theory]
    [InlineData("特困供养标准不低于 650 元/月·人", 650, "元/月")]
    [InlineData("护理补贴 80 元/人/月", 80, "元/月")]
    [InlineData("低保标准 6300 元/年", 6300, "元/年")]
    [InlineData("生活费 1100 元 / 月", 1100, "元/月")]
    public void Leaves_the_person_out_of_per_person_standards(string text, double value, string unit)
    {
        var q = Single(text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("完成率超过 65%", 65, ">")]
    [InlineData("完成度 30%以下", 30, "<=")]
    [InlineData("覆盖率达到 95%以上", 95, ">=")]
    [InlineData("不低于 80%", 80, ">=")]
    public void Reads_bounds_as_qualifiers(string text, double value, string qualifier)
    {
        var q = Single(text);
        Assert.True(q.IsPercent);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(qualifier, q.Qualifier);
    }

    [Theory]
    [InlineData("2025 年 5 月 12 日召开会议")]
    [InlineData("于 7 月份完成验收")]
    [InlineData("补齐 1-4 月份差额")]
    [InlineData("新建 4G、5G 基站")]
    [InlineData("开展 9 种遗传病筛查")]
    [InlineData("65 岁以上老人")]
    [InlineData("第 8 期")]
    [InlineData("依据《湘政发〔2024〕9 号》文件")]
    [InlineData("改造 10 千伏线路")]
    [InlineData("PM2.5 浓度下降")]
    [InlineData("两项补贴")]
    public void Ignores_numbers_that_are_not_amounts(string text)
    {
        Assert.DoesNotContain(NumberRecognizer.Find(CompactText.From(text).Text), q => !q.IsBare);
    }

    [Theory]
    [InlineData("一千二百", 1200)]
    [InlineData("一千二", 1200)]
    [InlineData("两万", 20000)]
    [InlineData("十八", 18)]
    [InlineData("三百零五", 305)]
    [InlineData("二十三万四千", 234000)]
    public void Parses_chinese_numerals(string text, double value) => Assert.Equal(value, ChineseNumeral.Parse(text));

    [Theory]
    [InlineData("十四五")]
    [InlineData("三三两两")]
    public void Refuses_malformed_chinese_numerals(string text) => Assert.Null(ChineseNumeral.Parse(text));

    [Fact]
    public void Compact_text_maps_back_to_source_offsets()
    {
        var compact = CompactText.From("完成 7. 5 万亩", 100);
        Assert.Equal("完成7.5万亩", compact.Text);
        Assert.Equal(103, compact.SourceOffset(2));   // '7'
        Assert.Equal(110, compact.SourceEndOffset(compact.Length)); // just past 亩
    }

    [Fact]
    public void Digits_of_other_scripts_are_no_numbers_and_do_not_throw()
    {
        // Found by the fuzzer: a mutated PDF gave U+1BB0 (a Sundanese digit), which \d matches and double.Parse refuses.
        var found = NumberRecognizer.Find("已完成\u1BB0\u1BB1个，完成率\u0663\u0660%，另完成12个");
        Assert.Equal(12, Assert.Single(found).Value);
    }

    [Fact]
    public void An_answer_is_shared_by_whoever_asks_about_the_same_text_and_cannot_be_changed()
    {
        string text = "新增城镇就业1.2万人，完成率60%";
        var first = NumberRecognizer.Find(text);
        var again = NumberRecognizer.Find(string.Concat("新增城镇就业1.2万人，", "完成率60%")); // equal, not the same string
        Assert.Same(first, again);
        Assert.Equal([12000, 60], again.Select(q => q.Value));
        Assert.True(Assert.IsAssignableFrom<ICollection<Quantity>>(first).IsReadOnly);
    }
}
