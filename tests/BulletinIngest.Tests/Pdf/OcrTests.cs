using BulletinIngest.Reading;
using BulletinIngest.Reading.Ocr;
using System.Text.RegularExpressions;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Tests.Pdf;

/// <summary>
/// Scanned pages through real Tesseract (scripts/test.sh installs tesseract-ocr, its chi_sim model and poppler) on the
/// small fixtures of scripts/make_ocr_fixtures.sh (two lines of the scan of sample 004, ~1 s of Tesseract each): a PDF
/// with one image page among text pages recognizes that page only, from its own embedded image; a text page with a
/// scanned part reads both; a standalone PNG is ingested with its figures marked OCR'd. The whole scan's score is
/// `scripts/score_samples.sh` (a command: five pages are too slow for the suite).
/// </summary>
public class OcrTests
{
    private static string FreshCache() => Directory.CreateTempSubdirectory("ocr-cache-").FullName;

    [Fact]
    public void Tesseract_and_its_chinese_model_are_installed() => Assert.Null(TesseractRecognizer.MissingTool);

    [Fact]
    public void Only_the_image_page_among_text_pages_is_recognized_from_its_embedded_image()
    {
        string cache = FreshCache();
        var content = File.ReadAllBytes(RepoPaths.Fixture("scan/one-image-page.pdf"));
        var document = new PdfReader(OcrMode.Auto, new TesseractRecognizer(cache)).Read(content);

        Assert.Equal(2, document.PageCount);
        Assert.Contains("岳阳市实施民生可感行动工作专报", document.Blocks.Where(b => b.Page == 1).Select(b => b.Text));
        Assert.All(document.Blocks.Where(b => b.Page == 1), b => Assert.Null(b.Ocr));
        var scanned = document.Blocks.Where(b => b.Page == 2).ToList();
        Assert.Contains("已完成1386人，完成全年任务的23.1%", string.Join("\n", scanned.Select(b => b.Text)));
        Assert.All(scanned, b => Assert.InRange(b.Ocr!.MeanConfidence, 60, 100));
        Assert.Contains(document.Warnings, w => w.StartsWith("page 2 read by OCR"));
        // One page recognized, at the embedded image's own 150 ppi (not rendered at 200 dpi).
        Assert.StartsWith("dpi\t150\n", File.ReadAllText(Assert.Single(Directory.GetFiles(cache))));
    }

    [Fact]
    public void A_text_page_with_a_scanned_part_keeps_its_text_layer_and_adds_what_the_image_shows()
    {
        var content = File.ReadAllBytes(RepoPaths.Fixture("scan/mixed-page.pdf"));
        var document = new PdfReader(OcrMode.Auto, new TesseractRecognizer(FreshCache())).Read(content);

        var text = document.Blocks.Where(b => b.Ocr is null).Select(b => b.Text).ToList();
        var ocr = document.Blocks.Where(b => b.Ocr is not null).Select(b => b.Text).ToList();
        Assert.Contains(text, t => t.Contains("让春风暖意直抵群众心坎"));
        Assert.Contains(ocr, t => t.Contains("已完成460万元，完成全年任务的4.84%"));
        // The text layer is not read a second time from the rendering.
        Assert.Single(Regex.Matches(document.FullText, "春风暖意"));
        Assert.DoesNotContain(ocr, t => t.Contains("春风"));
    }

    [Fact]
    public void With_ocr_never_a_text_page_with_a_scanned_part_is_its_text_layer_alone()
    {
        var content = File.ReadAllBytes(RepoPaths.Fixture("scan/mixed-page.pdf"));
        var document = new PdfReader(OcrMode.Never).Read(content);
        Assert.DoesNotContain("4.84%", document.FullText);
        Assert.All(document.Blocks, b => Assert.Null(b.Ocr));
    }

    [Fact]
    public void A_recognized_page_is_cached_by_content_and_not_recognized_again()
    {
        string cache = FreshCache();
        var content = File.ReadAllBytes(RepoPaths.Fixture("scan/one-image-page.pdf"));
        string first = new PdfReader(OcrMode.Auto, new TesseractRecognizer(cache)).Read(content).FullText;
        var cached = Assert.Single(Directory.GetFiles(cache));
        var written = File.GetLastWriteTimeUtc(cached);

        string second = new PdfReader(OcrMode.Auto, new TesseractRecognizer(cache)).Read(content).FullText;
        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(cache))));
    }

    [Fact]
    public void A_png_is_ingested_by_ocr_with_its_figures_marked_and_refused_with_ocr_never()
    {
        string folder = Directory.CreateTempSubdirectory("ocr-ingest-").FullName;
        string db = Path.Combine(folder, "scan.db");
        string image = Path.Combine(folder, "004_scan-lines.png");
        File.Copy(RepoPaths.Fixture("scan/scan-lines.png"), image);
        var environment = new Dictionary<string, string> { ["BULLETIN_OCR_CACHE"] = Path.Combine(folder, "cache") };

        var refused = CliProcess.Run("ingest", image, "--db", Path.Combine(folder, "never.db"), "--ocr", "never");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("needs-ocr", refused.Output + refused.Error);

        var stored = CliProcess.RunWith(environment, "ingest", folder, "--db", db, "--region", "汨罗市");
        Assert.Equal(0, stored.ExitCode);
        var figures = CliProcess.Run("query", "SELECT source, suspect, target, actual, percent FROM figures ORDER BY id", "--db", db, "--format", "csv");
        Assert.Contains("ocr,0,6000,1386,23.1", figures.Output);
        Assert.DoesNotContain("text,", figures.Output);
        var blocks = CliProcess.Run("query", "SELECT DISTINCT source FROM blocks", "--db", db, "--format", "csv");
        Assert.Equal(["source", "ocr"], blocks.Output.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var show = CliProcess.Run("show", "1", "--db", db);
        Assert.Contains("source     OCR, confidence", show.Output);
    }

    [Fact]
    public void The_format_of_an_image_is_told_from_its_bytes()
    {
        var png = File.ReadAllBytes(RepoPaths.Fixture("scan/scan-lines.png"));
        Assert.Equal(FileFormat.Image, FormatDetector.Detect(png, "named-as.txt"));
        Assert.Equal(FileFormat.Image, FormatDetector.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal(FileFormat.Image, FormatDetector.Detect([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]));
    }
}
