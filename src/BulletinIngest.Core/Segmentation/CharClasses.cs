namespace BulletinIngest.Segmentation;

/// <summary>The character classes of jieba's regular expressions, as Python 3's re module reads them.</summary>
internal static class CharClasses
{
    /// <summary>finalseg's re_han: [\u4E00-\u9FD5].</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>jieba's re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-], the characters the dictionary cuts.</summary>
    public static bool IsBlockChar(char c) => IsHan(c) || IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>jieba's re_eng: [a-zA-Z0-9].</summary>
    public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// Python's \s on str patterns (str.isspace), which differs from char.IsWhiteSpace: it includes the
    /// information separators U+001C..U+001F.
    /// </summary>
    public static bool IsPythonSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };
}
