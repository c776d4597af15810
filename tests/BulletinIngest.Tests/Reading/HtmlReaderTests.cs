using System.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Reading;

/// <summary>Saved government web pages: detected by content, decoded by their declared charset, read down to the article body.</summary>
public class HtmlReaderTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding("GBK")!;

    private static DocumentText Read(string html, Encoding? encoding = null) =>
        new DocumentReader().Read((encoding ?? Encoding.UTF8).GetBytes(html), "page.html");

    private static string Page(string body, string head = "<meta charset=\"utf-8\">") =>
        $"<!DOCTYPE html><html><head>{head}<title>某县人民政府</title><script>var a = '脚本里的字';</script></head><body>{body}</body></html>";

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>x</body></html>")]
    [InlineData("\uFEFF  \r\n<html lang=\"zh\"><body>x</body></html>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- saved from url=(0042)http://www.example.gov.cn/ -->\n<HTML><BODY>x</BODY></HTML>")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>x</p>")]
    public void Web_pages_are_told_by_their_content(string start) =>
        Assert.Equal(FileFormat.Html, FormatDetector.Detect(Encoding.UTF8.GetBytes(start), "saved.txt"));

    [Theory]
    [InlineData("<b>重点</b>民生实事完成情况")]
    [InlineData("<htmlish> is not a tag a page opens with")]
    [InlineData("岳阳市民生实事工作专报\n第2期")]
    public void Text_that_merely_has_markup_is_text(string start) =>
        Assert.Equal(FileFormat.Txt, FormatDetector.Detect(Encoding.UTF8.GetBytes(start), "page.html"));

    [Theory]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />")]
    [InlineData("<meta charset=\"GBK\">")]
    [InlineData("<META CHARSET=gb2312>")]
    [InlineData("")]
    public void Gb_pages_are_decoded_by_their_declaration_or_by_detection(string meta)
    {
        // 瑢 is GBK but not GB2312: pages that say gb2312 hold GBK in practice.
        var text = Read(Page("<p>新建农村公路12公里，瑢</p>", meta), Gbk);
        Assert.Equal("新建农村公路12公里，瑢", text.Blocks.Single().Text);
    }

    [Fact]
    public void A_page_declared_utf8_that_holds_gbk_bytes_is_detected()
    {
        var text = Read(Page("<p>完成率80%</p>"), Gbk);
        Assert.Equal("完成率80%", text.Blocks.Single().Text);
    }

    [Fact]
    public void A_bom_overrides_the_declaration()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Page("<p>民生实事</p>", "<meta charset=\"gb2312\">"))];
        Assert.Equal("民生实事", new DocumentReader().Read(bytes, "page.htm").Blocks.Single().Text);
    }

    [Fact]
    public void Navigation_breadcrumbs_share_bars_footers_and_scripts_are_left_out()
    {
        var text = Read(Page("""
            <div class="top-nav"><ul><li>首页</li><li>政务公开</li></ul></div>
            <nav>互动交流</nav>
            <div class="position">当前位置：首页 &gt; 政务公开</div>
            <div class="article"><h1 class="title">关于民生实事进展的通报</h1>
              <div class="info">发布时间：2024-05-01【字号：大 中 小】</div>
              <div id="zoom" class="TRS_Editor"><p>一、新建农村公路12公里，已完成9公里。</p><p>二、新增学位500个。</p><p>三、改造老旧小区20个，已开工18个。</p></div>
              <div class="bdshare">分享到：微信 微博</div></div>
            <aside>热点专题</aside>
            <div id="footer">版权所有 扫一扫在手机打开当前页</div><script>document.write('统计')</script>
            """));
        Assert.Equal(["关于民生实事进展的通报", "一、新建农村公路12公里，已完成9公里。", "二、新增学位500个。", "三、改造老旧小区20个，已开工18个。"], text.Blocks.Select(b => b.Text));
        Assert.Equal(BlockKind.Heading, text.Blocks[0].Kind);
    }

    [Fact]
    public void The_title_is_not_repeated_when_the_body_starts_with_it()
    {
        var text = Read(Page("<h1>某县民生实事工作专报</h1><div class=\"content\"><p>某县民生实事工作专报</p><p>第3期</p></div>"));
        Assert.Equal(["某县民生实事工作专报", "第3期"], text.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Without_marks_the_element_whose_paragraphs_hold_most_text_is_the_article()
    {
        var text = Read(Page("<div><a>首页</a> <a>关于我们</a></div><div><div><p>全年目标500人，</p><p>已完成300人。</p></div></div><div>联系电话</div>"));
        Assert.Equal(["全年目标500人，", "已完成300人。"], text.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Headings_lines_and_list_items_become_their_blocks()
    {
        var text = Read(Page("""
            <div class="article-content"><h2>（一）省级  项目</h2><h4>1. 城乡低保</h4>
            <p style="text-align:center">第 2 期<br>工作专班<br/>2024年4月30日</p>
            <ul><li>已完成<strong>300</strong>人</li><li>完成率&nbsp;60%</li></ul></div>
            """));
        Assert.Equal([(BlockKind.Heading, "（一）省级 项目", 2), (BlockKind.Heading, "1. 城乡低保", 4),
                      (BlockKind.Paragraph, "第 2 期", 0), (BlockKind.Paragraph, "工作专班", 0), (BlockKind.Paragraph, "2024年4月30日", 0),
                      (BlockKind.ListItem, "已完成300人", 0), (BlockKind.ListItem, "完成率 60%", 0)],
            text.Blocks.Select(b => (b.Kind, b.Text, b.HeadingLevel)));
    }

    [Fact]
    public void Table_rows_keep_every_cell_in_its_column_around_merged_cells()
    {
        var text = Read(Page("""
            <div id="content"><table>
              <tr><th rowspan="2">序号</th><th rowspan="2">项目</th><th colspan="2">进度</th><th>牵头单位</th></tr>
              <tr><th>目标</th><th>完成</th><th></th></tr>
              <tr><td>1</td><td>城乡低保<br>提标</td><td>700</td><td>700</td><td rowspan="2">民政局</td></tr>
              <tr><td>2</td><td><p>新增</p><p>学位</p></td><td>500</td><td>300</td></tr>
            </table></div>
            """));
        Assert.All(text.Blocks, b => Assert.Equal(BlockKind.TableRow, b.Kind));
        Assert.Equal(["序号\t项目\t进度\t\t牵头单位", "\t\t目标\t完成\t", "1\t城乡低保 提标\t700\t700\t民政局", "2\t新增 学位\t500\t300\t"],
            text.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_table_that_lays_the_page_out_is_read_as_content()
    {
        var text = Read(Page("<table><tr><td><p>全年目标500人。</p><table><tr><td>1</td><td>学位</td></tr></table></td></tr></table>"));
        Assert.Equal([(BlockKind.Paragraph, "全年目标500人。"), (BlockKind.TableRow, "1\t学位")], text.Blocks.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void Block_offsets_point_into_the_text_the_reader_produced()
    {
        var text = new DocumentReader().Read(Path.Combine(RepoPaths.Corpus, "web", "002_9e5b1a39eb6826af.html"));
        Assert.Equal("html", text.Format);
        Assert.Contains(text.Blocks, b => b.Kind == BlockKind.TableRow);
        foreach (var block in text.Blocks) Assert.Equal(block.Text, text.FullText.Substring(block.Start, block.Text.Length));
    }

    [Fact]
    public void A_page_without_text_is_refused_as_empty()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Read(Page("<div class=\"nav\">首页</div><script>x()</script>")));
        Assert.Equal(RejectReason.Empty, error.Reason);
    }

    [Fact]
    public void Page_tools_left_inside_the_article_are_noise_blocks_kept_at_their_offsets()
    {
        var text = Read(Page("<div id=\"zoom\"><p>【字号：大 中 小】【打印】</p><p>全年目标500人，已完成300人。</p><p>扫一扫在手机打开当前页</p></div>"));
        Assert.Equal([BlockKind.Noise, BlockKind.Paragraph, BlockKind.Noise], text.Blocks.Select(b => b.Kind));
        Assert.Equal("全年目标500人，已完成300人。", text.FullText.Substring(text.Blocks[1].Start, text.Blocks[1].Text.Length));
    }

    [Fact]
    public void The_title_is_the_h1_above_the_body_not_a_title_elsewhere_on_the_page()
    {
        var text = Read(Page("""
            <div class="column-title">民生实事栏目</div><h1>某县民生实事进展情况</h1>
            <div class="content"><p>全年目标500人，已完成300人。</p></div>
            <div class="list"><div class="title">热点专题文章</div></div>
            """));
        Assert.Equal(["某县民生实事进展情况", "全年目标500人，已完成300人。"], text.Blocks.Select(b => b.Text));
    }
}
