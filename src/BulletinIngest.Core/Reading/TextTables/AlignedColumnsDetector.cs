using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Tables whose columns are aligned by runs of two or more spaces, full-width spaces (U+3000) or TABs,
/// mixed as a copy from a web page or a PDF mixes them: `城镇新增就业  26000  32095  123.4`. Three or
/// more consecutive lines of two or more cells each make a table (two when every line has the same count
/// of three or more cells); a line that uses TABs is cut at TABs only, and a run of TAB lines only is left to the TXT reader,
/// which has always read them as table rows.
/// </summary>
public sealed partial class AlignedColumnsDetector : ITableDetector
{
    public IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines)
    {
        int i = 0;
        while (i < lines.Count)
        {
            int first = i;
            var rows = new List<IReadOnlyList<string>>();
            for (; i < lines.Count && Cells(lines[i]) is { Count: >= 2 } cells; i++) rows.Add(cells);
            if (rows.Count == 0) { i++; continue; }
            int usual = rows.GroupBy(r => r.Count).MaxBy(g => g.Count())!.Key;
            double regular = (double)rows.Count(r => r.Count == usual) / rows.Count;
            bool enough = rows.Count >= 3 || (rows.Count == 2 && regular == 1 && usual >= 3);
            // A run of TAB rows only is what the TXT reader has always read as table rows, cell for cell.
            bool tabsOnly = Enumerable.Range(first, i - first).All(n => lines[n].Contains('\t'));
            // Prose with double spaces between sentences: most "cells" are clauses; table cells are labels and numbers.
            var all = rows.SelectMany(r => r).ToList();
            bool prose = all.Count(c => c.Contains('，') || c.EndsWith('。')) * 2 > all.Count;
            if (enough && regular >= 0.5 && !tabsOnly && !prose)
                yield return new TableClaim("aligned", first, i - 1, TextTableFinder.Rectangular(HeaderSpans.Spread(rows)), 0.5 + 0.4 * regular);
        }
    }

    private static List<string> Cells(string line)
    {
        string trimmed = line.Trim(' ', '\u3000', '\t');
        if (trimmed.Length == 0) return [];
        if (trimmed.Contains('\t')) return trimmed.Split('\t').Select(c => c.Trim(' ', '\u3000')).ToList();
        return Gap().Split(trimmed).Select(c => c.Trim(' ', '\u3000')).ToList();
    }

    [GeneratedRegex(@" {2,}|[ ]*\u3000[ \u3000]*")]
    private static partial Regex Gap();
}
