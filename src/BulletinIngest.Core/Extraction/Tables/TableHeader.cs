using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;

namespace BulletinIngest.Extraction.Tables;

/// <summary>
/// The values a table row states together: one indicator's target, amount done and percentage columns
/// (−1 when absent). <see cref="Label"/> is the indicator the group header names (城镇新增就业 over
/// 目标 | 完成 | 完成率), "" when the header names none.
/// </summary>
public sealed record ColumnGroup(string Label, int Target, int Progress, int Percent);

/// <summary>
/// A table's header, read from one or more header rows: each column's header path (top to bottom, merged cells
/// repeated or padded by the reader), its role (from the deepest cell that holds a header word), the unit its
/// header states (城镇新增就业(人), 任务数（户）), whether the header writes the percent sign for bare numbers
/// (完成率（%）), and the column groups (a cross-tab's indicators, or several measures on one row).
/// </summary>
public sealed partial class TableHeader
{
    public ColumnRole[] Roles { get; }
    public (double Factor, string Base)?[] Units { get; }
    public bool[] PercentSign { get; }
    public IReadOnlyList<ColumnGroup> Groups { get; private set; }
    private readonly string[] _labels;

    private TableHeader(ColumnRole[] roles, (double Factor, string Base)?[] units, bool[] percentSign, string[] labels)
    {
        Roles = roles;
        Units = units;
        PercentSign = percentSign;
        _labels = labels;
        Groups = FindGroups();
    }

    public int Width => Roles.Length;

    /// <summary>
    /// The header starting at <paramref name="start"/>: the run of rows without amounts (at most four) whose
    /// columns, read as paths, name three or more roles; null when the rows there are no header.
    /// </summary>
    public static TableHeader? Read(IReadOnlyList<string[]> rows, int start, HeaderVocabulary vocabulary, out int consumed)
    {
        consumed = 0;
        int end = start;
        while (end < rows.Count && end - start < 4 && !IsDataRow(rows[end])) end++;
        // Captions and unit lines inside the table (one cell) are not header rows.
        var block = rows.Skip(start).Take(end - start).Where(r => r.Count(c => c.Length > 0) >= 2).ToList();
        if (block.Count == 0) return null;
        // Of a longer run, the last rows are the header (a title or category row may come before it).
        for (int take = block.Count; take >= 1; take--)
        {
            var header = FromRows(block.Skip(block.Count - take).ToList(), vocabulary);
            if (header is null) continue;
            consumed = end - start;
            return header;
        }
        return null;
    }

    /// <summary>Also a single row, for callers that know where the header is.</summary>
    public static TableHeader? FromRows(IReadOnlyList<string[]> block, HeaderVocabulary vocabulary)
    {
        int width = block.Max(r => r.Length);
        var grid = block.Select(r => Enumerable.Range(0, width).Select(i => i < r.Length ? r[i] : "").ToArray()).ToList();
        // A merged group cell padded with empties (城镇新增就业(人) | | ) covers the sub-columns below it.
        for (int r = 0; r < grid.Count - 1; r++)
            for (int c = 1; c < width; c++)
                if (grid[r][c].Length == 0 && grid[r][c - 1].Length > 0 && grid[r + 1][c].Length > 0 && grid[r + 1][c - 1].Length > 0)
                    grid[r][c] = grid[r][c - 1];

        var roles = new ColumnRole[width];
        var units = new (double, string)?[width];
        var percentSign = new bool[width];
        var labels = new string[width];
        var roleCells = new string[width];
        int titled = 0;
        for (int c = 0; c < width; c++)
        {
            var path = new List<string>();
            foreach (var row in grid)
                if (row[c].Length > 0 && (path.Count == 0 || path[^1] != row[c])) path.Add(row[c]);
            int roleAt = -1;
            for (int p = path.Count - 1; p >= 0 && roleAt < 0; p--)
            {
                if (DigitsOnly().IsMatch(path[p])) continue;
                // A long cell is read by the word it opens with (进展情况、存在问题及下一步打算), a short one by its last.
                var role = path[p].Length <= 14 ? vocabulary.RoleOf(path[p]) : vocabulary.OpeningRole(path[p]);
                if (role != ColumnRole.None) { roles[c] = role; roleAt = p; roleCells[c] = path[p]; }
            }
            if (roleAt >= 0) titled++;
            percentSign[c] = path.Any(p => p.Contains('%') || p.Contains('％'));
            for (int p = path.Count - 1; p >= 0 && units[c] is null; p--)
                if (TrailingUnit().Match(path[p]) is { Success: true } m && !m.Groups[1].Value.Contains('/'))
                    units[c] = UnitTable.Parse(m.Groups[1].Value);
            labels[c] = Label(path, roleAt, vocabulary);
        }
        if (titled < 3) return null;
        // Progress by period (1-10月推进情况 | 1-11月推进情况): the last period's column is the progress, the earlier ones history.
        for (int c = 0; c < width; c++)
            if (roles[c] == ColumnRole.Progress && Period().IsMatch(roleCells[c])
                && Enumerable.Range(c + 1, width - c - 1).Any(d => roles[d] == ColumnRole.Progress && labels[d] == labels[c] && Period().IsMatch(roleCells[d])))
                roles[c] = ColumnRole.None;
        return new TableHeader(Grouped(roles), units, percentSign, labels);
    }

