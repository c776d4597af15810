using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>`bulletin ingest` as an analyst runs it: a real process, real files, a real SQLite file.</summary>
public class IngestCommandTests
{
    [Fact]
    public void A_batch_with_broken_files_stores_the_rest_and_exits_1_then_a_rerun_skips_everything_stored()
    {
        using var temp = new TempFolder();
        string inbox = Directory.CreateDirectory(temp.File("inbox")).FullName;
        File.Copy(RepoPaths.Bulletin("txt/004_1f00e35fffe70a01.txt"), Path.Combine(inbox, "a.txt"));
        File.Copy(RepoPaths.Bulletin("txt/001_054569d9a1a13617.gb18030.txt"), Path.Combine(inbox, "b.txt"));
        File.Copy(RepoPaths.Bulletin("docx/000_7f4eaa1b27befe4b.docx"), Path.Combine(inbox, "c.docx"));
        File.Copy(RepoPaths.Fixture("bad/legacy.doc"), Path.Combine(inbox, "old.doc"));
        File.Copy(RepoPaths.Fixture("bad/binary.txt"), Path.Combine(inbox, "noise.txt"));
        string db = temp.File("b.db");

        var first = CliProcess.Run("ingest", inbox, "--db", db);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("5 files", first.Output);
        Assert.Contains("3 new", first.Output);
        Assert.Contains("2 failed", first.Output);
        Assert.Contains("legacy Word", first.Output);

        using (var connection = BulletinStore.OpenReadOnly(db))
        {
            var statuses = connection.Query<(string Name, string Status)>("SELECT name, status FROM documents ORDER BY name").ToList();
            Assert.Equal([("a.txt", "ok"), ("b.txt", "ok"), ("c.docx", "ok"), ("noise.txt", "binary"), ("old.doc", "unsupported")], statuses);
            Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM blocks") > 100);
        }

        var second = CliProcess.Run("ingest", inbox, "--db", db);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("3 unchanged", second.Output);
        Assert.Contains("0 new", second.Output);
    }

    [Fact]
    public void A_changed_file_replaces_its_old_version()
    {
        using var temp = new TempFolder();
        string file = temp.File("report.txt");
        string db = temp.File("b.db");
        File.WriteAllText(file, "第一版正文。");
        Assert.Equal(0, CliProcess.Run("ingest", file, "--db", db).ExitCode);
        File.WriteAllText(file, "第二版正文，内容已改。");
        var rerun = CliProcess.Run("ingest", file, "--db", db);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("1 replaced", rerun.Output);
        using var connection = BulletinStore.OpenReadOnly(db);
        Assert.Equal(["第二版正文，内容已改。"], connection.Query<string>("SELECT b.text FROM blocks b JOIN documents d ON d.id = b.document_id"));
    }

    [Fact]
    public void A_file_changed_in_place_with_the_same_size_and_time_is_read_again()
    {
        // Size and modification time alone would call this file unchanged; its change time (and its write just before
        // the first ingest, too recent for its stamp to vouch for it: FileStampTests) say otherwise.
        using var temp = new TempFolder();
        string file = temp.File("report.txt");
        string db = temp.File("b.db");
        File.WriteAllText(file, "城镇新增就业完成3000人。");
        var written = File.GetLastWriteTimeUtc(file);
        Assert.Equal(0, CliProcess.Run("ingest", file, "--db", db).ExitCode);
        long size = new FileInfo(file).Length;
        File.WriteAllText(file, "城镇新增就业完成4000人。");
        File.SetLastWriteTimeUtc(file, written);
        Assert.Equal(size, new FileInfo(file).Length);

        var rerun = CliProcess.Run("ingest", file, "--db", db);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("1 replaced", rerun.Output);
        using var connection = BulletinStore.OpenReadOnly(db);
        Assert.Equal(["城镇新增就业完成4000人。"], connection.Query<string>("SELECT b.text FROM blocks b JOIN documents d ON d.id = b.document_id"));
    }

    [Fact]
    public void Query_is_read_only_and_usage_errors_exit_2()
    {
        using var temp = new TempFolder();
        string db = temp.File("b.db");
        File.WriteAllText(temp.File("x.txt"), "正文。");
        Assert.Equal(0, CliProcess.Run("ingest", temp.File("x.txt"), "--db", db).ExitCode);

        var select = CliProcess.Run("query", "SELECT name, status FROM documents", "--db", db, "--format", "csv");
        Assert.Equal(0, select.ExitCode);
        Assert.Equal("name,status\nx.txt,ok\n", select.Output.Replace("\r", ""));

        var write = CliProcess.Run("query", "DELETE FROM documents", "--db", db);
        Assert.Equal(2, write.ExitCode);
        Assert.Contains("read-only", write.Error);

        Assert.Equal(2, CliProcess.Run("ingest", temp.File("missing-folder"), "--db", db).ExitCode);
    }
}

public class IngestPipelineTests
{
    [Fact]
    public void A_file_over_the_size_limit_is_refused_unread_and_recorded()
    {
        using var temp = new TempFolder();
        string huge = temp.File("huge.pdf");
        using (var stream = File.Create(huge)) stream.SetLength(BulletinIngest.Reading.DocumentReader.MaxFileBytes + 1);
        using var store = BulletinStore.Open(temp.File("b.db"));
        var pipeline = new BulletinIngest.Pipeline.IngestPipeline(new BulletinIngest.Reading.DocumentReader(), new BulletinIngest.Extraction.BulletinExtractor());
        var outcome = Assert.Single(pipeline.Run([huge], store, jobs: 1).Files);
        Assert.Equal("too-large", outcome.Status);
        Assert.Equal("too-large", store.FindByPath(huge)?.Status);
    }
}

public class IngestFolderTests
{
    [Fact]
    public void A_folder_gives_only_the_formats_ingest_reads_and_counts_the_rest_as_skipped_but_a_named_file_is_tried()
    {
        using var temp = new TempFolder();
        string inbox = Directory.CreateDirectory(temp.File("inbox")).FullName;
        File.Copy(RepoPaths.Bulletin("txt/004_1f00e35fffe70a01.txt"), Path.Combine(inbox, "a.txt"));
        File.WriteAllText(Path.Combine(inbox, "labels.json"), "{\"doc\": \"a.txt\"}");
        File.WriteAllText(Path.Combine(inbox, "notes.md"), "# 笔记\n\n城镇新增就业 2230 人。");
        File.WriteAllText(Path.Combine(inbox, "sources.tsv"), "file\turl\n");
        string db = temp.File("b.db");

        var folder = CliProcess.Run("ingest", inbox, "--db", db);
        Assert.Equal(0, folder.ExitCode);
        Assert.Contains("1 files", folder.Output);
        Assert.Contains("3 skipped", folder.Output);

        var named = CliProcess.Run("ingest", Path.Combine(inbox, "notes.md"), "--db", db);
        Assert.Equal(0, named.ExitCode);
        Assert.Contains("1 new", named.Output);
        Assert.Contains("0 skipped", named.Output);
        using var connection = BulletinStore.OpenReadOnly(db);
        Assert.Equal(["a.txt", "notes.md"], connection.Query<string>("SELECT name FROM documents ORDER BY name"));
    }
}
