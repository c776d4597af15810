namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>
/// Mends tables that run over a page break, where a table goes on from the last row of one page to the
/// first row of the next: a header row the renderer repeated at the top of the page is dropped, and a row
/// split by the break is put back together, cell text appended to the cell above it that overlaps it most.
/// A split row shows as a first row whose first cell is empty and at most half of whose cells have text
/// (the rest of the long cells); a row under a merged first cell has its other cells filled.
/// </summary>
public static class TableContinuation
{
    public static void Apply(IReadOnlyList<List<PageItem>> pages)
    {
        string? header = null;
        PageItem? lastRow = null;
        List<PageItem>? lastRowPage = null;
        foreach (var page in pages)
        {
            for (int i = 0; i < page.Count; i++)
            {
                var item = page[i];
                if (!item.IsTableRow)
                {
                    header = null;
                    lastRow = null;
                    continue;
                }
                bool continuesFromPreviousPage = i == 0 && lastRow is not null && lastRow.Page != item.Page;
                if (continuesFromPreviousPage && Key(item) == header)
                {
                    page.RemoveAt(i--);
                    continue;
                }
                if (continuesFromPreviousPage && LooksLikeSplitRow(item) && lastRow!.Cells![0].Length > 0 && lastRow.CellBounds is not null)
                {
                    var merged = MergeInto(lastRow, item);
                    lastRowPage![lastRowPage.IndexOf(lastRow)] = merged;
                    lastRow = merged;
                    page.RemoveAt(i--);
                    continue;
                }
                header ??= Key(item);
                lastRow = item;
                lastRowPage = page;
            }
        }
    }

    private static bool LooksLikeSplitRow(PageItem row) =>
        row.CellBounds is not null && row.Cells![0].Length == 0 && row.Cells.Count(c => c.Length > 0) * 2 <= row.Cells.Count;

    /// <summary>A row's text for comparing header rows: non-empty cells, without whitespace.</summary>
    private static string Key(PageItem row) =>
        string.Join('\t', row.Cells!.Where(c => c.Length > 0).Select(c => string.Concat(c.Where(ch => !char.IsWhiteSpace(ch)))));

    private static PageItem MergeInto(PageItem above, PageItem continuation)
    {
        var cells = above.Cells!.ToArray();
        for (int c = 0; c < continuation.Cells!.Count; c++)
        {
            if (continuation.Cells[c].Length == 0) continue;
            var (left, right) = continuation.CellBounds![c];
            int best = 0;
            double bestOverlap = double.MinValue;
            for (int a = 0; a < cells.Length; a++)
            {
                var (aLeft, aRight) = above.CellBounds![a];
                double overlap = Math.Min(right, aRight) - Math.Max(left, aLeft);
                if (overlap > bestOverlap) { best = a; bestOverlap = overlap; }
            }
            cells[best] = Cjk.Join(cells[best], continuation.Cells[c]);
        }
        return above with { Cells = cells };
    }
}
