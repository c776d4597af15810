namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// The same figure (document, region, list, project and indicator by name) stated more than once with different target, actual or
/// percent. Values that differ only within the rounding of their written form ("1.3万" and "12986") agree.
/// Figures read from one and the same sentence are an enumeration ("1个美丽屋场、8个村"), not a restatement.
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
            .GroupBy(f => (f.DocumentId, f.RegionKey, f.Tier, f.NameKey))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var statements = group.ToList();
            var conflicts = new List<string>();
            var involved = new HashSet<long>();
            foreach (var (name, value, isPercent) in Fields)
            {
                var stated = statements.Where(f => value(f) is not null).ToList();
                if (stated.Select(f => f.Unit).Where(u => u is not null).Distinct().Count() > 1) continue;
                var differing = Differing(stated, value, isPercent);
                if (differing.Count == 0) continue;
                conflicts.Add($"{name} {string.Join(" vs ", differing.Select(f => Text.Number(value(f))).Distinct())}");
                involved.UnionWith(differing.Select(f => f.Id));
            }
            if (conflicts.Count == 0) continue;
            var first = statements[0];
            yield return new Flag(FlagKinds.DuplicateConflict, Severity.Warning,
                $"{first.Region} {first.DisplayName} stated {statements.Count} times in {first.Doc} with different values: " +
                string.Join("; ", conflicts),
                first.DocumentId, first.Region, first.CanonicalProjectId, involved.Order().ToArray());
        }
    }

    /// <summary>The statements, from different sentences, that disagree with another beyond rounding.</summary>
    private static List<AnalysisFigure> Differing(List<AnalysisFigure> stated, Func<AnalysisFigure, double?> value, bool isPercent)
    {
        var differing = new List<AnalysisFigure>();
        for (int i = 0; i < stated.Count; i++)
        for (int j = i + 1; j < stated.Count; j++)
        {
            if (stated[i].Sentence == stated[j].Sentence) continue;
            double a = value(stated[i])!.Value, b = value(stated[j])!.Value;
            double slack = StatedPrecision.HalfUnit(a, stated[i].Sentence, isPercent) + StatedPrecision.HalfUnit(b, stated[j].Sentence, isPercent);
            if (Math.Abs(a - b) <= slack + 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b))) continue;
            if (!differing.Contains(stated[i])) differing.Add(stated[i]);
            if (!differing.Contains(stated[j])) differing.Add(stated[j]);
        }
        return differing;
    }
}
