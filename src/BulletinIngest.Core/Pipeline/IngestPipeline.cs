using System.Security.Cryptography;
using BulletinIngest.Extraction;
using BulletinIngest.Reading;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;

namespace BulletinIngest.Pipeline;

public enum FileOutcomeKind
{
    New,
    Unchanged,
    Replaced,
    Failed,
    /// <summary>The same content as an earlier file of the batch: stored once, under the first path.</summary>
    Duplicate,
}

/// <summary>What happened to one file of a batch.</summary>
public sealed record FileOutcome(string Path, FileOutcomeKind Kind, string? Status = null, string? Reason = null, int Figures = 0);

public sealed record IngestSummary(IReadOnlyList<FileOutcome> Files, TimeSpan Elapsed)
{
    public int Count(FileOutcomeKind kind) => Files.Count(f => f.Kind == kind);
    public bool AnyFailed => Files.Any(f => f.Kind == FileOutcomeKind.Failed);
}

/// <summary>
/// Runs the stages over a batch of files: read → text → segment → extract on all cores (in this process, or
/// in supervised worker processes: <see cref="WorkerPool"/>), then store on one writer, one transaction per
/// document. A file whose content hash is already stored is skipped, so a batch that was stopped resumes
/// where it was, and a re-run changes nothing; the same content twice in one batch is stored once.
/// </summary>
public sealed class IngestPipeline(IDocumentAnalyzer analyzer)
{
    public IngestPipeline(DocumentReader reader, IFigureExtractor extractor, ISearchTokenizer? searchTokenizer = null)
        : this(new InProcessAnalyzer(reader, extractor, searchTokenizer))
    {
    }

    public IDocumentAnalyzer Analyzer => analyzer;

    public IngestSummary Run(IReadOnlyList<string> files, BulletinStore store, int jobs, Action<FileOutcome>? onFile = null)
    {
        var started = DateTime.UtcNow;
        var known = store.KnownHashes();
        var storedThisBatch = new Dictionary<string, string>();
        var outcomes = new List<FileOutcome>(files.Count);
        var processed = files
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, jobs))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(path => Process(path, known));
        foreach (var work in processed)
        {
            var outcome = Store(work, store, storedThisBatch);
            outcomes.Add(outcome);
            onFile?.Invoke(outcome);
        }
        return new IngestSummary(outcomes, DateTime.UtcNow - started);
    }

    /// <summary>Every regular file below the given files and folders, in a stable order (see <see cref="FolderWalk"/>).</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths) => FolderWalk.Expand(paths);

    private sealed record ProcessedFile(SourceFile File, FileOutcomeKind? Skip, FileAnalysis? Analysis);

    private ProcessedFile Process(string path, IReadOnlySet<string> knownHashes)
    {
        byte[] content;
        try
        {
            if (Directory.Exists(path))
            {
                // A folder the walk could not list.
                try { Directory.EnumerateFileSystemEntries(path).FirstOrDefault(); }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return Unreadable(path, $"cannot list folder: {error.Message}");
                }
                return Unreadable(path, "cannot list folder");
            }
            long size = new FileInfo(path).Length;
            if (size > DocumentReader.MaxFileBytes)
            {
                // Hashed as a stream, never loaded: the refusal is stored like any other.
                using var stream = File.OpenRead(path);
                var large = new SourceFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)), size);
                var tooLarge = DocumentReader.TooLarge(size);
                return new ProcessedFile(large, null, FileAnalysis.Refused(null, tooLarge.Reason, tooLarge.Message));
            }
            content = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, $"cannot read file: {error.Message}");
        }
        var file = new SourceFile(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength);
        if (knownHashes.Contains(file.Sha256)) return new ProcessedFile(file, FileOutcomeKind.Unchanged, null);
        return new ProcessedFile(file, null, analyzer.Analyze(path, content));
    }

    private static ProcessedFile Unreadable(string path, string reason) =>
        new(new SourceFile(path, "", 0), null, FileAnalysis.Refused(null, RejectReason.Unreadable, reason));

    private static FileOutcome Store(ProcessedFile work, BulletinStore store, Dictionary<string, string> storedThisBatch)
    {
        if (work.Skip is { } skip) return new FileOutcome(work.File.Path, skip);
        var analysis = work.Analysis!;
        if (work.File.Sha256.Length > 0 && storedThisBatch.TryGetValue(work.File.Sha256, out var first))
            return new FileOutcome(work.File.Path, FileOutcomeKind.Duplicate, Reason: $"same content as {first}");
        bool replacing = store.FindByPath(work.File.Path) is not null;
        if (analysis.Rejected is { } reason)
        {
            string status = DocumentRejectedException.StatusOf(reason);
            store.SaveFailure(work.File, analysis.Format, status, analysis.Reason ?? status);
            return new FileOutcome(work.File.Path, FileOutcomeKind.Failed, status, analysis.Reason);
        }
        store.SaveDocument(work.File, analysis.Text!, analysis.Extraction!, analysis.SearchTokens);
        storedThisBatch[work.File.Sha256] = work.File.Path;
        return new FileOutcome(work.File.Path, replacing ? FileOutcomeKind.Replaced : FileOutcomeKind.New, "ok",
            Figures: analysis.Extraction!.Figures.Count);
    }
}
