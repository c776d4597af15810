using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Reading.Ocr;

/// <summary>
/// A standalone scan or photo (PNG, JPEG, TIFF; every page of a multi-page TIFF): recognized by OCR and laid out by
/// the same steps as a PDF page (<see cref="OcrLetters"/>, <see cref="PdfReader.LayOut"/>), its blocks marked OCR'd.
/// Without OCR (off, or Tesseract not installed) it is refused as needs-ocr, saying how to install it.
/// </summary>
public sealed class ImageReader(OcrMode ocrMode = OcrMode.Auto, IPageRecognizer? recognizer = null) : IDocumentReader
{
    public FileFormat Format => FileFormat.Image;

    public DocumentText Read(byte[] content)
    {
        if (ocrMode == OcrMode.Never)
            throw new DocumentRejectedException(RejectReason.NeedsOcr, "image file: its text needs OCR, which is off (--ocr never)");
        if (recognizer is null && TesseractRecognizer.MissingTool is { } missing)
            throw new DocumentRejectedException(RejectReason.NeedsOcr, $"image file: its text needs OCR, which needs {missing}");
        IReadOnlyList<OcrPage> pages;
        try { pages = (recognizer ?? new TesseractRecognizer()).RecognizeImage(content); }
        catch (Exception error) when (error is TimeoutException or InvalidOperationException or IOException)
        {
            // Tesseract refuses an image it cannot decode (a truncated PNG): the file is damaged, the batch goes on.
            throw new DocumentRejectedException(RejectReason.Corrupt, $"image could not be recognized: {PdfReader.OneLine(error.Message)}", error);
        }
        if (pages.All(p => p.Words.Count == 0))
            throw new DocumentRejectedException(RejectReason.Empty, $"image has no text OCR could read ({pages.Count} page{(pages.Count == 1 ? "" : "s")})");

        var contents = pages.Select((page, i) =>
        {
            double scale = 72.0 / page.Dpi;
            return OcrLetters.ToPage(page, i + 1, page.WidthPixels * scale, page.HeightPixels * scale, imageCount: 1);
        }).ToList();
        var builder = new DocumentTextBuilder("image");
        var read = Enumerable.Range(1, pages.Count).Where(n => pages[n - 1].Words.Count > 0).ToList();
        builder.Warn($"{PdfReader.PageList(read)} read by OCR (Tesseract {TesseractRecognizer.Language}, mean word confidence " +
                     $"{pages.Where(p => p.Words.Count > 0).Average(p => p.MeanConfidence):0})");
        PdfReader.LayOut(builder, contents);
        var recognized = pages.Select((page, i) => (Number: i + 1, page)).ToDictionary(p => p.Number, p => p.page);
        return OcrBlockMarks.Apply(builder.Build(pageCount: pages.Count), recognized);
    }
}
