using PdfSharp.Pdf;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>One shown glyph: its code, its Unicode text (null when the font gives no way to know it) and its advance width in glyph space.</summary>
internal readonly record struct Glyph(int Code, string? Text, double Width, bool IsWordSpace);

/// <summary>
/// A font as the text layer needs it: how a shown string's bytes split into glyphs, what text each glyph is,
/// and how far it advances the pen. Glyph widths are in glyph space; <see cref="FontMatrix"/> maps them to
/// text space (1/1000 for every font type but Type 3).
/// </summary>
internal abstract class PdfFont
{
    public static readonly Matrix ThousandthMatrix = new(0.001, 0, 0, 0.001, 0, 0);

    protected PdfFont(PdfDictionary dictionary)
    {
        Name = (PdfObjects.Name(dictionary, "/BaseFont") ?? PdfObjects.Name(dictionary, "/Name") ?? "(unnamed)").TrimStart('/');
    }

    public string Name { get; }
    public Matrix FontMatrix { get; protected init; } = ThousandthMatrix;
    public bool IsBold { get; protected init; }
    public bool IsVertical { get; protected init; }

    /// <summary>False when some glyphs have no Unicode mapping at all (no ToUnicode, no usable encoding).</summary>
    public bool MapsAllGlyphs { get; protected set; } = true;

    public abstract IEnumerable<Glyph> Decode(byte[] bytes);

    /// <summary>Bold from the font's name or its descriptor (weight, ForceBold flag).</summary>
    protected static bool LooksBold(string name, PdfDictionary? descriptor)
    {
        string lower = name.ToLowerInvariant();
        if (lower.Contains("bold") || lower.Contains("black") || lower.Contains("heavy") || lower.Contains("demi") || lower.Contains("semibold"))
            return true;
        if (PdfObjects.Number(descriptor, "/FontWeight") is >= 600) return true;
        const int forceBold = 1 << 18;
        return PdfObjects.Number(descriptor, "/Flags") is { } flags && ((long)flags & forceBold) != 0;
    }

    protected static CMap? ReadToUnicode(PdfDictionary dictionary, InflateBudget budget)
    {
        var stream = PdfObjects.Get(dictionary, "/ToUnicode") as PdfDictionary;
        var bytes = budget.StreamBytes(stream);
        if (bytes is null) return null;
        var map = CMap.Parse(bytes);
        return map.HasUnicode ? map : null;
    }
}
