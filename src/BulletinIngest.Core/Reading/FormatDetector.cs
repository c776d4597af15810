using System.IO.Compression;

namespace BulletinIngest.Reading;

public enum FileFormat
{
    Pdf,
    Docx,
    Txt,
    Html,
    /// <summary>A scanned page or photo (PNG, JPEG, TIFF), read by OCR.</summary>
    Image,
}

/// <summary>
/// Tells a file's format from its first bytes, never from its name: a bulletin saved as
/// ".txt" that is really a PDF is read as a PDF, a saved web page is HTML whatever its name, and a ".docx"
/// that is not a zip is refused.
/// </summary>
public static class FormatDetector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    // PNG, JPEG (SOI and a marker), TIFF little- and big-endian.
    private static readonly byte[][] ImageMagics = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]];
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
        foreach (var magic in ImageMagics)
            if (head.StartsWith(magic)) return FileFormat.Image;
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
        return LooksLikeHtml(head) ? FileFormat.Html : FileFormat.Txt;
    }

    /// <summary>
    /// A web page starts, after a BOM, whitespace, an XML declaration or comments, with a doctype or one of
    /// the tags only a page opens with. Markup is ASCII in UTF-8 and GB pages alike; UTF-16 is read as such.
    /// </summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        string text = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? System.Text.Encoding.Unicode.GetString(head[2..])
            : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? System.Text.Encoding.BigEndianUnicode.GetString(head[2..])
            : System.Text.Encoding.Latin1.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        int at = 0;
        while (true)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            string? close = string.CompareOrdinal(text, at, "<?", 0, 2) == 0 ? "?>"
                : string.CompareOrdinal(text, at, "<!--", 0, 4) == 0 ? "-->" : null;
            if (close is null) break;
            int end = text.IndexOf(close, at, StringComparison.Ordinal);
            if (end < 0) return false;
            at = end + close.Length;
        }
        return HtmlOpenings.Any(o => text.AsSpan(at).StartsWith(o, StringComparison.OrdinalIgnoreCase)
                                     && (text.Length == at + o.Length || text[at + o.Length] is '>' or '/' || char.IsWhiteSpace(text[at + o.Length])));
    }

    private static readonly string[] HtmlOpenings = ["<!doctype html", "<html", "<head", "<meta", "<body", "<title"];

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
