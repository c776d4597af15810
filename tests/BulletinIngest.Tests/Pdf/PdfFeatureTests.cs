using System.Text;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Tests.Pdf;

/// <summary>One font or content feature at a time, on small PDFs written by <see cref="SyntheticPdf"/>.</summary>
public class PdfFeatureTests
{
    static PdfFeatureTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly PdfReader Reader = new();
    private const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    private static string CidFont(SyntheticPdf pdf, string encoding, string toUnicode = "")
    {
        int descendant = pdf.Add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /DW 1000 " +
                                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>");
        return $"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding {encoding} /DescendantFonts [{descendant} 0 R] {toUnicode} >>";
    }

    private static string ReadText(SyntheticPdf pdf) => Reader.Read(pdf.Build()).FullText;

    [Theory]
    [InlineData("/GBK-EUC-H", "GB18030")]
    [InlineData("/GB-EUC-H", "GB18030")]
    [InlineData("/UniGB-UCS2-H", "utf-16BE")]
    [InlineData("/UniGB-UTF16-H", "utf-16BE")]
    public void Predefined_chinese_cmaps_without_to_unicode_decode_the_code_bytes(string cmap, string encoding)
    {
        var pdf = new SyntheticPdf();
        int font = pdf.Add(CidFont(pdf, cmap));
        string shown = SyntheticPdf.Hex(Encoding.GetEncoding(encoding).GetBytes("完成全年任务的98%"));
        pdf.AddPage($"BT /F1 12 Tf 72 700 Td {shown} Tj ET", $"<< /Font << /F1 {font} 0 R >> >>");
        Assert.Equal("完成全年任务的98%", ReadText(pdf).Replace(" ", ""));
    }

    [Fact]
    public void Utf16_cmap_reads_a_surrogate_pair_as_one_character()
    {
        var pdf = new SyntheticPdf();
        int font = pdf.Add(CidFont(pdf, "/UniGB-UTF16-H"));
        pdf.AddPage($"BT /F1 12 Tf 72 700 Td {SyntheticPdf.Hex(Encoding.BigEndianUnicode.GetBytes("村𠀀路"))} Tj ET", $"<< /Font << /F1 {font} 0 R >> >>");
        Assert.Equal("村𠀀路", ReadText(pdf));
    }

