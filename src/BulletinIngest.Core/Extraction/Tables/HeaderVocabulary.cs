namespace BulletinIngest.Extraction.Tables;

/// <summary>What a table column holds, read from its header cell.</summary>
public enum ColumnRole { None, Index, Category, Group, Name, Owner, Region, Target, Progress, Percent, Unit, Note, PlanByMonth }

/// <summary>
/// Header words and the column role each gives (models/rules/table-headers.tsv, one word a line with an
/// example). A header cell is read left to right taking the longest word at each position; the last word found
/// decides (任务数 进度情况 → progress; 完成目标(%) → percent), so a cell holding two titles takes the later one.
/// </summary>
public sealed class HeaderVocabulary
{
    private readonly Dictionary<string, ColumnRole> _words;
    private readonly int _longest;

    public HeaderVocabulary(IEnumerable<(string Word, ColumnRole Role)> words)
    {
        _words = words.ToDictionary(w => w.Word, w => w.Role, StringComparer.Ordinal);
        _longest = _words.Keys.Max(w => w.Length);
    }

    private static readonly Lazy<HeaderVocabulary> Loaded = new(() => Load(ModelFiles.PathOf("rules/table-headers.tsv")));

    /// <summary>The vocabulary in models/rules/table-headers.tsv, loaded once per process.</summary>
    public static HeaderVocabulary Default => Loaded.Value;

    public static HeaderVocabulary Load(string path)
    {
        var words = new List<(string, ColumnRole)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length < 3) throw new FormatException($"{path}: expected word, role and example: {line}");
            words.Add((fields[0], ParseRole(fields[1])));
        }
        return new HeaderVocabulary(words);
    }

    /// <summary>A role as the data file writes it (project, actual, plan-by-month …).</summary>
    public static ColumnRole ParseRole(string role) => role switch
    {
        "index" => ColumnRole.Index,
        "category" => ColumnRole.Category,
        "project" => ColumnRole.Name,
        "owner" => ColumnRole.Owner,
        "unit" => ColumnRole.Unit,
        "region" => ColumnRole.Region,
        "target" => ColumnRole.Target,
        "actual" => ColumnRole.Progress,
        "percent" => ColumnRole.Percent,
        "note" => ColumnRole.Note,
        "plan-by-month" => ColumnRole.PlanByMonth,
        _ => throw new FormatException($"unknown column role '{role}'"),
    };

    /// <summary>The header words of a cell, in order, as (start, length, role).</summary>
    public IEnumerable<(int Start, int Length, ColumnRole Role)> Words(string cell)
    {
        for (int i = 0; i < cell.Length;)
        {
            int length = 0;
            for (int n = Math.Min(_longest, cell.Length - i); n >= 1; n--)
                if (_words.ContainsKey(cell.Substring(i, n))) { length = n; break; }
            if (length == 0) { i++; continue; }
            yield return (i, length, _words[cell.Substring(i, length)]);
            i += length;
        }
    }

    /// <summary>The role of a header cell (its last word), or None when it holds no header word.</summary>
    public ColumnRole RoleOf(string cell) => Words(cell).Select(w => w.Role).LastOrDefault(ColumnRole.None);

    /// <summary>The role of the header word a cell opens with, or None.</summary>
    public ColumnRole OpeningRole(string cell) => Words(cell).FirstOrDefault() is { Start: 0 } first ? first.Role : ColumnRole.None;

    /// <summary>
    /// What a header cell says besides its header words, brackets and years: the indicator a column group
    /// measures (城镇新增就业(人) → 城镇新增就业; 完成投资(亿元) → 投资; 目标 → "").
    /// </summary>
    public string Residue(string cell)
    {
        var chars = cell.ToCharArray();
        foreach (var (start, length, _) in Words(cell))
            for (int i = start; i < start + length; i++) chars[i] = ' ';
        string rest = new string(chars);
        rest = System.Text.RegularExpressions.Regex.Replace(rest, @"[（(][^）)]*[）)]|\d{4}年|[\d%％.、，,：:/\s\-—–~～至]", ""); // (1-9月: a period's dash goes with its digits)
        // Time words say when, not what (截至9月完成, 全年目标).
        rest = System.Text.RegularExpressions.Regex.Replace(rest, "截至|截止|[一二三四]?季度|月份|月底|月|年底|全年|年度|本月|当月|上半年|下半年|今年|年|数|情况", "");
        return rest;
    }
}
