using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Tables flattened one cell per line (a web page's table copied as text: every cell on its own line,
/// blank lines between), keyed on a header run that names a serial column (序号):
/// <code>
/// 工程 / 名称 / 序号 / 项 目 内 容 / 目标任务 / … / 备注 / 就业促进工程 / 1 / 促进城乡劳动者就业创业 / 城镇新增就业(人) / 26000 / …
/// </code>
/// Rows start at the serial numbers (1, 2, 3 … in order, a footnote star allowed). The first row sets the
/// column template; a later row with fewer cells had cells merged with the row above (rowspan): its cells
/// are aligned to the template by kind (number or text) and the missing ones repeated from the row above,
/// as the DOCX reader repeats merged cells. Cells before a serial number belong to the columns left of the
/// serial column (a group such as 扶贫解困工程) when that aligns the row above better. The header becomes
/// one row: wrapped fragments joined (`完成目标` + `(%)`), a header cell over two data columns repeated.
/// Some pages end every cell's line with a pipe (`1 |` / `特殊群體健康保障 |` / `|`): there every cell is written,
/// the empty ones too, so a numbered row's cells may go on into rows without a number (a project's further
/// indicators under merged cells), which are cut off where aligning them as rows of their own costs less.
/// Others put that pipe on the next line (`1` / `|` / `上海` / `|`), which is read the same way.
/// The serial numbers may start at any number (a table continued from an earlier page: 24, 25, 26).
/// </summary>
public sealed partial class CellPerLineGridDetector : ITableDetector
{
    // A header cell is a short label; a longer line before the header is the table's title.
    private const int MaxHeaderCell = 10;
    // A row's cells (with the rows without a number under it) are found within this many lines of its serial number.
    private const int MaxRowCells = 60;
    private const int MinRows = 3;
    private const double ExtraCost = 3;
    // What a row without a number of its own costs beyond its alignment: a few cells left over stay wrapped lines.
    private const double ContinuationRowCost = 2;

    public IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines)
    {
        var cells = new List<Cell>();
        for (int i = 0; i < lines.Count; i++)
        {
            string text = lines[i].Trim();
            if (text.Length == 0) continue;
            // Some pages put the pipe that ends a cell on a line of its own (`上海` / `|` / `329` / `|`): it ends the cell above.
            if (text.Length == 1 && IsPipe(text[0]) && cells.Count > 0 && !cells[^1].Terminated)
                cells[^1] = cells[^1] with { Terminated = true };
            else if (PipesOnly().IsMatch(text)) cells.AddRange(text.Where(IsPipe).Select(_ => new Cell(i, "", Terminated: true)));
            else if (TerminatedCell().Match(text) is { Success: true } m) cells.Add(new Cell(i, m.Groups[1].Value.Trim(), Terminated: true));
            else cells.Add(new Cell(i, text, Terminated: false));
        }
        int from = 0;
        while (from < cells.Count)
        {
            int key = cells.FindIndex(from, c => CellText.IsSerialHeader(c.Text));
            if (key < 0) yield break;
            var claim = Read(cells, key);
            if (claim is null) { from = key + 1; continue; }
            yield return claim;
            from = cells.FindIndex(c => c.Line > claim.LastLine) is int next and >= 0 ? next : cells.Count;
        }
    }

    /// <summary>A cell and the line it is on; <paramref name="Terminated"/> when the line ends it with a pipe (`1 |`, `|` for an empty cell).</summary>
    private sealed record Cell(int Line, string Text, bool Terminated);

    private static bool IsPipe(char c) => c is '|' or '｜';

    private static TableClaim? Read(List<Cell> cells, int key)
    {
        var anchors = Anchors(cells, key);
        if (anchors.Count < MinRows) return null;
        int headerStart = key;
        // (Where cells end with pipes, a header cell does too: a short title line above is no cell.)
        while (headerStart > 0 && key - headerStart < 4 && IsHeaderCell(cells[headerStart - 1].Text)
               && cells[headerStart - 1].Terminated == cells[key].Terminated) headerStart--;
        var beforeKey = JoinShortFragments(cells.GetRange(headerStart, key - headerStart).Select(c => c.Text).ToList());
        int lead = beforeKey.Count;
        int headerEnd = anchors[0] - lead;
        if (headerEnd <= key) return null;
        var afterKey = JoinUnitFragments(cells.GetRange(key, headerEnd - key).Select(c => c.Text).ToList());
        // Neither the header nor the first row's group cells before its serial hold amounts: numbers there mean the
        // serials are another column's (a rank written last in each row: 三亚 / 500 / 420 / 84% / 1), not row starts.
        if (cells.Skip(key + 1).Take(anchors[0] - key - 1).Any(c => CellText.IsNumber(c.Text))) return null;

        // Cells ended by pipes are all written, the empty ones too, and the table goes on while lines end cells so.
        bool explicitCells = cells[anchors[0]].Terminated;
        int headerWidth = afterKey.Count - 1;

        // Each row's own cells: from its serial number to the next one; the last row as wide as the first
        // (with explicit cells: as far as they go).
        var segments = new List<List<string>>();
        for (int r = 0; r < anchors.Count; r++)
        {
            int end = r + 1 < anchors.Count ? anchors[r + 1]
                : explicitCells ? LastTerminated(cells, anchors[r]) + 1
                : Math.Min(cells.Count, anchors[r] + segments[0].Count);
            segments.Add(cells.GetRange(anchors[r], end - anchors[r]).Select(c => c.Text).ToList());
        }
        int lastCell = anchors[^1] + segments[^1].Count - 1;

        // The first row sets the columns; with explicit cells, one far wider than the header goes on in rows without a number.
        var first = segments[0].Skip(1).ToList();
        var template = explicitCells && first.Count > headerWidth + 2 ? first.Take(headerWidth).ToList() : first;
        var rows = new List<IReadOnlyList<string>>();
        var leadCells = cells.GetRange(anchors[0] - lead, lead).Select(c => c.Text).ToList();
        List<string>? above = null;
        for (int r = 0; r < segments.Count; r++)
        {
            var own = segments[r].Skip(1).ToList();
            var nextLead = new List<string>();
            if (r > 0 && r + 1 < segments.Count && lead > 0 && above is not null)
            {
                // Trailing cells may be the next row's group cells: move them when the row then aligns better.
                int best = 0; double bestCost = Align(own, template, above.Skip(lead + 1).ToList()).Cost;
                for (int t = 1; t <= Math.Min(lead, own.Count - 1); t++)
                {
                    double cost = Align(own[..^t], template, above.Skip(lead + 1).ToList()).Cost;
                    // Only when the cell would otherwise be left over: a row's own last cell stays.
                    if (cost <= bestCost - ExtraCost) (best, bestCost) = (t, cost);
                }
                nextLead = own[^best..];
                own = own[..^best];
            }
            var pieces = explicitCells ? Continued(own, template) : [own];
            for (int p = 0; p < pieces.Count; p++)
            {
                // The text may stop inside the last row (a page cut short): its cells fill the columns from the left.
                bool cutShort = r == segments.Count - 1 && p == pieces.Count - 1 && lastCell == cells.Count - 1 && pieces[p].Count < template.Count;
                var body = (r == 0 && p == 0 && !explicitCells) || cutShort ? pieces[p]
                    : Align(pieces[p], template, above?.Skip(lead + 1).ToList() ?? []).Cells;
                var row = new List<string>();
                row.AddRange(p > 0 ? above!.Take(lead) : leadCells.Count == lead ? leadCells : above!.Take(lead));
                row.Add(segments[r][0]);
                row.AddRange(body);
                rows.Add(row);
                above = row;
            }
            leadCells = nextLead.Count > 0 ? [.. above!.Take(lead - nextLead.Count), .. nextLead] : [.. above!.Take(lead)];
        }
        var header = beforeKey.Concat(SpreadHeader(afterKey.Skip(1).ToList(), template.Count).Prepend(afterKey[0])).ToList();
        var table = TextTableFinder.Rectangular([header, .. rows]);
        double regular = (double)segments.Count(s => s.Count - 1 == template.Count) / segments.Count;
        if (explicitCells) regular = Math.Max(regular, (double)segments.Count(s => s.Count - 1 >= template.Count - 2) / segments.Count);
        return new TableClaim("cell-per-line", cells[headerStart].Line, cells[lastCell].Line, table, 0.5 + 0.3 * regular);
    }

    /// <summary>
    /// The last of the pipe-ended cells that run on from <paramref name="from"/>, with a last cell that the end of the
    /// text cut short (no pipe, no full stop: `已擬定實`).
    /// </summary>
    private static int LastTerminated(List<Cell> cells, int from)
    {
        int last = from;
        while (last + 1 < cells.Count && last + 1 - from < MaxRowCells && cells[last + 1].Terminated) last++;
        bool cutShort = last + 2 == cells.Count && !SentenceEnd().IsMatch(cells[^1].Text) && !cells[^1].Text.EndsWith('。');
        return cutShort ? last + 1 : last;
    }

    /// <summary>
    /// A numbered row's cells cut into the row and the rows without a number that go on under it (the further
    /// indicators of one project), where the alignments of the pieces with <paramref name="template"/> cost least.
    /// </summary>
    private static List<List<string>> Continued(List<string> own, List<string> template)
    {
        int n = own.Count;
        var best = new double[n + 1];
        var start = new int[n + 1];
        for (int i = 1; i <= n; i++)
        {
            best[i] = double.MaxValue;
            for (int j = 0; j < i; j++)
            {
                double cost = best[j] + Align(own[j..i], template, []).Cost + (j > 0 ? ContinuationRowCost : 0);
                if (cost < best[i]) (best[i], start[i]) = (cost, j);
            }
        }
        var pieces = new List<List<string>>();
        for (int i = n; i > 0; i = start[i]) pieces.Insert(0, own[start[i]..i]);
        return pieces.Count == 0 ? [own] : pieces;
    }

    /// <summary>
    /// Positions of consecutive serial numbers after the key header cell, from whatever number the first is (1, or 24
    /// for a table continued from an earlier page), each within reach of the one before and followed by a label.
    /// </summary>
    private static List<int> Anchors(List<Cell> cells, int key)
    {
        var anchors = new List<int>();
        int? expected = null;
        int from = key + 1;
        while (true)
        {
            int found = -1;
            for (int i = from; i < Math.Min(cells.Count, from + MaxRowCells); i++)
                if (CellText.IsSerial(cells[i].Text) && (expected is null || CellText.SerialValue(cells[i].Text) == expected)
                    && (i + 1 == cells.Count || !CellText.IsNumber(cells[i + 1].Text))) { found = i; break; }
            if (found < 0) return anchors;
            anchors.Add(found);
            expected = CellText.SerialValue(cells[found].Text) + 1;
            from = found + 2;
        }
    }

    // A unit line (单位：亿元), any `label：value` or an as-of note (截至9月末) above the table is no header cell.
    private static bool IsHeaderCell(string text) => text.Length <= MaxHeaderCell && !CellText.IsNumber(text) && !SentenceEnd().IsMatch(text)
        && !text.Contains('：') && !text.Contains(':') && !CellText.IsAsOfNote(text);

    /// <summary>A header label wrapped after one or two characters (`工程` / `名称`) continues on the next line.</summary>
    private static List<string> JoinShortFragments(List<string> fragments)
    {
        var joined = new List<string>();
        for (int i = 0; i < fragments.Count; i++)
            if (i > 0 && joined[^1].Length <= 2) joined[^1] += fragments[i];
            else joined.Add(fragments[i]);
        return joined;
    }

    /// <summary>A unit on a line of its own (`(%)`, `（万元）`) belongs to the label above it.</summary>
    private static List<string> JoinUnitFragments(List<string> fragments)
    {
        var joined = new List<string>();
        foreach (var fragment in fragments)
            if (joined.Count > 0 && CellText.IsUnitFragment(fragment)) joined[^1] += fragment;
            else joined.Add(fragment);
        return joined;
    }

    /// <summary>Header labels over the template's columns: a label over two data columns is repeated (colspan), the leftmost first.</summary>
    private static List<string> SpreadHeader(List<string> labels, int width)
    {
        var spread = new List<string>(labels);
        for (int i = 0; spread.Count < width && i < spread.Count; i += 2) spread.Insert(i + 1, spread[i]);
        return spread;
    }

    internal sealed record Alignment(double Cost, List<string> Cells);

    private const double Mismatch = 2;

    /// <summary>
    /// Aligns a row's cells to the template columns by kind (number or text): a template column the row lacks
    /// is a merged cell, repeated from the row above (left empty under a number); a row cell beyond the template is a wrapped line, joined
    /// to the cell before it. Ties go to the leftmost merged cells, as rowspans sit on the left.
    /// </summary>
    internal static Alignment Align(List<string> row, List<string> template, List<string> above)
    {
        const double Gap = 1, Extra = ExtraCost;
        int n = row.Count, m = template.Count;
        var cost = new double[n + 1, m + 1];
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= m; j++)
            {
                if (i == 0 && j == 0) continue;
                double best = double.MaxValue;
                if (j > 0) best = Math.Min(best, cost[i, j - 1] + Gap);
                if (i > 0) best = Math.Min(best, cost[i - 1, j] + Extra);
                if (i > 0 && j > 0) best = Math.Min(best, cost[i - 1, j - 1] + MatchCost(row[i - 1], template[j - 1]));
                cost[i, j] = best;
            }
        // Trace back, preferring a match, then a wrapped line, then a merged cell (which puts merged cells leftmost).
        var cellsOut = new string?[m];
        var extras = new List<(int Column, string Text)>();
        int a = n, b = m;
        while (a > 0 || b > 0)
        {
            if (a > 0 && b > 0 && cost[a, b] == cost[a - 1, b - 1] + MatchCost(row[a - 1], template[b - 1]))
            { cellsOut[b - 1] = row[a - 1]; a--; b--; }
            else if (a > 0 && cost[a, b] == cost[a - 1, b] + Extra) { extras.Add((b - 1, row[a - 1])); a--; }
            else { cellsOut[b - 1] = null; b--; }
        }
        foreach (var (column, text) in extras)
            if (column >= 0) cellsOut[column] = (cellsOut[column] ?? "") + text;
        // Merged cells are labels (group, project, unit, department); a number is never repeated into a row.
        var filled = cellsOut.Select((c, j) => c ?? (j < above.Count && !CellText.IsNumber(template[j]) ? above[j] : "")).ToList();
        return new Alignment(cost[n, m], filled);
    }

    /// <summary>
    /// How badly a row's cell fits under the template's cell: text under a number (or a number under text) costs
    /// <see cref="Mismatch"/>; an empty cell fits under a number or an empty cell, and half as badly under text; text
    /// that writes an amount under a plain label (城镇新增就业1100人 under 县人社局) costs a little, so that such a
    /// cell finds the column of amounts in words.
    /// </summary>
    private static double MatchCost(string cell, string templateCell)
    {
        if (cell.Length == 0) return templateCell.Length == 0 || CellText.IsNumber(templateCell) ? 0 : Mismatch / 2;
        if (CellText.IsNumber(cell) != CellText.IsNumber(templateCell)) return Mismatch;
        return !CellText.IsNumber(cell) && CellText.HasDigits(cell) && templateCell.Length > 0 && !CellText.HasDigits(templateCell) ? 0.5 : 0;
    }


    [GeneratedRegex(@"^[|｜]+$")]
    private static partial Regex PipesOnly();

    [GeneratedRegex(@"^([^|｜]*)[|｜]$")]
    private static partial Regex TerminatedCell();

    [GeneratedRegex(@"[。；;！？]$")]
    private static partial Regex SentenceEnd();
}
