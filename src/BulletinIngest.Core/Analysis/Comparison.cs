using System.Globalization;

namespace BulletinIngest.Analysis;

/// <summary>
/// One region's latest standing on a project: target (the bulletin's, else the year's plan's), actual, percent
/// (the stated one, else actual / target), as of the bulletin's date, against the time-proportional schedule.
/// </summary>
public sealed record ComparisonRow(
    int Rank, string Project, string ProjectKey, string? ProjectId, string Region, string? Peers, int? Year, double? Target,
    string? TargetSource, double? Actual, string? Unit, double? Percent, string? Qualifier, bool PercentComputed, string? AsOf,
    double? Schedule, bool? Lagging, string Doc, long FigureId)
{
    /// <summary>Points behind the schedule (positive when behind), when both are known.</summary>
    public double? Gap => Schedule is { } s && Percent is { } p ? s - p : null;
}

/// <summary>A project name that matches several projects: the analyst picks one of <see cref="Candidates"/>.</summary>
public sealed class AmbiguousProjectException(string query, IReadOnlyList<string> candidates)
    : ArgumentException($"“{query}” matches {candidates.Count} projects; give one of their ids:\n  " + string.Join("\n  ", candidates))
{
    public IReadOnlyList<string> Candidates { get; } = candidates;
}

/// <summary>
/// Lines regions up on a project: `bulletin compare`, `bulletin lagging`, the comparison sheet and the report's
/// heat map. Regions are ranked among their peers only (the counties of one city, the cities of one province:
/// <see cref="RegionTree"/>), never a city's total among its own counties.
/// </summary>
public sealed class Comparison
{
    private readonly IReadOnlyList<AnalysisFigure> _progress;
    private readonly ILookup<(string, string, int?), AnalysisFigure> _plans;

    public Comparison(IReadOnlyList<AnalysisFigure> figures, RegionTree? regions = null)
    {
        _progress = figures.Where(f => !f.IsPlan && (f.Completion is not null || f.Actual is not null)).ToList();
        _plans = figures.Where(f => f.IsPlan && f.Target is not null).ToLookup(f => (f.RegionKey, f.ProjectKey, f.Year));
        Regions = regions ?? RegionTree.From(figures);
    }

    public RegionTree Regions { get; }

    /// <summary>
    /// One row per region (and year) for one project: each region's latest issue of the year, ranked among its
    /// peers by completion, latest year first. The project is a canonical id or a project key (`name:…`), exact,
    /// or text matched against project and indicator names (contained, else alike by bigrams). Text that
    /// matches figures of several catalogued projects is refused with their ids
    /// (<see cref="AmbiguousProjectException"/>) unless the figures that contain it belong to one of them.
    /// </summary>
    public IReadOnlyList<ComparisonRow> ForProject(string project, int? year = null)
    {
        var selected = Selected(project);
        return _progress
            .Where(f => selected(f) && (year is null || f.Year == year))
            .GroupBy(f => f.Year)
            .OrderByDescending(g => g.Key)
            .SelectMany(inYear => Ranked(inYear.GroupBy(f => f.RegionKey).Select(Latest)))
            .ToList();
    }

    /// <summary>
    /// The figures a query names. Without a catalogued project among the matches, the text match is all there
    /// is (differently worded names of one project line up); with one, every figure of that project is in.
    /// </summary>
    private Func<AnalysisFigure, bool> Selected(string project)
    {
        string query = project.Trim();
        if (_progress.FirstOrDefault(f => string.Equals(f.CanonicalProjectId, query, StringComparison.OrdinalIgnoreCase)) is { } byId)
            return f => f.ProjectKey == byId.ProjectKey;
        if (_progress.Any(f => f.ProjectKey == query)) return f => f.ProjectKey == query;
        var matches = _progress.Select(f => (Figure: f, Score: NameMatch(query, f))).Where(m => m.Score >= MinimumNameMatch).ToList();
        var chosen = matches;
        if (Catalogued(chosen).Count > 1) chosen = matches.Where(m => m.Score >= 1).ToList();
        var ids = Catalogued(chosen.Count > 0 ? chosen : matches);
        if (ids.Count > 1)
            throw new AmbiguousProjectException(project, ids.Select(g =>
                $"{g.Key}  {g.First().DisplayName} ({Plural(g.Select(f => f.RegionKey).Distinct().Count(), "region")})").ToList());
        var figures = chosen.Select(m => m.Figure.Id).ToHashSet();
        string? id = ids.SingleOrDefault()?.Key;
        return f => figures.Contains(f.Id) || id is not null && f.CanonicalProjectId == id;
    }

