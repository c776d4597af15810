using System.Security.Cryptography;
using System.Text;
using BulletinIngest.Extraction;
using BulletinIngest.Reading;
using BulletinIngest.Storage;

namespace BulletinIngest.Tests.Analysis;

/// <summary>A figure as a test writes it: the sentence it comes from and the values read from it.</summary>
public sealed record Stated(string Region, string Project, string Sentence, double? Target = null, double? Actual = null,
    string? Unit = null, double? Percent = null, string? Qualifier = null, string? Tier = null, string? CanonicalId = null,
    string? Indicator = null, bool Optional = false);

/// <summary>
/// A real SQLite file in a temporary folder, filled with synthetic bulletins through BulletinStore.SaveDocument:
/// each figure's sentence becomes a paragraph of the document's text, and the figure points at it.
/// </summary>
public sealed class SyntheticArchive : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bulletin-analysis-").FullName;

    public SyntheticArchive() => Store = BulletinStore.Open(DatabasePath);

    public string DatabasePath => Path.Combine(_folder, "bulletins.db");
    public string Folder => _folder;
    public BulletinStore Store { get; }

    public long Add(string name, string region, string kind, string date, int? issue, params Stated[] figures)
    {
        var builder = new DocumentTextBuilder("txt");
        builder.Add(BlockKind.Heading, $"{region}民生实事{(kind == "plan" ? "实施方案" : $"工作专报 第{issue}期")}", headingLevel: 1);
        foreach (var figure in figures) builder.Add(BlockKind.Paragraph, figure.Sentence);
        var text = builder.Build();
        var extracted = figures.Select((f, i) =>
        {
            var block = text.Blocks[i + 1];
            return new Figure
            {
                Region = f.Region, Tier = f.Tier, Project = f.Project, Indicator = f.Indicator ?? f.Project, Target = f.Target,
                Actual = f.Actual, Unit = f.Unit, Percent = f.Percent, Qualifier = f.Qualifier, Optional = f.Optional,
                CanonicalProjectId = f.CanonicalId, Page = 0, Start = block.Start, End = block.End, Sentence = block.Text,
            };
        }).ToList();
        var metadata = new DocumentMetadata { Region = region, Kind = kind, Date = date, Issue = issue, Campaign = "民生实事" };
        byte[] content = Encoding.UTF8.GetBytes(text.FullText + name);
        var file = new SourceFile(Path.Combine(_folder, name), Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
        return Store.SaveDocument(file, text, new ExtractionResult(metadata, extracted));
    }

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
