namespace BulletinIngest.Analysis;

/// <summary>A region's figure in one issue, with how it moved since the previous issue of the year that stated it.</summary>
public sealed record TimelineRow(
    string? AsOf, int? Issue, string Doc, string? Kind, string Region, string Project, double? Target, double? Actual, string? Unit,
    double? Percent, string? Qualifier, string? Change, long FigureId);

/// <summary>`bulletin timeline`: one region's figures (its counties' included) across issues, oldest first.</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineRow> For(IReadOnlyList<AnalysisFigure> figures, string region, string? project = null,
        IssueWindow? window = null)
    {
        var regions = RegionTree.From(figures);
        var previous = new Dictionary<(string, string), AnalysisFigure>();
        var rows = new List<TimelineRow>();
        var selected = (window ?? IssueWindow.All).Filter(figures, keepPlans: false)
            .Where(f => regions.Covers(region, f.Region))
            .Where(f => project is null || string.Equals(f.CanonicalProjectId, project, StringComparison.OrdinalIgnoreCase) ||
                        Comparison.NameMatch(project, f) >= Comparison.MinimumNameMatch)
            .OrderBy(f => f.IssueDate, StringComparer.Ordinal).ThenBy(f => f.Issue).ThenBy(f => f.DocumentId).ThenBy(f => f.StartOffset);
        foreach (var figure in selected)
        {
            string? change = null;
            // Cumulative figures start again each year: a change is only within one year.
            if (previous.TryGetValue((figure.RegionKey, figure.ProjectKey), out var before) && before.DocumentId != figure.DocumentId && before.Year == figure.Year)
                change = Change(before, figure);
            if (!figure.IsPlan) previous[(figure.RegionKey, figure.ProjectKey)] = figure;
            rows.Add(new TimelineRow(figure.IssueDate, figure.Issue, figure.Doc, figure.DocKind, figure.Region, figure.DisplayName, figure.Target,
                figure.Actual, figure.Unit, figure.Percent, figure.Qualifier, change, figure.Id));
        }
        return rows;
    }

    private static string? Change(AnalysisFigure before, AnalysisFigure after)
    {
        var parts = new List<string>();
        if (before.Actual is { } a0 && after.Actual is { } a1 && before.Unit == after.Unit)
            parts.Add($"actual {Signed(a1 - a0)}");
        if (before.Percent is { } p0 && after.Percent is { } p1)
            parts.Add($"percent {Signed(p1 - p0)} pts");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string Signed(double value) =>
        (value >= 0 ? "+" : "") + Math.Round(value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
