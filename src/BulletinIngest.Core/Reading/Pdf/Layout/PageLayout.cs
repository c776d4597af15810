using BulletinIngest.Reading.Pdf.Content;

namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>A line of running text or a table row on a page, in reading order.</summary>
public sealed record PageItem(int Page, double Top, double X, TextLine? Line, IReadOnlyList<string>? Cells,
    IReadOnlyList<(double Left, double Right)>? CellBounds = null)
{
    public bool IsTableRow => Cells is not null;
}

/// <summary>
/// One page's letters into reading-order items: letters inside a ruled table go to its cells (one item per
/// row, cells in column order); the rest become text lines. Two or more consecutive baselines that each hold
/// several pieces of text apart by wide gaps are a table without rules: each becomes a row, its pieces
/// placed in columns by where they start. Items are ordered top to bottom, then left to right.
/// </summary>
public static class PageLayout
{
    public static List<PageItem> Analyze(PageContent page)
    {
        var grids = TableDetector.Detect(page.Rulings, page.Height);
        var flow = new List<Letter>();
        var inTable = grids.Select(_ => new List<Letter>()).ToList();
        foreach (var letter in page.Letters)
        {
            int grid = letter.Upright ? grids.FindIndex(g => g.Contains(letter.CenterX, letter.CenterY)) : -1;
            (grid >= 0 ? inTable[grid] : flow).Add(letter);
        }

        var items = new List<PageItem>();
        for (int g = 0; g < grids.Count; g++) items.AddRange(TableRows(page.PageNumber, grids[g], inTable[g]));
        flow.AddRange(BulletLetters(page.Marks.Where(m => !grids.Any(g => g.Contains(m.Left, m.CenterY))), flow));
        items.AddRange(UnruledRows(page.PageNumber, LineBuilder.Build(flow)));
        return items.OrderBy(i => i.Top).ThenBy(i => i.X).ToList();
    }

    /// <summary>Text lines as items, with runs of multi-piece baselines turned into table rows.</summary>
    private static List<PageItem> UnruledRows(int pageNumber, List<TextLine> lines)
    {
        var baselines = new List<List<TextLine>>();
        foreach (var line in lines.OrderBy(l => l.Baseline).ThenBy(l => l.X))
        {
            if (baselines.Count > 0 && Math.Abs(baselines[^1][0].Baseline - line.Baseline) < 0.3 * line.Size) baselines[^1].Add(line);
            else baselines.Add([line]);
        }
        var items = new List<PageItem>();
        for (int i = 0; i < baselines.Count;)
        {
            // A run: consecutive multi-piece baselines, each within a few line heights of the one above.
            int end = i;
            while (end < baselines.Count && baselines[end].Count >= 2
                   && (end == i || baselines[end][0].Baseline - baselines[end - 1][0].Baseline < 3 * baselines[end][0].Size))
                end++;
            if (end - i >= 2)
            {
                items.AddRange(RowsInColumns(pageNumber, baselines.GetRange(i, end - i)));
                i = end;
                continue;
            }
            foreach (var line in baselines[i]) items.Add(new PageItem(pageNumber, line.Baseline - line.Size * 0.5, line.X, line, null));
            i = Math.Max(i + 1, end);
        }
        return items;
    }

    /// <summary>Columns from the start positions of the pieces (within one font size); each piece goes to its column.</summary>
    private static IEnumerable<PageItem> RowsInColumns(int pageNumber, List<List<TextLine>> rows)
    {
        var starts = new List<double>();
        foreach (double x in rows.SelectMany(r => r).Select(l => l.X).Order())
            if (starts.Count == 0 || x - starts[^1] > rows[0][0].Size) starts.Add(x);
        foreach (var row in rows)
        {
            var cells = new string[starts.Count];
            Array.Fill(cells, "");
            foreach (var piece in row)
            {
                int column = starts.FindLastIndex(x => x <= piece.X + 0.01);
                cells[Math.Max(0, column)] = Cjk.Join(cells[Math.Max(0, column)], piece.Text.Trim());
            }
            var bounds = Enumerable.Range(0, starts.Count).Select(c => (starts[c], c + 1 < starts.Count ? starts[c + 1] : double.MaxValue)).ToArray();
            yield return new PageItem(pageNumber, row[0].Baseline - row[0].Size * 0.5, row[0].X, null, cells, bounds);
        }
    }

    /// <summary>
    /// Dots drawn as shapes just left of a line's first letter (HTML list markers, for one) become "•" letters,
    /// so the line reads as a list item like one whose bullet is a glyph.
    /// </summary>
    private static IEnumerable<Letter> BulletLetters(IEnumerable<Mark> marks, List<Letter> letters)
    {
        foreach (var mark in marks)
        {
            var next = letters.Where(l => !l.IsWhitespace && l.Upright && l.X > mark.Right && l.X - mark.Right < 2 * l.Size
                                          && mark.CenterY > l.Top && mark.CenterY < l.Bottom)
                .MinBy(l => l.X);
            if (next is null || letters.Any(l => l.Upright && l.Right <= mark.Left + 0.1 && mark.Left - l.Right < next.Size && Math.Abs(l.Baseline - next.Baseline) < 0.3 * next.Size))
                continue;
            double size = next.Size * 0.6;
            yield return new Letter("•", mark.Left, mark.CenterY + 0.38 * size, mark.Right - mark.Left, size, false, true);
        }
    }

    private static IEnumerable<PageItem> TableRows(int pageNumber, TableGrid grid, List<Letter> letters)
    {
        var byRow = letters.GroupBy(l => grid.RowAt(l.CenterY)).Where(g => g.Key >= 0).ToDictionary(g => g.Key, g => g.ToList());
        for (int row = 0; row + 1 < grid.Rows.Count; row++)
        {
            if (!byRow.TryGetValue(row, out var rowLetters)) continue;
            var cells = new string[grid.ColumnCount];
            Array.Fill(cells, "");
            var bounds = Enumerable.Range(0, grid.ColumnCount).Select(c => (grid.Columns[c], grid.Columns[c + 1])).ToArray();
            foreach (var (column, span) in grid.CellsOfRow(row))
            {
                double left = grid.Columns[column], right = grid.Columns[column + span];
                var cellLetters = rowLetters.Where(l => l.CenterX >= left && l.CenterX < right);
                cells[column] = LineBuilder.Build(cellLetters).Aggregate("", (text, line) => Cjk.Join(text, line.Text.Trim()));
                bounds[column] = (left, right);
            }
            if (cells.Any(c => c.Length > 0)) yield return new PageItem(pageNumber, grid.Rows[row], grid.Left, null, cells, bounds);
        }
    }
}
