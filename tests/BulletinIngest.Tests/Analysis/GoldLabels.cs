using System.Text.Json;

namespace BulletinIngest.Tests.Analysis;

/// <summary>
/// The gold labels (corpus/labels) written into a synthetic archive as if extraction had found exactly them,
/// without their `inconsistent` marks: what the analysis makes of correct figures.
/// </summary>
public static class GoldLabels
{
    public sealed record GoldFigure(string Doc, string Region, string Project, string Indicator, double? Target, double? Actual,
        string? Unit, double? Percent, string? Qualifier, bool Optional, bool Inconsistent);

    public static IReadOnlyList<GoldFigure> Figures() =>
        Lines("figures.jsonl").Select(o => new GoldFigure(
            Text(o, "doc")!, Text(o, "region")!, Text(o, "project")!, Text(o, "indicator") ?? Text(o, "project")!,
            Number(o, "target"), Number(o, "actual"), Text(o, "unit"), Number(o, "percent"), Text(o, "qualifier"),
            o.GetProperty("optional").GetBoolean(), o.GetProperty("inconsistent").GetBoolean())).ToList();

    /// <summary>Writes every gold document and its figures; returns the figures in the order written.</summary>
    public static IReadOnlyList<GoldFigure> Fill(SyntheticArchive archive)
    {
        var figures = Figures();
        var byDoc = figures.ToLookup(f => f.Doc);
        foreach (var doc in Lines("documents.jsonl"))
        {
            string name = Text(doc, "doc")!;
            int? issue = doc.GetProperty("issue").ValueKind == JsonValueKind.Number ? doc.GetProperty("issue").GetInt32() : null;
            archive.Add(name, Text(doc, "region")!, Text(doc, "kind")!, Text(doc, "date")!, issue,
                byDoc[name].Select(f => new Stated(f.Region, f.Project, $"{f.Project}：{f.Indicator}", f.Target, f.Actual, f.Unit,
                    f.Percent, f.Qualifier, Indicator: f.Indicator, Optional: f.Optional)).ToArray());
        }
        return figures;
    }

    private static IEnumerable<JsonElement> Lines(string file) =>
        File.ReadLines(Path.Combine(RepoPaths.Labels, file)).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement);

    private static string? Text(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
