namespace BulletinIngest.Reading.Pdf;

/// <summary>PDF text layer on PDFsharp (issue #3). Until it lands, PDFs are recorded as unsupported.</summary>
public sealed class PdfReader : IDocumentReader
{
    public FileFormat Format => FileFormat.Pdf;

    public DocumentText Read(byte[] content) =>
        throw new DocumentRejectedException(RejectReason.UnsupportedFormat, "PDF reading is not available yet");
}
