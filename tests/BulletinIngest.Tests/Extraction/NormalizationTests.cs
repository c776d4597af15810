using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The normalized view: simplified, gloss-free, ASCII-folded, and always of the same length as the text as written.</summary>
public class NormalizationTests
{
    private static readonly TextNormalizer Normalizer = TextNormalizer.Default;

    [Theory]
    [InlineData("發展", "发展")]
    [InlineData("實施民生實事項目", "实施民生实事项目")]
    [InlineData("發(fā)展", "发    展")]
    [InlineData("實事內（nèi）容", "实事内     容")]
    [InlineData("新建管網１２．５公里，完成率８０％", "新建管网12.5公里，完成率80%")]
    [InlineData("占年度計畫73.4%", "占年度计划73.4%")]
    [InlineData("道路12公里(km)、(A)類", "道路12公里(km)、(A)类")]
    public void Normalizes_without_changing_the_length(string written, string normalized)
    {
        string result = Normalizer.Normalize(written);
        Assert.Equal(normalized, result);
        Assert.Equal(written.Length, result.Length);
    }

    [Fact]
    public void Simplifying_reads_by_code_point_as_before()
    {
        const string simplified = "实施民生实事项目";
        Assert.Same(simplified, TraditionalChinese.ToSimplified(simplified));
        Assert.Equal("实施民生实事项目", TraditionalChinese.ToSimplified("實施民生實事項目"));
        // A pair outside the BMP is one character, kept; a lone surrogate after the first folded character reads as
        // U+FFFD (as string.EnumerateRunes reads it), before it the text is copied as written.
        Assert.Equal("发展\U00020000项目", TraditionalChinese.ToSimplified("發展\U00020000項目"));
        Assert.Equal("发展\uFFFD项", TraditionalChinese.ToSimplified("發展\uD800項"));
        Assert.Equal("\uDC00发展", TraditionalChinese.ToSimplified("\uDC00發展"));
    }

    [Fact]
    public void Compaction_drops_a_blanked_gloss_and_keeps_offsets_into_the_text_as_written()
    {
        const string written = "促進發(fā)展10個";
        var compact = CompactText.From(Normalizer.Normalize(written));
        Assert.Equal("促进发展10个", compact.Text);
        Assert.Equal('展', written[compact.SourceOffset(3)]);
        Assert.Equal("10", written[compact.SourceOffset(4)..compact.SourceEndOffset(6)]);
    }

    [Fact]
    public void A_traditional_bulletin_gives_figures_in_its_own_words_at_offsets_into_its_own_text()
    {
        var document = Synthetic.Document("岳陽縣民生實事工作專報", "第5期", "2025年6月30日", "【工作進度】",
            "1、新建農村公路(lù)。全年目標12公里，已完成9公里，完成率75%。");
        var figure = Assert.Single(new BulletinIngest.Extraction.BulletinExtractor().Extract(document, "x.txt").Figures);
        Assert.Equal((12.0, 9.0, 75.0), (figure.Target, figure.Actual, figure.Percent));
        Assert.Equal("岳阳县", figure.Region);
        Assert.Equal("新建農村公路", figure.Project);
        Assert.Contains("已完成9公里", figure.Sentence);
        Assert.Contains(figure.Sentence, document.FullText);
        Assert.Contains("9公里", document.FullText[figure.Start..figure.End]);
    }
}
