using System.CommandLine;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Learning;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;
using BulletinIngest.Storage.Corrections;
using Spectre.Console;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin ingest PATH...`: reads, extracts and stores a batch of bulletins.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var database = CommonOptions.Database();
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "How many files to read and extract at once",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("ingest", """
            Read bulletins (PDF, DOCX, TXT, HTML; format told by content), extract their figures and store them.
            From a folder only those formats are taken (other files are counted as skipped); a named file is always tried.
            Files already stored (same content hash) are skipped; a changed file replaces its old version.
            Each file is read in a worker process with a time and memory budget: a file that crashes the reader or
            runs past a budget is recorded (crashed, too-slow, too-large) and the batch goes on.
            Exit code: 0 all stored, 1 some files failed (the rest are stored), 2 usage error,
            3 environment failure (disk full, database locked or not ours), 4 internal error.

            Examples:
              bulletin ingest corpus/ --db bulletins.db
              bulletin ingest ~/bulletins/2024 ~/bulletins/2025 --jobs 4
              bulletin ingest scans/ --ocr never
            """) { paths, database, jobs };
        var rulesOnly = new Option<bool>("--no-clause-filter")
        {
            Description = "Keep every figure the rules find (do not let the clause classifier drop narrative ones)",
        };
        var fileTimeout = new Option<int>("--file-timeout")
        {
            Description = "CPU seconds a worker may spend reading and extracting one file (waiting counts too, past ten times that); " +
                          "past it the file is recorded as too-slow",
            DefaultValueFactory = _ => (int)WorkerBudget.Default.FileTimeout.TotalSeconds,
        };
        var fileMemory = new Option<int>("--file-memory")
        {
            Description = "Megabytes a worker may use for one file; past it the file is recorded as too-large",
            DefaultValueFactory = _ => (int)(WorkerBudget.Default.MemoryBytes / (1024 * 1024)),
        };
        var inProcess = new Option<bool>("--in-process")
        {
            Description = "Read files in this process instead of worker processes (faster to start; a crashing file ends the batch, no budgets)",
        };
        command.Options.Add(rulesOnly);
        var region = new Option<string?>("--region")
        {
            Description = "Issuing region of files whose text names none (a gazetteer name, e.g. 湖南省); a regions.tsv " +
                          "sidecar in the archive (PATTERN<TAB>REGION lines) takes precedence, folder names come after",
        };
        command.Options.Add(region);
        var ocr = CommonOptions.Ocr();
        command.Options.Add(ocr);
        command.Options.Add(fileTimeout);
        command.Options.Add(fileMemory);
        command.Options.Add(inProcess);
        var corrections = CorrectCommand.Corrections();
        command.Options.Add(corrections);
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            int seconds = result.GetValue(fileTimeout), megabytes = result.GetValue(fileMemory);
            if (seconds <= 0 || megabytes < 64) throw new ArgumentException("--file-timeout must be positive and --file-memory at least 64 (MB)");
            var budget = new WorkerBudget(TimeSpan.FromSeconds(seconds), megabytes * 1024L * 1024);
            return Run(result.GetValue(paths)!, result.GetValue(database)!, result.GetValue(jobs), !result.GetValue(rulesOnly),
                result.GetValue(region), result.GetValue(ocr), result.GetValue(inProcess) ? null : budget, result.GetValue(corrections));
        }));
        return command;
    }

    private static int Run(string[] paths, string databasePath, int jobs, bool clauseFilter, string? region,
        BulletinIngest.Reading.Ocr.OcrMode ocr, WorkerBudget? isolation, string? correctionsPath)
    {
        var batch = IngestPipeline.ExpandPaths(paths);
        var files = batch.Files;
        var hints = new RegionHints(() => Gazetteer.Default, region); // an unknown --region is a usage error (ArgumentException)
        using var store = BulletinStore.Open(databasePath);
        using var workers = isolation is null ? null : new WorkerPool(threads => WorkerCommand.StartInfo(clauseFilter, ocr, threads), isolation, Math.Max(1, jobs));
        var pipeline = workers is null ? PipelineFactory.Create(clauseFilter, hints, ocr) : new IngestPipeline(workers, hints);
        IngestSummary summary;
        if (!Console.IsOutputRedirected && files.Count > 1)
        {
            summary = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"ingesting {files.Count} files", maxValue: files.Count);
                    summary = pipeline.Run(files, store, jobs, outcome =>
                    {
                        task.Increment(1);
                        if (outcome.Kind == FileOutcomeKind.Failed) AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {outcome.Path}: {outcome.Reason}");
                        else if (outcome.Suspect) AnsiConsole.MarkupLineInterpolated($"[yellow]suspect[/] {outcome.Path}: {outcome.Reason}");
                    });
                });
        }
        else
        {
            summary = pipeline.Run(files, store, jobs, outcome => Console.WriteLine(Describe(outcome)));
        }
        PrintSummary(summary, batch.Skipped.Count);
        int corrected = ReapplyCorrections(store, CorrectionsFile.PathFor(databasePath, correctionsPath));
        Console.WriteLine(BulletinGrouping.CountLine(store.Connection));
        // Flags describe the stored figures: when the batch changed none (and no correction was applied), the stored
        // flags still do, unless an earlier ingest was killed between storing its documents and refreshing the flags
        // (it left its -wal).
        var flagKinds = summary.ChangedFigures || corrected > 0 || store.WriteLogFound
            ? FlagAnalysis.Refresh(store.Connection).Select(f => f.Kind).ToList()
            : FlagAnalysis.StoredKinds(store.Connection);
        Console.WriteLine($"{flagKinds.Count} flags ({flagKinds.Count(k => k == FlagKinds.PercentMismatch)} inconsistent percents); " +
                          "list them with `bulletin flags`");
        return summary.AnyFailed ? 1 : 0;
    }

    /// <summary>A re-ingested document has freshly extracted figures: the analysts' corrections go on them again, before the flags.</summary>
    private static int ReapplyCorrections(BulletinStore store, string correctionsPath)
    {
        var reapplied = CorrectionBook.Reapply(store.Connection, correctionsPath);
        if (reapplied.Applied + reapplied.Orphaned.Count == 0) return 0;
        Console.WriteLine($"{reapplied.Applied} corrections re-applied, {reapplied.Orphaned.Count} orphaned (their text is gone); " +
                          "list them with `bulletin corrections`");
        foreach (var orphan in reapplied.Orphaned)
            Console.WriteLine($"  orphaned   {orphan.Id} {orphan.Figure.Doc} {orphan.Figure.Start}-{orphan.Figure.End} \"{orphan.Figure.SourceText}\": {orphan.Describe()}");
        return reapplied.Applied;
    }

    private static string Describe(FileOutcome outcome) => outcome.Kind switch
    {
        FileOutcomeKind.Failed => $"failed     {outcome.Path}: {outcome.Status}: {outcome.Reason}",
        FileOutcomeKind.Unchanged => $"unchanged  {outcome.Path}",
        FileOutcomeKind.Duplicate => $"duplicate  {outcome.Path} ({outcome.Reason})",
        FileOutcomeKind.Replaced => $"replaced   {outcome.Path} ({outcome.Figures} figures{Notes(outcome)})",
        _ => $"new        {outcome.Path} ({outcome.Figures} figures{Notes(outcome)})",
    };

    /// <summary>", suspect: reason; warning" after the figure count, or nothing.</summary>
    private static string Notes(FileOutcome outcome) =>
        string.Concat((outcome.Suspect ? [$"suspect: {outcome.Reason}"] : Array.Empty<string>()).Concat(outcome.Warnings).Select(n => "; " + n));

    private static void PrintSummary(IngestSummary summary, int skipped)
    {
        Console.WriteLine(
            $"{summary.Files.Count} files in {summary.Elapsed.TotalSeconds:0.0} s: {summary.Count(FileOutcomeKind.New)} new, " +
            $"{summary.Count(FileOutcomeKind.Unchanged)} unchanged, " +
            (summary.Count(FileOutcomeKind.Duplicate) is > 0 and var duplicates ? $"{duplicates} duplicate, " : "") +
            $"{summary.Count(FileOutcomeKind.Replaced)} replaced, " +
            $"{summary.Count(FileOutcomeKind.Failed)} failed, {skipped} skipped; {summary.SuspectCount} suspect; {summary.Files.Sum(f => f.Figures)} figures stored");
        foreach (var failed in summary.Files.Where(f => f.Kind == FileOutcomeKind.Failed))
            Console.WriteLine($"  {failed.Status,-12} {failed.Path}: {failed.Reason}");
        int unknown = summary.Files.Count(f => f.Warnings.Any(w => w.StartsWith("region unknown", StringComparison.Ordinal)));
        int fromPath = summary.Files.Count(f => f.Warnings.Any(w => w.StartsWith(Extraction.Metadata.PathEvidence.WarningPrefix, StringComparison.Ordinal)));
        int others = summary.Files.Count(f => f.Warnings.Count > 0) - unknown - fromPath;
        if (summary.SuspectCount > 0 || unknown + fromPath + others > 0)
            Console.WriteLine($"{summary.SuspectCount} suspect, {unknown} with an unknown region" + (fromPath > 0 ? $", {fromPath} with the region from the file path only" : "")
                              + (others > 0 ? $", {others} with other warnings" : "") + "; list them with `bulletin documents --suspect`");
    }
}
