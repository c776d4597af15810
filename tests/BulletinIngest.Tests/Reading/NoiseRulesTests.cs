using System.Text;
using BulletinIngest.Extraction;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Reading;

public class NoiseRulesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var rule in NoiseRules.Default.Rules) data.Add(rule.Example);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_pattern_matches_its_example(string example) =>
        Assert.Contains(NoiseRules.Default.Rules, r => r.Pattern.IsMatch(example));

    [Theory]
    [InlineData("2017-12-15 00:00   [字号: ] 打印")]
    [InlineData("信息来源: 湘潭市政府门户网站      责任编辑: 郭玟")]
    [InlineData("城镇新增就业32095人，完成目标任务的123.4%。")]
    [InlineData("本报记者 刘雅菲 实习生 郑峰山")]
    [InlineData("序号\t实事类别\t项目名称\t牵头单位\t任务数")]
    public void Content_and_datelines_are_not_noise(string line) => Assert.False(NoiseRules.Default.Mark([line])[0]);

    [Fact]
    public void A_related_news_tail_is_noise_only_in_the_second_half()
    {
        string[] lines = ["相关阅读", "城镇新增就业32095人。", "农村公路400公里。", "相关阅读", "某县新增15处公共自行车服务点，完成率80%。"];
        Assert.Equal([false, false, false, true, true], NoiseRules.Default.Mark(lines));
    }

    [Fact]
    public void Noise_blocks_stay_in_the_text_and_the_extractor_ignores_them()
    {
        string page = "首页 > 政务公开 > 民生实事 > 正文\n【字号：大 中 小】【打印】\n某某县2024年民生实事进展情况\n"
                      + "一、新建公办幼儿园10所，已完成8所，完成率80%。\n二、建设农村公路350公里，已完成280公里，完成率80%。\n"
                      + "相关阅读\n三、改造老旧小区120个，已完成96个，完成率80%。\n版权所有：某某县人民政府 湘ICP备05001125号";
        var text = new TxtReader().Read(Encoding.UTF8.GetBytes(page));
        Assert.Equal([BlockKind.Noise, BlockKind.Noise, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph,
            BlockKind.Noise, BlockKind.Noise, BlockKind.Noise], text.Blocks.Select(b => b.Kind));
        Assert.StartsWith("首页 >", text.FullText);

        var kept = text.WithoutNoise();
        Assert.Equal(text.FullText, kept.FullText);
        Assert.All(kept.Blocks, b => Assert.Equal(b.Text, kept.FullText[b.Start..b.End]));
        Assert.DoesNotContain(kept.Blocks, b => b.Kind == BlockKind.Noise);

        Assert.DoesNotContain(kept.Blocks, b => b.Text.Contains("老旧小区"));
    }

    [Fact]
    public void The_extractor_reads_no_figure_from_noise_blocks()
    {
        // A sample bulletin whose prose figures are marked noise: only its tables still give figures.
        var sample = new TxtReader().Read(File.ReadAllBytes(RepoPaths.Bulletin("txt/004_1f00e35fffe70a01.txt")));
        var marked = new DocumentTextBuilder("txt");
        foreach (var block in sample.Blocks)
            marked.Add(block.Kind is BlockKind.Paragraph or BlockKind.ListItem ? BlockKind.Noise : block.Kind, block.Text, block.Page, block.HeadingLevel);
        var text = marked.Build();

        var extractor = new BulletinExtractor();
        var figures = extractor.Extract(text, "004.txt").Figures;
        Assert.True(figures.Count < extractor.Extract(sample, "004.txt").Figures.Count);
        Assert.All(figures, f => Assert.NotEqual(BlockKind.Noise, text.BlockAt(f.Start)?.Kind));
    }
}
