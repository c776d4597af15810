using System.Text.RegularExpressions;

namespace BulletinIngest.Reading;

/// <summary>A pattern of page noise from models/rules/noise.tsv, with the example line it must match.</summary>
public sealed record NoiseRule(bool Tail, Regex Pattern, string Example);

/// <summary>
/// Tells page noise (breadcrumbs, page tools, share bars, footers, related-news tails) from content, line by
/// line, by the patterns of models/rules/noise.tsv. A tail marker (相关阅读, 新闻推荐) makes the rest of the
/// document noise, but only in its second half: a page's side menu can name the same words near the top.
/// </summary>
public sealed class NoiseRules(IReadOnlyList<NoiseRule> rules)
{
    public const string FileName = "rules/noise.tsv";

    private static readonly Lazy<NoiseRules> Loaded = new(() => Load(ModelFiles.PathOf(FileName)));

    public static NoiseRules Default => Loaded.Value;

    public IReadOnlyList<NoiseRule> Rules { get; } = rules;

    public static NoiseRules Load(string path)
    {
        var rules = new List<NoiseRule>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0] is not ("line" or "tail"))
                throw new InvalidDataException($"{path}: expected scope (line|tail), pattern, example: {line}");
            rules.Add(new NoiseRule(fields[0] == "tail", new Regex(fields[1], RegexOptions.CultureInvariant), fields[2]));
        }
        return new NoiseRules(rules);
    }

    public bool IsNoiseLine(string line)
    {
        string trimmed = line.Trim(' ', '\u3000', '\t');
        return trimmed.Length > 0 && Rules.Any(r => r.Pattern.IsMatch(trimmed));
    }

    /// <summary>For each line, whether it is noise (a tail marker in the second half makes every later line noise).</summary>
    public bool[] Mark(IReadOnlyList<string> lines)
    {
        var noise = new bool[lines.Count];
        int contentLines = lines.Count(l => l.Trim().Length > 0), seen = 0;
        bool inTail = false;
        for (int i = 0; i < lines.Count; i++)
        {
            string trimmed = lines[i].Trim(' ', '\u3000', '\t');
            if (trimmed.Length == 0) continue;
            seen++;
            if (!inTail && seen * 2 > contentLines && Rules.Any(r => r.Tail && r.Pattern.IsMatch(trimmed))) inTail = true;
            // A TAB line is a table row, which no noise pattern describes.
            noise[i] = inTail || (!trimmed.Contains('\t') && Rules.Any(r => !r.Tail && r.Pattern.IsMatch(trimmed)) && !HeadsARow(lines, i));
        }
        return noise;
    }

    /// <summary>
    /// A table's header line written with single spaces (名次 县区 目标任务 完成 完成率) looks like a menu of short words;
    /// the next line, a row of as many words with a number among them, tells it apart.
    /// </summary>
    private static bool HeadsARow(IReadOnlyList<string> lines, int i)
    {
        int next = i + 1;
        while (next < lines.Count && lines[next].Trim().Length == 0) next++;
        if (next == lines.Count) return false;
        string[] Words(string line) => line.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var header = Words(lines[i]);
        var row = Words(lines[next]);
        return header.Length >= 3 && row.Length == header.Length && row.Any(w => TextTables.CellText.IsNumber(w));
    }
}
