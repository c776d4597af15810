using System.Text.RegularExpressions;

namespace BulletinIngest.Analysis;

/// <summary>One side of a diff: the issue it resolved to (its renderings are one issue) and its figures.</summary>
public sealed record DiffSide(string Spec, string? IssuingRegion, string? IssueDate, int? Issue, IReadOnlyList<string> Docs,
    IReadOnlyList<AnalysisFigure> Figures)
{
    public string Describe() =>
        $"{IssuingRegion ?? "region unknown"} {IssueDate ?? "undated"}{(Issue is null ? "" : $" issue {Issue}")} " +
        $"({Docs[0]}{(Docs.Count > 1 ? $" and {Docs.Count - 1} other file{(Docs.Count > 2 ? "s" : "")}" : "")})";
}

/// <summary>How a project's figure changed between two issues: moved, same, new (only in B) or vanished (only in A).</summary>
public sealed record DiffRow(string Change, string Region, string Project, string? ProjectId, string? Unit,
    AnalysisFigure? Before, AnalysisFigure? After)
{
    public double? ActualChange => Before?.Actual is { } a && After?.Actual is { } b ? b - a : null;
    public double? PercentChange => Before?.Completion is { } a && After?.Completion is { } b ? b - a : null;
    public double? TargetChange => Before?.Target is { } a && After?.Target is { } b ? b - a : null;
}

/// <summary>
/// `bulletin diff A B`: two issues of one region side by side. A side is a document name, an issue number or an
/// issue date; it must resolve to one issue (one issuing region and date; several files of it are renderings),
/// with --region one the region issued (its counties' included), else one that reports on the region.
/// Figures are paired by region and project name, then by canonical project where a name changed.
/// </summary>
public static partial class IssueDiff
{
    public const string Moved = "moved", Same = "same", New = "new", Vanished = "vanished";

    public static DiffSide Side(IReadOnlyList<AnalysisFigure> figures, string spec, string? region, RegionTree regions)
    {
        string s = spec.Trim();
        Func<AnalysisFigure, bool> matches =
            IsoDate().IsMatch(s) ? f => f.IssueDate == s
            : int.TryParse(s, out int number) ? f => f.Issue == number
            : f => string.Equals(f.Doc, s, StringComparison.OrdinalIgnoreCase);
        // The region's own issues; else, for a place only others' bulletins report on, its figures in them.
        var chosen = figures.Where(f => matches(f) && regions.Covers(region, f.IssuingRegion)).ToList();
        if (chosen.Count == 0) chosen = figures.Where(f => matches(f) && regions.Covers(region, f.Region)).ToList();
        var issues = chosen.GroupBy(f => (f.IssuingRegion, f.IssueDate, f.Issue)).ToList();
        if (issues.Count == 0)
            throw new ArgumentException($"“{spec}” is no stored issue{(region is null ? "" : $" of {region}")}: give a document name, an issue number or a date (yyyy-MM-dd)");
        if (issues.Count > 1)
            throw new ArgumentException($"“{spec}” matches {issues.Count} issues; give a document name{(region is null ? " or --region" : "")}:\n  " +
                string.Join("\n  ", issues.Select(i => $"{i.Key.IssuingRegion ?? "region unknown"} {i.Key.IssueDate} issue {i.Key.Issue?.ToString() ?? "-"}: " +
                                                     string.Join(", ", i.Select(f => f.Doc).Distinct()))));
        var issue = issues[0];
        return new DiffSide(spec, issue.Key.IssuingRegion, issue.Key.IssueDate, issue.Key.Issue,
            issue.Select(f => f.Doc).Distinct().Order(StringComparer.Ordinal).ToList(), issue.ToList());
    }

    /// <summary>Every project of either side, paired: moved ones first (largest percent change first), then new, vanished, same.</summary>
    public static IReadOnlyList<DiffRow> Compare(DiffSide a, DiffSide b)
    {
        if (Names.RegionKey(a.IssuingRegion) != Names.RegionKey(b.IssuingRegion))
            throw new ArgumentException($"diff compares two issues of one region: A is {a.Describe()}, B is {b.Describe()}");
        var before = OnePerName(a.Figures);
        var after = OnePerName(b.Figures);
        var pairs = new List<(AnalysisFigure? A, AnalysisFigure? B)>();
        foreach (var (key, figure) in before)
            if (after.Remove(key, out var other)) pairs.Add((figure, other));
        var unpairedA = before.Where(p => pairs.All(x => x.A != p.Value)).Select(p => p.Value).ToList();
        var unpairedB = after.Values.ToList();
        // A renamed project still pairs when its canonical project is one figure on each side.
        foreach (var group in unpairedA.Where(f => f.CanonicalProjectId is not null).GroupBy(f => (f.RegionKey, f.ProjectKey)).Where(g => g.Count() == 1).ToList())
        {
            var match = unpairedB.Where(f => (f.RegionKey, f.ProjectKey) == group.Key).ToList();
            if (match.Count != 1) continue;
            pairs.Add((group.First(), match[0]));
            unpairedA.Remove(group.First());
            unpairedB.Remove(match[0]);
        }
        pairs.AddRange(unpairedA.Select(f => ((AnalysisFigure?)f, (AnalysisFigure?)null)));
        pairs.AddRange(unpairedB.Select(f => ((AnalysisFigure?)null, (AnalysisFigure?)f)));
        return pairs.Select(p => Row(p.A, p.B))
            .OrderBy(r => Array.IndexOf([Moved, New, Vanished, Same], r.Change))
            .ThenByDescending(r => Math.Abs(r.PercentChange ?? 0)).ThenByDescending(r => Math.Abs(r.ActualChange ?? 0))
            .ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Project, StringComparer.Ordinal)
            .ToList();
    }

    private static DiffRow Row(AnalysisFigure? a, AnalysisFigure? b)
    {
        var figure = (b ?? a)!;
        string change = a is null ? New : b is null ? Vanished
            : a.Target == b.Target && a.Actual == b.Actual && a.Completion == b.Completion && a.Qualifier == b.Qualifier ? Same : Moved;
        return new DiffRow(change, figure.Region, figure.DisplayName, figure.CanonicalProjectId, figure.Unit, a, b);
    }

    /// <summary>One figure per region and name: the renderings of an issue repeat each figure, and a listed exact figure beats a narrative one.</summary>
    private static Dictionary<(string, string), AnalysisFigure> OnePerName(IEnumerable<AnalysisFigure> figures) =>
        figures.Where(f => f.Target is not null || f.Actual is not null || f.Percent is not null)
            .GroupBy(f => (f.RegionKey, f.NameKey))
            .ToDictionary(g => g.Key, g => g.OrderBy(Comparison.Preference).ThenBy(f => f.DocumentId).ThenBy(f => f.StartOffset).First());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
