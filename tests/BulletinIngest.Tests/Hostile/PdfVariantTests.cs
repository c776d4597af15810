using System.IO.Compression;
using System.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Hostile;

/// <summary>
/// Variants of the hostile files, made here: other depths, other cycles, self-references, self-drawing forms,
/// bombs. Each is read in this process, so a guard that misses one ends the test run (a stack overflow) or
/// fails its time limit.
/// </summary>
public class PdfVariantTests
{
    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    private const string Text = "BT /F1 12 Tf 72 720 Td (Hello 2025 progress 50%) Tj ET";

    /// <summary>A PDF of the given objects, numbered from 1 (object 1 must be the catalog), with a correct xref table.</summary>
    private static byte[] Pdf(params string[] objects)
    {
        var output = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Length);
            output.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        int xref = output.Length;
        output.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (int offset in offsets) output.Append($"{offset:D10} 00000 n \n");
        output.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(output.ToString());
    }

    private static string Page(int parent, int contents, string resources = $"<< /Font << /F1 5 0 R >> >>") =>
        $"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents {contents} 0 R >>";

    private static string Stream(string data, string dictionary = "") => $"<< {dictionary} /Length {data.Length} >>\nstream\n{data}\nendstream";

    private static DocumentRejectedException Refused(byte[] pdf) =>
        Assert.Throws<DocumentRejectedException>(() => new DocumentReader().Read(pdf, "variant.pdf"));

    [Fact]
    public void A_three_node_page_tree_cycle_is_refused()
    {
        var pdf = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>", Page(2, 4), Stream(Text), Font,
            "<< /Type /Pages /Kids [7 0 R] /Count 1 >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        Assert.Contains("page tree loops", Refused(pdf).Message);
    }

    [Theory]
    [InlineData("[", "]", 300, true)]
    [InlineData("<< /A ", " >>", 257, true)]
    [InlineData("[", "]", 200, false)]
    public void Nesting_past_the_limit_is_refused_and_below_it_is_read(string open, string close, int depth, bool refused)
    {
        string deep = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var pdf = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            Page(2, 4).Replace(">>", $"/Junk 6 0 R >>"), Stream(Text), Font, deep);
        if (refused) Assert.Contains("nest more than 256", Refused(pdf).Message);
        else Assert.Contains("Hello 2025", new DocumentReader().Read(pdf, "variant.pdf").FullText);
    }

    [Fact]
    public void A_stream_whose_length_refers_to_itself_is_read_to_its_endstream()
    {
        var pdf = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page(2, 4),
            $"<< /Length 4 0 R >>\nstream\n{Text}\nendstream", Font);
        var text = new DocumentReader().Read(pdf, "variant.pdf");
        Assert.Contains("Hello 2025", text.FullText);
        Assert.Contains(text.Warnings, w => w.Contains("impossible /Length"));
    }

    [Fact]
    public void A_form_that_draws_itself_is_drawn_once()
    {
        var pdf = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            Page(2, 4, "<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"), Stream("/X Do /X Do"), Font,
            Stream(Text + " /X Do /X Do", "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"));
        var text = new DocumentReader().Read(pdf, "variant.pdf");
        Assert.Contains("Hello 2025", text.FullText);
    }

    [Fact]
    public void A_flate_bomb_in_an_object_stream_is_refused_before_pdfsharp_inflates_it()
    {
        byte[] bomb;
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var zeros = new byte[1 << 20];
                for (int i = 0; i < 100; i++) zlib.Write(zeros);
            }
            bomb = compressed.ToArray();
        }
        string data = Encoding.Latin1.GetString(bomb);
        var pdf = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page(2, 4), Stream(Text), Font,
            Stream(data, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode"));
        var refusal = Refused(pdf);
        Assert.Equal(RejectReason.TooLarge, refusal.Reason);
        Assert.Contains("inflates past 64 MB", refusal.Message);
    }

    [Fact]
    public void Deep_nesting_inside_an_object_stream_is_refused()
    {
        string deep = "7 0 " + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000));
        byte[] packed;
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(Encoding.Latin1.GetBytes(deep));
            packed = compressed.ToArray();
        }
        var pdf = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page(2, 4), Stream(Text), Font,
            Stream(Encoding.Latin1.GetString(packed), "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode"));
        Assert.Contains("nest more than 256", Refused(pdf).Message);
    }

    [Fact]
    public void A_prev_chain_that_loops_through_two_sections_is_refused()
    {
        string pdf = Encoding.Latin1.GetString(Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page(2, 4), Stream(Text), Font));
        int first = pdf.IndexOf("xref\n", StringComparison.Ordinal);
        // A second section after the first whose /Prev is the first, and the first's /Prev made to point at the second.
        pdf = pdf.Replace("/Root 1 0 R >>", "/Root 1 0 R /Prev SECOND---- >>");
        int second = pdf.Length;
        string section = $"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev {first} >>\nstartxref\n{second}\n%%EOF\n";
        pdf = pdf.Replace("SECOND----", $"{second:D10}") + section;
        Assert.Contains("/Prev chain loops", Refused(Encoding.Latin1.GetBytes(pdf)).Message);
    }
}

/// <summary>Damaged files keep what can be read.</summary>
public class DamagedPdfTests
{
    [Theory]
    [InlineData("cairo")]
    [InlineData("chrome")]
    public void A_truncated_download_gets_its_cross_reference_table_rebuilt_and_keeps_its_text(string renderer)
    {
        string path = RepoPaths.Bulletin($"pdf/001_054569d9a1a13617.{renderer}.pdf");
        byte[] whole = File.ReadAllBytes(path);
        var complete = new DocumentReader().Read(whole, "whole.pdf");
        var truncated = new DocumentReader().Read(whole[..(whole.Length * 97 / 100)], "truncated.pdf");
        Assert.Contains(truncated.Warnings, w => w.Contains("cross-reference table rebuilt"));
        // The last 3 % held some page resources (cairo puts fonts last): most of the text, in order, survives.
        Assert.True(truncated.FullText.Length > complete.FullText.Length * 0.9, $"{truncated.FullText.Length} of {complete.FullText.Length}");
        Assert.Equal(complete.FullText[..3000], truncated.FullText[..3000]);
    }
}
