using PdfSharp.Pdf;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>Loads each font dictionary of a document once; fonts the text layer cannot use are reported once.</summary>
internal sealed class FontCache(InflateBudget budget)
{
    private readonly Dictionary<PdfDictionary, PdfFont?> _fonts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _reported = [];

    public List<string> Warnings { get; } = [];

    public PdfFont? Get(PdfDictionary dictionary)
    {
        if (_fonts.TryGetValue(dictionary, out var font)) return font;
        font = Load(dictionary);
        _fonts[dictionary] = font;
        if (font is { MapsAllGlyphs: false } && _reported.Add(font.Name))
            Warnings.Add($"font {font.Name} has no Unicode map; glyphs it cannot name are left out");
        return font;
    }

    private PdfFont? Load(PdfDictionary dictionary)
    {
        try
        {
            return PdfObjects.Name(dictionary, "/Subtype") switch
            {
                "/Type0" => new Type0Font(dictionary, budget),
                "/Type3" => new SimpleFont(dictionary, isType3: true, budget),
                _ => new SimpleFont(dictionary, isType3: false, budget),
            };
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            string name = PdfObjects.Name(dictionary, "/BaseFont") ?? "(unnamed)";
            if (_reported.Add(name)) Warnings.Add($"font {name} could not be read ({error.Message}); its text is left out");
            return null;
        }
    }
}
