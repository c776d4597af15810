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

    [Fact]
    public void Diagonal_watermark_text_is_left_out_with_a_warning()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        pdf.AddPage("BT /F1 12 Tf 72 700 Td (Body) Tj ET BT /F1 48 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm (DRAFT) Tj ET",
            $"<< /Font << /F1 {helvetica} 0 R >> >>");
        var document = Reader.Read(pdf.Build());
        Assert.Equal("Body", document.FullText);
        Assert.Contains(document.Warnings, w => w.Contains("slanted"));
    }

    [Fact]
    public void Truetype_cid_font_without_to_unicode_is_read_through_its_own_cmap()
    {
        // 004's Chromium PDF with its ToUnicode map removed (PDFsharp, Modify mode): WenQuanYi Zen Hei, CIDFontType2, Identity-H.
        var document = Reader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/BulletinIngest.Tests/Pdf/Fixtures/truetype-without-tounicode.pdf")));
        string expected = File.ReadAllText(Path.Combine(RepoPaths.Expected, "004_1f00e35fffe70a01.txt"));
        var (recall, precision, _) = TextSimilarity.Compare(expected, document.FullText);
        Assert.True(recall > 0.995 && precision > 0.995, $"recall {recall:P2}, precision {precision:P2}");
    }

    [Fact]
    public void A_form_that_draws_itself_and_unbalanced_q_do_not_hang()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        // Object numbers are predictable: the form will be the next object after the font.
        int form = pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Resources << /Font << /F1 {helvetica} 0 R >> /XObject << /X1 {helvetica + 1} 0 R >> >>",
            "BT /F1 12 Tf 72 600 Td (loop) Tj ET /X1 Do");
        Assert.Equal(helvetica + 1, form);
        pdf.AddPage(string.Concat(Enumerable.Repeat("q ", 50_000)) + "BT /F1 12 Tf 72 700 Td (start) Tj ET /X1 Do",
            $"<< /Font << /F1 {helvetica} 0 R >> /XObject << /X1 {form} 0 R >> >>");
        Assert.Equal("start\nloop", Reader.Read(pdf.Build()).FullText);
    }

    [Fact]
    public void A_page_with_only_an_inline_image_needs_ocr()
    {
        var pdf = new SyntheticPdf();
        pdf.AddPage("q 500 0 0 700 40 60 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \u0001(<\u00ff EI Q", "<< >>");
        var error = Assert.Throws<DocumentRejectedException>(() => Reader.Read(pdf.Build()));
        Assert.Equal(RejectReason.NeedsOcr, error.Reason);
        Assert.Contains("page 1 ", error.Message);
    }

    [Fact]
    public void A_frame_around_the_page_body_is_not_a_table()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        // A box around the body split in two by a vertical rule, with a rule under the title: a layout frame.
        pdf.AddPage("0.5 w 50 50 495 742 re S 297 50 m 297 742 l S 50 700 m 545 700 l S " +
                    "BT /F1 12 Tf 60 720 Td (Title) Tj ET BT /F1 12 Tf 60 600 Td (Left column) Tj ET BT /F1 12 Tf 310 600 Td (Right column) Tj ET",
            $"<< /Font << /F1 {helvetica} 0 R >> >>");
        var document = Reader.Read(pdf.Build());
        Assert.DoesNotContain(document.Blocks, b => b.Kind == BlockKind.TableRow);
    }

    [Fact]
    public void A_ruled_table_with_a_merged_cell_keeps_later_cells_in_their_columns()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        // Three columns at x 50 / 150 / 250 / 350, two rows; in the second row the first two cells are merged.
        string rules = "0.5 w 50 700 m 350 700 l S 50 680 m 350 680 l S 50 660 m 350 660 l S " +
                       "50 660 m 50 700 l S 150 680 m 150 700 l S 250 660 m 250 700 l S 350 660 m 350 700 l S ";
        pdf.AddPage(rules + "BT /F1 10 Tf 55 686 Td (a) Tj 100 0 Td (b) Tj 100 0 Td (c) Tj ET " +
                    "BT /F1 10 Tf 55 666 Td (merged) Tj 200 0 Td (z) Tj ET",
            $"<< /Font << /F1 {helvetica} 0 R >> >>");
        var rows = Reader.Read(pdf.Build()).Blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text).ToList();
        Assert.Equal(["a\tb\tc", "merged\t\tz"], rows);
    }

    [Fact]
    public void A_table_without_rules_becomes_rows_with_cells_in_their_columns()
    {
        var pdf = new SyntheticPdf();
        int helvetica = pdf.Add(Helvetica);
        pdf.AddPage("BT /F1 10 Tf 60 760 Td (Office) Tj 300 0 Td (Date) Tj ET " +                     // one baseline with two pieces: stays text
                    "BT /F1 10 Tf 60 700 Td (Item) Tj 150 0 Td (Target) Tj 150 0 Td (Done) Tj ET " +
                    "BT /F1 10 Tf 60 686 Td (Roads) Tj 150 0 Td (120) Tj 150 0 Td (96) Tj ET " +
                    "BT /F1 10 Tf 60 672 Td (Schools) Tj 300 0 Td (3) Tj ET",
            $"<< /Font << /F1 {helvetica} 0 R >> >>");
        var blocks = Reader.Read(pdf.Build()).Blocks;
        Assert.Equal(["Office", "Date"], blocks.Where(b => b.Kind != BlockKind.TableRow).Select(b => b.Text));
        Assert.Equal(["Item\tTarget\tDone", "Roads\t120\t96", "Schools\t\t3"], blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text));
    }
}
