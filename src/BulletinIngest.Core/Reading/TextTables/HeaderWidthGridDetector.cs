using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Tables flattened one cell per line that have no serial column to key on (a ranking of cities or counties, a
/// county list): the header is a run of short labels, and the cells after it regroup into rows of the header's
/// width, each row with the same sequence of kinds (text or number) as the first:
/// <code>
/// 市县 / 年度计划投资 / 1-9月完成投资 / 完成率 / 三亚市 / 500 / 420 / 84% / 儋州市 / 300 / 240 / 80% / …
/// </code>
/// The header's start and width are the ones under which the most consecutive rows agree (a title or unit line
/// before the header, or the first row's leading text cells after it, do not fit the rhythm of the rows). The
/// table ends at the first group of cells that breaks the rhythm. A unit on a line of its own (`(%)`) joins the
/// label above. Tables with a serial column are <see cref="CellPerLineGridDetector"/>'s, which repairs merged cells.
/// </summary>
public sealed partial class HeaderWidthGridDetector : ITableDetector
{
    private const int MinColumns = 3;
    private const int MaxColumns = 12;
    private const int MinRows = 3;
    // A header label is short; a longer line is a title or prose.
    private const int MaxLabel = 12;

    public IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines)
    {
        var cells = Cells(lines);
        int i = 0;
        while (i < cells.Count)
        {
            if (!IsLabel(cells[i].Text)) { i++; continue; }
            int runEnd = i;
            while (runEnd < cells.Count && IsLabel(cells[runEnd].Text)) runEnd++;
            var best = Best(cells, i, runEnd);
            if (best is not { } found) { i = runEnd + 1; continue; }
            int body = found.Start + found.Width, end = body + found.Width * found.Rows;
            // The header may be wrapped over more lines than it has columns (年度计划 / 投资): all labels of the run
            // before the rows (at most two a column) are folded into the columns.
            int headerStart = Math.Max(i, body - 2 * found.Width);
            var header = Folded(cells.GetRange(headerStart, body - headerStart).Select(c => c.Text).ToList(), found.Width);
            var rows = Enumerable.Range(0, found.Rows)
                .Select(r => (IReadOnlyList<string>)cells.GetRange(body + r * found.Width, found.Width).Select(c => c.Text).ToList())
                .Prepend(header).ToList();
            yield return new TableClaim("header-width", cells[headerStart].Line, cells[end - 1].Line, rows, 0.45 + 0.01 * Math.Min(found.Rows, 10));
            i = end;
        }
    }

    private sealed record Cell(int Line, string Text);

    /// <summary>Each non-blank line a cell; a unit on its own line (`(%)`, `（万元）`) joined to the label above.</summary>
    private static List<Cell> Cells(IReadOnlyList<string> lines)
    {
        var cells = new List<Cell>();
        for (int i = 0; i < lines.Count; i++)
        {
            string text = lines[i].Trim(' ', '\u3000', '\t');
            if (text.Length == 0) continue;
            if (cells.Count > 0 && CellText.IsUnitFragment(text) && IsLabel(cells[^1].Text)) cells[^1] = cells[^1] with { Text = cells[^1].Text + text };
            else cells.Add(new Cell(i, text));
        }
        return cells;
    }

    /// <summary>
    /// Of the headers that start inside the label run [<paramref name="runStart"/>, <paramref name="runEnd"/>), the
    /// start and width under which the most rows after it share the first row's kinds; null when none gives enough rows.
    /// </summary>
    private static (int Start, int Width, int Rows)? Best(List<Cell> cells, int runStart, int runEnd)
    {
        (int Start, int Width, int Rows)? best = null;
        for (int start = runStart; start + MinColumns <= runEnd; start++)
            for (int width = MinColumns; width <= MaxColumns; width++)
            {
                // The header is labels only; the first row may open with labels too (a county's name).
                int body = start + width;
                if (body > runEnd || body + width > cells.Count) break;
                var kinds = Kinds(cells, body, width);
                if (!kinds.Contains(Kind.Number)) continue;
                int rows = 1;
                while (body + (rows + 1) * width <= cells.Count && Agrees(kinds, Kinds(cells, body + rows * width, width))) rows++;
                if (rows >= MinRows && (best is null || rows > best.Value.Rows)) best = (start, width, rows);
            }
        return best;
    }

    /// <summary>
    /// Header fragments folded into <paramref name="width"/> labels, joining lines where the continued piece is shortest
    /// (a wrapped label goes on with a word or two: 年度计划 + 投资, 累计完成 + 投资, not 投资 + 累计完成).
    /// </summary>
    private static List<string> Folded(List<string> fragments, int width)
    {
        int n = fragments.Count;
        if (n <= width) return fragments;
        // cost[i, k]: the first i fragments as k labels; a join costs the length of the piece joined on.
        var cost = new double[n + 1, width + 1];
        var cut = new int[n + 1, width + 1];
        for (int i = 0; i <= n; i++)
            for (int k = 0; k <= width; k++) cost[i, k] = double.MaxValue;
        cost[0, 0] = 0;
        for (int i = 1; i <= n; i++)
            for (int k = 1; k <= Math.Min(i, width); k++)
                for (int j = k - 1; j < i; j++)
                {
                    if (cost[j, k - 1] == double.MaxValue) continue;
                    double joined = fragments.Skip(j + 1).Take(i - j - 1).Sum(f => f.Length);
                    if (cost[j, k - 1] + joined < cost[i, k]) (cost[i, k], cut[i, k]) = (cost[j, k - 1] + joined, j);
                }
        var labels = new List<string>();
        for (int i = n, k = width; k > 0; i = cut[i, k], k--)
            labels.Insert(0, string.Concat(fragments.Skip(cut[i, k]).Take(i - cut[i, k])));
        return labels;
    }

    private enum Kind { Text, Number, Empty }

    private static Kind[] Kinds(List<Cell> cells, int from, int width) =>
        cells.GetRange(from, width).Select(c => EmptyCell().IsMatch(c.Text) ? Kind.Empty : CellText.IsNumber(c.Text) ? Kind.Number : Kind.Text).ToArray();

    /// <summary>A row agrees with the first when each cell has its kind; a dash for an empty cell fits any.</summary>
    private static bool Agrees(Kind[] first, Kind[] row) =>
        first.Zip(row).All(p => p.First == p.Second || p.First == Kind.Empty || p.Second == Kind.Empty);

    /// <summary>A short label: no number alone, no sentence, no pipe (pipe-ended cells are another detector's).</summary>
    private static bool IsLabel(string text) =>
        text.Length <= MaxLabel && !CellText.IsNumber(text) && !EmptyCell().IsMatch(text) && !Sentence().IsMatch(text);


    [GeneratedRegex(@"^[—\-–/／]+$")]
    private static partial Regex EmptyCell();

    [GeneratedRegex(@"[。，；;！？：:|｜,]")]
    private static partial Regex Sentence();
}
