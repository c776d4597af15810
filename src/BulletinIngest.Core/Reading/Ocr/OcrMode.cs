namespace BulletinIngest.Reading.Ocr;

/// <summary>When the PDF reader runs OCR (`ingest --ocr`).</summary>
public enum OcrMode
{
    /// <summary>Pages without a text layer are recognized when Tesseract is installed; otherwise the file is needs-ocr.</summary>
    Auto,
    /// <summary>Every page is recognized, its text layer ignored (for PDFs whose text layer is garbage).</summary>
    Always,
    /// <summary>No OCR: a PDF of image pages is refused as needs-ocr.</summary>
    Never,
}
