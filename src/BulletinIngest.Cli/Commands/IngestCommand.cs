using System.CommandLine;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Extraction;
using BulletinIngest.Learning;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;
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
            Exit code: 0 all stored, 1 some files failed (the rest are stored), 2 usage error.

            Examples:
              bulletin ingest corpus/ --db bulletins.db
              bulletin ingest ~/bulletins/2024 ~/bulletins/2025 --jobs 4
            """) { paths, database, jobs };
        var rulesOnly = new Option<bool>("--no-clause-filter")
        {
            Description = "Keep every figure the rules find (do not let the clause classifier drop narrative ones)",
        };
        command.Options.Add(rulesOnly);
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(paths)!, result.GetValue(database)!, result.GetValue(jobs), !result.GetValue(rulesOnly))));
        return command;
    }

    private static int Run(string[] paths, string databasePath, int jobs, bool clauseFilter)
    {
        var batch = IngestPipeline.ExpandPaths(paths);
        var files = batch.Files;
        using var store = BulletinStore.Open(databasePath);
        var pipeline = PipelineFactory.Create(clauseFilter);
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
                    });
                });
        }
        else
        {
            summary = pipeline.Run(files, store, jobs, outcome => Console.WriteLine(Describe(outcome)));
        }
        PrintSummary(summary, batch.Skipped.Count);
        var flags = FlagAnalysis.Refresh(store.Connection);
        Console.WriteLine($"{flags.Count} flags ({flags.Count(f => f.Kind == FlagKinds.PercentMismatch)} inconsistent percents); " +
                          "list them with `bulletin flags`");
        return summary.AnyFailed ? 1 : 0;
    }

    private static string Describe(FileOutcome outcome) => outcome.Kind switch
    {
        FileOutcomeKind.Failed => $"failed     {outcome.Path}: {outcome.Status}: {outcome.Reason}",
        FileOutcomeKind.Unchanged => $"unchanged  {outcome.Path}",
        FileOutcomeKind.Replaced => $"replaced   {outcome.Path} ({outcome.Figures} figures)",
        _ => $"new        {outcome.Path} ({outcome.Figures} figures)",
    };

    private static void PrintSummary(IngestSummary summary, int skipped)
    {
        Console.WriteLine(
            $"{summary.Files.Count} files in {summary.Elapsed.TotalSeconds:0.0} s: {summary.Count(FileOutcomeKind.New)} new, " +
            $"{summary.Count(FileOutcomeKind.Unchanged)} unchanged, {summary.Count(FileOutcomeKind.Replaced)} replaced, " +
            $"{summary.Count(FileOutcomeKind.Failed)} failed, {skipped} skipped; {summary.Files.Sum(f => f.Figures)} figures stored");
        foreach (var failed in summary.Files.Where(f => f.Kind == FileOutcomeKind.Failed))
            Console.WriteLine($"  {failed.Status,-12} {failed.Path}: {failed.Reason}");
    }
}
