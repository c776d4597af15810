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
        string reference = temp.File("reference.db");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, CliProcess.Run("ingest", inbox, "--db", reference).ExitCode);
        int whole = (int)clock.ElapsedMilliseconds;

        int kills = int.TryParse(Environment.GetEnvironmentVariable("BULLETIN_KILLS"), out int n) ? n : 4;
        var random = new Random(20261201);
        string db = temp.File("killed.db");
        var storedAfterKills = new List<long>();
        for (int i = 0; i < kills; i++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "bulletin.dll"), "ingest", inbox, "--db", db })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Inside the batch: once a first document of this run is stored, after a random part of a whole run.
            long before = StoredDocuments(db);
            var waited = Stopwatch.StartNew();
            while (!process.HasExited && StoredDocuments(db) <= before && before < 28 && waited.ElapsedMilliseconds < 4L * whole) Thread.Sleep(20);
            Thread.Sleep(random.Next(0, Math.Max(1, whole / 2)));
            if (!process.HasExited) process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            process.WaitForExit();
            storedAfterKills.Add(StoredDocuments(db));
        }
        // The kills fell inside batches, not all before the first file or after the last.
        Assert.Contains(storedAfterKills, count => count is > 0 and < 28);
        Assert.Equal(0, CliProcess.Run("ingest", inbox, "--db", db).ExitCode);

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