    /// <summary>Several name-like columns (工程名称 | 项目内容 | 项目内容): all but the last name the project's group.</summary>
    private static ColumnRole[] Grouped(ColumnRole[] roles)
    {
        int lastName = Array.LastIndexOf(roles, ColumnRole.Name);
        for (int c = 0; c < lastName; c++)
            if (roles[c] == ColumnRole.Name) roles[c] = ColumnRole.Group;
        return roles;
    }

    /// <summary>The header with <paramref name="column"/> covering two columns (a merged header cell over two data cells).</summary>
    public TableHeader Widen(int column)
    {
        static T[] Doubled<T>(T[] values, int at) => [.. values[..(at + 1)], .. values[at..]];
        var roles = Doubled(Roles, column);
        return new TableHeader(Grouped(roles), Doubled(Units, column), Doubled(PercentSign, column), Doubled(_labels, column));
    }

    /// <summary>The indicator a value column's header names: the nearest cell above its role cell that says more than header words.</summary>
    private static string Label(List<string> path, int roleAt, HeaderVocabulary vocabulary)
    {
        if (roleAt < 0) return "";
        for (int p = roleAt - 1; p >= 0; p--)
            if (vocabulary.Residue(path[p]).Length >= 2) return WithoutUnit(path[p]);
        string own = vocabulary.Residue(path[roleAt]);
        return own.Length >= 2 ? own : "";
    }

    private static string WithoutUnit(string cell) => TrailingUnit().Replace(cell, "").Trim();

    /// <summary>A row number (1, 9*: a footnote star allowed).</summary>
    public static bool IsRowNumber(string cell) => RowNumber().IsMatch(cell);

    /// <summary>
    /// A data row: it opens with a row number (1, 9*), holds a number in a short cell, or a sentence that states an
    /// amount (a long project name or a progress cell: 城区…增种林荫50处 | 已完成该项任务，…共计51处。); a header cell
    /// writes no sentence.
    /// </summary>
    public static bool IsDataRow(string[] cells) =>
        cells.Length > 0 && IsRowNumber(cells[0])
        || cells.Any(c => c.Length is > 0 and <= 16 && NumberRecognizer.Find(c).Any())
        || cells.Any(c => c.IndexOfAny(SentenceMarks) >= 0 && NumberRecognizer.Find(c).Any(q => !q.IsBare));

    private static readonly char[] SentenceMarks = ['。', '，', ',', '；', ';'];

    /// <summary>
    /// Value columns in groups: a new label above them starts the next indicator (a cross-tab); so does a role
    /// repeated under one label (several measures on one row: 任务 | 完成 | 投资任务 | 完成投资).
    /// </summary>
    private List<ColumnGroup> FindGroups()
    {
        var groups = new List<ColumnGroup>();
        string label = "";
        var slots = new[] { -1, -1, -1 }; // target, progress, percent
        void Close()
        {
            if (slots.Any(s => s >= 0)) groups.Add(new ColumnGroup(label, slots[0], slots[1], slots[2]));
            Array.Fill(slots, -1);
            label = "";
        }
        for (int c = 0; c < Roles.Length; c++)
        {
            int slot = Roles[c] switch { ColumnRole.Target => 0, ColumnRole.Progress => 1, ColumnRole.Percent => 2, _ => -1 };
            if (slot < 0) continue;
            bool newLabel = _labels[c].Length > 0 && label.Length > 0 && _labels[c] != label;
            if (newLabel || slots[slot] >= 0) Close();
            if (label.Length == 0) label = _labels[c];
            slots[slot] = c;
        }
        Close();
        return groups;
    }

    /// <summary>Called after column roles were repaired from the cells below (an untitled column of percentages, a column of indicators).</summary>
    public void Regroup()
    {
        var grouped = Grouped(Roles);
        Array.Copy(grouped, Roles, Roles.Length);
        Groups = FindGroups();
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex DigitsOnly();

    [GeneratedRegex(@"\d{1,2}月|[一二三四]季度|上半年|下半年")]
    private static partial Regex Period();

    [GeneratedRegex(@"^\d{1,3}[*＊]?$")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"[（(]([^（）()]{1,6})[)）]$")]
    internal static partial Regex TrailingUnit();
}
