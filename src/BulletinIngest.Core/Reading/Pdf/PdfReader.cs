using BulletinIngest.Reading.Ocr;
using BulletinIngest.Reading.Pdf.Content;
using BulletinIngest.Reading.Pdf.Fonts;
using BulletinIngest.Reading.Pdf.Layout;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using SharpReader = PdfSharp.Pdf.IO.PdfReader;

namespace BulletinIngest.Reading.Pdf;

/// <summary>
/// The PDF text layer. PDFsharp parses the file (cross-references, object streams, filters, encryption)
/// and tokenizes page content; everything after that is ours, in stages:
/// <see cref="ContentInterpreter"/> (operators → positioned letters and rulings, through the fonts in
/// <c>Fonts/</c>) → <see cref="PageLayout"/> (ruled tables → rows; letters → lines) →
/// <see cref="HeaderFooterFilter"/> → <see cref="BlockBuilder"/> (lines → paragraphs, headings, list items).
/// Pages that are images without text are recognized by OCR (<see cref="TesseractRecognizer"/>) and go
/// through the same layout steps. Refuses empty, damaged and password-protected files, and files of image
/// pages when OCR is off or not installed.
/// </summary>
public sealed class PdfReader(OcrMode ocrMode = OcrMode.Auto, IPageRecognizer? recognizer = null) : IDocumentReader
{
    public FileFormat Format => FileFormat.Pdf;

    public DocumentText Read(byte[] content)
    {
        if (content.Length == 0) throw new DocumentRejectedException(RejectReason.Empty, "empty file (0 bytes)");
        var guardWarnings = new List<string>();
        using var document = Open(PdfGuard.Check(content, guardWarnings), guardWarnings);
        var budget = new InflateBudget();
        var fonts = new FontCache(budget);
        var interpreter = new ContentInterpreter(fonts, budget);
        var pages = new List<PageContent>(document.PageCount);
        var unreadable = new List<int>();
        PdfLimitException? firstLimit = null;
        for (int i = 0; i < document.PageCount; i++)
        {
            try
            {
                pages.Add(interpreter.Interpret(document.Pages[i], i + 1));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The page object itself is damaged (PDFsharp parses objects lazily, on first access), or hit a limit.
                firstLimit ??= error as PdfLimitException;
                unreadable.Add(i + 1);
                interpreter.Warnings.Add($"page {i + 1} could not be read ({OneLine(error.Message)})");
            }
        }
        if (unreadable.Count > 0 && pages.All(p => !p.HasText))
            throw firstLimit is null
                ? new DocumentRejectedException(RejectReason.Corrupt, $"damaged PDF: {PageList(unreadable)} could not be read")
                : new DocumentRejectedException(firstLimit.Reason, $"PDF refused: {PageList(unreadable)} could not be read: {firstLimit.Message}");

        var builder = new DocumentTextBuilder("pdf");
        var imageOnly = pages.Where(p => !p.HasText && p.ImageCount > 0).Select(p => p.PageNumber).ToList();
        var toRecognize = ocrMode switch
        {
            OcrMode.Always => pages.Select(p => p.PageNumber).ToList(),
            OcrMode.Auto => pages.Where(p => !p.HasText && p.ImageCount > 0 || HasScannedPart(p)).Select(p => p.PageNumber).ToList(),
            _ => [],
        };
        var partlyScanned = ocrMode == OcrMode.Auto ? pages.Where(HasScannedPart).Select(p => p.PageNumber).ToHashSet() : [];
        string? ocrMissing = toRecognize.Count == 0 || recognizer is not null ? null : TesseractRecognizer.MissingTool;
        var recognized = toRecognize.Count > 0 && ocrMissing is null
            ? Recognize(content, pages, toRecognize, ocrMode, recognizer ?? new TesseractRecognizer(), builder)
            : new Dictionary<int, OcrPage>();
        imageOnly = pages.Where(p => !p.HasText && p.ImageCount > 0).Select(p => p.PageNumber).ToList();
        if (pages.All(p => !p.HasText))
        {
            if (imageOnly.Count > 0)
                throw new DocumentRejectedException(RejectReason.NeedsOcr,
                    $"scanned PDF: {PageList(imageOnly)} of {document.PageCount} are images without a text layer; " +
                    (ocrMode == OcrMode.Never ? "OCR is off (--ocr never)" : ocrMissing is not null ? $"OCR needs {ocrMissing}" : "OCR found no text"));
            throw new DocumentRejectedException(RejectReason.Empty, $"PDF has no text ({document.PageCount} pages)");
        }
        if (imageOnly.Count > 0) builder.Warn($"{PageList(imageOnly)} are images without a text layer (needs OCR); their text is missing");
        foreach (var warning in guardWarnings.Concat(fonts.Warnings).Concat(interpreter.Warnings)) builder.Warn(warning);

        LayOut(builder, pages);
        return OcrBlockMarks.Apply(builder.Build(pageCount: document.PageCount), recognized, partlyScanned);
    }

    /// <summary>The layout steps every page goes through, text layer or OCR: lines and tables, page furniture out, blocks.</summary>
    internal static void LayOut(DocumentTextBuilder builder, IReadOnlyList<PageContent> pages)
    {
        var items = pages.Select(PageLayout.Analyze).ToList();
        HeaderFooterFilter.Apply(items, pages.Select(p => p.Height).ToList());
        TableContinuation.Apply(items);
        BlockBuilder.Build(builder, items);
    }

