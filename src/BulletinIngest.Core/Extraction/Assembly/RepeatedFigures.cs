using BulletinIngest.Extraction.Evaluation;
using BulletinIngest.Extraction.Numbers;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// One figure read twice counts once. Bulletins restate a figure (the lead paragraph and the item, the prose and
/// the table, a title and its body: 今年将完成115个早期棚改小区… / 115个小区的维修改造全部开工), and a later reading
/// often holds more of it (…115个小区，34个已完工). A figure is dropped when another of the same region and unit
/// has each of its numbers in the same field (and, equally complete, is named more narrowly or stands earlier), with a name alike by the
/// scorer's measure (bigram Dice ≥ 0.3). A figure stating only a percentage stays: many items share 100%. Two rows
/// of a table are two things even with equal numbers (two standards of 75元/月), and so are two mentions of one sentence.
/// </summary>
public static class RepeatedFigures
{
    private const double AlikeNames = 0.3;

    /// <param name="tableRowStarts">where the table rows that figures were read from start (Figure.Start)</param>
    /// <param name="rejected">gets each dropped figure with the reading that holds it (`bulletin text --explain`)</param>
    public static List<Figure> Drop(IReadOnlyList<Figure> figures, IReadOnlySet<int> tableRowStarts, List<string>? rejected = null)
    {
        var kept = new List<Figure>();
        for (int i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            var holder = figure.Target is null && figure.Actual is null ? null
                : figures.Where((other, j) => j != i && Holds(other, figure) && (Count(other) > Count(figure) || Count(other) == Count(figure) && Kept(other, j, figure, i)))
                    .FirstOrDefault(other => Alike(other, figure, tableRowStarts));
            if (holder is null) kept.Add(figure);
            else rejected?.Add($"figure {NameOf(figure)} t={figure.Target} a={figure.Actual} p={figure.Percent} ← read twice: {NameOf(holder)} at {holder.Start} holds its numbers");
        }
        return kept;
    }

    /// <summary>Of two equal readings the one named more narrowly stays (the item's own 开展职业技能培训, not the summary's
    /// 推动创业带动就业开展职业技能培训), then the earlier.</summary>
    private static bool Kept(Figure a, int ai, Figure b, int bi) => (NameOf(a).Length, ai).CompareTo((NameOf(b).Length, bi)) < 0;

    private static bool Alike(Figure a, Figure b, IReadOnlySet<int> tableRowStarts) =>
        // The province's list and the county's may state the same numbers: a figure of each (tier 省级, 县级).
        a.Region == b.Region && a.Unit == b.Unit && a.Tier == b.Tier
        && !(a.Start != b.Start && tableRowStarts.Contains(a.Start) && tableRowStarts.Contains(b.Start))
        // Two mentions of one sentence are two things (创建1个市级美丽乡村，1个市级美丽屋场).
        && !(a.Sentence.Length > 0 && a.Sentence == b.Sentence && (a.End <= b.Start || b.End <= a.Start))
        && FigureScorer.Dice(NameOf(a), NameOf(b)) >= AlikeNames;

    /// <summary>True when <paramref name="whole"/> has each number of <paramref name="part"/> in the same field.</summary>
    private static bool Holds(Figure whole, Figure part) =>
        Same(part.Target, whole.Target) && Same(part.Actual, whole.Actual) && Same(part.Percent, whole.Percent);

    private static bool Same(double? part, double? whole) => part is null || whole is not null && Quantity.Same(part.Value, whole.Value);

    private static int Count(Figure f) => (f.Target is null ? 0 : 1) + (f.Actual is null ? 0 : 1) + (f.Percent is null ? 0 : 1);

    private static string NameOf(Figure f) => FigureScorer.NameOf(f.Project, f.Indicator);
}
