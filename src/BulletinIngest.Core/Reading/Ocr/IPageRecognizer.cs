namespace BulletinIngest.Reading.Ocr;

/// <summary>A word an OCR engine read, with its box in page-image pixels and the engine's confidence (0-100).</summary>
public sealed record OcrWord(string Text, int Left, int Top, int Width, int Height, double Confidence, int Line);

/// <summary>The words on one page image of a PDF, or a standalone image, at <see cref="Dpi"/>.</summary>
public sealed record OcrPage(IReadOnlyList<OcrWord> Words, int Dpi)
{
    public double MeanConfidence => Words.Count == 0 ? 0 : Words.Average(w => w.Confidence);
}

/// <summary>Recognizes the text of one page of a PDF (1-based page number).</summary>
public interface IPageRecognizer
{
    OcrPage Recognize(byte[] pdf, int page);
}
