using BulletinIngest.Extraction.Evaluation;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// One figure read twice counts once. Bulletins restate a figure (the lead paragraph and the item, the prose and
/// the table, a title and its body: 今年将完成115个早期棚改小区… / 115个小区的维修改造全部开工), and a later reading
/// often holds more of it (…115个小区，34个已完工). A figure is dropped when another of the same region and unit
/// has each of its numbers in the same field (and, equally complete, stands earlier), with a name alike by the
/// scorer's measure (bigram Dice ≥ 0.3). A figure stating only a percentage stays: many items share 100%. Two rows
/// of a table are two things even with equal numbers (two standards of 75元/月).
/// </summary>
public static class RepeatedFigures
{
    private const double AlikeNames = 0.3;

    /// <param name="tableRowStarts">where the table rows that figures were read from start (Figure.Start)</param>
    public static List<Figure> Drop(IReadOnlyList<Figure> figures, IReadOnlySet<int> tableRowStarts)
    {
        var kept = new List<Figure>();
        for (int i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            bool repeated = (figure.Target is not null || figure.Actual is not null)
                && figures.Where((other, j) => j != i && Holds(other, figure) && (Count(other) > Count(figure) || j < i)).Any(other => Alike(other, figure, tableRowStarts));
            if (!repeated) kept.Add(figure);
        }
        return kept;
    }

    private static bool Alike(Figure a, Figure b, IReadOnlySet<int> tableRowStarts) =>
        a.Region == b.Region && a.Unit == b.Unit
        && !(a.Start != b.Start && tableRowStarts.Contains(a.Start) && tableRowStarts.Contains(b.Start))
        && FigureScorer.Dice(NameOf(a), NameOf(b)) >= AlikeNames;

    /// <summary>True when <paramref name="whole"/> has each number of <paramref name="part"/> in the same field.</summary>
    private static bool Holds(Figure whole, Figure part) =>
        Same(part.Target, whole.Target) && Same(part.Actual, whole.Actual) && Same(part.Percent, whole.Percent);

    private static bool Same(double? part, double? whole) =>
        part is null || whole is not null && Math.Abs(part.Value - whole.Value) <= 1e-6 * Math.Max(1, Math.Abs(part.Value));

    private static int Count(Figure f) => (f.Target is null ? 0 : 1) + (f.Actual is null ? 0 : 1) + (f.Percent is null ? 0 : 1);

    private static string NameOf(Figure f) => f.Indicator.Length == 0 || f.Indicator == f.Project ? f.Project : f.Project + f.Indicator;
}
