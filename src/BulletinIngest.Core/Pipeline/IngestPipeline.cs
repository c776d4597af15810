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
}

/// <summary>What happened to one file of a batch.</summary>
/// <summary>What happened to one file of a batch; Status is ok, suspect (Reason says why) or the failure's status.</summary>
public sealed record FileOutcome(string Path, FileOutcomeKind Kind, string? Status = null, string? Reason = null, int Figures = 0)
{
    /// <summary>What the analyst should check although the file was stored (an unknown region).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public bool Suspect => Status == DocumentStatus.Suspect;
}

/// <summary>The files a batch reads, and the files of its folders that it skips (not a readable format).</summary>
public sealed record BatchFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

public sealed record IngestSummary(IReadOnlyList<FileOutcome> Files, TimeSpan Elapsed)
{
    public int Count(FileOutcomeKind kind) => Files.Count(f => f.Kind == kind);
    public int SuspectCount => Files.Count(f => f.Suspect);
    public bool AnyFailed => Files.Any(f => f.Kind == FileOutcomeKind.Failed);
}

/// <summary>
/// Runs the stages over a batch of files: read → text → segment → extract on all cores, then store on one
/// writer, one transaction per document. A file whose content hash is already stored is skipped, so a
/// batch that was stopped resumes where it was, and a re-run changes nothing. Each stored document gets its
/// coverage (<see cref="DocumentCoverage"/>); a region known from outside the text (<see cref="RegionHints"/>)
/// fills in where the text names none.
/// </summary>
public sealed class IngestPipeline(DocumentReader reader, IFigureExtractor extractor, ISearchTokenizer? searchTokenizer = null,
    RegionHints? regionHints = null)
{
    public IngestSummary Run(IReadOnlyList<string> files, BulletinStore store, int jobs, Action<FileOutcome>? onFile = null)
    {
        var started = DateTime.UtcNow;
        var known = store.KnownHashes();
        var outcomes = new List<FileOutcome>(files.Count);
        var processed = files
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, jobs))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(path => Process(path, known));
        foreach (var work in processed)
        {
            var outcome = Store(work, store);
            outcomes.Add(outcome);
            onFile?.Invoke(outcome);
        }
        return new IngestSummary(outcomes, DateTime.UtcNow - started);
    }

    /// <summary>
    /// What a folder gives a batch by extension: the formats the readers take, and Word's own (.doc is tried so
    /// that it is refused with its reason, save it as .docx). Anything else in a folder (.json, .md, .tsv, images)
    /// is skipped; a file named on the command line is always tried.
    /// </summary>
    public static readonly IReadOnlySet<string> BatchExtensions =
        new HashSet<string>([".pdf", ".docx", ".txt", ".html", ".htm", ".doc", ".docm", ".dotx"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every file below the given files and folders, in a stable order, and the folder files skipped (the
    /// analyst's regions.tsv sidecars among them: .tsv is no bulletin format).
    /// </summary>
    public static BatchFiles ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetFileName(f).StartsWith('.'))
                             .Order(StringComparer.Ordinal))
                    (BatchExtensions.Contains(Path.GetExtension(file)) ? files : skipped).Add(file);
            else if (File.Exists(path)) files.Add(path);
            else throw new FileNotFoundException($"no such file or folder: {path}", path);
        }
        var taken = files.Select(Path.GetFullPath).Distinct().ToList();
        return new BatchFiles(taken, skipped.Select(Path.GetFullPath).Distinct().Except(taken).ToList());
    }

    private sealed record ProcessedFile(SourceFile File, FileOutcomeKind? Skip, DocumentText? Text, ExtractionResult? Extraction,
        IReadOnlyList<string>? SearchTokens, string? Format, DocumentRejectedException? Rejection, DocumentCoverage? Coverage = null);

    private ProcessedFile Process(string path, IReadOnlySet<string> knownHashes)
    {
        byte[] content;
        try
        {
            long size = new FileInfo(path).Length;
            if (size > DocumentReader.MaxFileBytes)
            {
                // Hashed as a stream, never loaded: the refusal is stored like any other.
                using var stream = File.OpenRead(path);
                var large = new SourceFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)), size);
                return new ProcessedFile(large, null, null, null, null, null, DocumentReader.TooLarge(size));
            }
            content = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var unreadable = new SourceFile(path, "", 0);
            return new ProcessedFile(unreadable, null, null, null, null, null,
                new DocumentRejectedException(RejectReason.Corrupt, $"cannot read file: {error.Message}", error));
        }
        var file = new SourceFile(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength);
        if (knownHashes.Contains(file.Sha256)) return new ProcessedFile(file, FileOutcomeKind.Unchanged, null, null, null, null, null);

        string? format = null;
        try
        {
            var detected = FormatDetector.Detect(content, file.Name);
            format = detected.ToString().ToLowerInvariant();
            var text = reader.ReadAs(detected, content);
            var extraction = RegionHints.Apply(extractor.Extract(text, file.Name), regionHints?.For(path));
            var tokens = searchTokenizer is null ? null : text.Blocks.Select(b => searchTokenizer.ToSearchTokens(b.Text)).ToList();
            return new ProcessedFile(file, null, text, extraction, tokens, format, null, DocumentCoverage.Measure(text, extraction.Figures));
        }
        catch (DocumentRejectedException rejection)
        {
            return new ProcessedFile(file, null, null, null, null, format, rejection);
        }
        catch (Exception error)
        {
            // A bug of ours must not stop the batch: record it against the file and go on.
            return new ProcessedFile(file, null, null, null, null, format,
                new DocumentRejectedException(RejectReason.Corrupt, $"internal error ({error.GetType().Name}): {error.Message}", error));
        }
    }

    private static FileOutcome Store(ProcessedFile work, BulletinStore store)
    {
        if (work.Skip is { } skip) return new FileOutcome(work.File.Path, skip);
        bool replacing = store.FindByPath(work.File.Path) is not null;
        if (work.Rejection is { } rejection)
        {
            if (work.File.Sha256.Length > 0) store.SaveFailure(work.File, work.Format, rejection.Status, rejection.Message);
            return new FileOutcome(work.File.Path, FileOutcomeKind.Failed, rejection.Status, rejection.Message);
        }
        store.SaveDocument(work.File, work.Text!, work.Extraction!, work.SearchTokens, work.Coverage);
        string? suspect = work.Coverage?.SuspectReason;
        return new FileOutcome(work.File.Path, replacing ? FileOutcomeKind.Replaced : FileOutcomeKind.New,
            suspect is null ? DocumentStatus.Ok : DocumentStatus.Suspect, suspect, work.Extraction!.Figures.Count)
        {
            Warnings = work.Extraction.Metadata.Warnings,
        };
    }
}