    /// <summary>A text page with an image of at least <see cref="ScannedPartShare"/> of its area: a scanned table or paragraph pasted in.</summary>
    private static bool HasScannedPart(PageContent page) =>
        page.HasText && page.ImageBoxes.Any(b => (b.Right - b.Left) * (b.Bottom - b.Top) >= ScannedPartShare * page.Width * page.Height);

    /// <summary>The share of a text page an image must cover to be read by OCR: a scanned paragraph, not a logo or an emblem.</summary>
    private const double ScannedPartShare = 0.04;

    /// <summary>
    /// Replaces the content of each page to recognize by what OCR read on it; a page OCR fails on keeps its own.
    /// A text page with a scanned part (<see cref="OcrMode.Auto"/>) keeps its text layer and gains the words read
    /// inside its images that no letter of the text layer covers. Returns the words taken, by page number.
    /// </summary>
    private static Dictionary<int, OcrPage> Recognize(byte[] content, List<PageContent> pages, List<int> pageNumbers, OcrMode mode,
        IPageRecognizer recognizer, DocumentTextBuilder builder)
    {
        var confidences = new List<double>();
        var read = new List<int>();
        var recognized = new Dictionary<int, OcrPage>();
        var toRecognize = pageNumbers.Select(n => pages.First(p => p.PageNumber == n)).Select(p => new PageToRecognize(p.PageNumber, p.Width, p.Height)).ToList();
        foreach (var (number, result, error) in recognizer.Recognize(content, toRecognize))
        {
            var ocr = result;
            if (ocr is null)
            {
                builder.Warn($"OCR of page {number} failed: {OneLine(error?.Message ?? "no result")}");
                continue;
            }
            int index = pages.FindIndex(p => p.PageNumber == number);
            var page = pages[index];
            if (mode == OcrMode.Auto && page.HasText)
            {
                ocr = ocr with { Words = ocr.Words.Where(w => InScannedPart(w, ocr.Dpi, page)).ToList() };
                var added = OcrLetters.ToPage(ocr, number, page.Width, page.Height, page.ImageCount).Letters;
                pages[index] = page with { Letters = page.Letters.Concat(added).ToList() };
            }
            else pages[index] = OcrLetters.ToPage(ocr, number, page.Width, page.Height, page.ImageCount);
            if (ocr.Words.Count > 0) { read.Add(number); confidences.Add(ocr.MeanConfidence); recognized[number] = ocr; }
        }
        if (read.Count > 0)
            builder.Warn($"{PageList(read)} read by OCR (Tesseract {TesseractRecognizer.Language}, mean word confidence {confidences.Average():0})");
        return recognized;
    }

    /// <summary>A recognized word whose centre lies in one of the page's images and on no letter of its text layer.</summary>
    private static bool InScannedPart(OcrWord word, int dpi, PageContent page)
    {
        double scale = 72.0 / dpi;
        double left = word.Left * scale, top = word.Top * scale, right = (word.Left + word.Width) * scale, bottom = (word.Top + word.Height) * scale;
        double x = (left + right) / 2, y = (top + bottom) / 2;
        return page.ImageBoxes.Any(b => x >= b.Left && x <= b.Right && y >= b.Top && y <= b.Bottom)
               && !page.Letters.Any(l => !l.IsWhitespace && l.X < right && l.Right > left && l.Top < bottom && l.Bottom > top);
    }

    /// <summary>Opens the file with an empty user password; maps PDFsharp's failures to rejections.</summary>
    private static PdfDocument Open(byte[] content, List<string> warnings)
    {
        try
        {
            return SharpReader.Open(new MemoryStream(content, writable: false), "", PdfDocumentOpenMode.Import);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !NeedsPassword(error)
                                      && PdfGuard.RebuildXref(content, out int objects) is { } rebuilt
                                      && TryOpen(rebuilt) is { } recovered)
        {
            warnings.Add($"damaged PDF ({OneLine(error.Message)}): cross-reference table rebuilt from the {objects} objects found in the file");
            return recovered;
        }
        catch (PdfReaderException error) when (NeedsPassword(error))
        {
            throw new DocumentRejectedException(RejectReason.Encrypted, "encrypted PDF: a password is needed to open it", error);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new DocumentRejectedException(RejectReason.Corrupt, $"damaged PDF: {OneLine(error.Message)}", error);
        }
    }

    private static bool NeedsPassword(Exception error) =>
        error is PdfReaderException && error.Message.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static PdfDocument? TryOpen(byte[] content)
    {
        try { return SharpReader.Open(new MemoryStream(content, writable: false), "", PdfDocumentOpenMode.Import); }
        catch (Exception error) when (error is not OutOfMemoryException) { return null; }
    }

    /// <summary>The first line of a library message, without PDFsharp's "If you think this is a bug" footer.</summary>
    internal static string OneLine(string message)
    {
        string line = message.Split('\n', 2)[0].Trim();
        int footer = line.IndexOf(" If you think", StringComparison.Ordinal);
        return footer > 0 ? line[..footer] : line;
    }

    /// <summary>"page 3" or "pages 1-5, 7".</summary>
    internal static string PageList(IReadOnlyList<int> pages)
    {
        var runs = new List<string>();
        for (int i = 0; i < pages.Count;)
        {
            int j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1) j++;
            runs.Add(i == j ? $"{pages[i]}" : $"{pages[i]}-{pages[j]}");
            i = j + 1;
        }
        return (pages.Count == 1 ? "page " : "pages ") + string.Join(", ", runs);
    }
}