    /// <summary>The catalogued projects among matches, most regions first.</summary>
    private static List<IGrouping<string, AnalysisFigure>> Catalogued(IEnumerable<(AnalysisFigure Figure, double Score)> matches) =>
        matches.Select(m => m.Figure).Where(f => f.CanonicalProjectId is not null).GroupBy(f => f.CanonicalProjectId!)
            .OrderByDescending(g => g.Select(f => f.RegionKey).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    /// <summary>Every project × region (× year): each region's latest figure of the year, ranked within the project.</summary>
    public IReadOnlyList<ComparisonRow> All(int? year = null) =>
        _progress.Where(f => year is null || f.Year == year)
            .GroupBy(f => (f.ProjectKey, f.Year))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.ProjectKey, StringComparer.Ordinal)
            .SelectMany(project => Ranked(project.GroupBy(f => f.RegionKey).Select(Latest)))
            .ToList();

    /// <summary>A region's standing: its latest issue, and in it the exact listed figure before a bound or a narrative mention.</summary>
    private static AnalysisFigure Latest(IEnumerable<AnalysisFigure> region) =>
        region.OrderByDescending(f => f.IssueDate, StringComparer.Ordinal).ThenBy(Preference).First();

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

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
    public static int Preference(AnalysisFigure f) => (f.IsExact ? 0 : 2) + (f.Optional ? 1 : 0);

    /// <summary>Ranks by completion within each group of peers (regions with the same parent); larger regions' groups first.</summary>
    private IReadOnlyList<ComparisonRow> Ranked(IEnumerable<AnalysisFigure> latest) =>
        latest.Select(Row).GroupBy(r => r.Peers ?? "")
            .OrderBy(g => Depth(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(peers => peers.OrderByDescending(r => r.Percent ?? double.NegativeInfinity).ThenBy(r => r.Region, StringComparer.Ordinal)
                .Select((row, i) => row with { Rank = i + 1 }))
            .ToList();

    private int Depth(string region)
    {
        int depth = 0;
        for (string? place = region.Length == 0 ? null : region; place is not null && depth < 8; place = Regions.Parent(place)) depth++;
        return depth;
    }

    private ComparisonRow Row(AnalysisFigure f)
    {
        double? target = f.Target;
        string? targetSource = target is null ? null : "bulletin";
        if (target is null && _plans[(f.RegionKey, f.ProjectKey, f.Year)].FirstOrDefault(p => p.Unit is null || f.Unit is null || p.Unit == f.Unit) is { } plan)
            (target, targetSource) = (plan.Target, "plan " + plan.Doc);
        bool computed = f.Percent is null;
        double? percent = f.Percent ?? (f.Actual is { } a && target is > 0 ? a / target.Value * 100 : null);
        double? schedule = Schedule(f.IssueDate);
        return new ComparisonRow(0, f.DisplayName, f.ProjectKey, f.CanonicalProjectId, f.Region, Regions.Parent(f.Region), f.Year,
            target, targetSource, f.Actual, f.Unit, percent, f.Qualifier, computed, f.IssueDate, schedule,
            Lagging(percent, f.Qualifier, schedule), f.Doc, f.Id);
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
