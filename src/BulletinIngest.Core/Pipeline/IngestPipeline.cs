using System.Buffers;
using System.Security.Cryptography;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
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
/// <summary>What happened to one file of a batch; Status is ok, suspect (Reason says why) or the failure's status.</summary>
public sealed record FileOutcome(string Path, FileOutcomeKind Kind, string? Status = null, string? Reason = null, int Figures = 0)
{
    /// <summary>What the analyst should check although the file was stored (an unknown region).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public bool Suspect => Status == DocumentStatus.Suspect;
    /// <summary>The file changed the stored figures: it added or replaced a document, or its failure replaced one that was read.</summary>
    public bool ChangedFigures { get; init; }
}

/// <summary>The files a batch reads, and the files of its folders that it skips (not a readable format).</summary>
public sealed record BatchFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

public sealed record IngestSummary(IReadOnlyList<FileOutcome> Files, TimeSpan Elapsed)
{
    public int Count(FileOutcomeKind kind) => Files.Count(f => f.Kind == kind);
    public int SuspectCount => Files.Count(f => f.Suspect);
    public bool AnyFailed => Files.Any(f => f.Kind == FileOutcomeKind.Failed);
    /// <summary>False when the batch left every stored figure as it was (an unchanged re-run): nothing to re-analyse.</summary>
    public bool ChangedFigures => Files.Any(f => f.ChangedFigures);
}

/// <summary>
/// Runs the stages over a batch of files: read → text → segment → extract on all cores (in this process, or
/// in supervised worker processes: <see cref="WorkerPool"/>), a bounded number of files ahead of the one writer
/// (<see cref="ReadAhead{T}"/>), which stores each document atomically and commits many in one transaction. A file whose content hash is already stored is skipped (not even read when its stamp is as it was when hashed: <see cref="FileStamp"/>), so a batch that was stopped resumes
/// where it was, and a re-run changes nothing; the same content twice in one batch is stored once. Each
/// stored document gets its coverage (<see cref="DocumentCoverage"/>); a region known from outside the text
/// (<see cref="RegionHints"/>) fills in where the text names none.
/// </summary>
public sealed class IngestPipeline(IDocumentAnalyzer analyzer, RegionHints? regionHints = null)
{
    public IngestPipeline(DocumentReader reader, IFigureExtractor extractor, ISearchTokenizer? searchTokenizer = null,
        RegionHints? regionHints = null)
        : this(new InProcessAnalyzer(reader, extractor, searchTokenizer), regionHints)
    {
    }

    public IDocumentAnalyzer Analyzer => analyzer;

    /// <summary>How many files each job may read ahead of the writer: enough to keep the cores busy while it writes, few enough to keep memory flat.</summary>
    public const int ReadAheadPerJob = 4;

    /// <summary>
    /// How long the writer keeps a batch transaction open (and at most <see cref="MaxDocumentsPerCommit"/> documents):
    /// one commit for many documents, and a killed ingest loses no more than this much work, which the next run redoes.
    /// </summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromMilliseconds(500);
    public const int MaxDocumentsPerCommit = 256;

    /// <summary>
    /// Reads and extracts on <paramref name="jobs"/> threads (each a worker process when the analyzer is a
    /// <see cref="WorkerPool"/>) while this thread stores the results in the files' order; a file is reported
    /// (<paramref name="onFile"/>) once its transaction is committed.
    /// </summary>
    public IngestSummary Run(IReadOnlyList<string> files, BulletinStore store, int jobs, Action<FileOutcome>? onFile = null)
    {
        var started = DateTime.UtcNow;
        var known = store.KnownHashes();
        var stamps = store.FileStamps();
        var storedThisBatch = new Dictionary<string, string>();
        var outcomes = new List<FileOutcome>(files.Count);
        var uncommitted = new List<FileOutcome>();
        var sinceCommit = System.Diagnostics.Stopwatch.StartNew();
        int parallel = Math.Max(1, jobs);
        using var analyses = new ReadAhead<ProcessedFile>(files.Count, parallel, ReadAheadPerJob * parallel, i => Process(files[i], known, stamps));
        for (int i = 0; i < files.Count; i++)
        {
            if (uncommitted.Count >= MaxDocumentsPerCommit || sinceCommit.Elapsed >= CommitInterval && uncommitted.Count > 0) Commit();
            var work = analyses.Take(i);
            if (uncommitted.Count == 0) store.BeginBatch();
            uncommitted.Add(Store(work, store, storedThisBatch));
        }
        Commit();
        return new IngestSummary(outcomes, DateTime.UtcNow - started);

        void Commit()
        {
            store.CommitBatch();
            foreach (var outcome in uncommitted)
            {
                outcomes.Add(outcome);
                onFile?.Invoke(outcome);
            }
            uncommitted.Clear();
            sinceCommit.Restart();
        }
    }

