namespace BulletinIngest.Reading.Ocr;

/// <summary>A word an OCR engine read, with its box in page-image pixels and the engine's confidence (0-100).</summary>
public sealed record OcrWord(string Text, int Left, int Top, int Width, int Height, double Confidence, int Line);

/// <summary>The words on one page image of a PDF, or a standalone image, at <see cref="Dpi"/>.</summary>
public sealed record OcrPage(IReadOnlyList<OcrWord> Words, int Dpi)
{
    public double MeanConfidence => Words.Count == 0 ? 0 : Words.Average(w => w.Confidence);
}

/// <summary>
/// Recognizes the text of pages of a PDF (1-based page numbers), one after the other: each page's result or the
/// error it met, so one failing page does not lose the others.
/// </summary>
public interface IPageRecognizer
{
    IEnumerable<(int Page, OcrPage? Result, Exception? Error)> Recognize(byte[] pdf, IReadOnlyList<int> pages);
}
