using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Tables whose cells are separated by `|` or `｜` (Markdown, and web pages copied as text):
/// `序號 | 項目分類 | 實事內容 | 完成情況 |`. Leading and trailing pipes are optional, separator rows
/// (`|---|:--:|`) and lines of a pipe alone between rows are dropped, header rows get their spans back (<see cref="HeaderSpans"/>). At least two consecutive lines with a pipe between cells make a table.
/// A row that ends in empty cells while the row above is full is a row whose first cells were merged
/// (rowspan) with the row above and shifted left by the flattening: the merged cells are repeated from
/// the row above, as the DOCX reader repeats merged cells. A row of text under the serial numbers and empty cells
/// after it is a further line of the numbered row above: it keeps that row's serial and moves one column right.
/// </summary>
public sealed partial class PipeTableDetector : ITableDetector
{
    public IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines)
    {
        int i = 0;
        while (i < lines.Count)
        {
            if (!IsPipeRow(lines[i])) { i++; continue; }
            int first = i;
            var rows = new List<IReadOnlyList<string>>();
            var rowLines = new List<string>();
            // A line of pipes only between rows (`|`: the border a page draws under each row) separates rows, as a Markdown rule does.
            for (; i < lines.Count && (IsPipeRow(lines[i]) || PipesOnly().IsMatch(lines[i].Trim()) && i + 1 < lines.Count && IsPipeRow(lines[i + 1])); i++)
                if (IsPipeRow(lines[i]) && !SeparatorRow().IsMatch(lines[i])) { rows.Add(Cells(lines[i])); rowLines.Add(lines[i].Trim()); }
            if (rows.Count < 2) continue;
            // Rows that end with a pipe, the last one without: the text was cut inside it, its empty cells are no rowspan.
            bool cutShort = IsPipe(rowLines[^2][^1]) && !IsPipe(rowLines[^1][^1]);
            var table = TextTableFinder.Rectangular(Unshift(TextTableFinder.Rectangular(HeaderSpans.Spread(rows)), cutShort));
            yield return new TableClaim("pipes", first, i - 1, table, Confidence(rows));
        }
    }

    private static bool IsPipeRow(string line) => CellPipe().Matches(line.Trim()).Count >= 1 && Cells(line).Count >= 2;

    private static List<string> Cells(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.Length > 0 && IsPipe(trimmed[0])) trimmed = trimmed[1..];
        if (trimmed.Length > 0 && IsPipe(trimmed[^1])) trimmed = trimmed[..^1];
        return trimmed.Split(['|', '｜']).Select(c => c.Trim()).ToList();
    }

    private static bool IsPipe(char c) => c is '|' or '｜';

    /// <summary>Rows with the table's usual cell count count for, ragged ones against.</summary>
    private static double Confidence(List<IReadOnlyList<string>> rows)
    {
        int usual = rows.GroupBy(r => r.Count).MaxBy(g => g.Count())!.Key;
        return 0.6 + 0.4 * rows.Count(r => r.Count == usual) / rows.Count;
    }

    private static IEnumerable<IReadOnlyList<string>> Unshift(IReadOnlyList<IReadOnlyList<string>> rows, bool lastCutShort)
    {
        IReadOnlyList<string>? above = null;
        foreach (var row in rows)
        {
            if (lastCutShort && ReferenceEquals(row, rows[^1])) { yield return row; continue; }
            int empty = row.Reverse().TakeWhile(c => c.Length == 0).Count();
            // Text under the serial numbers, the rest empty (新增学位810个 | | |): a further line of the numbered row
            // above, its serial cell merged: it moves under the column after the serial.
            if (above is not null && empty > 0 && CellText.IsSerial(above[0]) && row[0].Length > 0 && !CellText.IsNumber(row[0]) && rows[0] != row)
            {
                var further = row.Take(row.Count - 1).Prepend(above[0]).ToList();
                yield return further;
                above = further;
                continue;
            }
            // Only a body row below a full one, with content left after the gap, and a serial first cell kept in place.
            int at = CellText.IsSerial(row[0]) ? 1 : 0;
            if (above is not null && empty > 0 && empty < row.Count - at && above.All(c => c.Length > 0) && rows[0] != row)
            {
                var repaired = row.Take(at).Concat(above.Skip(at).Take(empty)).Concat(row.Skip(at).Take(row.Count - at - empty)).ToList();
                // A row whose last cell is just empty (no remark) keeps its numbers under the numbers above.
                if (TypeMismatches(repaired, above) > TypeMismatches(row, above)) { yield return row; above = row; continue; }
                yield return repaired;
                above = repaired;
                continue;
            }
            yield return row;
            above = row;
        }
    }

    private static int TypeMismatches(IReadOnlyList<string> row, IReadOnlyList<string> above) =>
        row.Zip(above).Count(p => p.First.Length > 0 && CellText.IsNumber(p.First) != CellText.IsNumber(p.Second));

    [GeneratedRegex(@"^[|｜]+$")]
    private static partial Regex PipesOnly();

    [GeneratedRegex(@"\S\s*[|｜]\s*\S|^[|｜]|[|｜]$")]
    private static partial Regex CellPipe();

    [GeneratedRegex(@"^\s*[|｜]?\s*:?-{2,}:?\s*([|｜]\s*:?-{2,}:?\s*)*[|｜]?\s*$")]
    private static partial Regex SeparatorRow();
}
