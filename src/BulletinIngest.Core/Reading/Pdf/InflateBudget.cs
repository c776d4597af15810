using System.IO.Compression;
using PdfSharp.Pdf;

namespace BulletinIngest.Reading.Pdf;

/// <summary>A PDF limit that a hostile or broken file ran into; the page or stream is left out with this reason.</summary>
internal sealed class PdfLimitException(string message, RejectReason reason = RejectReason.Corrupt) : Exception(message)
{
    public RejectReason Reason { get; } = reason;
}

/// <summary>
/// Bounds the bytes that a document's streams inflate to, per stream and in total, so a Flate bomb (1.5 MB
/// that inflates to gigabytes) is stopped at the limit instead of exhausting memory. Flate is decoded here
/// with the bound; streams with other filters or predictors are measured here first, then decoded by PDFsharp.
/// </summary>
internal sealed class InflateBudget
{
    /// <summary>Real content streams, images and embedded CJK fonts stay well below this.</summary>
    public const long MaxStreamBytes = 64L * 1024 * 1024;

    public const long MaxDocumentBytes = 256L * 1024 * 1024;

    private long _used;

    /// <summary>The decoded bytes of a stream object, or null when it has none or its filters fail; throws past the budget.</summary>
    public byte[]? StreamBytes(PdfDictionary? dictionary)
    {
        if (dictionary?.Stream is not { } stream) return null;
        var filters = PdfObjects.Get(dictionary, "/Filter") switch
        {
            PdfName name => [name.Value],
            PdfArray array => PdfObjects.Items(array).OfType<PdfName>().Select(n => n.Value).ToList(),
            _ => new List<string>(),
        };
        try
        {
            if (filters.Count > 0 && filters[0] is "/FlateDecode" or "/Fl")
            {
                var inflated = Inflate(stream.Value, Math.Min(MaxStreamBytes, MaxDocumentBytes - _used));
                _used += inflated.Length;
                bool plain = filters.Count == 1 && PdfObjects.Get(dictionary, "/DecodeParms") is null;
                if (plain) return inflated;
            }
            var decoded = stream.UnfilteredValue;
            if (filters.Count == 0 || filters[0] is not ("/FlateDecode" or "/Fl")) _used += decoded.Length;
            if (decoded.LongLength > MaxStreamBytes || _used > MaxDocumentBytes) throw Exceeded(decoded.LongLength);
            return decoded;
        }
        catch (PdfLimitException) { throw; }
        catch (Exception error) when (error is not OutOfMemoryException) { return null; }
    }

    /// <summary>Inflates zlib (or raw deflate) data, stopping with <see cref="PdfLimitException"/> past <paramref name="limit"/> bytes.</summary>
    public static byte[] Inflate(byte[] data, long limit)
    {
        bool zlib = data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
        using var input = new MemoryStream(data, writable: false);
        using Stream inflater = zlib ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                if (output.Length + read > limit) throw Exceeded(output.Length + read);
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException) when (output.Length > 0)
        {
            // A damaged tail (truncated download): keep what inflated, as PDF viewers do.
        }
        return output.ToArray();
    }

    private static PdfLimitException Exceeded(long bytes) => new(
        $"a stream inflates past {bytes / (1024 * 1024)} MB (limits: {MaxStreamBytes / (1024 * 1024)} MB a stream, {MaxDocumentBytes / (1024 * 1024)} MB a document)",
        RejectReason.TooLarge);
}
