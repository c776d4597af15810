using BulletinIngest.Extraction;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>A re-run trusts a file's stamp (size, times, inode) instead of reading it, and still sees every rewrite.</summary>
public class FileStampTests
{
    private static IngestPipeline Pipeline() => new(new DocumentReader(), new BulletinExtractor());

    private static long SeenNs(BulletinStore store, string path) => store.FileStamps()[path].Stamp.SeenNs;

    /// <summary>Past the settle time, a stamp taken now may vouch for the file (its times are older than the look).</summary>
    private static void Settle() => Thread.Sleep(FileStamp.SettleTime + TimeSpan.FromMilliseconds(200));

    [Fact]
    public void A_settled_unchanged_file_is_not_read_again_but_one_written_just_before_its_ingest_is()
    {
        using var temp = new TempFolder();
        string settled = temp.File("settled.txt"), fresh = temp.File("fresh.txt");
        File.WriteAllText(settled, "城镇新增就业完成3000人。");
        Settle();
        File.WriteAllText(fresh, "农村劳动力转移就业完成2000人。");
        using var store = BulletinStore.Open(temp.File("b.db"));
        Assert.All(Pipeline().Run([settled, fresh], store, jobs: 1).Files, f => Assert.Equal(FileOutcomeKind.New, f.Kind));
        long settledSeen = SeenNs(store, settled), freshSeen = SeenNs(store, fresh);

        var rerun = Pipeline().Run([settled, fresh], store, jobs: 1);

        Assert.All(rerun.Files, f => Assert.Equal(FileOutcomeKind.Unchanged, f.Kind));
        // A file hashed again records the stamp it was hashed under; the settled one was vouched for by its old stamp.
        Assert.Equal(settledSeen, SeenNs(store, settled));
        Assert.NotEqual(freshSeen, SeenNs(store, fresh));
    }

    [Fact]
    public void A_file_rewritten_with_the_same_size_is_read_again_whether_its_mtime_moved_or_was_set_back()
    {
        using var temp = new TempFolder();
        string moved = temp.File("moved.txt"), setBack = temp.File("set-back.txt");
        File.WriteAllText(moved, "城镇新增就业完成3000人。");
        File.WriteAllText(setBack, "城镇新增就业完成5000人。");
        var written = File.GetLastWriteTimeUtc(setBack);
        Settle();
        using var store = BulletinStore.Open(temp.File("b.db"));
        Pipeline().Run([moved, setBack], store, jobs: 1);
        long size = new FileInfo(moved).Length;

        File.WriteAllText(moved, "城镇新增就业完成4000人。");
        File.WriteAllText(setBack, "城镇新增就业完成6000人。");
        File.SetLastWriteTimeUtc(setBack, written);  // the change time still moves: only the kernel sets it
        Assert.Equal(size, new FileInfo(moved).Length);
        Assert.Equal(written, File.GetLastWriteTimeUtc(setBack));
        var rerun = Pipeline().Run([moved, setBack], store, jobs: 1);

        Assert.All(rerun.Files, f => Assert.Equal(FileOutcomeKind.Replaced, f.Kind));
        Assert.Equal(["城镇新增就业完成4000人。", "城镇新增就业完成6000人。"],
            store.Connection.Query<string>("SELECT b.text FROM blocks b JOIN documents d ON d.id = b.document_id ORDER BY d.name"));
    }

    [Fact]
    public void A_stamp_does_not_vouch_for_a_file_whose_stored_document_is_gone()
    {
        using var temp = new TempFolder();
        string file = temp.File("report.txt");
        File.WriteAllText(file, "城镇新增就业完成3000人。");
        Settle();
        using var store = BulletinStore.Open(temp.File("b.db"));
        Pipeline().Run([file], store, jobs: 1);
        store.Connection.Execute("DELETE FROM documents");

        Assert.Equal(FileOutcomeKind.New, Assert.Single(Pipeline().Run([file], store, jobs: 1).Files).Kind);
    }
}
