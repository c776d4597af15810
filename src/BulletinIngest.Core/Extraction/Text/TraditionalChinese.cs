using System.Text;

namespace BulletinIngest.Extraction.Text;

/// <summary>
/// Folds traditional characters to simplified ones (棚戶區 → 棚户区) by OpenCC's character table
/// (models/opencc/t2s_chars.tsv, Apache-2.0), character by character like score.py's str.translate, so a
/// 繁體 mirror's names, regions and units compare equal to their simplified spelling. The one loader of that
/// table: <see cref="TextNormalizer"/> takes its length-preserving part, <see cref="CharMap"/>.
/// </summary>
public static class TraditionalChinese
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(() => Read(File.ReadLines(ModelFiles.PathOf(Path.Combine("opencc", "t2s_chars.tsv")))));

    private static readonly Lazy<Dictionary<char, char>> Chars = new(() => Table.Value
        .Where(p => p.Key <= char.MaxValue && p.Value.Length == 1)
        .ToDictionary(p => (char)p.Key, p => p.Value[0]));

    /// <summary>
    /// The pairs where both sides are one UTF-16 char, so folding keeps the length (offsets found in the folded
    /// text are offsets in the text as written); pairs outside the BMP are rare characters and left out.
    /// </summary>
    public static IReadOnlyDictionary<char, char> CharMap => Chars.Value;

    /// <summary>TAB-separated traditional → simplified pairs, keyed by code point.</summary>
    public static Dictionary<int, string> Read(IEnumerable<string> lines)
    {
        var table = new Dictionary<int, string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length != 2 || cells[0].Length == 0) continue;
            // Keys are single code points; some lie outside the BMP (surrogate pairs).
            if (Rune.TryGetRuneAt(cells[0], 0, out var rune) && rune.Utf16SequenceLength == cells[0].Length)
                table[rune.Value] = cells[1];
        }
        return table;
    }

    /// <summary>Which BMP characters the table folds: most characters of a text are not keys, and this answers without a lookup.</summary>
    private static readonly Lazy<bool[]> BmpKeys = new(() =>
    {
        var keys = new bool[char.MaxValue + 1];
        foreach (int key in Table.Value.Keys)
            if (key <= char.MaxValue) keys[key] = true;
        return keys;
    });

    /// <summary>
    /// The text with every traditional character replaced by its simplified form. Read by code point, as
    /// <see cref="string.EnumerateRunes"/> would (a lone surrogate reads as U+FFFD), without a string a character.
    /// </summary>
    public static string ToSimplified(string text)
    {
        var table = Table.Value;
        var keys = BmpKeys.Value;
        StringBuilder? folded = null;
        for (int index = 0; index < text.Length;)
        {
            char c = text[index];
            bool pair = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            int codePoint = pair ? char.ConvertToUtf32(c, text[index + 1]) : char.IsSurrogate(c) ? Rune.ReplacementChar.Value : c;
            if ((codePoint > char.MaxValue || keys[codePoint]) && table.TryGetValue(codePoint, out var simplified))
            {
                folded ??= new StringBuilder(text, 0, index, text.Length);
                folded.Append(simplified);
            }
            else if (folded is not null)
            {
                if (pair) folded.Append(text, index, 2);
                else folded.Append((char)codePoint);
            }
            index += pair ? 2 : 1;
        }
        return folded?.ToString() ?? text;
    }
}