    [Fact]
    public void To_unicode_bfchar_bfrange_arrays_and_surrogates()
    {
        const string cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Test-UCS def /CMapType 2 def
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0001> <6C11> <0002> <D840DC00> endbfchar
            2 beginbfrange <0010> <0012> <0031> <0020> <0021> [<5B9E> <4E8B>] endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end
            """;
        var pdf = new SyntheticPdf();
        int toUnicode = pdf.AddStream("", cmap);
        int font = pdf.Add(CidFont(pdf, "/Identity-H", $"/ToUnicode {toUnicode} 0 R"));
        pdf.AddPage("BT /F1 12 Tf 72 700 Td <0001000200100011001200200021> Tj ET", $"<< /Font << /F1 {font} 0 R >> >>");
        Assert.Equal("民𠀀123实事", ReadText(pdf));
    }

    [Fact]
    public void Simple_font_differences_with_glyph_names_and_uni_names()
    {
        var pdf = new SyntheticPdf();
        int font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 1 /LastChar 3 /Widths [1000 1000 556] " +
                           "/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /uni6C11 /uni751F /Euro] >> >>");
        pdf.AddPage("BT /F1 12 Tf 72 700 Td <010203> Tj (A\\x) Tj ET".Replace("\\x", "\u00e9"), $"<< /Font << /F1 {font} 0 R >> >>");
        Assert.Equal("民生€Aé", ReadText(pdf));
    }

    [Fact]
    public void Type3_font_with_flipped_font_matrix_reads_through_to_unicode_in_line_order()
    {
        var pdf = new SyntheticPdf();
        int toUnicode = pdf.AddStream("", "1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <6807> <02> <9898> endbfchar");
        int glyph = pdf.AddStream("", "1000 0 d0");
        int font = pdf.Add($"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 -0.001 0 0] " +
                           $"/CharProcs << /g1 {glyph} 0 R /g2 {glyph} 0 R >> /Encoding << /Differences [1 /g1 /g2] >> " +
                           $"/FirstChar 1 /LastChar 2 /Widths [1000 1000] /ToUnicode {toUnicode} 0 R >>");
        pdf.AddPage($"BT /T3 16 Tf 72 760 Td <0102> Tj ET BT /F1 12 Tf 72 700 Td (body) Tj ET",
            $"<< /Font << /T3 {font} 0 R /F1 {pdf.Add(Helvetica)} 0 R >> >>");
        Assert.Equal("标题\nbody", ReadText(pdf));
    }

    [Fact]
    public void Form_xobjects_are_drawn_with_their_matrix_inside_q_and_cm()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        int form = pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Matrix [1 0 0 1 0 -100] /Resources << /Font << /F1 {helvetica} 0 R >> >>",
            "BT /F1 12 Tf 0 0 Td (inside) Tj ET");
        pdf.AddPage("BT /F1 12 Tf 72 760 Td (first) Tj ET q 1 0 0 1 72 700 cm /X1 Do Q BT /F1 12 Tf 72 500 Td (last) Tj ET",
            $"<< /Font << /F1 {helvetica} 0 R >> /XObject << /X1 {form} 0 R >> >>");
        Assert.Equal("first\ninside\nlast", ReadText(pdf));
    }

    [Fact]
    public void Page_rotation_puts_lines_in_display_order()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        // On a page shown turned 90° clockwise, text running up the page reads left to right; lower x is higher up.
        pdf.AddPage("BT /F1 12 Tf 0 1 -1 0 100 72 Tm (second) Tj 0 1 -1 0 80 72 Tm (first) Tj ET",
            $"<< /Font << /F1 {helvetica} 0 R >> >>", "/Rotate 90");
        string text = ReadText(pdf);
        Assert.True(text.IndexOf("first") >= 0 && text.IndexOf("first") < text.IndexOf("second"), text);
    }

    [Fact]
    public void Kerning_in_TJ_and_next_line_operators()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        pdf.AddPage("BT /F1 12 Tf 14 TL 72 700 Td [(Hel) 20 (lo) -900 (world)] TJ (again) ' 2 0 (done) \" ET",
            $"<< /Font << /F1 {helvetica} 0 R >> >>");
        // Small kerning joins "Hel" and "lo"; a large TJ gap is a space; ' and " move to the next line.
        Assert.Equal("Hello world again done", ReadText(pdf).Replace('\n', ' '));
    }

    [Fact]
    public void Cjk_characters_get_no_spaces_even_when_spread_out()
    {
        var pdf = new SyntheticPdf();
        int font = pdf.Add(CidFont(pdf, "/UniGB-UCS2-H"));
        pdf.AddPage($"BT /F1 12 Tf 5 Tc 72 700 Td {SyntheticPdf.Hex(Encoding.BigEndianUnicode.GetBytes("民生实事"))} Tj ET", $"<< /Font << /F1 {font} 0 R >> >>");
        Assert.Equal("民生实事", ReadText(pdf));
    }

    [Fact]
    public void Page_numbers_in_the_footer_are_left_out()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        foreach (string number in new[] { "- 1 -", "\u2014 2 \u2014".Replace("\u2014", "\\227"), "3" })
            pdf.AddPage($"BT /F1 12 Tf 72 700 Td (Body text) Tj 200 -660 Td ({number}) Tj ET", $"<< /Font << /F1 {helvetica} 0 R >> >>");
        var document = Reader.Read(pdf.Build());
        // Same-width lines continue across the page breaks; only the page numbers go.
        Assert.Equal("Body text Body text Body text", document.FullText);
    }

    [Fact]
    public void Pages_with_images_and_no_text_are_named_in_a_warning_when_other_pages_have_text()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        int image = pdf.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\u0080");
        pdf.AddPage("BT /F1 12 Tf 72 700 Td (Text page) Tj ET", $"<< /Font << /F1 {helvetica} 0 R >> >>");
        pdf.AddPage("q 500 0 0 700 40 60 cm /Im1 Do Q", $"<< /XObject << /Im1 {image} 0 R >> >>");
        var document = Reader.Read(pdf.Build());
        Assert.Equal("Text page", document.FullText);
        Assert.Contains(document.Warnings, w => w.Contains("page 2") && w.Contains("OCR"));
    }
}