    /// <summary>
    /// What a folder gives a batch by extension: the formats the readers take, and Word's own (.doc is tried so
    /// that it is refused with its reason, save it as .docx). Anything else in a folder (.json, .md, .tsv, images)
    /// is skipped; a file named on the command line is always tried.
    /// </summary>
    public static readonly IReadOnlySet<string> BatchExtensions =
        new HashSet<string>([".pdf", ".docx", ".txt", ".html", ".htm", ".doc", ".docm", ".dotx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every regular file below the given files and folders, in a stable order (see <see cref="FolderWalk"/>), and
    /// the folder files skipped for their extension (the analyst's regions.tsv sidecars among them: .tsv is no
    /// bulletin format). Folders the walk could not list stay in, to be recorded.
    /// </summary>
    public static BatchFiles ExpandPaths(IEnumerable<string> paths)
    {
        var named = paths.ToList();
        var namedFiles = named.Where(File.Exists).Select(Path.GetFullPath).ToHashSet();
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in FolderWalk.Expand(named))
            (namedFiles.Contains(path) || Directory.Exists(path) || BatchExtensions.Contains(Path.GetExtension(path)) ? files : skipped).Add(path);
        return new BatchFiles(files, skipped);
    }

    /// <summary>A file read (or vouched for by its stamp); <paramref name="Stamp"/> is what to record for its hash, if anything.</summary>
    private sealed record ProcessedFile(SourceFile File, FileOutcomeKind? Skip, FileAnalysis? Analysis, FileStamp? Stamp = null);

    private ProcessedFile Process(string path, IReadOnlySet<string> knownHashes,
        IReadOnlyDictionary<string, (string Sha256, FileStamp Stamp)> stamps)
    {
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
            // Taken before the file is read: a change after it moves the change time, so the next run reads the file again.
            var stamp = FileStamp.Of(path);
            if (stamp is { } now && stamps.TryGetValue(path, out var recorded) && recorded.Stamp.Vouches(now) && knownHashes.Contains(recorded.Sha256))
                return new ProcessedFile(new SourceFile(path, recorded.Sha256, now.Size), FileOutcomeKind.Unchanged, null);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            long size = stream.Length;
            if (size > DocumentReader.MaxFileBytes)
            {
                // Hashed as a stream, never loaded: the refusal is stored like any other.
                var large = new SourceFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)), size);
                var tooLarge = DocumentReader.TooLarge(size);
                return new ProcessedFile(large, null, FileAnalysis.Refused(null, tooLarge.Reason, tooLarge.Message), stamp);
            }
            // Read into a pooled buffer and hashed there: an unchanged file (every file of a re-run) is never
            // copied into an array of its own, so a re-run allocates next to nothing and the GC stays idle. A new
            // file is analysed from the buffer: a worker process reads the file itself, so nothing is copied here.
            var buffer = ArrayPool<byte>.Shared.Rent((int)size);
            try
            {
                int length = stream.ReadAtLeast(buffer.AsSpan(0, (int)size), (int)size, throwOnEndOfStream: false);
                var file = new SourceFile(path, Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length))), length);
                if (knownHashes.Contains(file.Sha256)) return new ProcessedFile(file, FileOutcomeKind.Unchanged, null, stamp);
                return new ProcessedFile(file, null, analyzer.Analyze(path, buffer.AsMemory(0, length)), stamp);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, $"cannot read file: {error.Message}");
        }
    }

    private static ProcessedFile Unreadable(string path, string reason) =>
        new(new SourceFile(path, "", 0), null, FileAnalysis.Refused(null, RejectReason.Unreadable, reason));

    private FileOutcome Store(ProcessedFile work, BulletinStore store, Dictionary<string, string> storedThisBatch)
    {
        var outcome = StoreAnalysis(work, store, storedThisBatch);
        if (work.Stamp is { } stamp) store.RecordStamp(work.File.Path, work.File.Sha256, stamp);
        return outcome;
    }

    private FileOutcome StoreAnalysis(ProcessedFile work, BulletinStore store, Dictionary<string, string> storedThisBatch)
    {
        if (work.Skip is { } skip) return new FileOutcome(work.File.Path, skip);
        var analysis = work.Analysis!;
        if (work.File.Sha256.Length > 0 && storedThisBatch.TryGetValue(work.File.Sha256, out var first))
            return new FileOutcome(work.File.Path, FileOutcomeKind.Duplicate, Reason: $"same content as {first}");
        var replaced = store.FindByPath(work.File.Path);
        bool replacing = replaced is not null;
        if (analysis.Rejected is { } reason)
        {
            string status = DocumentRejectedException.StatusOf(reason);
            store.SaveFailure(work.File, analysis.Format, status, analysis.Reason ?? status);
            return new FileOutcome(work.File.Path, FileOutcomeKind.Failed, status, analysis.Reason)
            {
                ChangedFigures = replaced?.Status is DocumentStatus.Ok or DocumentStatus.Suspect,
            };
        }
        var text = analysis.Text!;
        var extraction = RegionHints.Apply(analysis.Extraction!, regionHints?.For(work.File.Path));
        // Hints change regions only, so the coverage the analysis measured stands.
        var coverage = analysis.Coverage!;
        store.SaveDocument(work.File, text, extraction, analysis.SearchTokens, coverage);
        storedThisBatch[work.File.Sha256] = work.File.Path;
        string? suspect = coverage.SuspectReason;
        return new FileOutcome(work.File.Path, replacing ? FileOutcomeKind.Replaced : FileOutcomeKind.New,
            suspect is null ? DocumentStatus.Ok : DocumentStatus.Suspect, suspect, extraction.Figures.Count)
        {
            Warnings = extraction.Metadata.Warnings,
            ChangedFigures = true,
        };
    }
}
