using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace BulletinIngest.Reading;

/// <summary>
/// An HTML table as TAB-separated rows. A merged cell's text sits in its first row and column; the columns
/// and rows it also covers are empty cells, as DocxReader does with gridSpan and vMerge, so every later
/// cell stays in its column.
/// </summary>
public static class HtmlTable
{
    public static IEnumerable<string> Rows(IHtmlTableElement table, HtmlMainContent content)
    {
        // Column → rows still covered by a rowspan from above.
        var coveredFromAbove = new Dictionary<int, int>();
        foreach (var row in table.Rows)
        {
            var cells = new List<string>();
            int column = 0;
            void SkipCovered()
            {
                while (coveredFromAbove.TryGetValue(column, out int rows) && rows > 0)
                {
                    cells.Add("");
                    coveredFromAbove[column] = rows - 1;
                    column++;
                }
            }
            foreach (var cell in row.Cells)
            {
                SkipCovered();
                cells.Add(HtmlReader.Clean(HtmlReader.InlineText(cell, content)));
                int columns = Math.Clamp(cell.ColumnSpan, 1, 1000);
                int rowsDown = Math.Clamp(cell.RowSpan, 1, 65534) - 1;
                for (int i = 0; i < columns; i++)
                {
                    if (i > 0) cells.Add("");
                    if (rowsDown > 0) coveredFromAbove[column + i] = rowsDown;
                }
                column += columns;
            }
            SkipCovered();
            if (cells.Any(c => c.Length > 0)) yield return string.Join('\t', cells);
        }
    }

    /// <summary>
    /// A table used to lay the page out, not to hold data: one column, or cells that hold tables of their own.
    /// Its cells are read as ordinary content.
    /// </summary>
    public static bool IsLayout(IHtmlTableElement table) =>
        table.Rows.All(r => r.Cells.Sum(c => Math.Max(1, c.ColumnSpan)) <= 1)
        || table.Rows.SelectMany(r => r.Cells).Any(c => c.QuerySelector("table") is not null);
}
