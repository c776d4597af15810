using System.Diagnostics;
using System.Text.RegularExpressions;
using BulletinIngest.Bench;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Hostile;

/// <summary>Hostile and broken inputs (tests/fixtures/hostile, from shared/corpus/hostile) through the real `bulletin` process.</summary>
public class HostileBatchTests
{
    [Fact]
    public void Every_hostile_file_is_recorded_with_a_reason_and_every_good_bulletin_is_stored_in_bounded_time_and_memory()
    {
        using var temp = new TempFolder();
        string inbox = Directory.CreateDirectory(temp.File("inbox")).FullName;
        var hostile = Directory.GetFiles(RepoPaths.Fixture("hostile")).Where(f => !f.EndsWith(".md")).ToList();
        foreach (var file in hostile) File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        CopyFolder(RepoPaths.Bulletins, Path.Combine(inbox, "good"));

        // Reference: the good bulletins alone, read in this process.
        string goodDb = temp.File("good.db");
        Assert.Equal(0, CliProcess.Run("ingest", Path.Combine(inbox, "good"), "--db", goodDb, "--in-process").ExitCode);

        string db = temp.File("b.db");
        var clock = Stopwatch.StartNew();
        bool timed = File.Exists("/usr/bin/time");
        var result = timed
            ? CliProcess.RunProgram("/usr/bin/time", ["-v", "dotnet", Path.Combine(AppContext.BaseDirectory, "bulletin.dll"), "ingest", inbox, "--db", db])
            : CliProcess.Run("ingest", inbox, "--db", db);
        clock.Stop();

        Assert.Equal(1, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
        if (timed)
        {
            long peakKb = long.Parse(Regex.Match(result.Error, @"Maximum resident set size \(kbytes\): (\d+)").Groups[1].Value);
            Assert.True(peakKb < 1536 * 1024, $"peak {peakKb} kB");
        }
        using var connection = BulletinStore.OpenReadOnly(db);
        var rows = connection.Query<(string Name, string Status, string? Error)>("SELECT name, status, error FROM documents").ToDictionary(r => r.Name);
        foreach (var file in hostile.Select(Path.GetFileName))
        {
            Assert.True(rows.ContainsKey(file!), $"{file} not recorded");
            var row = rows[file!];
            if (file is "txt-one-ff-byte.txt" or "huge-length-2e9-x20.pdf") { Assert.Equal("ok", row.Status); continue; } // damaged but readable
            Assert.NotEqual("ok", row.Status);
            Assert.False(string.IsNullOrWhiteSpace(row.Error));
            Assert.DoesNotContain('\n', row.Error);
            Assert.DoesNotContain("internal error", row.Error);
            Assert.Contains($"{row.Status,-12} {Path.Combine(inbox, file!)}: {row.Error}", result.Output);
        }
        Assert.Equal("too-large", rows["flate-bomb-1500MB.pdf"].Status);
        Assert.Contains("loops", rows["xref-prev-loop.pdf"].Error);
        Assert.Contains("page tree loops", rows["self-kid.pdf"].Error);
        Assert.Contains("page tree loops", rows["cyclic-pages.pdf"].Error);
        Assert.Contains("nests elements", rows["nested-hyperlink-40000.docx"].Error);
        // As many as its undamaged original, corpus/expected/000_7f4eaa1b27befe4b.txt, gives (38 since ab986eb).
        Assert.Equal(38, connection.ExecuteScalar<int>(
            "SELECT count(*) FROM figures f JOIN documents d ON d.id = f.document_id WHERE d.name = 'txt-one-ff-byte.txt'"));

        // Every good bulletin is stored with all its figures: the same counts as when read alone.
        using var reference = BulletinStore.OpenReadOnly(goodDb);
        var expected = reference.Query<(string Name, int Figures)>(
            "SELECT d.name, (SELECT count(*) FROM figures f WHERE f.document_id = d.id) FROM documents d WHERE d.status = 'ok'").ToList();
        Assert.Equal(28, expected.Count);
        var stored = connection.Query<(string Name, int Figures)>(
            "SELECT d.name, (SELECT count(*) FROM figures f WHERE f.document_id = d.id) FROM documents d WHERE d.path LIKE '%/good/%' AND d.status = 'ok'").ToList();
        Assert.Equal(expected.Order(), stored.Order());
    }

    [Fact]
    public void A_worker_past_its_memory_budget_takes_only_its_file_and_the_batch_records_it()
    {
        using var temp = new TempFolder();
        File.Copy(RepoPaths.Bulletin("txt/000_7f4eaa1b27befe4b.txt"), temp.File("a.txt"));
        string db = temp.File("b.db");
        // 64 MB is below what a worker needs to load its models: each file's worker is stopped and replaced.
        var result = CliProcess.Run("ingest", temp.File("a.txt"), "--db", db, "--file-memory", "64", "--jobs", "1");
        Assert.Equal(1, result.ExitCode);
        using var connection = BulletinStore.OpenReadOnly(db);
        var (status, error) = connection.QuerySingle<(string, string)>("SELECT status, error FROM documents");
        Assert.True(status is "too-large" or "crashed", $"{status}: {error}");
        Assert.DoesNotContain("\n", error);
    }

    [Fact]
    public void Mutated_pdf_and_docx_files_never_crash_or_hang_the_batch_and_all_are_accounted_for()
    {
        using var temp = new TempFolder();
        var seeds = Directory.EnumerateFiles(RepoPaths.Bulletins, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pdf") || f.EndsWith(".docx")).Order().ToList();
        var files = new Mutator(seed: 7).Write(seeds, 200, temp.File("in"));
        string db = temp.File("fuzz.db");
        var result = CliProcess.Run("ingest", temp.File("in"), "--db", db);
        Assert.True(result.ExitCode is 0 or 1, result.Error);
        using var connection = BulletinStore.OpenReadOnly(db);
        int duplicates = result.Output.Split('\n').Count(l => l.StartsWith("duplicate"));
        Assert.Equal(files.Count, connection.ExecuteScalar<int>("SELECT count(*) FROM documents") + duplicates);
        Assert.Empty(connection.Query<string>(
            "SELECT name || ': ' || error FROM documents WHERE status IN ('crashed', 'too-slow') OR error LIKE 'internal error%'"));
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
