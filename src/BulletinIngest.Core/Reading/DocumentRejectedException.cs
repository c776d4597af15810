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
    /// <summary>The worker process reading it died (stack overflow, native crash).</summary>
    Crashed,
    /// <summary>Reading it took longer than the per-file time budget.</summary>
    TooSlow,
    /// <summary>The file or folder could not be opened (permissions, vanished, a name the system cannot open).</summary>
    Unreadable,
}

/// <summary>A file the pipeline refuses, with a one-line reason an analyst can act on.</summary>
public sealed class DocumentRejectedException(RejectReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectReason Reason { get; } = reason;

    public string Status => StatusOf(Reason);

    /// <summary>The status word stored for the document: "empty", "unsupported", "corrupt", "encrypted", "needs-ocr", "too-large", "binary", "crashed", "too-slow", "unreadable".</summary>
    public static string StatusOf(RejectReason reason) => reason switch
    {
        RejectReason.Empty => "empty",
        RejectReason.UnsupportedFormat => "unsupported",
        RejectReason.Corrupt => "corrupt",
        RejectReason.Encrypted => "encrypted",
        RejectReason.NeedsOcr => "needs-ocr",
        RejectReason.TooLarge => "too-large",
        RejectReason.Binary => "binary",
        RejectReason.Crashed => "crashed",
        RejectReason.TooSlow => "too-slow",
        RejectReason.Unreadable => "unreadable",
        _ => "failed",
    };
}
