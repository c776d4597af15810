using System.Text;

namespace BulletinIngest.Extraction.Text;

/// <summary>
/// Folds traditional characters to simplified ones (棚戶區 → 棚户区) by OpenCC's character table
/// (models/opencc/t2s_chars.tsv, Apache-2.0), character by character like score.py's str.translate, so a
/// 繁體 mirror's names, regions and units compare equal to their simplified spelling.
/// </summary>
public static class TraditionalChinese
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(() => Load(ModelFiles.PathOf(Path.Combine("opencc", "t2s_chars.tsv"))));

    public static Dictionary<int, string> Load(string path)
    {
        var table = new Dictionary<int, string>();
        foreach (var line in File.ReadLines(path))
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

    /// <summary>The text with every traditional character replaced by its simplified form.</summary>
    public static string ToSimplified(string text)
    {
        var table = Table.Value;
        StringBuilder? folded = null;
        int index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (table.TryGetValue(rune.Value, out var simplified))
            {
                folded ??= new StringBuilder(text, 0, index, text.Length);
                folded.Append(simplified);
            }
            else folded?.Append(rune.ToString());
            index += rune.Utf16SequenceLength;
        }
        return folded?.ToString() ?? text;
    }
}
