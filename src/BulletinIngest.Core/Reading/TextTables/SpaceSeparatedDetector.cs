using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Tables copied with one row a line and single spaces between cells, keyed on a header line that opens with a
/// serial column (序号) and names three or more columns:
/// <code>
/// 序号 项目名称 责任单位 目标任务 1- 8月实际完成情况 1-8月实际完成率% 备注
/// 1 精准扶贫:农村饮用水安全巩固提升 农林水务局 1300人 700 54% 已解决700人的饮水问题
/// 2 新增城镇就业 人社局 8950 7356 82%
/// </code>
/// Rows open with consecutive serial numbers (from any number); a header label cut at a hyphen (`1- 8月`) is
/// joined; words beyond the header's columns belong to the last cell (a remark with spaces), but where more than a
/// quarter of the rows have such words the spaces are inside cells and the lines are no such table. A line between
/// numbered rows without a number of its own is a further row of the project above, its merged cells repeated
/// from the row above by the alignment of the one-cell-per-line grids (<see cref="CellPerLineGridDetector.Align"/>).
/// </summary>
public sealed partial class SpaceSeparatedDetector : ITableDetector
{
    private const int MinRows = 3;
    private const int MinColumns = 4;

    public IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            var header = JoinCutLabels(Words(lines[i]));
            if (header.Count < MinColumns || !CellText.IsSerialHeader(header[0])) continue;
            int width = header.Count;
            var rows = new List<IReadOnlyList<string>> { header };
            int? expected = null;
            int last = i, numbered = 0, wider = 0;
            for (int j = i + 1; j < lines.Count; j++)
            {
                var words = Words(lines[j]);
                if (words.Count == 0) continue;
                bool serial = CellText.IsSerial(words[0]) && (expected is null || CellText.SerialValue(words[0]) == expected);
                if (serial && words.Count >= 3)
                {
                    if (words.Count > width) wider++;
                    rows.Add(Fitted(words, width));
                    expected = CellText.SerialValue(words[0]) + 1;
                    numbered++;
                }
                else if (numbered > 0 && !CellText.IsSerial(words[0]) && words.Count >= 3 && words.Count < width)
                {
                    var above = rows[^1];
                    var body = CellPerLineGridDetector.Align(words, [.. above.Skip(1)], [.. above.Skip(1)]).Cells;
                    rows.Add([above[0], .. body]);
                }
                else break;
                last = j;
            }
            // Spaces inside cells (不低于 700 元/月) make most rows wider than the header: not this layout.
            if (numbered < MinRows || wider * 4 > numbered) continue;
            double regular = (double)rows.Skip(1).Count(r => r.Count(c => c.Length > 0) >= width - 1) / (rows.Count - 1);
            yield return new TableClaim("spaces", i, last, TextTableFinder.Rectangular(rows), 0.5 + 0.3 * regular);
            i = last;
        }
    }

    private static List<string> Words(string line) =>
        Space().Split(line.Trim()).Where(w => w.Length > 0).ToList();

    /// <summary>A row's cells: as many as the header has, words beyond them joined into the last cell.</summary>
    private static List<string> Fitted(List<string> words, int width) =>
        words.Count <= width ? words : [.. words.Take(width - 1), string.Join(" ", words.Skip(width - 1))];

    /// <summary>A label cut after a hyphen (`1-` / `8月实际完成情况`) is one label.</summary>
    private static List<string> JoinCutLabels(List<string> words)
    {
        var joined = new List<string>();
        foreach (var word in words)
            if (joined.Count > 0 && (joined[^1].EndsWith('-') || joined[^1].EndsWith('—'))) joined[^1] += word;
            else joined.Add(word);
        return joined;
    }


    [GeneratedRegex(@"[ \u3000\t]+")]
    private static partial Regex Space();
}
