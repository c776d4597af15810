using System.Runtime.InteropServices;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Reading;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Pipeline;

/// <summary>What reading and extraction made of one file: its text and figures, or why it was refused.</summary>
public sealed record FileAnalysis(string? Format, DocumentText? Text, ExtractionResult? Extraction, IReadOnlyList<string>? SearchTokens,
    RejectReason? Rejected = null, string? Reason = null, DocumentCoverage? Coverage = null)
{
    public static FileAnalysis Refused(string? format, RejectReason reason, string message) => new(format, null, null, null, reason, message);
}

/// <summary>Reads and extracts one file: in this process, or in a supervised worker process (<see cref="WorkerPool"/>).</summary>
public interface IDocumentAnalyzer
{
    /// <param name="content">The file's bytes as read for its hash, valid during the call only (a pooled buffer).</param>
    FileAnalysis Analyze(string path, ReadOnlyMemory<byte> content);
}

/// <summary>The stages in this process: read → text → extract → search tokens.</summary>
public sealed class InProcessAnalyzer(DocumentReader reader, IFigureExtractor extractor, ISearchTokenizer? searchTokenizer = null) : IDocumentAnalyzer
{
    public const string OutOfMemoryReason = "reading it ran out of memory (the per-file memory budget, --file-memory)";

    public FileAnalysis Analyze(string path, ReadOnlyMemory<byte> bytes)
    {
        string? format = null;
        try
        {
            // The readers keep what they read (the text refers to it): a copy of its own, unless it is a whole array already.
            var content = MemoryMarshal.TryGetArray(bytes, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
                ? whole.Array
                : bytes.ToArray();
            string name = Path.GetFileName(path);
            var detected = FormatDetector.Detect(content, name);
            format = detected.ToString().ToLowerInvariant();
            var text = reader.ReadAs(detected, content);
            // The path, not only the name: its folders' place names are evidence of the region (Metadata/PathEvidence).
            var extraction = extractor.Extract(text, path);
            var tokens = searchTokenizer is null ? null : text.Blocks.Select(b => searchTokenizer.ToSearchTokens(b.Text)).ToList();
            // Coverage is measured here, on the parallel side, not by the single writer.
            return new FileAnalysis(format, text, extraction, tokens, Coverage: DocumentCoverage.Measure(text, extraction.Figures, extraction.Normalized));
        }
        catch (DocumentRejectedException rejection)
        {
            return FileAnalysis.Refused(format, rejection.Reason, rejection.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            return FileAnalysis.Refused(format, RejectReason.Corrupt, "damaged or hostile file: structures nested too deep to read");
        }
        catch (OutOfMemoryException)
        {
            return FileAnalysis.Refused(format, RejectReason.TooLarge, OutOfMemoryReason);
        }
        catch (Exception error)
        {
            // A bug of ours must not stop the batch: record it against the file and go on.
            return FileAnalysis.Refused(format, RejectReason.Corrupt, $"internal error ({error.GetType().Name}): {error.Message}");
        }
    }
}
