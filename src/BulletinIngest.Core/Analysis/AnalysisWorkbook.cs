using BulletinIngest.Analysis.Flags;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Analysis;

/// <summary>
/// The analyst's workbook: the figures (as `bulletin export` gives them), the laggards, the flags, every project ×
/// region comparison, and per year a grid of completion (projects down, regions across). The column lists here
/// are the ones `bulletin compare` and `bulletin lagging` print too.
/// </summary>
public static class AnalysisWorkbook
{
    public static readonly string[] FlagColumns = ["flag_id", "kind", "severity", "region", "doc", "message", "figure_ids", "sources", "files"];

    public static readonly string[] ComparisonColumns =
    [
        "year", "peers", "rank", "region", "project_id", "project", "project_key", "target", "actual", "unit", "percent", "qualifier",
        "percent_computed", "as_of", "schedule", "lagging", "doc", "target_from", "figure_id",
    ];

    public static readonly string[] LaggingColumns =
    [
        "gap", "region", "project_id", "project", "year", "target", "actual", "unit", "percent", "qualifier", "percent_computed",
        "as_of", "schedule", "doc", "page", "figure_id", "sentence",
    ];

    public static void Write(string path, SqliteConnection connection, XlsxSheet figures, IssueWindow? window = null)
    {
        var all = AnalysisFigure.Load(connection);
        var inWindow = (window ?? IssueWindow.All).Filter(all);
        var comparison = new Comparison(inWindow, RegionTree.From(all)).All();
        XlsxWriter.Write(path,
        [
            figures,
            new XlsxSheet("lagging", LaggingColumns, LaggingRows(Lagging.Find(all, window: window))),
            new XlsxSheet("flags", FlagColumns, FlagRows(FlagAnalysis.Read(connection))),
            new XlsxSheet("comparison", ComparisonColumns, ComparisonRows(comparison)),
            .. Grids(comparison),
        ]);
    }

    public static IEnumerable<IReadOnlyList<object?>> FlagRows(IEnumerable<StoredFlag> flags) =>
        flags.Select(f => (IReadOnlyList<object?>)
        [
            f.Id, f.Kind, f.Severity, f.Region, f.Doc, f.Message, f.Sources.Select(s => s.FigureId).ToArray(),
            string.Join("\n", f.Sources.Select(s => $"{s.Doc} p.{s.Page}: {s.Sentence}")), string.Join(" ", f.Files),
        ]);

    public static IEnumerable<IReadOnlyList<object?>> ComparisonRows(IEnumerable<ComparisonRow> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Year, r.Peers, r.Rank, r.Region, r.ProjectId, r.Project, r.ProjectKey, r.Target, r.Actual, r.Unit, Round(r.Percent), r.Qualifier,
            r.PercentComputed, r.AsOf, Round(r.Schedule), r.Lagging, r.Doc, r.TargetSource, r.FigureId,
        ]);

    public static IEnumerable<IReadOnlyList<object?>> LaggingRows(IEnumerable<LaggingRow> rows) =>
        rows.Select(l => (IReadOnlyList<object?>)
        [
            Round(l.Gap), l.Standing.Region, l.Standing.ProjectId, l.Standing.Project, l.Standing.Year, l.Standing.Target, l.Standing.Actual,
            l.Standing.Unit, Round(l.Standing.Percent), l.Standing.Qualifier, l.Standing.PercentComputed, l.Standing.AsOf,
            Round(l.Standing.Schedule), l.Standing.Doc, l.Page, l.Standing.FigureId, l.Sentence,
        ]);

    /// <summary>
    /// One sheet per year: a project a row (its id and name), a region a column (larger regions first, then by
    /// name), each cell the region's completion of the project, coloured red → green.
    /// </summary>
    public static IEnumerable<XlsxSheet> Grids(IReadOnlyList<ComparisonRow> comparison) =>
        comparison.Where(r => r.Year is not null && r.Percent is not null).GroupBy(r => r.Year!.Value).OrderByDescending(y => y.Key).Select(year =>
        {
            var regions = year.GroupBy(r => r.Region).OrderBy(g => g.First().Peers is null ? 0 : 1)
                .ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            var rows = year.GroupBy(r => r.ProjectKey).OrderByDescending(p => p.Count()).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(project =>
                {
                    var byRegion = project.GroupBy(r => r.Region).ToDictionary(g => g.Key, g => g.First().Percent);
                    return (IReadOnlyList<object?>)
                    [
                        project.First().ProjectId, project.First().Project,
                        .. regions.Select(region => (object?)(byRegion.TryGetValue(region, out var p) ? Round(p) : null)),
                    ];
                }).ToList();
            return new XlsxSheet($"grid {year.Key}", ["project_id", "project", .. regions], rows, ColourScaleFrom: 2);
        });

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
