using BulletinIngest.Pipeline;
using BulletinIngest.Storage;

namespace BulletinIngest.Bench;

/// <summary>
/// `ingest FOLDER [--jobs N]`: ingests a folder into a fresh SQLite file with the production pipeline, twice
/// (first run, then the idempotent re-run), and prints files/s, MB/s and peak memory. Build a large archive of distinct copies
/// of the corpus with shared/tools/make_archive.py.
/// </summary>
public static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: ingest FOLDER [--jobs N]");
            return 2;
        }
        int jobs = args.Length >= 3 && args[1] == "--jobs" ? int.Parse(args[2]) : Environment.ProcessorCount;
        var files = IngestPipeline.ExpandPaths([args[0]]).Files;
        double megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
        string database = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.db");
        try
        {
            using var store = BulletinStore.Open(database);
            var pipeline = PipelineFactory.Create();
            var first = pipeline.Run(files, store, jobs);
            var second = pipeline.Run(files, store, jobs);
            Console.WriteLine($"files: {files.Count} ({megabytes:0.0} MB), jobs: {jobs}, cores: {Environment.ProcessorCount}");
            Report("first run", first, megabytes);
            Report("re-run", second, megabytes);
            Console.WriteLine($"database: {new FileInfo(database).Length / (1024.0 * 1024.0):0.0} MB");
            Console.WriteLine($"peak memory: {Measure.PeakMemoryMb():0} MB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
        return 0;
    }

    private static void Report(string label, IngestSummary summary, double megabytes)
    {
        double seconds = summary.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{label}: {seconds:0.00} s, {summary.Files.Count / seconds:0.0} files/s, {megabytes / seconds:0.0} MB/s " +
            $"({summary.Count(FileOutcomeKind.New)} new, {summary.Count(FileOutcomeKind.Unchanged)} unchanged, " +
            $"{summary.Count(FileOutcomeKind.Failed)} failed, {summary.Files.Sum(f => f.Figures)} figures)");
    }
}
