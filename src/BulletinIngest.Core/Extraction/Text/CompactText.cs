using System.Text;

namespace BulletinIngest.Extraction.Text;

/// <summary>
/// Text with the layout noise of PDF/OCR removed, mapped back to the original offsets: whitespace goes
/// (so `5. 42` reads 5.42 and `完成全 年任务` reads 完成全年任务) except between two ASCII letters/digits,
/// where it separates words or numbers (`455 535`). Full-width digits, letters and % become ASCII.
/// Every character keeps the offset it had in the source, so a match can be traced to the document.
/// </summary>
public sealed class CompactText
{
    private readonly int[] _offsets;

    private CompactText(string text, int[] offsets, int sourceEnd)
    {
        Text = text;
        _offsets = offsets;
        SourceEnd = sourceEnd;
    }

    public string Text { get; }
    public int Length => Text.Length;
    /// <summary>Source offset just past the last character.</summary>
    public int SourceEnd { get; }

    public char this[int index] => Text[index];

    /// <summary>Source offset of a character of <see cref="Text"/> (or of the end, for index == Length).</summary>
    public int SourceOffset(int index) => index >= _offsets.Length ? SourceEnd : _offsets[index];

    /// <summary>Source offset just past the character before <paramref name="index"/>.</summary>
    public int SourceEndOffset(int index) => index <= 0 ? SourceOffset(0) : _offsets[Math.Min(index, _offsets.Length) - 1] + 1;

    public static CompactText From(string source, int sourceStart = 0)
    {
        var text = new StringBuilder(source.Length);
        var offsets = new List<int>(source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            char c = Fold(source[i]);
            if (char.IsWhiteSpace(c))
            {
                if (KeepsSpace(text, source, i) && text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                    offsets.Add(sourceStart + i);
                }
                continue;
            }
            text.Append(c);
            offsets.Add(sourceStart + i);
        }
        // A space kept at the end separates nothing.
        if (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
            offsets.RemoveAt(offsets.Count - 1);
        }
        return new CompactText(text.ToString(), offsets.ToArray(), sourceStart + source.Length);
    }

    /// <summary>Concatenates pieces (e.g. a sentence broken over two blocks) keeping each piece's offsets.</summary>
    public static CompactText Concat(IEnumerable<CompactText> parts)
    {
        var text = new StringBuilder();
        var offsets = new List<int>();
        int end = 0;
        foreach (var part in parts)
        {
            text.Append(part.Text);
            offsets.AddRange(part._offsets);
            end = part.SourceEnd;
        }
        return new CompactText(text.ToString(), offsets.ToArray(), end);
    }

    public CompactText Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, Length);
        end = Math.Clamp(end, start, Length);
        var offsets = _offsets[start..end];
        int sourceEnd = end < Length ? _offsets[end] : SourceEnd;
        if (end > start) sourceEnd = offsets[^1] + 1;
        return new CompactText(Text[start..end], offsets, sourceEnd);
    }

    public override string ToString() => Text;

    private static bool KeepsSpace(StringBuilder before, string source, int i)
    {
        if (before.Length == 0) return false;
        char previous = before[^1];
        int next = i + 1;
        while (next < source.Length && char.IsWhiteSpace(source[next])) next++;
        if (next >= source.Length) return false;
        char following = Fold(source[next]);
        return IsAsciiWord(previous) && IsAsciiWord(following);
    }

    private static bool IsAsciiWord(char c) => c < 128 && char.IsLetterOrDigit(c);

    /// <summary>Full-width ASCII forms to ASCII; the ideographic space to a space.</summary>
    public static char Fold(char c) => c switch
    {
        '\u3000' => ' ',
        '％' => '%',
        '．' => '.',
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        >= 'Ａ' and <= 'Ｚ' => (char)('A' + (c - 'Ａ')),
        >= 'ａ' and <= 'ｚ' => (char)('a' + (c - 'ａ')),
        '／' => '/',
        _ => c,
    };
}
