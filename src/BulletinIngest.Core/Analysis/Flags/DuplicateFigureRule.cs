namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// The same figure (document, region, list, project) stated more than once with different target, actual or
/// percent. Values that differ only within the rounding of their written form ("1.3万" and "12986") agree.
/// </summary>
public sealed class DuplicateFigureRule : IFlagRule
{
    private static readonly (string Name, Func<AnalysisFigure, double?> Value, bool IsPercent)[] Fields =
    [
        ("target", f => f.Target, false), ("actual", f => f.Actual, false), ("percent", f => f.Percent, true),
    ];

    public IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures)
    {
        var groups = figures.Where(f => f.IsExact)
            .GroupBy(f => (f.DocumentId, f.RegionKey, f.Tier, f.ProjectKey))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var statements = group.ToList();
            var conflicts = new List<string>();
            var involved = new HashSet<long>();
            foreach (var (name, value, isPercent) in Fields)
            {
                var stated = statements.Where(f => value(f) is not null).ToList();
                var units = stated.Select(f => f.Unit).Where(u => u is not null).Distinct().Count();
                if (units > 1 || !Differ(stated, value, isPercent)) continue;
                conflicts.Add($"{name} {string.Join(" vs ", stated.Select(f => Text.Number(value(f))).Distinct())}");
                involved.UnionWith(stated.Select(f => f.Id));
            }
            if (conflicts.Count == 0) continue;
            var first = statements[0];
            yield return new Flag(FlagKinds.DuplicateConflict, Severity.Warning,
                $"{first.Region} {first.DisplayName} stated {statements.Count} times in {first.Doc} with different values: " +
                string.Join("; ", conflicts),
                first.DocumentId, first.Region, first.CanonicalProjectId, involved.Order().ToArray());
        }
    }

    private static bool Differ(List<AnalysisFigure> stated, Func<AnalysisFigure, double?> value, bool isPercent)
    {
        for (int i = 0; i < stated.Count; i++)
        for (int j = i + 1; j < stated.Count; j++)
        {
            double a = value(stated[i])!.Value, b = value(stated[j])!.Value;
            double slack = StatedPrecision.HalfUnit(a, stated[i].Sentence, isPercent) + StatedPrecision.HalfUnit(b, stated[j].Sentence, isPercent);
            if (Math.Abs(a - b) > slack + 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b))) return true;
        }
        return false;
    }
}
