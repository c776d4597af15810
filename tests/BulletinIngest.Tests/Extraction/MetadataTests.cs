using BulletinIngest.Extraction;

namespace BulletinIngest.Tests.Extraction;

public class MetadataTests
{
    [Fact]
    public void Reads_the_masthead_of_a_bulletin()
    {
        var doc = Synthetic.Document("攸县实施民生可感行动工作简报", "2025 年 第 7 期", "攸县实施民生可感行动工作专班", "2025 年 8 月 5 日",
            "截至 7 月份，全县各项目推进顺利。");
        var m = new BulletinExtractor().Extract(doc, "x.txt").Metadata;
        Assert.Equal(("攸县", "株洲市", "bulletin", 7, "2025-08-05", "民生可感行动"), (m.Region, m.ParentRegion, m.Kind, m.Issue!.Value, m.Date, m.Campaign));
        Assert.Equal("攸县实施民生可感行动工作专班", m.IssuingBody);
        Assert.Equal("截至7月份", m.Period);
    }

    [Fact]
    public void Reads_a_plan_and_a_management_district()
    {
        var doc = Synthetic.Document("大通湖区民生实事工作专班办公室", "关于印发《大通湖区惠民生实事实施方案》的通知", "2024 年 2 月 28 日");
        var m = new BulletinExtractor().Extract(doc, "x.txt").Metadata;
        Assert.Equal(("大通湖区", "益阳市", "plan", null, "2024-02-28"), (m.Region, m.ParentRegion, m.Kind, m.Issue, m.Date));
        Assert.Equal("民生实事", m.Campaign);
    }

    [Fact]
    public void Reads_dates_in_chinese_numerals_and_titles_with_a_year()
    {
        var doc = Synthetic.Document("桑植县2025年重点民生实事项目进展情况通报", "第2期", "桑植县人民政府办公室", "二〇二五年四月十八日");
        var m = new BulletinExtractor().Extract(doc, "x.txt").Metadata;
        Assert.Equal(("桑植县", "张家界市", "2025-04-18", "重点民生实事"), (m.Region, m.ParentRegion, m.Date, m.Campaign));
    }

    [Theory]
    [InlineData("2025.6.30", "2025-06-30")]
    [InlineData("印发日期：2024-12-20", "2024-12-20")]
    public void Reads_numeric_dates(string line, string date) =>
        Assert.Equal(date, new BulletinExtractor().Extract(Synthetic.Document("祁东县民生实事专报", "第3期", line), "x").Metadata.Date);

    [Fact]
    public void Issue_numbers_in_chinese_numerals_are_read() =>
        Assert.Equal(12, new BulletinExtractor().Extract(Synthetic.Document("衡山县民生实事专报", "第十二期", "2025年1月2日"), "x").Metadata.Issue);

    [Fact]
    public void The_issuing_region_is_read_from_the_issuing_body_when_the_title_names_none()
    {
        var doc = Synthetic.Document("重点民生项目工作专报", "第9期", "邵东市重点民生项目推进工作专班办公室　　二〇二五年五月六日",
            "一、总体进展", "全市各项目推进有序。");
        var m = new BulletinExtractor().Extract(doc, "x.txt").Metadata;
        Assert.Equal(("邵东市", "邵阳市", 9, "2025-05-06"), (m.Region, m.ParentRegion, m.Issue!.Value, m.Date));
    }

    [Fact]
    public void The_issuing_region_is_read_from_the_signature_at_the_end()
    {
        var doc = Synthetic.Document("2025年民生实事进展情况通报", "一、总体进展", "全县各项目推进有序，大部分指标达到时序进度。",
            "二、下一步工作", "各单位要加快进度。", "祁东县民生实事工作领导小组办公室", "2025年6月3日");
        var m = new BulletinExtractor().Extract(doc, "x.txt").Metadata;
        Assert.Equal(("祁东县", "衡阳市"), (m.Region, m.ParentRegion));
    }

    [Theory]
    [InlineData("新化县为民办实事工程进度通报", "第2期", "为民办实事")]
    [InlineData("新化县重点民生项目推进工作", "督查通报", "重点民生")]
    [InlineData("新化县民生实事项目", "工作简报", "民生实事项目")]
    [InlineData("关于新化县2025年县级民生实事项目进展情况的通报", "第3期", "民生实事")]
    [InlineData("新化县人民政府办公室", "关于印发《新化县2025年民生实事项目实施方案》的通知", "民生实事")]
    public void The_campaign_is_the_title_without_progress_and_kind_words(string first, string second, string campaign)
    {
        var m = new BulletinExtractor().Extract(Synthetic.Document(first, second, "2025年3月1日"), "x.txt").Metadata;
        Assert.Equal(("新化县", campaign), (m.Region, m.Campaign));
    }
}
