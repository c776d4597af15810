using BulletinIngest.Extraction;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Extraction;

/// <summary>Builds small documents from lines (a TAB makes a table row) and extracts them with the real extractor.</summary>
public static class Synthetic
{
    public static DocumentText Document(params string[] lines)
    {
        var builder = new DocumentTextBuilder("txt");
        foreach (var line in lines)
            builder.Add(line.Contains('\t') ? BlockKind.TableRow : BlockKind.Paragraph, line);
        return builder.Build();
    }

    /// <summary>A bulletin of the given county with one progress section holding <paramref name="body"/>.</summary>
    public static ExtractionResult Bulletin(string region, params string[] body) =>
        new BulletinExtractor().Extract(Document([$"{region}民生实事工作专报", "第5期", "2025年6月30日", "【工作进度】", .. body]), "test.txt");

    public static ExtractionResult Plan(string region, params string[] body) =>
        new BulletinExtractor().Extract(Document([$"{region}民生实事实施方案", "2025年2月10日", "二、主要任务", .. body]), "plan.txt");
}
