namespace BulletinIngest.Analysis;

/// <summary>A project behind its time-proportional schedule in one region: its standing, how far behind, and the sentence it was read from.</summary>
public sealed record LaggingRow(ComparisonRow Standing, double Gap, int Page, string Sentence);

/// <summary>
/// `bulletin lagging`: every region's latest standing on every project (as <see cref="Comparison.All"/> lines
/// them up) that is behind the schedule of its date, worst first. A bound that cannot settle it (超过20% on a 33%
/// schedule) is not listed.
/// </summary>
public static class Lagging
{
    public static IReadOnlyList<LaggingRow> Find(IReadOnlyList<AnalysisFigure> figures, string? region = null, int? year = null,
        IssueWindow? window = null)
    {
        var inWindow = (window ?? IssueWindow.All).Filter(figures);
        var comparison = new Comparison(inWindow, RegionTree.From(figures));
        var byId = inWindow.ToDictionary(f => f.Id);
        return comparison.All(year)
            .Where(r => r.Lagging == true && r.Gap is not null && comparison.Regions.Covers(region, r.Region))
            .Select(r => new LaggingRow(r, r.Gap!.Value, byId[r.FigureId].Page, byId[r.FigureId].Sentence))
            .OrderByDescending(r => r.Gap).ThenBy(r => r.Standing.Region, StringComparer.Ordinal).ThenBy(r => r.Standing.Project, StringComparer.Ordinal)
            .ToList();
    }
}
