namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>Which characters are CJK (ideographs, kana, CJK and full-width punctuation), between which no space is written.</summary>
public static class Cjk
{
    public static bool IsCjk(int codePoint) => codePoint is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;

    public static bool StartsWithCjk(string text) => text.Length > 0 && IsCjk(CodePointAt(text, 0));

    public static bool EndsWithCjk(string text)
    {
        if (text.Length == 0) return false;
        int index = text.Length >= 2 && char.IsLowSurrogate(text[^1]) ? text.Length - 2 : text.Length - 1;
        return IsCjk(CodePointAt(text, index));
    }

    private static int CodePointAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1]) : text[index];

    /// <summary>Joins two pieces of one sentence: with a space only between two Latin letters or digits.</summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        bool latinBoundary = char.IsLetterOrDigit(left[^1]) && !EndsWithCjk(left) && char.IsLetterOrDigit(right[0]) && !StartsWithCjk(right);
        return latinBoundary ? left + " " + right : left + right;
    }
}
