using PdfSharp.Pdf;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>
/// A simple font (Type 1, TrueType, Type 3): one byte a glyph; text from the ToUnicode CMap, else from the
/// encoding (base encoding WinAnsi/MacRoman/Standard with /Differences glyph names); widths from /Widths
/// and /FirstChar. Type 3 fonts carry their own /FontMatrix.
/// </summary>
internal sealed class SimpleFont : PdfFont
{
    /// <summary>Pen advance for fonts without widths (the standard 14 fonts): an average Latin glyph.</summary>
    private const double UnknownWidth = 500;

    private readonly CMap? _toUnicode;
    private readonly string?[] _encoded = new string?[256];
    private readonly double[] _widths = new double[256];

    public SimpleFont(PdfDictionary dictionary, bool isType3, InflateBudget budget) : base(dictionary)
    {
        var descriptor = PdfObjects.Dictionary(dictionary, "/FontDescriptor");
        IsBold = LooksBold(Name, descriptor);
        if (isType3 && PdfObjects.Matrix(PdfObjects.Array(dictionary, "/FontMatrix")) is { } matrix) FontMatrix = matrix;
        _toUnicode = ReadToUnicode(dictionary, budget);
        ReadEncoding(dictionary, descriptor);
        ReadWidths(dictionary, descriptor, isType3);
    }

    private void ReadEncoding(PdfDictionary dictionary, PdfDictionary? descriptor)
    {
        var encoding = PdfObjects.Get(dictionary, "/Encoding");
        string? baseName = encoding switch
        {
            PdfName name => name.Value,
            PdfDictionary d => PdfObjects.Name(d, "/BaseEncoding"),
            _ => null,
        };
        const int symbolicFlag = 1 << 2;
        bool symbolic = PdfObjects.Number(descriptor, "/Flags") is { } flags && ((long)flags & symbolicFlag) != 0;
        string? table = baseName switch
        {
            "/WinAnsiEncoding" => GlyphNames.WinAnsi,
            "/MacRomanEncoding" => GlyphNames.MacRoman,
            "/StandardEncoding" => GlyphNames.Standard,
            _ => symbolic ? null : GlyphNames.Standard,
        };
        for (int code = 0; code < 256; code++)
            if (table is not null && table[code] != '\0') _encoded[code] = table[code].ToString();

        if (encoding is PdfDictionary withDifferences)
        {
            int code = 0;
            foreach (var item in PdfObjects.Items(PdfObjects.Array(withDifferences, "/Differences")))
            {
                if (PdfObjects.Number(item) is { } number) code = (int)number;
                else if (item is PdfName glyph && code is >= 0 and < 256) _encoded[code++] = GlyphNames.ToUnicode(glyph.Value.TrimStart('/'));
            }
        }
        if (_toUnicode is null && _encoded.All(e => e is null)) MapsAllGlyphs = false;
    }

    private void ReadWidths(PdfDictionary dictionary, PdfDictionary? descriptor, bool isType3)
    {
        var widths = PdfObjects.Items(PdfObjects.Array(dictionary, "/Widths")).Select(PdfObjects.Number).ToList();
        double missing = PdfObjects.Number(descriptor, "/MissingWidth") ?? 0;
        if (widths.Count == 0 && !isType3) missing = UnknownWidth;
        Array.Fill(_widths, missing);
        int firstChar = (int)(PdfObjects.Number(dictionary, "/FirstChar") ?? 0);
        for (int i = 0; i < widths.Count; i++)
            if (firstChar + i is >= 0 and < 256 && widths[i] is { } width) _widths[firstChar + i] = width;
    }

    public override IEnumerable<Glyph> Decode(byte[] bytes)
    {
        var glyphs = new Glyph[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            int code = bytes[i];
            string? text = _toUnicode?.ToUnicode(code) ?? _encoded[code];
            glyphs[i] = new Glyph(code, text, _widths[code], code == 32);
        }
        return glyphs;
    }
}
