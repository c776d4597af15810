using BulletinIngest.Extraction;
using BulletinIngest.Reading;
using BulletinIngest.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Tests.Storage;

/// <summary>
/// The writer's batch: a document's search rows and its bulletin's choice are written when the batch commits, not
/// under the document's savepoint; a document that fails still leaves nothing behind, and an uncommitted batch nothing at all.
/// </summary>
public sealed class BatchWriteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bulletin-batch-").FullName;
    private string Db => Path.Combine(_folder, "bulletins.db");

    private (SourceFile File, DocumentText Text, ExtractionResult Extraction, string[] Tokens) Document(string name, string sentence, string tokens, bool broken = false)
    {
        var builder = new DocumentTextBuilder("txt");
        builder.Add(BlockKind.Heading, "某市民生实事工作专报 第3期", headingLevel: 1);
        builder.Add(BlockKind.Paragraph, sentence);
        var text = builder.Build();
        var block = text.Blocks[1];
        var figure = new Figure
        {
            Region = "某市", Project = "项目", Indicator = "项目", Target = 10, Actual = 5, Page = 0, Start = block.Start, End = block.End,
            Sentence = broken ? null! : block.Text, // figures.sentence is NOT NULL: this document's insert fails part-way
        };
        var metadata = new DocumentMetadata { Region = "某市", Kind = "bulletin", Date = "2024-03-01", Issue = 3 };
        return (new SourceFile(Path.Combine(_folder, name), "hash-" + name, 100), text, new ExtractionResult(metadata, [figure]),
            ["某市 民生 实事 工作 专报", tokens]);
    }

    private static long Save(BulletinStore store, (SourceFile File, DocumentText Text, ExtractionResult Extraction, string[] Tokens) d) =>
        store.SaveDocument(d.File, d.Text, d.Extraction, d.Tokens);

    private static long Matches(SqliteConnection connection, string phrase) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM block_search WHERE block_search MATCH @phrase", new { phrase = $"\"{phrase}\"" });

    [Fact]
    public void A_document_failing_inside_a_batch_rolls_back_alone_and_the_others_are_searchable_and_counted_once_committed()
    {
        using (var store = BulletinStore.Open(Db))
        {
            store.BeginBatch();
            Save(store, Document("a.txt", "养老服务 完成 5 个", "养老 服务 完成"));
            Assert.Throws<SqliteException>(() => Save(store, Document("broken.txt", "学校 新建 5 所", "学校 新建", broken: true)));
            // The same text again under another name: the same bulletin as a.txt.
            Save(store, Document("a.docx", "养老服务 完成 5 个", "养老 服务 完成"));
            store.CommitBatch();
        }
        using var connection = BulletinStore.OpenReadOnly(Db);
        Assert.Equal(["a.docx", "a.txt"], connection.Query<string>("SELECT name FROM documents ORDER BY name"));
        Assert.Equal(4, connection.ExecuteScalar<long>("SELECT count(*) FROM blocks"));
        Assert.Equal(4, connection.ExecuteScalar<long>("SELECT count(*) FROM block_search s JOIN blocks b ON b.id = s.block_id"));
        Assert.Equal(2, Matches(connection, "养老 服务"));
        Assert.Equal(0, Matches(connection, "学校 新建"));
        var bulletin = connection.QuerySingle<(long Files, string FileNames)>("SELECT files, file_names FROM bulletins");
        Assert.Equal(2, bulletin.Files);
        Assert.Equal(["a.docx", "a.txt"], bulletin.FileNames.Split('\n').Order());
    }

    [Fact]
    public void A_batch_never_committed_leaves_no_document_no_search_row_and_no_bulletin()
    {
        using (var store = BulletinStore.Open(Db))
        {
            Save(store, Document("first.txt", "养老服务 完成 5 个", "养老 服务 完成")); // outside a batch: its own transaction
            store.BeginBatch();
            Save(store, Document("second.txt", "学校 新建 5 所", "学校 新建"));
            // Disposed with the batch open, as a killed ingest's batch: rolled back.
        }
        using var connection = BulletinStore.OpenReadOnly(Db);
        Assert.Equal(["first.txt"], connection.Query<string>("SELECT name FROM documents"));
        Assert.Equal(1, Matches(connection, "养老 服务"));
        Assert.Equal(0, Matches(connection, "学校 新建"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT files FROM bulletins"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
