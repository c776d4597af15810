using System.Diagnostics;
using BulletinIngest.Storage;
using BulletinIngest.Tests.Hostile;
using Dapper;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>
/// An ingest killed with SIGKILL at random moments, then run to the end, stores what an uninterrupted ingest
/// stores: every document once, every figure once, and an intact database. BULLETIN_KILLS sets how many kills
/// (the suite uses 4; `BULLETIN_KILLS=30 dotnet test --filter KillAndResume` is the long run).
/// </summary>
public class KillAndResumeTests
{
    [Fact]
    public void An_ingest_killed_at_random_moments_and_resumed_loses_and_doubles_nothing()
    {
        using var temp = new TempFolder();
        string inbox = temp.File("inbox");
        HostileBatchTests.CopyFolder(RepoPaths.Bulletins, inbox);
        int files = Directory.GetFiles(inbox, "*", SearchOption.AllDirectories).Length;
        string reference = temp.File("reference.db");
        var clock = Stopwatch.StartNew();
        var whole = CliProcess.Run("ingest", inbox, "--db", reference);
        Assert.True(whole.ExitCode == 0, whole.Error);
        long wholeMilliseconds = clock.ElapsedMilliseconds;
        long stored = StoredDocuments(reference);

        int kills = int.TryParse(Environment.GetEnvironmentVariable("BULLETIN_KILLS"), out int n) ? n : 4;
        var random = new Random(20261201);
        string db = temp.File("killed.db");
        var storedAfterKills = new List<long>();
        for (int i = 0; i < kills; i++)
        {
            long before = StoredDocuments(db);
            if (before >= stored - 1) break; // nothing left to interrupt
            // A moment chosen by progress, not by time (the reading threads store the last documents in a burst):
            // once a random number of this run's documents are stored, then a few milliseconds more, mid-write or not.
            long target = before + random.Next(1, (int)(stored - before));
            int jitter = random.Next(0, 25);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "bulletin.dll"), "ingest", inbox, "--db", db })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var waited = Stopwatch.StartNew();
            while (!process.HasExited && StoredDocuments(db) < target && waited.ElapsedMilliseconds < 4 * wholeMilliseconds) Thread.Sleep(5);
            Thread.Sleep(jitter);
            if (!process.HasExited) process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            process.WaitForExit();
            storedAfterKills.Add(StoredDocuments(db));
        }
        // The kills fell inside batches, not all before the first file or after the last.
        Assert.True(storedAfterKills.Any(count => count > 0 && count < stored),
            $"stored after each kill: {string.Join(", ", storedAfterKills)} of {stored} ({files} files)");
        var resumed = CliProcess.Run("ingest", inbox, "--db", db);
        Assert.True(resumed.ExitCode == 0, resumed.Error);

        const string perDocument = "SELECT d.path, count(f.id) FROM documents d LEFT JOIN figures f ON f.document_id = d.id GROUP BY d.path ORDER BY d.path";
        using var expected = BulletinStore.OpenReadOnly(reference);
        using var actual = BulletinStore.OpenReadOnly(db);
        Assert.Equal(expected.Query<(string, long)>(perDocument).ToList(), actual.Query<(string, long)>(perDocument).ToList());
        Assert.Equal("ok", actual.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    private static long StoredDocuments(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var connection = BulletinStore.OpenReadOnly(db);
            return connection.ExecuteScalar<long>("SELECT count(*) FROM documents");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }
}
