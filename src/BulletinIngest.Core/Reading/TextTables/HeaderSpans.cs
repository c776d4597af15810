namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Restores the spans of a table's header rows that flattening lost, so that every header row is as wide as
/// the body and a reader can build column paths (城镇新增就业 › 目标). The header rows are the rows above the
/// first row with a number (at most three). In the first header row an empty cell continues the label on its
/// left (colspan), and a row shorter than the body spreads its group labels evenly over the columns after its
/// first cell; in a later header row an empty cell continues the label above (rowspan), and a row shorter than
/// the body takes its missing leading cells from the row above. Cells are repeated, as the DOCX reader does.
/// </summary>
public static class HeaderSpans
{
    private const int MaxHeaderRows = 3;

    public static List<IReadOnlyList<string>> Spread(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var result = rows.Select(r => (IReadOnlyList<string>)r.ToList()).ToList();
        int headers = result.FindIndex(r => r.Any(CellText.IsNumber));
        if (headers <= 0 || headers > MaxHeaderRows) return result;
        int width = result.Skip(headers).Max(r => r.Count);
        for (int i = 0; i < headers; i++)
        {
            var row = result[i].ToList();
            if (i == 0)
            {
                if (row.Count < width && row.Count > 1 && headers > 1 && (width - 1) % (row.Count - 1) == 0)
                    row = [row[0], .. row.Skip(1).SelectMany(label => Enumerable.Repeat(label, (width - 1) / (row.Count - 1)))];
                for (int c = 1; c < row.Count; c++)
                    if (row[c].Length == 0) row[c] = row[c - 1];
            }
            else
            {
                var above = result[i - 1];
                if (row.Count < width && above.Count == width) row = [.. above.Take(width - row.Count), .. row];
                for (int c = 0; c < row.Count && c < above.Count; c++)
                    if (row[c].Length == 0) row[c] = above[c];
            }
            result[i] = row;
        }
        return result;
    }
}
