using System.Text;
using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Text;

/// <summary>
/// The text the extraction cues are written for, made from what a bulletin says: traditional characters
/// become simplified (發展 → 发展), a few regional word variants become the mainland word (計畫 → 计划),
/// pinyin glosses glued to characters are blanked (發(fā)展 → 发    展), full-width digits and letters
/// become ASCII. Length-preserving: character i of the result stands for character i of the input, so
/// every offset found in the normalized text is an offset into the text as written.
/// </summary>
public sealed partial class TextNormalizer
{
    private readonly IReadOnlyDictionary<char, char> _simplified;
    private readonly IReadOnlyList<(string Variant, string Mainland)> _words;

    public TextNormalizer(IReadOnlyDictionary<char, char> simplified, IReadOnlyList<(string, string)> words)
    {
        _simplified = simplified;
        _words = words;
    }

    private static TextNormalizer? _default;
    private static readonly object Lock = new();

    /// <summary>The tables in the models folder (opencc/t2s_chars.tsv through <see cref="TraditionalChinese"/>, normalize/variant_words.tsv), loaded once.</summary>
    public static TextNormalizer Default
    {
        get
        {
            lock (Lock)
                return _default ??= new TextNormalizer(
                    TraditionalChinese.CharMap,
                    ReadWords(File.ReadLines(ModelFiles.PathOf("normalize/variant_words.tsv"))));
        }
    }

    /// <summary>TAB-separated variant → mainland words of equal length.</summary>
    public static IReadOnlyList<(string, string)> ReadWords(IEnumerable<string> lines) =>
        Pairs(lines).Where(p => p.Item1.Length == p.Item2.Length && p.Item1.Length > 0).ToList();

    private static IEnumerable<(string, string)> Pairs(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length >= 2) yield return (parts[0].Trim(), parts[1].Trim());
        }
    }

    /// <summary>The normalized text, of the same length as <paramref name="text"/>.</summary>
    public string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text) result.Append(Simplify(c));
        foreach (Match gloss in PinyinGloss().Matches(text))
            for (int i = gloss.Index; i < gloss.Index + gloss.Length; i++) result[i] = ' ';
        foreach (var (variant, mainland) in _words)
        {
            for (int at = IndexOf(result, variant, 0); at >= 0; at = IndexOf(result, variant, at + variant.Length))
                for (int i = 0; i < mainland.Length; i++) result[at + i] = mainland[i];
        }
        return result.ToString();
    }

    /// <summary>One character's simplified and ASCII-folded form (the ideographic space stays: compaction treats it as space).</summary>
    public char Simplify(char c) => _simplified.TryGetValue(c, out char simple) ? simple : c == '\u3000' ? c : CompactText.Fold(c);

    /// <summary>Traditional characters to simplified, nothing else (how the referee compares names).</summary>
    public string ToSimplified(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++) span[i] = _simplified.GetValueOrDefault(source[i], source[i]);
        });

    /// <summary>True when <paramref name="written"/> is a traditional form of <paramref name="simplified"/> (not an ASCII fold).</summary>
    public bool IsTraditionalOf(char written, char simplified) =>
        _simplified.TryGetValue(written, out char simple) && simple == simplified;

    private static int IndexOf(StringBuilder text, string word, int from)
    {
        for (int i = from; i + word.Length <= text.Length; i++)
        {
            int j = 0;
            while (j < word.Length && text[i + j] == word[j]) j++;
            if (j == word.Length) return i;
        }
        return -1;
    }

    /// <summary>
    /// A pinyin syllable in brackets right after a Chinese character: `發(fā)`, `內（nèi）`. At least one
    /// tone-marked vowel, so `公里(km)` or `(A)` is never taken for a gloss.
    /// </summary>
    [GeneratedRegex(@"(?<=[\u3400-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]")]
    private static partial Regex PinyinGloss();
}
