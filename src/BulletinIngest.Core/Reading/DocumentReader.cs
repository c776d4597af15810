using BulletinIngest.Reading.Ocr;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Reading;

/// <summary>The reading stage: detects a file's format from its bytes and hands it to that format's reader.</summary>
public sealed class DocumentReader
{
    /// <summary>Files above this size are refused before anything parses them.</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    private readonly Dictionary<FileFormat, IDocumentReader> _readers;

    public DocumentReader(IEnumerable<IDocumentReader>? readers = null)
    {
        _readers = (readers ?? EveryFormat(OcrMode.Auto)).ToDictionary(r => r.Format);
    }

    /// <summary>The readers of every format, with OCR of image pages as <paramref name="ocr"/> says.</summary>
    public DocumentReader(OcrMode ocr) : this(EveryFormat(ocr)) { }

    private static IDocumentReader[] EveryFormat(OcrMode ocr) => [new TxtReader(), new DocxReader(), new PdfReader(ocr), new HtmlReader(), new ImageReader(ocr)];

    /// <summary>Reads a file's bytes; the name, when given, is a claim that the content must not contradict.</summary>
    public DocumentText Read(byte[] content, string? fileName = null) => ReadAs(FormatDetector.Detect(content, fileName), content);

    /// <summary>Reads content whose format is already known.</summary>
    public DocumentText ReadAs(FileFormat format, byte[] content)
    {
        if (content.LongLength > MaxFileBytes)
            throw TooLarge(content.LongLength);
        return _readers[format].Read(content);
    }

    public DocumentText Read(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes)
            throw TooLarge(info.Length);
        return Read(File.ReadAllBytes(path), Path.GetFileName(path));
    }

    /// <summary>The refusal of a file above <see cref="MaxFileBytes"/>.</summary>
    public static DocumentRejectedException TooLarge(long sizeBytes) => new(RejectReason.TooLarge,
        $"file too large: {sizeBytes / (1024 * 1024)} MB (limit {MaxFileBytes / (1024 * 1024)} MB)");
}
