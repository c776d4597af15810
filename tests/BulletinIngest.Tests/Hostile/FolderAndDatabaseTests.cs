using System.Diagnostics;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Tests.Hostile;

/// <summary>Input folders with things that are not bulletins, and a database that queries cannot write.</summary>
public class FolderAndDatabaseTests
{
    [Fact]
    public void The_folder_walk_skips_pipes_and_devices_follows_no_loop_and_stores_identical_content_once()
    {
        using var temp = new TempFolder();
        string inbox = Directory.CreateDirectory(temp.File("inbox")).FullName;
        string sub = Directory.CreateDirectory(Path.Combine(inbox, "sub")).FullName;
        File.Copy(RepoPaths.Bulletin("txt/003_1a389f379980c1eb.txt"), Path.Combine(inbox, "a.txt"));
        File.Copy(RepoPaths.Bulletin("txt/003_1a389f379980c1eb.txt"), Path.Combine(sub, "copy-of-a.txt"));
        File.CreateSymbolicLink(Path.Combine(sub, "loop"), inbox);             // sub/loop -> inbox: a cycle
        File.CreateSymbolicLink(Path.Combine(inbox, "zero.txt"), "/dev/zero");  // would fill memory
        File.CreateSymbolicLink(Path.Combine(inbox, "gone.txt"), temp.File("deleted.txt")); // dangling
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(inbox, "pipe.txt"))) Assert.True(mkfifo.WaitForExit(10_000) && mkfifo.ExitCode == 0);
        string db = temp.File("b.db");

        var result = CliProcess.Run("ingest", inbox, "--db", db);
        Assert.Equal(1, result.ExitCode); // the dangling link is recorded as unreadable
        using var connection = BulletinStore.OpenReadOnly(db);
        var rows = connection.Query<(string Name, string Status)>("SELECT name, status FROM documents ORDER BY name").ToList();
        Assert.Equal([("a.txt", "ok"), ("gone.txt", "unreadable")], rows);
        Assert.Contains("duplicate", result.Output);
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(DISTINCT document_id) FROM figures"));
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_recorded_as_unreadable_and_the_rest_is_stored()
    {
        using var temp = new TempFolder();
        string inbox = Directory.CreateDirectory(temp.File("inbox")).FullName;
        File.Copy(RepoPaths.Bulletin("txt/003_1a389f379980c1eb.txt"), Path.Combine(inbox, "a.txt"));
        string locked = Directory.CreateDirectory(Path.Combine(inbox, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "secret.txt"), "正文。");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0x1FF); // the unprivileged user writes the database here
        try
        {
            var result = RunAsUnprivileged("ingest", inbox, "--db", temp.File("b.db"));
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("unreadable", result.Output);
            using var connection = BulletinStore.OpenReadOnly(temp.File("b.db"));
            var rows = connection.Query<(string Name, string Status)>("SELECT name, status FROM documents ORDER BY name").ToList();
            Assert.Equal([("a.txt", "ok"), ("locked", "unreadable")], rows);
        }
        finally { File.SetUnixFileMode(locked, (UnixFileMode)0x1C0); }
    }

    [Fact]
    public void Query_refuses_statements_that_write_and_leaves_no_file_behind()
    {
        using var temp = new TempFolder();
        string db = Ingested(temp);
        var before = Directory.GetFiles(temp.Path).Order().ToList();
        foreach (var sql in new[]
                 {
                     $"VACUUM INTO '{temp.File("copy.db")}'",
                     $"ATTACH '{temp.File("other.db")}' AS o",
                     $"ATTACH '{temp.File("other.db")}' AS o; CREATE TABLE o.t(x); INSERT INTO o.t VALUES (1)",
                     "PRAGMA journal_mode=delete",
                     "DELETE FROM figures",
                     "SELECT 1; DELETE FROM figures",
                 })
        {
            var refused = CliProcess.Run("query", sql, "--db", db);
            Assert.Equal(2, refused.ExitCode);
            Assert.StartsWith("bulletin: ", refused.Error);
            Assert.DoesNotContain("   at ", refused.Error);
        }
        Assert.Contains("2 statements", CliProcess.Run("query", "SELECT 1; SELECT 2", "--db", db).Error);
        Assert.Contains("syntax error", CliProcess.Run("query", "SELECT 1; SELEC 2", "--db", db).Error);
        Assert.Equal(0, CliProcess.Run("query", "SELECT count(*) FROM figures", "--db", db).ExitCode);
        Assert.Equal(before, Directory.GetFiles(temp.Path).Order().ToList()); // no copy, no -wal, no -shm
        using var connection = BulletinStore.OpenReadOnly(db);
        Assert.True(connection.ExecuteScalar<int>("SELECT count(*) FROM figures") > 0);
    }

    [Fact]
    public void Query_stops_at_its_timeout_streams_csv_and_caps_the_table_view()
    {
        using var temp = new TempFolder();
        string db = Ingested(temp);
        const string forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
        var clock = Stopwatch.StartNew();
        var stopped = CliProcess.Run("query", forever, "--db", db, "--timeout", "2");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(2, stopped.ExitCode);
        Assert.Contains("stopped after 2 s", stopped.Error);

        const string many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 50000) SELECT x FROM c";
        var csv = CliProcess.Run("query", many, "--db", db, "--format", "csv");
        Assert.Equal(50001, csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var table = CliProcess.Run("query", many, "--db", db, "--limit", "10");
        Assert.Equal(10, table.Output.Split('\n').Count(l => l.StartsWith("│")) - 1);   // header + 10 rows
        Assert.Contains("10 rows shown; more not shown", table.Error);
    }

    [Fact]
    public void A_read_only_database_in_a_read_only_folder_can_be_queried()
    {
        using var temp = new TempFolder();
        string folder = Directory.CreateDirectory(temp.File("ro")).FullName;
        string db = Path.Combine(folder, "b.db");
        File.Copy(RepoPaths.Bulletin("txt/003_1a389f379980c1eb.txt"), temp.File("a.txt"));
        Assert.Equal(0, CliProcess.Run("ingest", temp.File("a.txt"), "--db", db, "--in-process").ExitCode);
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0x1ED); // rwxr-xr-x: the unprivileged user may enter
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var result = RunAsUnprivileged("query", "SELECT count(*) AS n FROM documents", "--db", db, "--format", "csv");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("n\n1\n", result.Output.Replace("\r", ""));
            Assert.Equal(["b.db"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally { File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); }
    }

    [Fact]
    public void Another_applications_sqlite_file_is_refused_before_anything_in_it_changes()
    {
        using var temp = new TempFolder();
        string db = temp.File("other.db");
        using (var other = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            other.Open();
            other.Execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts (name) VALUES ('x')");
        }
        byte[] before = File.ReadAllBytes(db);
        File.WriteAllText(temp.File("a.txt"), "正文。");
        var ingest = CliProcess.Run("ingest", temp.File("a.txt"), "--db", db);
        Assert.Equal(3, ingest.ExitCode);
        Assert.Contains("another application", ingest.Error);
        Assert.Equal(3, CliProcess.Run("query", "SELECT 1", "--db", db).ExitCode);
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(["a.txt", "other.db"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());

        File.WriteAllText(temp.File("notes.db"), "just some text, not SQLite at all, long enough to have a header........................................................");
        Assert.Equal(3, CliProcess.Run("ingest", temp.File("a.txt"), "--db", temp.File("notes.db")).ExitCode);
    }

    [Fact]
    public async Task Two_first_ingests_into_one_new_database_do_not_race_on_the_schema()
    {
        using var temp = new TempFolder();
        string db = temp.File("b.db");
        File.Copy(RepoPaths.Bulletin("txt/003_1a389f379980c1eb.txt"), temp.File("a.txt"));
        File.Copy(RepoPaths.Bulletin("txt/002_9e5b1a39eb6826af.txt"), temp.File("b.txt"));
        var runs = new[] { "a.txt", "b.txt" }
            .Select(name => Task.Run(() => CliProcess.Run("ingest", temp.File(name), "--db", db, "--in-process"))).ToArray();
        foreach (var run in await Task.WhenAll(runs)) Assert.True(run.ExitCode == 0, run.Error);
        using var connection = BulletinStore.OpenReadOnly(db);
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT count(*) FROM documents WHERE status = 'ok'"));
    }

    [Fact]
    public void Spreadsheet_cells_that_start_like_a_formula_are_neutralized_and_numbers_stay_numbers()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", SpreadsheetText.Neutralize("=HYPERLINK(\"x\")"));
        Assert.Equal("'+1+2", SpreadsheetText.Neutralize("+1+2"));
        Assert.Equal("'@SUM(A1)", SpreadsheetText.Neutralize("@SUM(A1)"));
        Assert.Equal("'-2+3", SpreadsheetText.Neutralize("-2+3"));
        Assert.Equal("-5", SpreadsheetText.Neutralize("-5"));
        Assert.Equal("汨罗市", SpreadsheetText.Neutralize("汨罗市"));
        Assert.Equal("\"'=1,2\"", RowsWriter.Cell("=1,2"));
        Assert.Equal("-3.5", RowsWriter.Cell(-3.5));
    }

    [Fact]
    public void Usage_errors_exit_2_with_one_line_and_no_stack_trace()
    {
        using var temp = new TempFolder();
        string db = Ingested(temp);
        foreach (var args in new[]
                 {
                     new[] { "ingest", "--no-such-option" },
                     ["text", temp.Path],
                     ["export", "--db", db, "--format", "csv", "--out", temp.Path],
                     ["query", "SELECT * FROM no_such_table", "--db", db],
                 })
        {
            var result = CliProcess.Run(args);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result.ExitCode} {result.Error}");
            Assert.DoesNotContain("   at ", result.Error);
        }
    }

    private static string Ingested(TempFolder temp)
    {
        string db = temp.File("b.db");
        File.Copy(RepoPaths.Bulletin("txt/003_1a389f379980c1eb.txt"), temp.File("a.txt"));
        Assert.Equal(0, CliProcess.Run("ingest", temp.File("a.txt"), "--db", db, "--in-process").ExitCode);
        return db;
    }

    /// <summary>The real `bulletin` as user nobody when the tests run as root (root reads every folder whatever its mode).</summary>
    private static CliProcess.Result RunAsUnprivileged(params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "bulletin.dll");
        if (Environment.UserName != "root") return CliProcess.Run(arguments);
        return CliProcess.RunProgram("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", dll, .. arguments]);
    }
}
