namespace BulletinIngest.Segmentation;

/// <summary>One token of a segmented text and where it starts in that text (UTF-16 offsets).</summary>
public readonly record struct Token(string Text, int Start)
{
    public int End => Start + Text.Length;

    public override string ToString() => $"{Text}@{Start}";

    // Half of all tokens are one character (punctuation, single Han characters): share their strings.
    private static readonly string?[] SingleCharacters = new string?[char.MaxValue + 1];

    /// <summary>The token text[start..end).</summary>
    internal static Token Of(string text, int start, int end)
    {
        string word = end - start == 1 ? SingleCharacters[text[start]] ??= text[start].ToString() : text[start..end];
        return new Token(word, start);
    }
}
