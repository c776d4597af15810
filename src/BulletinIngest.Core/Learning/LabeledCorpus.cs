using System.Text.Json;
using System.Text.Json.Serialization;

namespace BulletinIngest.Learning;

/// <summary>A labeled bulletin (documents.jsonl): which region issued it, when, and whether it is a plan.</summary>
public sealed record LabeledDocument(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("date")] string? Date);

/// <summary>A labeled figure (figures.jsonl, format in corpus/labels/README.md).</summary>
public sealed record LabeledFigure(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("tier")] string? Tier,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("target")] double? Target,
    [property: JsonPropertyName("actual")] double? Actual,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("percent")] double? Percent,
    [property: JsonPropertyName("optional")] bool Optional)
{
    public IEnumerable<double> Numbers() => new[] { Target, Actual, Percent }.OfType<double>();
}

/// <summary>
/// The labeled corpus: a labels folder (documents.jsonl, figures.jsonl, and the analysts' TSV files)
/// and the folder of the bulletins' text renderings the labels refer to.
/// </summary>
public sealed class LabeledCorpus(string labelsDirectory, string bulletinsDirectory)
{
    public const string ClauseLabelsFile = "clause_labels.tsv";
    public const string ProjectLabelsFile = "project_labels.tsv";

    public string LabelsDirectory { get; } = labelsDirectory;
    public string BulletinsDirectory { get; } = bulletinsDirectory;

    /// <summary>The labels folder given, with the bulletins beside it in ../bulletins/txt.</summary>
    public static LabeledCorpus At(string labelsDirectory, string? bulletinsDirectory = null) =>
        new(labelsDirectory, bulletinsDirectory ?? Path.Combine(labelsDirectory, "..", "bulletins", "txt"));

    public IReadOnlyList<LabeledDocument> Documents() => ReadJsonLines<LabeledDocument>("documents.jsonl");
    public IReadOnlyList<LabeledFigure> Figures() => ReadJsonLines<LabeledFigure>("figures.jsonl");

    public string ClauseLabelsPath => Path.Combine(LabelsDirectory, ClauseLabelsFile);
    public string ProjectLabelsPath => Path.Combine(LabelsDirectory, ProjectLabelsFile);

    public string BulletinPath(string doc) => Path.Combine(BulletinsDirectory, doc);

    private IReadOnlyList<T> ReadJsonLines<T>(string fileName)
    {
        string path = Path.Combine(LabelsDirectory, fileName);
        if (!File.Exists(path)) return [];
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<T>(line) ?? throw new InvalidDataException($"{path}: empty record"))
            .ToList();
    }
}
