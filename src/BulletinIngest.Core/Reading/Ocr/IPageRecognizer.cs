namespace BulletinIngest.Reading.Ocr;

/// <summary>A word an OCR engine read, with its box in page-image pixels and the engine's confidence (0-100).</summary>
public sealed record OcrWord(string Text, int Left, int Top, int Width, int Height, double Confidence, int Line);

/// <summary>The words on one page image of a PDF, or a standalone image, at <see cref="Dpi"/>; its size in pixels.</summary>
public sealed record OcrPage(IReadOnlyList<OcrWord> Words, int Dpi, int WidthPixels = 0, int HeightPixels = 0)
{
    public double MeanConfidence => Words.Count == 0 ? 0 : Words.Average(w => w.Confidence);
}

/// <summary>A page of a PDF to recognize: its 1-based number and its size in points (to tell an image covering it).</summary>
public sealed record PageToRecognize(int Number, double Width, double Height);

/// <summary>
/// Recognizes the text of pages of a PDF, one after the other: each page's result or the error it met, so one
/// failing page does not lose the others; and the pages of a standalone image (a TIFF can hold several).
/// </summary>
public interface IPageRecognizer
{
    IEnumerable<(int Page, OcrPage? Result, Exception? Error)> Recognize(byte[] pdf, IReadOnlyList<PageToRecognize> pages);

    IReadOnlyList<OcrPage> RecognizeImage(byte[] image);
}
