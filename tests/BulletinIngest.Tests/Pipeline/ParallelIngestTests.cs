using BulletinIngest.Pipeline;
using BulletinIngest.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>The parallel ingest (worker processes, files read ahead of one batching writer) against the serial one, and when flags are refreshed.</summary>
public class ParallelIngestTests
{
    [Fact]
    public void Parallel_ingest_in_worker_processes_stores_exactly_what_a_serial_in_process_ingest_stores()
    {
        using var temp = new TempFolder();
        string serial = temp.File("serial.db"), parallel = temp.File("parallel.db");
        Assert.Equal(0, CliProcess.Run("ingest", RepoPaths.Bulletins, "--db", serial, "--jobs", "1", "--in-process").ExitCode);
        // More jobs than cores: files finish out of order and wait in the read-ahead window for the writer.
        Assert.Equal(0, CliProcess.Run("ingest", RepoPaths.Bulletins, "--db", parallel, "--jobs", "3").ExitCode);

        var expected = Contents(serial);
        var actual = Contents(parallel);
        Assert.True(expected.Figures.Count > 1000, $"only {expected.Figures.Count} figures from the samples");
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Figures, actual.Figures);
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.SearchTokens, actual.SearchTokens);
    }

    [Fact]
    public void An_unchanged_rerun_keeps_the_stored_flags_unless_an_unfinished_writer_left_its_log()
    {
        using var temp = new TempFolder();
        string file = temp.File("004.txt"), db = temp.File("b.db");
        File.Copy(RepoPaths.Bulletin("txt/004_1f00e35fffe70a01.txt"), file);
        var first = CliProcess.Run("ingest", file, "--db", db);
        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("\n0 flags", "\n" + first.Output);

        // Flags removed behind the ingest's back: a re-run that changes no figure does not look at them again…
        using (var connection = Open(db)) connection.Execute("DELETE FROM flag_figures; DELETE FROM flags");
        var unchanged = CliProcess.Run("ingest", file, "--db", db);
        Assert.Contains("1 unchanged", unchanged.Output);
        Assert.Contains("\n0 flags", "\n" + unchanged.Output);

        // …but with a write-ahead log present (a writer still open, or killed before its refresh) it recomputes them.
        using (var open = Open(db))
        {
            open.ExecuteScalar<long>("SELECT count(*) FROM documents");
            var refreshed = CliProcess.Run("ingest", file, "--db", db);
            Assert.Contains("1 unchanged", refreshed.Output);
            Assert.DoesNotContain("\n0 flags", "\n" + refreshed.Output);
        }
        using var check = Open(db);
        Assert.True(check.ExecuteScalar<long>("SELECT count(*) FROM flags") > 0);
    }

    [Fact]
    public void Read_ahead_gives_results_in_order_and_never_runs_more_than_its_window_ahead_of_the_consumer()
    {
        const int count = 200, window = 6;
        int taken = 0, furthestAhead = 0;
        var random = new Random(17);
        var delays = Enumerable.Range(0, count).Select(_ => random.Next(0, 3)).ToArray();
        using var readAhead = new ReadAhead<int>(count, jobs: 3, window, i =>
        {
            int ahead = i - Volatile.Read(ref taken);
            InterlockedMax(ref furthestAhead, ahead);
            Thread.Sleep(delays[i]);
            return i * i;
        });
        for (int i = 0; i < count; i++)
        {
            if (i % 50 == 0) Thread.Sleep(20); // a slow writer: the threads must wait, not run on
            Assert.Equal(i * i, readAhead.Take(i));
            Volatile.Write(ref taken, i + 1);
        }
        Assert.InRange(furthestAhead, 1, window);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private sealed record Stored(List<string> Documents, List<string> Figures, List<string> Flags, List<string> SearchTokens);

    private static Stored Contents(string db)
    {
        using var connection = BulletinStore.OpenReadOnly(db);
        return new Stored(
            connection.Query<string>(
                $"""
                SELECT {Row("path", "sha256", "format", "status", "error", "region", "parent_region", "kind", "issue", "issue_date", "number_mentions", "mentions_used", "figure_count", "warnings")}
                FROM documents ORDER BY path
                """).ToList(),
            connection.Query<string>(
                $"""
                SELECT {Row("d.path", "f.region", "f.tier", "f.project", "f.indicator", "f.target", "f.actual", "f.unit", "f.percent", "f.qualifier", "f.inconsistent", "f.canonical_project_id", "f.page", "f.start_offset", "f.end_offset", "f.sentence", "f.decided_by", "f.confidence")}
                FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY d.path, f.start_offset, f.end_offset, f.project, f.indicator
                """).ToList(),
            connection.Query<string>(
                $"""
                SELECT {Row("fl.kind", "fl.severity", "fl.message", "d.path", "fl.region", "fl.canonical_project_id")}
                FROM flags fl LEFT JOIN documents d ON d.id = fl.document_id ORDER BY 1
                """).ToList(),
            connection.Query<string>(
                $"""
                SELECT {Row("d.path", "b.seq", "s.tokens")}
                FROM block_search s JOIN blocks b ON b.id = s.block_id JOIN documents d ON d.id = b.document_id ORDER BY d.path, b.seq
                """).ToList());
    }

    /// <summary>The columns as one comparable text (SQL quoted values joined by |).</summary>
    private static string Row(params string[] columns) => string.Join(" || '|' || ", columns.Select(c => $"quote({c})"));

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
