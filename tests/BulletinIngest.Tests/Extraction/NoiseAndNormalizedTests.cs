using BulletinIngest.Extraction;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Extraction;

public class NoiseAndNormalizedTests
{
    [Fact]
    public void Noise_blocks_before_traditional_text_keep_provenance_inside_the_document()
    {
        // Page noise first, then a traditional-character report: noise is dropped after normalizing, so every
        // figure's offsets still point into the document (they once ran past its end).
        var builder = new DocumentTextBuilder("txt");
        builder.Add(BlockKind.Noise, "首頁 > 政務公開 > 工作動態");
        builder.Add(BlockKind.Noise, "【字號：大 中 小】【打印】");
        foreach (var line in new[] { "衡陽縣民生實事工作專報", "第5期", "2025年6月30日", "【工作進度】", "1.新建村衛生室12所。已完成9所，完成全年任務的75%。" })
            builder.Add(BlockKind.Paragraph, line);
        var document = builder.Build();
        var result = new BulletinExtractor().Extract(document, "noise.txt");
        var figure = Assert.Single(result.Figures);
        Assert.Equal((12.0, 9.0, 75.0), (figure.Target!.Value, figure.Actual!.Value, figure.Percent!.Value));
        Assert.InRange(figure.End, figure.Start, document.FullText.Length);
        Assert.Contains("75%", figure.Sentence);
    }
}
