using BulletinIngest.Reading.Pdf.Content;

namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>
/// A ruled table found on a page: row boundaries (y of the horizontal rules) and column boundaries
/// (x of the vertical rules). Each row band is split into cells by the vertical rules that cross it, so a
/// cell merged across columns spans them and the cells after it keep their columns.
/// </summary>
public sealed class TableGrid(IReadOnlyList<double> rows, IReadOnlyList<double> columns, IReadOnlyList<Ruling> verticals)
{
    private const double Tolerance = 2;

    public IReadOnlyList<double> Rows { get; } = rows;
    public IReadOnlyList<double> Columns { get; } = columns;
    public double Left => Columns[0];
    public double Right => Columns[^1];
    public double Top => Rows[0];
    public double Bottom => Rows[^1];
    public int ColumnCount => Columns.Count - 1;

    public bool Contains(double x, double y) => x >= Left - Tolerance && x <= Right + Tolerance && y >= Top - Tolerance && y <= Bottom + Tolerance;

    /// <summary>The row band a y falls in, or -1.</summary>
    public int RowAt(double y)
    {
        for (int r = 0; r + 1 < Rows.Count; r++)
            if (y >= Rows[r] - Tolerance && y <= Rows[r + 1] + Tolerance) return r;
        return -1;
    }

    /// <summary>The cells of a row band as (first column, column span), left to right.</summary>
    public IReadOnlyList<(int Column, int Span)> CellsOfRow(int row)
    {
        double middle = (Rows[row] + Rows[row + 1]) / 2;
        var boundaries = new List<int>();
        for (int c = 0; c < Columns.Count; c++)
        {
            bool crossed = c == 0 || c == Columns.Count - 1 || verticals.Any(v =>
                Math.Abs(v.Position - Columns[c]) <= Tolerance && v.Start <= middle + Tolerance && v.End >= middle - Tolerance);
            if (crossed) boundaries.Add(c);
        }
        var cells = new List<(int, int)>();
        for (int i = 0; i + 1 < boundaries.Count; i++) cells.Add((boundaries[i], boundaries[i + 1] - boundaries[i]));
        return cells;
    }
}

/// <summary>
/// Finds ruled tables: rules that touch each other form a group; a group with at least two columns and
/// more than one cell is a table grid. Lone lines (a rule under a title), single boxes and frames around
/// the page body (a row taller than <see cref="MaxRowShareOfPage"/> of the page) are not tables.
/// </summary>
public static class TableDetector
{
    private const double Tolerance = 2;
    private const double MinRuleLength = 4;
    public const double MaxRowShareOfPage = 0.4;

    public static List<TableGrid> Detect(IReadOnlyList<Ruling> rulings, double pageHeight = double.MaxValue)
    {
        var rules = Merge(rulings.Where(r => r.Horizontal)).Concat(Merge(rulings.Where(r => !r.Horizontal))).Where(r => r.Length >= MinRuleLength).ToList();
        if (rules.Count > 4000) return []; // a drawing, not a table
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int i = 0; i < rules.Count; i++)
            for (int j = i + 1; j < rules.Count; j++)
                if (rules[i].Horizontal != rules[j].Horizontal && Touch(rules[i], rules[j])) parent[Find(i)] = Find(j);

        var grids = new List<TableGrid>();
        foreach (var group in Enumerable.Range(0, rules.Count).GroupBy(Find))
        {
            var members = group.Select(i => rules[i]).ToList();
            var rows = Cluster(members.Where(r => r.Horizontal).Select(r => r.Position));
            var columns = Cluster(members.Where(r => !r.Horizontal).Select(r => r.Position));
            if (rows.Count < 2 || columns.Count < 3 || (rows.Count - 1) * (columns.Count - 1) < 2) continue;
            if (rows.Zip(rows.Skip(1), (top, bottom) => bottom - top).Max() > MaxRowShareOfPage * pageHeight) continue;
            grids.Add(new TableGrid(rows, columns, members.Where(r => !r.Horizontal).ToList()));
        }
        return grids.OrderBy(g => g.Top).ToList();
    }

    private static bool Touch(Ruling horizontal, Ruling vertical)
    {
        if (!horizontal.Horizontal) (horizontal, vertical) = (vertical, horizontal);
        return vertical.Position >= horizontal.Start - Tolerance && vertical.Position <= horizontal.End + Tolerance
            && horizontal.Position >= vertical.Start - Tolerance && horizontal.Position <= vertical.End + Tolerance;
    }

    /// <summary>Joins collinear rules that overlap or touch (a border drawn cell by cell becomes one rule).</summary>
    private static List<Ruling> Merge(IEnumerable<Ruling> rules)
    {
        var merged = new List<Ruling>();
        foreach (var rule in rules.OrderBy(r => r.Position).ThenBy(r => r.Start))
        {
            int index = merged.FindLastIndex(m => Math.Abs(m.Position - rule.Position) <= 1
                                                  && rule.Start <= m.End + Tolerance && rule.End >= m.Start - Tolerance);
            if (index >= 0)
            {
                var m = merged[index];
                merged[index] = m with { Start = Math.Min(m.Start, rule.Start), End = Math.Max(m.End, rule.End) };
            }
            else merged.Add(rule);
        }
        return merged;
    }

    private static List<double> Cluster(IEnumerable<double> positions)
    {
        var clusters = new List<double>();
        foreach (double p in positions.Order())
            if (clusters.Count == 0 || p - clusters[^1] > Tolerance) clusters.Add(p);
        return clusters;
    }
}
