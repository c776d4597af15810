using BulletinIngest.Analysis.Flags;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Analysis;

/// <summary>The analyst's workbook: the figures (as `bulletin export` gives them), the flags, and every project × region comparison.</summary>
public static class AnalysisWorkbook
{
    public static readonly string[] FlagColumns = ["flag_id", "kind", "severity", "region", "doc", "message", "figure_ids", "sources"];

    public static readonly string[] ComparisonColumns =
    [
        "year", "project", "project_key", "rank", "region", "target", "target_source", "actual", "unit", "percent", "qualifier",
        "percent_computed", "as_of", "schedule", "lagging", "doc", "figure_id",
    ];

    public static void Write(string path, SqliteConnection connection, XlsxSheet figures)
    {
        var comparison = new Comparison(AnalysisFigure.Load(connection));
        XlsxWriter.Write(path,
        [
            figures,
            new XlsxSheet("flags", FlagColumns, FlagRows(FlagAnalysis.Read(connection))),
            new XlsxSheet("comparison", ComparisonColumns, ComparisonRows(comparison.All())),
        ]);
    }

    public static IEnumerable<IReadOnlyList<object?>> FlagRows(IEnumerable<StoredFlag> flags) =>
        flags.Select(f => (IReadOnlyList<object?>)
        [
            f.Id, f.Kind, f.Severity, f.Region, f.Doc, f.Message, string.Join(" ", f.Sources.Select(s => s.FigureId)),
            string.Join("\n", f.Sources.Select(s => $"{s.Doc} p.{s.Page}: {s.Sentence}")),
        ]);

    public static IEnumerable<IReadOnlyList<object?>> ComparisonRows(IEnumerable<ComparisonRow> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Year, r.Project, r.ProjectKey, r.Rank, r.Region, r.Target, r.TargetSource, r.Actual, r.Unit,
            r.Percent is { } p ? Math.Round(p, 2) : null, r.Qualifier, r.PercentComputed, r.AsOf,
            r.Schedule is { } s ? Math.Round(s, 2) : null, r.Lagging, r.Doc, r.FigureId,
        ]);
}
