using System.Text.Json;
using BulletinIngest.Cli.Commands;
using BulletinIngest.Pipeline;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;
using System.Text.RegularExpressions;
using Dapper;

namespace BulletinIngest.Tests.Segmentation;

/// <summary>The sample bulletins ingested once, through the real pipeline, into a temporary SQLite file.</summary>
public sealed class IngestedSamples : IDisposable
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"search-{Guid.NewGuid():N}.db");

    public IngestedSamples()
    {
        var files = IngestPipeline.ExpandPaths([RepoPaths.Bulletin("txt")]).Files;
        using var store = BulletinStore.Open(DatabasePath);
        var summary = PipelineFactory.Create().Run(files, store, jobs: 2);
        if (summary.AnyFailed) throw new InvalidOperationException("the samples did not ingest");
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}

public class SearchTests(IngestedSamples samples) : IClassFixture<IngestedSamples>
{
    private readonly PassageSearch _search = new(new JiebaSearchTokenizer());

    private List<PassageHit> Find(string query)
    {
        using var connection = BulletinStore.OpenReadOnly(samples.DatabasePath);
        return _search.Find(connection, query, limit: 1000).ToList();
    }

    /// <summary>
    /// The blocks of each bulletin's counted file that contain a text, ignoring spaces between Han characters
    /// (layout, not word breaks): the BOM, GB18030 and UTF-16 copies are the same bulletins and found once.
    /// </summary>
    private List<string> BlocksContaining(string text)
    {
        using var connection = BulletinStore.OpenReadOnly(samples.DatabasePath);
        return connection.Query<string>("SELECT b.text FROM blocks b JOIN bulletins bu ON bu.document_id = b.document_id")
            .Where(block => WithoutLayoutSpaces(block).Contains(text)).ToList();
    }

    private static string WithoutLayoutSpaces(string text) =>
        Regex.Replace(text, @"(?<=\p{IsCJKUnifiedIdeographs})[ \u3000\u00A0]+(?=\p{IsCJKUnifiedIdeographs})", "");

    [Fact]
    public void Ingest_indexes_every_block()
    {
        using var connection = BulletinStore.OpenReadOnly(samples.DatabasePath);
        Assert.Equal(connection.ExecuteScalar<long>("SELECT count(*) FROM blocks"), connection.ExecuteScalar<long>("SELECT count(*) FROM block_search"));
    }

    [Theory]
    [InlineData("托育")]
    [InlineData("两癌")]
    [InlineData("老年助餐服务点")]
    [InlineData("屈原管理区")]
    [InlineData("完成全年任务")]
    [InlineData("适老化改造")]
    public void A_query_finds_every_passage_that_has_it(string query)
    {
        var hits = Find(query);
        var expected = BlocksContaining(query);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), hits.Select(h => h.Passage).Order());
        foreach (var hit in hits)
        {
            Assert.NotEmpty(hit.Matches);
            Assert.All(hit.Matches, m => Assert.Equal(query, WithoutLayoutSpaces(hit.Passage[m.Start..m.End])));
        }
    }

    [Fact]
    public void A_hit_in_a_bulletin_held_in_several_files_is_found_once_and_names_them_all()
    {
        // 004 comes as UTF-8 and UTF-16 text: one bulletin, one hit a passage, both files named.
        var hits = Find("送戏下乡").Where(h => h.Document.StartsWith("004_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hits);
        Assert.Equal(hits.Count, hits.Select(h => h.Passage).Distinct().Count());
        Assert.All(hits, h => Assert.Equal(["004_1f00e35fffe70a01.txt", "004_1f00e35fffe70a01.utf16.txt"], h.Files.Order()));
        Assert.All(hits, h => Assert.Equal(h.Document, h.Files[0]));
    }

    [Fact]
    public void Spaces_inside_Chinese_words_do_not_hide_them()
    {
        var tokenizer = new JiebaSearchTokenizer();
        const string title = "汨罗市实现好惠民生增福祉的期盼 工 作 专 报";
        Assert.Equal([(title.IndexOf('工'), title.Length)], tokenizer.FindPhrase(title, "工作专报"));
        const string joinedByPdf = "\t任务数\t完成全 年任务的 85%";
        var span = Assert.Single(tokenizer.FindPhrase(joinedByPdf, "完成全年任务"));
        Assert.Equal("完成全 年任务", joinedByPdf[span.Start..span.End]);
        Assert.Equal([new SearchTerm("工作", 0, 3)], tokenizer.Terms("工 作"));
        Assert.Equal(["工", "作"], tokenizer.Terms("工\t作").Select(t => t.Text)); // a TAB separates table cells
    }

    [Fact]
    public void Dibao_finds_the_low_income_allowance_passages_and_not_zuidi_baozhang()
    {
        var hits = Find("低保");
        Assert.All(BlocksContaining("低保标准"), passage => Assert.Contains(passage, hits.Select(h => h.Passage)));
        // 最低保障 (minimum guarantee) holds the characters 低保 but not the word.
        Assert.DoesNotContain(hits, h => h.Passage.Contains("最低保障") && !h.Passage.Replace("最低保障", "").Contains("低保"));
        Assert.All(hits, h => Assert.Contains("低保", h.Passage));
    }

    [Fact]
    public void A_phrase_across_punctuation_and_words_is_found_in_its_order_only()
    {
        Assert.NotEmpty(Find("城乡低保标准"));
        Assert.Empty(Find("标准低保城乡"));
    }

    [Fact]
    public void Region_keeps_the_documents_issued_by_or_under_it()
    {
        // Regions are the extraction stage's job; set them by hand so the filter is tested on its own.
        using (var store = BulletinStore.Open(samples.DatabasePath))
            store.Connection.Execute(
                """
                UPDATE documents SET region = NULL, parent_region = NULL;
                UPDATE documents SET region = '汨罗市', parent_region = '岳阳市' WHERE name LIKE '004%';
                """);
        using var connection = BulletinStore.OpenReadOnly(samples.DatabasePath);
        var inMiluo = _search.Find(connection, "托育", region: "汨罗市");
        Assert.NotEmpty(inMiluo);
        Assert.All(inMiluo, hit => Assert.StartsWith("004", hit.Document));
        Assert.Equal(inMiluo.Count, _search.Find(connection, "托育", region: "岳阳市").Count);
        Assert.Empty(_search.Find(connection, "托育", region: "湘乡市"));
    }

    [Theory]
    [InlineData("咔嚓嘭嗡")]
    [InlineData("托育低保")]
    [InlineData("quantum chromodynamics")]
    public void A_query_that_occurs_nowhere_finds_nothing(string query) => Assert.Empty(Find(query));

    [Fact]
    public void The_search_command_prints_json_passages_with_the_match()
    {
        var result = CliProcess.Run("search", "托育", "--db", samples.DatabasePath, "--format", "json", "--limit", "3");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);   // one array
        Assert.Equal(3, json.RootElement.GetArrayLength());
        foreach (var hit in json.RootElement.EnumerateArray())
        {
            string passage = hit.GetProperty("passage").GetString()!;
            var match = hit.GetProperty("matches")[0];
            Assert.Equal("托育", passage[match[0].GetInt32()..match[1].GetInt32()]);
            Assert.EndsWith(".txt", hit.GetProperty("doc").GetString());
        }
    }

    [Fact]
    public void The_search_command_refuses_a_query_without_words()
    {
        var result = CliProcess.Run("search", "，。！", "--db", samples.DatabasePath);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no words", result.Error);
    }
}
