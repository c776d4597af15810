using System.Text;
using PdfSharp.Pdf;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>
/// A composite (Type 0) font: an encoding CMap splits the bytes into codes and maps them to CIDs; the
/// descendant CIDFont gives widths by CID (/W, /DW); the text comes from the ToUnicode CMap or, for the
/// predefined Chinese and Unicode CMaps, from the code bytes themselves, or, for an embedded TrueType
/// program without ToUnicode, from the program's own cmap table through /CIDToGIDMap.
/// </summary>
internal sealed class Type0Font : PdfFont
{
    private const double HalfWidth = 500;

    private readonly CMap _encoding;
    private readonly Encoding? _codeTextEncoding;
    private readonly CMap? _toUnicode;
    private readonly CidWidths _widths;
    /// <summary>For a TrueType CIDFont without ToUnicode: CID → glyph id (null = identity) and glyph id → text from the font's own cmap.</summary>
    private readonly byte[]? _cidToGid;
    private readonly Dictionary<int, string>? _glyphText;

    public Type0Font(PdfDictionary dictionary, InflateBudget budget) : base(dictionary)
    {
        var descendant = PdfObjects.Items(PdfObjects.Array(dictionary, "/DescendantFonts")).OfType<PdfDictionary>().FirstOrDefault();
        var descriptor = PdfObjects.Dictionary(descendant, "/FontDescriptor");
        IsBold = LooksBold(Name, descriptor);
        _widths = new CidWidths(PdfObjects.Array(descendant, "/W"), PdfObjects.Number(descendant, "/DW") ?? 1000);
        _toUnicode = ReadToUnicode(dictionary, budget);

        switch (PdfObjects.Get(dictionary, "/Encoding"))
        {
            case PdfName name when PredefinedCMaps.Find(name.Value.TrimStart('/')) is { } predefined:
                _encoding = predefined.Map;
                _codeTextEncoding = predefined.TextEncoding;
                break;
            case PdfDictionary stream when budget.StreamBytes(stream) is { } bytes && CMap.Parse(bytes) is { HasCodespaces: true } embedded:
                _encoding = embedded;
                break;
            default:
                _encoding = CMap.Identity(vertical: false);
                break;
        }
        IsVertical = _encoding.IsVertical || _encoding.Name.EndsWith("-V", StringComparison.Ordinal)
                     || (PdfObjects.Get(dictionary, "/Encoding") as PdfName)?.Value.EndsWith("-V", StringComparison.Ordinal) == true;
        if (_toUnicode is null && _codeTextEncoding is null && PdfObjects.Name(descendant, "/Subtype") == "/CIDFontType2"
            && budget.StreamBytes(PdfObjects.Dictionary(descriptor, "/FontFile2")) is { } program)
        {
            _glyphText = TrueTypeCmap.GlyphToText(program);
            _cidToGid = budget.StreamBytes(PdfObjects.Get(descendant, "/CIDToGIDMap") as PdfDictionary);
        }
        if (_toUnicode is null && _codeTextEncoding is null && (_glyphText is null || _glyphText.Count == 0)) MapsAllGlyphs = false;
    }

    public override IEnumerable<Glyph> Decode(byte[] bytes)
    {
        var glyphs = new List<Glyph>(bytes.Length / 2 + 1);
        for (int i = 0; i < bytes.Length;)
        {
            var (code, length) = _encoding.NextCode(bytes, i);
            string? text = _toUnicode?.ToUnicode(code);
            if (text is null && _codeTextEncoding is not null) text = CodeText(bytes, i, length);
            int? cid = _encoding.ToCid(code);
            if (text is null && _glyphText is not null && cid is { } glyphCid) _glyphText.TryGetValue(GlyphId(glyphCid), out text);
            double width = cid is { } c ? _widths.Width(c)
                : length == 1 || (_codeTextEncoding is UnicodeEncoding && code < 0x100) ? HalfWidth
                : _widths.Default;
            glyphs.Add(new Glyph(code, text, width, length == 1 && code == 32));
            i += length;
        }
        return glyphs;
    }

    private int GlyphId(int cid) =>
        _cidToGid is null ? cid : 2 * cid + 1 < _cidToGid.Length ? (_cidToGid[2 * cid] << 8) | _cidToGid[2 * cid + 1] : 0;

    private string? CodeText(byte[] bytes, int index, int length)
    {
        if (length == 1 && bytes[index] < 0x80) return ((char)bytes[index]).ToString();
        string text = _codeTextEncoding!.GetString(bytes, index, length);
        return text.Contains('\uFFFD') ? null : text;
    }

    /// <summary>The /W array of a CIDFont: "c [w1 w2 ...]" and "cFirst cLast w" entries; /DW for the rest.</summary>
    private sealed class CidWidths
    {
        private readonly Dictionary<int, double> _single = [];
        private readonly List<(int First, int Last, double Width)> _ranges = [];

        public CidWidths(PdfArray? array, double defaultWidth)
        {
            Default = defaultWidth;
            var items = PdfObjects.Items(array).ToList();
            for (int i = 0; i + 1 < items.Count;)
            {
                if (PdfObjects.Number(items[i]) is not { } first) { i++; continue; }
                if (items[i + 1] is PdfArray widths)
                {
                    int cid = (int)first;
                    foreach (var w in PdfObjects.Items(widths)) _single[cid++] = PdfObjects.Number(w) ?? defaultWidth;
                    i += 2;
                }
                else if (i + 2 < items.Count && PdfObjects.Number(items[i + 1]) is { } last && PdfObjects.Number(items[i + 2]) is { } width)
                {
                    _ranges.Add(((int)first, (int)last, width));
                    i += 3;
                }
                else i++;
            }
        }

        public double Default { get; }

        public double Width(int cid)
        {
            if (_single.TryGetValue(cid, out double width)) return width;
            foreach (var (first, last, rangeWidth) in _ranges)
                if (cid >= first && cid <= last) return rangeWidth;
            return Default;
        }
    }
}
