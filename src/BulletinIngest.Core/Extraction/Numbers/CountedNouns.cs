using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Numbers;

/// <summary>
/// The unit of a number scaled by 万/亿 that has none written (50万农村适龄妇女 → 人), from the noun it counts:
/// models/rules/counted-nouns.tsv. The noun is the first of the table in the rest of the clause after the scale
/// (at most <see cref="Reach"/> characters; 的 ends the search: 超过2万的乡镇卫生院 is a modifier).
/// </summary>
public sealed class CountedNouns(IReadOnlyList<(string Noun, string Unit)> nouns)
{
    public const string FileName = "rules/counted-nouns.tsv";
    public const int Reach = 10;

    private static readonly Lazy<CountedNouns> Loaded = new(() => Load(ModelFiles.PathOf(FileName)));

    public static CountedNouns Default => Loaded.Value;

    public IReadOnlyList<(string Noun, string Unit)> Nouns { get; } = nouns;

    public static CountedNouns Load(string path) =>
        new(TsvFile.Read(path).Select(row => (row["noun"], row["unit"])).ToList());

    /// <summary>The unit of the noun counted from <paramref name="index"/> (just after the scale) on, or null.</summary>
    public string? UnitAfter(string text, int index)
    {
        int end = index;
        while (end < text.Length && end - index < Reach && !EndsNoun(text[end])) end++;
        foreach (var (noun, unit) in Nouns)
            if (text.IndexOf(noun, index, end - index, StringComparison.Ordinal) >= 0) return unit;
        return null;
    }

    private static bool EndsNoun(char c) => c is '的' or '、' or '，' or ',' or '。' or '；' or ';' or '：' or ':' or '\n';
}
