using System.Globalization;

namespace BulletinIngest.Analysis;

/// <summary>
/// One region's latest standing on a project: target (the bulletin's, else the year's plan's), actual, percent
/// (the stated one, else actual / target), as of the bulletin's date, against the time-proportional schedule.
/// </summary>
public sealed record ComparisonRow(
    int Rank, string Project, string ProjectKey, string Region, int? Year, double? Target, string? TargetSource,
    double? Actual, string? Unit, double? Percent, string? Qualifier, bool PercentComputed, string? AsOf,
    double? Schedule, bool? Lagging, string Doc, long FigureId);

/// <summary>Lines regions up on a project: `bulletin compare`, the comparison sheet and the report's heat map.</summary>
public sealed class Comparison
{
    private readonly IReadOnlyList<AnalysisFigure> _progress;
    private readonly ILookup<(string, string, int?), AnalysisFigure> _plans;

    public Comparison(IReadOnlyList<AnalysisFigure> figures)
    {
        _progress = figures.Where(f => !f.IsPlan && (f.Completion is not null || f.Actual is not null)).ToList();
        _plans = figures.Where(f => f.IsPlan && f.Target is not null).ToLookup(f => (f.RegionKey, f.ProjectKey, f.Year));
    }

    /// <summary>
    /// One row per region (and year) for the project named by a canonical id, or by text matched against project
    /// and indicator names (contained, or alike by bigrams): each region's latest issue of the year, ranked by
    /// completion within the year, latest year first.
    /// </summary>
    public IReadOnlyList<ComparisonRow> ForProject(string project, int? year = null)
    {
        var byId = _progress.Where(f => string.Equals(f.CanonicalProjectId, project.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = byId.Count > 0
            ? byId.Select(f => (Figure: f, Score: 1.0))
            : _progress.Select(f => (Figure: f, Score: NameMatch(project, f))).Where(m => m.Score >= MinimumNameMatch);
        return matches
            .Where(m => year is null || m.Figure.Year == year)
            .GroupBy(m => m.Figure.Year)
            .OrderByDescending(g => g.Key)
            .SelectMany(inYear => Ranked(inYear.GroupBy(m => m.Figure.RegionKey)
                .Select(g => g.OrderByDescending(m => m.Figure.IssueDate, StringComparer.Ordinal).ThenByDescending(m => m.Score)
                    .ThenBy(m => Preference(m.Figure)).First().Figure)))
            .ToList();
    }

    /// <summary>Every project × region (× year): each region's latest figure of the year, ranked within the project.</summary>
    public IReadOnlyList<ComparisonRow> All(int? year = null) =>
        _progress.Where(f => year is null || f.Year == year)
            .GroupBy(f => (f.ProjectKey, f.Year))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.ProjectKey, StringComparer.Ordinal)
            .SelectMany(project => Ranked(project.GroupBy(f => f.RegionKey)
                .Select(region => region.OrderByDescending(f => f.IssueDate, StringComparer.Ordinal).ThenBy(Preference).First())))
            .ToList();

    public const double MinimumNameMatch = 0.6;

    /// <summary>
    /// 1 when the query is contained in the project or indicator name, else the share of the query's character
    /// bigrams found in the name (numbers left out): "城镇新增就业" finds "完成新增城镇就业6000人".
    /// </summary>
    public static double NameMatch(string query, AnalysisFigure figure)
    {
        string q = Names.NormalizeProject(query);
        if (q.Length == 0) return 0;
        if (Names.NormalizeProject(figure.Project).Contains(q) || Names.NormalizeProject(figure.Indicator).Contains(q)) return 1;
        return Math.Max(Names.Coverage(query, figure.Project), Names.Coverage(query, figure.Indicator));
    }

    /// <summary>Within one document, an exact listed figure beats a bound or a narrative mention.</summary>
    private static int Preference(AnalysisFigure f) => (f.IsExact ? 0 : 2) + (f.Optional ? 1 : 0);

    private IReadOnlyList<ComparisonRow> Ranked(IEnumerable<AnalysisFigure> latest) =>
        latest.Select(Row).OrderByDescending(r => r.Percent ?? double.NegativeInfinity).ThenBy(r => r.Region, StringComparer.Ordinal)
            .Select((row, i) => row with { Rank = i + 1 }).ToList();

    private ComparisonRow Row(AnalysisFigure f)
    {
        double? target = f.Target;
        string? targetSource = target is null ? null : "bulletin";
        if (target is null && _plans[(f.RegionKey, f.ProjectKey, f.Year)].FirstOrDefault(p => p.Unit is null || f.Unit is null || p.Unit == f.Unit) is { } plan)
            (target, targetSource) = (plan.Target, "plan " + plan.Doc);
        bool computed = f.Percent is null;
        double? percent = f.Percent ?? (f.Actual is { } a && target is > 0 ? a / target.Value * 100 : null);
        double? schedule = Schedule(f.IssueDate);
        return new ComparisonRow(0, f.DisplayName, f.ProjectKey, f.Region, f.Year, target, targetSource, f.Actual, f.Unit,
            percent, f.Qualifier, computed, f.IssueDate, schedule, Lagging(percent, f.Qualifier, schedule), f.Doc, f.Id);
    }

    /// <summary>The time-proportional schedule on a date: its day of the year over the days in the year, in percent.</summary>
    public static double? Schedule(string? date) =>
        DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.DayOfYear * 100.0 / (DateTime.IsLeapYear(day.Year) ? 366 : 365)
            : null;

    /// <summary>Behind schedule; for a bound ("超过70%") only when the bound settles it, else unknown.</summary>
    public static bool? Lagging(double? percent, string? qualifier, double? schedule)
    {
        if (percent is not { } p || schedule is not { } s) return null;
        return qualifier switch
        {
            null => p < s,
            ">" or ">=" => p >= s ? false : null,
            _ => p < s ? true : null,
        };
    }
}
