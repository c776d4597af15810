namespace BulletinIngest.Reading;

/// <summary>Why a file could not be read; each maps to one short status word in the store.</summary>
public enum RejectReason
{
    Empty,
    UnsupportedFormat,
    Corrupt,
    Encrypted,
    /// <summary>Pages are images only; the text must come from OCR first.</summary>
    NeedsOcr,
    TooLarge,
    Binary,
}

/// <summary>A file the pipeline refuses, with a one-line reason an analyst can act on.</summary>
public sealed class DocumentRejectedException(RejectReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectReason Reason { get; } = reason;

    /// <summary>The status word stored for the document: "empty", "unsupported", "corrupt", "encrypted", "needs-ocr", "too-large", "binary".</summary>
    public string Status => Reason switch
    {
        RejectReason.Empty => "empty",
        RejectReason.UnsupportedFormat => "unsupported",
        RejectReason.Corrupt => "corrupt",
        RejectReason.Encrypted => "encrypted",
        RejectReason.NeedsOcr => "needs-ocr",
        RejectReason.TooLarge => "too-large",
        RejectReason.Binary => "binary",
        _ => "failed",
    };
}
