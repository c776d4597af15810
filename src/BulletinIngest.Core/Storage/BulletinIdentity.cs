using System.Security.Cryptography;
using System.Text;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Storage;

/// <summary>What a file's text says about which bulletin it is: a hash of its normalized text, and its title.</summary>
public sealed record BulletinIdentity(string? TextSha256, string? Title)
{
    /// <summary>Titles are the first line, cut to this many characters (mastheads are shorter).</summary>
    private const int TitleLength = 60;

    /// <summary>
    /// The identity of a text given as its blocks (noise blocks left out). Normalized so that renderings of one
    /// bulletin agree: NFKC (full-width digits), traditional characters folded to simplified, and only letters and
    /// digits kept, so whitespace, punctuation, line breaks and table layout do not count. A text with no letters
    /// or digits has no identity (it is grouped with nothing).
    /// </summary>
    public static BulletinIdentity Of(IEnumerable<(bool Noise, string Text)> blocks)
    {
        var text = new StringBuilder();
        string? title = null;
        foreach (var (noise, blockText) in blocks)
        {
            if (noise) continue;
            int before = text.Length;
            AppendNormalized(blockText, text);
            if (title is null && text.Length > before)
                title = text.ToString(before, Math.Min(TitleLength, text.Length - before));
        }
        if (text.Length == 0) return new BulletinIdentity(null, null);
        return new BulletinIdentity(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), title);
    }

    public static BulletinIdentity Of(Reading.DocumentText text) =>
        Of(text.Blocks.Select(b => (b.Kind == Reading.BlockKind.Noise, b.Text)));

    private static void AppendNormalized(string text, StringBuilder output)
    {
        var folding = TraditionalChinese.CharMap;
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsLetterOrDigit(c)) continue;
            output.Append(folding.TryGetValue(c, out char simplified) ? simplified : char.ToLowerInvariant(c));
        }
    }
}
