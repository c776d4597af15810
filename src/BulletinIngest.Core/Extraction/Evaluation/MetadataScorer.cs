using System.Globalization;
using System.Text.Json.Nodes;

namespace BulletinIngest.Extraction.Evaluation;

/// <summary>One metadata field of one document that differs from the gold.</summary>
public sealed record MetadataMismatch(string Doc, string Field, string? Gold, string? Ours);

/// <summary>How many documents have each field equal to the gold, and which differ.</summary>
public sealed record MetadataScore(int Docs, IReadOnlyDictionary<string, int> Right, IReadOnlyList<MetadataMismatch> Mismatches)
{
    /// <summary>`docs=26 region=15 parent=17 kind=25 issue=26 date=17 campaign=13`.</summary>
    public string ToLine() => $"docs={Docs} " + string.Join(" ", MetadataScorer.Fields.Select(f => $"{f}={Right[f]}"));
}

/// <summary>
/// Scores documents' metadata against a documents.jsonl of the gold format (shared/gold/README.md): per field
/// (region, parent, kind, issue, date, campaign), equal as written (null equals null), documents matched by stem.
/// </summary>
public static class MetadataScorer
{
    public static readonly string[] Fields = ["region", "parent", "kind", "issue", "date", "campaign"];

    /// <summary>A document's metadata as the gold writes its fields.</summary>
    public static IReadOnlyDictionary<string, string?> Values(DocumentMetadata m) => Values(m.Region, m.ParentRegion, m.Kind, m.Issue, m.Date, m.Campaign);

    public static IReadOnlyDictionary<string, string?> Values(string? region, string? parent, string? kind, long? issue, string? date, string? campaign) =>
        new Dictionary<string, string?>
        {
            ["region"] = region, ["parent"] = parent, ["kind"] = kind, ["issue"] = issue?.ToString(CultureInfo.InvariantCulture),
            ["date"] = date, ["campaign"] = campaign,
        };

    public static List<JsonObject> LoadGold(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    /// <summary>Each predicted document (name, values) whose stem the gold has, against that gold line.</summary>
    public static MetadataScore Score(IReadOnlyList<JsonObject> gold, IEnumerable<(string Doc, IReadOnlyDictionary<string, string?> Values)> predicted)
    {
        var goldByStem = gold.ToDictionary(g => FigureScorer.Stem(g["doc"]!.GetValue<string>()));
        var right = Fields.ToDictionary(f => f, _ => 0);
        var mismatches = new List<MetadataMismatch>();
        int docs = 0;
        foreach (var (doc, values) in predicted)
        {
            if (!goldByStem.TryGetValue(FigureScorer.Stem(doc), out var expected)) continue;
            docs++;
            foreach (var field in Fields)
            {
                string? want = expected[field] is { } node ? node.ToString() : null;
                if (want == values[field]) right[field]++;
                else mismatches.Add(new MetadataMismatch(doc, field, want, values[field]));
            }
        }
        return new MetadataScore(docs, right, mismatches);
    }
}
