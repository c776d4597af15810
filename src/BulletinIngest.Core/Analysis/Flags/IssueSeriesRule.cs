namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// Follows each region's project through one year's issues of one issuer's bulletin: cumulative actual and
/// percent may only grow, and the year's target should stay put. (A city's bulletin and a county's own are
/// separate series.) Documents of one issuer and date (renderings of one issue: PDF, DOCX, TXT) count as one
/// issue, and a value they disagree on is left out. Narrative (optional) figures and bounds are not
/// cumulative statements and are left out.
/// </summary>
public sealed class IssueSeriesRule : IFlagRule
{
    /// <summary>A value as an issue states it, with the rounding of its written form.</summary>
    private sealed record Stated(double Value, double Slack, string? Unit);

    /// <summary>One issue's figures for a region's project, and the values its documents agree on.</summary>
    private sealed record IssueValues(string Date, IReadOnlyList<AnalysisFigure> Figures, string Doc,
        Stated? Actual, Stated? Percent, Stated? Target);

    public IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures)
    {
        var series = figures
            .Where(f => !f.IsPlan && f.IsExact && !f.Optional && f.Year is not null && f.RegionKey.Length > 0)
            .GroupBy(f => (Issuer: Names.RegionKey(f.IssuingRegion), f.RegionKey, f.ProjectKey, f.Year));
        foreach (var group in series)
        {
            var issues = group.GroupBy(f => f.IssueDate!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Summarize(g.Key, g.ToList())).ToList();
            if (issues.Count < 2) continue;
            foreach (var flag in Compare(issues)) yield return flag;
        }
    }

    private static IEnumerable<Flag> Compare(List<IssueValues> issues)
    {
        IssueValues? lastActual = null, lastPercent = null, lastTarget = null;
        foreach (var issue in issues)
        {
            var falls = new List<string>();
            var earlier = new List<IssueValues>();
            if (Fell(lastActual?.Actual, issue.Actual))
            {
                falls.Add($"actual {Text.Number(lastActual!.Actual!.Value)} → {Text.Number(issue.Actual!.Value)}");
                earlier.Add(lastActual);
            }
            if (Fell(lastPercent?.Percent, issue.Percent))
            {
                falls.Add($"percent {Text.Number(lastPercent!.Percent!.Value)}% → {Text.Number(issue.Percent!.Value)}%");
                earlier.Add(lastPercent);
            }
            var first = issue.Figures[0];
            if (falls.Count > 0)
                yield return new Flag(FlagKinds.WentBackwards, Severity.Error,
                    $"{first.Region} {first.DisplayName} went backwards: {string.Join(", ", falls)} " +
                    $"({earlier[0].Doc} {earlier[0].Date} → {issue.Doc} {issue.Date})",
                    first.DocumentId, first.Region, first.CanonicalProjectId, FigureIds(earlier.Append(issue)));
            if (Changed(lastTarget?.Target, issue.Target))
                yield return new Flag(FlagKinds.TargetChanged, Severity.Warning,
                    $"{first.Region} {first.DisplayName}: target {Text.Number(lastTarget!.Target!.Value)} → " +
                    $"{Text.Number(issue.Target!.Value)} ({lastTarget.Doc} {lastTarget.Date} → {issue.Doc} {issue.Date})",
                    first.DocumentId, first.Region, first.CanonicalProjectId, FigureIds([lastTarget, issue]));
            if (issue.Actual is not null) lastActual = issue;
            if (issue.Percent is not null) lastPercent = issue;
            if (issue.Target is not null) lastTarget = issue;
        }
    }

    private static bool Comparable(Stated? before, Stated? after) =>
        before is not null && after is not null &&
        (before.Unit is null || after.Unit is null || before.Unit == after.Unit);

    private static bool Fell(Stated? before, Stated? after) =>
        Comparable(before, after) && after!.Value < before!.Value - before.Slack - after.Slack - 1e-9;

    private static bool Changed(Stated? before, Stated? after) =>
        Comparable(before, after) &&
        Math.Abs(after!.Value - before!.Value) > 1e-6 * Math.Max(Math.Abs(after.Value), Math.Abs(before.Value));

    /// <summary>
    /// The values one issue states for the series. An issue stating several differently named figures of one
    /// catalogued project (its indicators) does not say which one continues the series: it states none.
    /// </summary>
    private static IssueValues Summarize(string date, List<AnalysisFigure> figures)
    {
        string docs = string.Join(", ", figures.Select(f => f.Doc).Distinct());
        if (figures.Select(f => f.NameKey).Distinct().Count() > 1) return new IssueValues(date, figures, docs, null, null, null);
        return new IssueValues(date, figures, docs,
            Agreed(figures, f => f.Actual, isPercent: false),
            Agreed(figures, f => f.Percent, isPercent: true),
            Agreed(figures, f => f.Target, isPercent: false));
    }

    /// <summary>The value every figure of the issue that states it agrees on, with its rounding slack; null otherwise.</summary>
    private static Stated? Agreed(List<AnalysisFigure> figures, Func<AnalysisFigure, double?> field, bool isPercent)
    {
        var stated = figures.Where(f => field(f) is not null).ToList();
        if (stated.Count == 0) return null;
        double value = field(stated[0])!.Value;
        if (stated.Any(f => Math.Abs(field(f)!.Value - value) > 1e-6 * Math.Max(1, Math.Abs(value)))) return null;
        var units = stated.Select(f => f.Unit).Where(u => u is not null).Distinct().ToList();
        if (units.Count > 1) return null;
        double slack = stated.Max(f => StatedPrecision.HalfUnit(value, f.Sentence, isPercent));
        return new Stated(value, slack, units.FirstOrDefault());
    }

    private static long[] FigureIds(IEnumerable<IssueValues> issues) =>
        issues.SelectMany(i => i.Figures).Select(f => f.Id).Distinct().ToArray();
}
