using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Storage;

/// <summary>The README's main job, run by the real `bulletin` process over the 28 sample files into a real SQLite file.</summary>
public sealed class IngestedMainJob : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("bulletins-main-job-").FullName;
    public string DatabasePath => Path.Combine(Folder, "bulletins.db");
    public CliProcess.Result Ingest { get; }

    public IngestedMainJob() => Ingest = CliProcess.Run("ingest", RepoPaths.Bulletins, "--db", DatabasePath);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Files holding one bulletin are one bulletin: stored once each, counted once.</summary>
public sealed class BulletinsTests(IngestedMainJob mainJob) : IClassFixture<IngestedMainJob>
{
    private string Db => mainJob.DatabasePath;

    [Fact]
    public void The_28_sample_files_are_5_bulletins_each_counted_from_one_file_and_every_file_stays_stored()
    {
        Assert.True(mainJob.Ingest.ExitCode == 0, mainJob.Ingest.Error);
        using var connection = BulletinStore.OpenReadOnly(Db);
        Assert.Equal(28, connection.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE bulletin_id IS NOT NULL"));
        var bulletins = connection.Query<(long Id, long DocumentId, long Files, string FileNames)>(
            "SELECT id, document_id, files, file_names FROM bulletins ORDER BY id").ToList();
        Assert.Equal(5, bulletins.Count);
        // Each bulletin holds exactly the files of its sample (same stem), the counted one first; the 002 cairo PDF
        // (its table header row lost, so another text) joins by region, kind, issue, date and title.
        foreach (var bulletin in bulletins)
        {
            var names = bulletin.FileNames.Split('\n');
            string stem = names[0][..names[0].IndexOf('.')];
            var sameStem = Directory.EnumerateFiles(RepoPaths.Bulletins, stem + ".*", SearchOption.AllDirectories).Select(Path.GetFileName).Order();
            Assert.Equal(sameStem, names.Order());
            Assert.Equal(names.Length, bulletin.Files);
            Assert.Equal(names[0], connection.ExecuteScalar<string>("SELECT name FROM documents WHERE id = @DocumentId", new { bulletin.DocumentId }));
            Assert.EndsWith(".docx", names[0]); // every rendering uses the same numbers: the format preference decides
        }
        // The other renderings' figures stay stored and visible, marked as not counted.
        // 1401: sample 002's tally (实事45项…25项任务已提前完成, a figure by the real labels' rules that the samples' labels do not have), once a rendering;
        // sample 004's titled task (…治理550户) and the later 摸排870户 of its unit are one figure (TargetActualPairing.JoinTaskToLaterProgress), once a rendering;
        // sample 000's standard level 提高至不低于90元/月 is read and sample 003's 康复…91月 is not (the models retrained with sets HH–HL), once a rendering.
        Assert.Equal(1402, connection.ExecuteScalar<long>("SELECT count(*) FROM figure_sources"));
        Assert.Equal(connection.ExecuteScalar<long>("SELECT sum(figure_count) FROM documents d JOIN bulletins b ON b.document_id = d.id"),
            connection.ExecuteScalar<long>("SELECT count(*) FROM figure_sources WHERE counted"));
    }

    [Fact]
    public void Export_writes_each_bulletin_once_and_every_rendering_with_all_files()
    {
        using var connection = BulletinStore.OpenReadOnly(Db);
        var counted = CliProcess.Run("export", "--format", "jsonl", "--db", Db);
        Assert.True(counted.ExitCode == 0, counted.Error);
        var lines = counted.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(connection.ExecuteScalar<long>("SELECT count(*) FROM figure_sources WHERE counted"), lines.Length);
        // One file a bulletin: the five samples' stems, each from one file, so score.py (which joins files by stem) sees each figure once.
        var files = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()!).Distinct().ToList();
        Assert.Equal(5, files.Count);
        Assert.Equal(5, files.Select(f => f[..f.IndexOf('.')]).Distinct().Count());
        var every = CliProcess.Run("export", "--format", "jsonl", "--all-files", "--db", Db);
        Assert.Equal(1402, every.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Percent_mismatches_are_listed_once_each_with_the_files_of_their_bulletin()
    {
        var flags = CliProcess.Run("flags", "--kind", "percent-mismatch", "--format", "csv", "--db", Db);
        Assert.True(flags.ExitCode == 0, flags.Error);
        var rows = flags.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(line => line.Contains(",percent-mismatch,")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains("004_1f00e35fffe70a01.utf16.txt", row));
        Assert.Contains(rows, row => row.Contains("2/6"));
        Assert.Contains(rows, row => row.Contains("7/60"));
    }

    [Fact]
    public void Eval_scores_each_bulletin_once_and_the_readme_docx_example_scores_the_docx_renderings()
    {
        string gold = Path.Combine(RepoPaths.Labels, "figures.jsonl");
        var all = CliProcess.Run("eval", "--gold", gold, "--db", Db);
        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Contains("docs=5 gold=194 pred=195 matched=194", all.Output);

        var docx = CliProcess.Run("eval", "--gold", gold, "--docs", "*.docx", "--db", Db);
        Assert.True(docx.ExitCode == 0, docx.Error);
        Assert.Contains("docs=5 gold=194 pred=195", docx.Output);

        // One PDF rendering alone: its own figures, the labels of its bulletin.
        var pdf = CliProcess.Run("eval", "--gold", gold, "--docs", "002_*.cairo.pdf", "--db", Db);
        Assert.True(pdf.ExitCode == 0, pdf.Error);
        Assert.Contains("docs=1 gold=45 ", pdf.Output);
        Assert.DoesNotContain("pred=0 ", pdf.Output);
    }

    [Fact]
    public void Replacing_a_counted_file_with_other_text_moves_it_to_a_new_bulletin_and_the_old_one_counts_another_file()
    {
        string folder = Directory.CreateTempSubdirectory("bulletins-replace-").FullName;
        try
        {
            string db = Path.Combine(folder, "b.db");
            string docx = Path.Combine(folder, "001.docx"), txt = Path.Combine(folder, "001.txt");
            File.Copy(RepoPaths.Bulletin("docx/001_054569d9a1a13617.docx"), docx);
            File.Copy(RepoPaths.Bulletin("txt/001_054569d9a1a13617.txt"), txt);
            Assert.Equal(0, CliProcess.Run("ingest", folder, "--db", db).ExitCode);
            Assert.Equal(["001.docx\n001.txt"], FileNames(db));

            // The .docx path now holds another bulletin: it leaves 001's bulletin, which counts the .txt from then on.
            File.Copy(RepoPaths.Bulletin("docx/004_1f00e35fffe70a01.docx"), docx, overwrite: true);
            Assert.Equal(0, CliProcess.Run("ingest", folder, "--db", db).ExitCode);
            Assert.Equal(["001.docx", "001.txt"], FileNames(db).Order());
            using var connection = BulletinStore.OpenReadOnly(db);
            Assert.Equal("001.txt", connection.ExecuteScalar<string>(
                "SELECT d.name FROM bulletins b JOIN documents d ON d.id = b.document_id WHERE d.region = '汨罗市' AND d.issue = 3"));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_schema_2_database_is_migrated_on_first_read_grouped_and_its_flags_recounted()
    {
        // Made by main 7018635 (schema 2): 000 as UTF-8 and UTF-8-with-BOM text, 004 as UTF-8 and UTF-16 text;
        // 4 percent-mismatch flags there (004's two in each of its two files).
        string db = Path.Combine(mainJob.Folder, "schema2.db");
        File.Copy(RepoPaths.Fixture("schema2/samples-000-004-txt.db"), db, overwrite: true);

        var flags = CliProcess.Run("flags", "--kind", "percent-mismatch", "--format", "csv", "--db", db);
        Assert.True(flags.ExitCode == 0, flags.Error);
        Assert.Equal(2, flags.Output.Split('\n').Count(line => line.Contains(",percent-mismatch,")));

        using var connection = BulletinStore.OpenReadOnly(db);
        Assert.Equal(Schema.LatestVersion, connection.ExecuteScalar<int>("PRAGMA user_version"));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(*) FROM bulletins"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE bulletin_id IS NULL OR text_sha256 IS NULL"));
        Assert.Equal([2L, 2L], connection.Query<long>("SELECT files FROM bulletins"));
    }

    [Fact]
    public void Same_text_is_one_bulletin_while_another_issue_or_a_plan_of_the_same_day_stays_apart()
    {
        using var archive = new Analysis.SyntheticArchive();
        var employment = new Analysis.Stated("东县", "新增城镇就业", "新增城镇就业已完成1500人，完成率30%。", Actual: 1500, Unit: "人", Percent: 30);
        archive.Add("issue3.txt", "东县", "bulletin", "2025-05-01", 3, employment);
        archive.Add("issue3-copy.txt", "东县", "bulletin", "2025-05-01", 3, employment);
        archive.Add("issue4.txt", "东县", "bulletin", "2025-05-01", 4, employment);
        archive.Add("plan.txt", "东县", "plan", "2025-05-01", null, employment with { Actual = null, Percent = null, Target = 5000 });
        var bulletins = archive.Store.Connection.Query<string>("SELECT file_names FROM bulletins ORDER BY id").ToList();
        Assert.Equal(["issue3.txt\nissue3-copy.txt", "issue4.txt", "plan.txt"], bulletins);
        // The analysis sees issue 3 once.
        Assert.Equal(3, BulletinIngest.Analysis.AnalysisFigure.Load(archive.Store.Connection).Count);
    }

    private static List<string> FileNames(string db)
    {
        using var connection = BulletinStore.OpenReadOnly(db);
        return connection.Query<string>("SELECT file_names FROM bulletins ORDER BY id").ToList();
    }
}
