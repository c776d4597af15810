using BulletinIngest.Reading;
using BulletinIngest.Reading.Ocr;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Tests.Pdf;

/// <summary>
/// Scanned pages through real Tesseract (scripts/test.sh installs tesseract-ocr and its chi_sim model): a PDF
/// with one image page among text pages recognizes that page only, and the scanned rendering of sample 004
/// yields its figures through the real `bulletin ingest`.
/// </summary>
public class OcrTests
{
    private static string FreshCache() => Directory.CreateTempSubdirectory("ocr-cache-").FullName;

    [Fact]
    public void Tesseract_and_its_chinese_model_are_installed() => Assert.Null(TesseractRecognizer.MissingTool);

    [Fact]
    public void Only_the_image_page_of_a_mixed_pdf_is_recognized_and_both_pages_are_read()
    {
        // Page 1: the text layer of sample 000; page 2: a scanned page of sample 004 (qpdf --empty --pages).
        var content = File.ReadAllBytes(RepoPaths.Fixture("scan/mixed-text-and-scan.pdf"));
        var document = new PdfReader(OcrMode.Auto, new TesseractRecognizer(FreshCache())).Read(content);

        Assert.Equal(2, document.PageCount);
        Assert.Contains("岳阳市实施民生可感行动工作专报", document.Blocks.Where(b => b.Page == 1).Select(b => b.Text));
        string scanned = string.Join("\n", document.Blocks.Where(b => b.Page == 2).Select(b => b.Text));
        Assert.Contains("已完成1386人，完成全年任务的23.1%", scanned);
        Assert.Contains(document.Warnings, w => w.StartsWith("page 2 read by OCR"));
    }

    [Fact]
    public void A_recognized_page_is_cached_by_content_and_not_recognized_again()
    {
        string cache = FreshCache();
        var content = File.ReadAllBytes(RepoPaths.Fixture("scan/mixed-text-and-scan.pdf"));
        string first = new PdfReader(OcrMode.Auto, new TesseractRecognizer(cache)).Read(content).FullText;
        var cached = Assert.Single(Directory.GetFiles(cache));
        var written = File.GetLastWriteTimeUtc(cached);

        string second = new PdfReader(OcrMode.Auto, new TesseractRecognizer(cache)).Read(content).FullText;
        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(cache))));
    }

    [Fact]
    public void With_ocr_never_the_scan_is_refused_and_with_auto_it_is_stored_with_its_figures()
    {
        string folder = Directory.CreateTempSubdirectory("ocr-ingest-").FullName;
        string db = Path.Combine(folder, "scan.db");
        string scan = RepoPaths.Fixture("scan/004_1f00e35fffe70a01.scan.pdf");

        var refused = CliProcess.Run("ingest", scan, "--db", db, "--ocr", "never");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("needs-ocr", refused.Output + refused.Error);

        var stored = CliProcess.RunWith(new Dictionary<string, string> { ["BULLETIN_OCR_CACHE"] = Path.Combine(folder, "cache") },
            "ingest", scan, "--db", db);
        Assert.Equal(0, stored.ExitCode);
        var figures = CliProcess.Run("query", "SELECT count(*) AS n FROM figures", "--db", db, "--format", "csv");
        Assert.True(int.Parse(figures.Output.Split('\n')[1].Trim().TrimStart('\uFEFF')) >= 40, figures.Output);
    }
}
