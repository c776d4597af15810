namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// A document that gives both a total for its own region (a city) and the same project's figures for the
/// regions below it (its counties): their actuals and targets should add up. Sub-regions adding up to more
/// than the total is always wrong; adding up to less is flagged only when the document gives the project for
/// every sub-region it names anywhere, since a bulletin often names just the leading or lagging ones.
/// </summary>
public sealed class TotalRule : IFlagRule
{
    private static readonly (string Name, Func<AnalysisFigure, double?> Value)[] Fields =
        [("actual", f => f.Actual), ("target", f => f.Target)];

    public IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures)
    {
        foreach (var document in figures.Where(f => f.IsExact && !string.IsNullOrEmpty(f.IssuingRegion)).GroupBy(f => f.DocumentId))
        {
            string ownKey = Names.RegionKey(document.First().IssuingRegion);
            var totals = document.Where(f => f.RegionKey == ownKey).ToList();
            var parts = document.Where(f => f.RegionKey != ownKey && f.RegionKey.Length > 0 && !f.Optional).ToList();
            int rosterSize = parts.Select(f => f.RegionKey).Distinct().Count();
            if (totals.Count == 0 || rosterSize < 2) continue;

            // Only a project a region states once is summed: two figures of one project and region are either
            // two indicators of a catalogued project or a restatement (the duplicate rule's business).
            var partsByProject = parts.ToLookup(f => f.ProjectKey);
            foreach (var total in totals.GroupBy(f => f.ProjectKey).Where(g => g.Count() == 1).Select(g => g.Single()))
            {
                var regionParts = partsByProject[total.ProjectKey].GroupBy(f => f.RegionKey).Where(g => g.Count() == 1)
                    .Select(g => g.Single()).ToList();
                if (regionParts.Count < 2) continue;
                foreach (var (name, value) in Fields)
                    if (Check(total, regionParts, rosterSize, name, value) is { } flag) yield return flag;
            }
        }
    }

    private static Flag? Check(AnalysisFigure total, List<AnalysisFigure> parts, int rosterSize, string name, Func<AnalysisFigure, double?> value)
    {
        if (value(total) is not { } totalValue) return null;
        var stated = parts.Where(f => value(f) is not null && (f.Unit is null || total.Unit is null || f.Unit == total.Unit)).ToList();
        if (stated.Count < 2) return null;
        double sum = stated.Sum(f => value(f)!.Value);
        double slack = StatedPrecision.HalfUnit(totalValue, total.Sentence) +
                       stated.Sum(f => StatedPrecision.HalfUnit(value(f)!.Value, f.Sentence)) + 1e-6 * Math.Max(sum, totalValue);
        bool over = sum > totalValue + slack;
        bool under = sum < totalValue - slack && stated.Count == rosterSize;
        if (!over && !under) return null;
        return new Flag(FlagKinds.TotalMismatch, over ? Severity.Error : Severity.Warning,
            $"{total.Region} {total.DisplayName}: {name} total {Text.Number(totalValue)} but its {stated.Count} sub-regions " +
            $"({string.Join("、", stated.Select(f => f.Region))}) add up to {Text.Number(sum)} in {total.Doc}",
            total.DocumentId, total.Region, total.CanonicalProjectId, stated.Select(f => f.Id).Prepend(total.Id).ToArray());
    }
}
