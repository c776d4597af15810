using System.IO.Compression;

namespace BulletinIngest.Reading;

public enum FileFormat
{
    Pdf,
    Docx,
    Txt,
}

/// <summary>
/// Tells a file's format from its first bytes, never from its name: a bulletin saved as
/// ".txt" that is really a PDF is read as a PDF, and a ".docx" that is not a zip is refused.
/// </summary>
public static class FormatDetector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The format of <paramref name="content"/>. The file name is only a claim: a ".pdf" or ".docx" whose bytes
    /// have no signature at all is refused as damaged or mislabelled rather than read as text.
    /// </summary>
    public static FileFormat Detect(byte[] content, string? fileName = null)
    {
        var format = DetectFromContent(content);
        if (format == FileFormat.Txt && fileName is not null)
        {
            string extension = Path.GetExtension(fileName).ToLowerInvariant();
            if (extension == ".pdf")
                throw new DocumentRejectedException(RejectReason.Corrupt, "not a PDF file: no %PDF- header (damaged or mislabelled)");
            if (extension is ".docx" or ".docm" or ".dotx")
                throw new DocumentRejectedException(RejectReason.Corrupt, "not a DOCX package: no zip signature (damaged or mislabelled)");
            if (extension is ".doc" or ".xls" or ".xlsx" or ".ppt" or ".pptx" or ".zip" or ".rar" or ".7z")
                throw new DocumentRejectedException(RejectReason.UnsupportedFormat, $"unsupported format ({extension})");
        }
        return format;
    }

    private static FileFormat DetectFromContent(byte[] content)
    {
        if (content.Length == 0)
            throw new DocumentRejectedException(RejectReason.Empty, "empty file (0 bytes)");
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.IndexOf(PdfMagic) >= 0) return FileFormat.Pdf;
        if (head.StartsWith(Ole2Magic))
            throw new DocumentRejectedException(RejectReason.UnsupportedFormat,
                "legacy Word 97-2003 (.doc, OLE2) file: unsupported, save it as .docx or PDF");
        if (head.StartsWith(ZipMagic))
        {
            if (!IsWordPackage(content))
                throw new DocumentRejectedException(RejectReason.UnsupportedFormat,
                    "zip archive without word/document.xml: not a DOCX package");
            return FileFormat.Docx;
        }
        return FileFormat.Txt;
    }

    private static bool IsWordPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException error)
        {
            throw new DocumentRejectedException(RejectReason.Corrupt, $"damaged zip container: {error.Message}", error);
        }
    }
}
