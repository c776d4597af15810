using System.Text.Json.Nodes;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>Coverage, the suspect status and regions known from outside the text, through the real `bulletin` process.</summary>
public class CoverageAndRegionHintTests
{
    [Fact]
    public void Real_documents_that_yield_too_little_are_suspect_counted_and_listed()
    {
        using var temp = new TempFolder();
        string db = temp.File("real.db");
        string docs = Path.Combine(RepoPaths.Corpus, "real", "docs");
        var first = CliProcess.Run("ingest", docs, "--db", db);
        Assert.Equal(0, first.ExitCode);

        var requiredGold = File.ReadLines(Path.Combine(RepoPaths.Corpus, "real", "gold.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!.AsObject()).Where(f => f["optional"]?.GetValue<bool>() != true)
            .GroupBy(f => f["doc"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        List<(string Name, string Status, string? Error, long Mentions, long Used, long Figures)> rows;
        using (var connection = BulletinStore.OpenReadOnly(db))
            rows = connection.Query<(string, string, string?, long, long, long)>(
                "SELECT name, status, error, number_mentions, mentions_used, figure_count FROM documents ORDER BY name").ToList();
        Assert.Equal(26, rows.Count);
        foreach (var row in rows)
        {
            // The stored reason goes on with where the unread amounts stand (`; unread: 5 in table rows`).
            string? reason = new DocumentCoverage((int)row.Mentions, (int)row.Used, (int)row.Figures).SuspectReason;
            Assert.Equal(reason is null ? "ok" : "suspect", row.Status);
            if (reason is null) Assert.Null(row.Error);
            else Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(reason) + "; unread: [0-9]+ in (table rows|paragraphs|list items|headings)", row.Error!);
            // The issue's criterion: a document with 3 or more gold figures that yields none is never plain ok.
            if (requiredGold.GetValueOrDefault(row.Name) >= 3 && row.Figures == 0) Assert.Equal("suspect", row.Status);
        }
        int suspect = rows.Count(r => r.Status == "suspect");
        Assert.Contains($"0 failed, 0 skipped; {suspect} suspect;", first.Output);

        var listed = CliProcess.Run("documents", "--suspect", "--db", db, "--format", "csv");
        Assert.Equal(0, listed.ExitCode);
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DocumentsCommandHeader, lines[0]);
        foreach (var row in rows.Where(r => r.Status == "suspect"))
            Assert.Contains(lines, l => l.StartsWith(row.Name + ",suspect,", StringComparison.Ordinal) && l.Contains(row.Error!));
        // Listed: suspect, or a region unknown or known only from the file's name (C09_yancheng-…: 盐城市), or an uncertain kind, to check.
        Assert.All(lines.Skip(1), l => Assert.True(l.Contains(",suspect,") || l.Contains("region unknown") || l.Contains(PathEvidence.WarningPrefix)
            || l.Contains(BulletinIngest.Learning.KindDecision.WarningPrefix), l));

        // The stored metadata scored per field, as the metadata test scores the extractor's.
        var eval = CliProcess.Run("eval", "--metadata", Path.Combine(RepoPaths.Corpus, "real", "documents.jsonl"), "--db", db, "--misses");
        Assert.Equal(0, eval.ExitCode);
        Assert.Matches(@"(?m)^metadata docs=26 region=\d+ parent=\d+ kind=\d+ issue=26 date=\d+ campaign=\d+$", eval.Output);
        // C09's text never names 盐城市: its file name does, in pinyin.
        Assert.DoesNotContain("FIELD C09_yancheng-2013-q3-trad.txt\tregion", eval.Output);

        // Suspect documents are stored: a rerun reads none of them again.
        Assert.Contains("26 unchanged", CliProcess.Run("ingest", docs, "--db", db).Output);
    }

    private const string DocumentsCommandHeader = "doc,status,region,kind,issue,date,figures,mentions,used,reason,bulletin,counted";

    [Fact]
    public void A_document_with_amounts_and_no_figure_is_suspect()
    {
        var text = Extraction.Synthetic.Document("全年接待游客120万人次，旅游收入8.5亿元，同比增长12%，过夜游客45万人次。");
        var coverage = DocumentCoverage.Measure(text, []);
        Assert.Equal((4, 0, 0), (coverage.Mentions, coverage.MentionsUsed, coverage.Figures));
        Assert.Equal("0 figures from 4 amount/percent mentions; unread: 4 in paragraphs", coverage.SuspectReason);
        Assert.Null(new DocumentCoverage(2, 0, 0).SuspectReason);
        // Mostly unread: at most a third of 12 or more amounts used.
        Assert.Null(new DocumentCoverage(24, 9, 3).SuspectReason);
        Assert.Equal("3 figures use only 8 of 24 amount/percent mentions", new DocumentCoverage(24, 8, 3).SuspectReason);
        Assert.Null(new DocumentCoverage(11, 0, 3).SuspectReason);
    }

    [Fact]
    public void Coverage_counts_a_traditional_bulletins_amounts_and_says_where_the_unread_ones_stand()
    {
        // 萬 and 項 are 万 and 项 in the normalized view the extraction reads: amounts, not bare numbers.
        var text = Extraction.Synthetic.Document("全省棚改開工12.71萬套，6項任務均已完成。");
        Assert.Equal(2, DocumentCoverage.Measure(text, []).Mentions);

        var builder = new BulletinIngest.Reading.DocumentTextBuilder("txt");
        builder.Add(BulletinIngest.Reading.BlockKind.Heading, "民生实事进展情况");
        builder.Add(BulletinIngest.Reading.BlockKind.Paragraph, "全年新建公办幼儿园30所。");
        foreach (var county in new[] { "甲县", "乙县", "丙县", "丁县" })
            builder.Add(BulletinIngest.Reading.BlockKind.TableRow, $"{county}\t10所\t8所\t80%");
        builder.Add(BulletinIngest.Reading.BlockKind.Noise, "阅读次数 1200次 转发 35次");
        var document = builder.Build();
        var paragraph = document.Blocks[1];
        var read = new BulletinIngest.Extraction.Figure { Region = "甲市", Project = "新建公办幼儿园", Indicator = "新建公办幼儿园", Sentence = paragraph.Text, Target = 30, Unit = "所", Start = paragraph.Start, End = paragraph.End };
        var coverage = DocumentCoverage.Measure(document, [read]);
        // The noise block's counts are no mentions; the paragraph's one is used; the table's twelve are not.
        Assert.Equal((13, 1, 1), (coverage.Mentions, coverage.MentionsUsed, coverage.Figures));
        Assert.Equal(12, coverage.UnreadByKind![BulletinIngest.Reading.BlockKind.TableRow]);
        Assert.Equal("1 figures use only 1 of 13 amount/percent mentions; unread: 12 in table rows", coverage.SuspectReason);
    }

    [Fact]
    public void A_region_hint_wins_over_a_guessed_region_and_not_over_a_decided_one()
    {
        var hint = new RegionHint(BulletinIngest.Extraction.Regions.Gazetteer.Default.Find("岳阳市"), "regions.tsv");
        var guessed = new BulletinIngest.Extraction.BulletinExtractor().Extract(
            Extraction.Synthetic.Document("民生实事推进情况", "截至9月底，宿松县组织实施的民生工程33项，已完成15项。"), "g.txt");
        Assert.True(guessed.Metadata.RegionGuessed);
        var hinted = RegionHints.Apply(guessed, hint);
        Assert.Equal("岳阳市", hinted.Metadata.Region);
        Assert.All(hinted.Figures, f => Assert.NotEqual("宿松县", f.Region));
        var decided = new BulletinIngest.Extraction.BulletinExtractor().Extract(
            Extraction.Synthetic.Document("宿松县民生实事推进情况", "截至9月底，全县33项民生工程已完成15项。"), "d.txt");
        Assert.Equal("宿松县", RegionHints.Apply(decided, hint).Metadata.Region);
    }

    [Fact]
    public void A_region_the_text_never_names_comes_from_the_sidecar_the_option_or_the_path_else_a_warning()
    {
        using var temp = new TempFolder();
        const string text = "民生实事推进情况\n截至10月31日，65件民生实事已完成26件，完成率40%。";
        string archive = Directory.CreateDirectory(temp.File("archive")).FullName;
        Directory.CreateDirectory(Path.Combine(archive, "huichang"));
        Directory.CreateDirectory(Path.Combine(archive, "岳阳市"));
        // Three different issues: the same content twice would be stored once (a duplicate).
        File.WriteAllText(Path.Combine(archive, "huichang", "2023-10.txt"), text + "\n（第1期）");
        File.WriteAllText(Path.Combine(archive, "岳阳市", "2024-05.txt"), text + "\n（第2期）");
        File.WriteAllText(Path.Combine(archive, "other.txt"), text + "\n（第3期）");
        File.WriteAllText(Path.Combine(archive, "jinyun_2023_10.txt"), text + "\n（第4期）");
        File.WriteAllText(Path.Combine(archive, RegionHints.SidecarName), "# pattern\tregion\nhuichang/*.txt\t会昌县\n");
        string db = temp.File("h.db");

        var run = CliProcess.Run("ingest", archive, "--db", db, "--region", "湖南省");
        Assert.Equal(0, run.ExitCode);
        using (var connection = BulletinStore.OpenReadOnly(db))
        {
            var regions = connection.Query<(string Name, string? Region, string? Parent, string? Evidence)>(
                "SELECT name, region, parent_region, region_evidence FROM documents ORDER BY name").ToList();
            // The sidecar wins over --region, --region over the folder's name and the file name's pinyin.
            Assert.Equal([("2023-10.txt", "会昌县", "赣州市"), ("2024-05.txt", "湖南省", null), ("jinyun_2023_10.txt", "湖南省", null), ("other.txt", "湖南省", null)],
                regions.Select(r => (r.Name, r.Region, r.Parent)).ToList());
            Assert.StartsWith("from " + Path.Combine(archive, RegionHints.SidecarName), regions[0].Evidence);
            Assert.DoesNotContain("", connection.Query<string>("SELECT region FROM figures"));
        }

        string db2 = temp.File("h2.db");
        File.Delete(Path.Combine(archive, RegionHints.SidecarName));
        var bare = CliProcess.Run("ingest", archive, "--db", db2);
        Assert.Contains("region unknown", bare.Output);
        using (var connection = BulletinStore.OpenReadOnly(db2))
        {
            Assert.Equal("岳阳市", connection.ExecuteScalar<string>("SELECT region FROM documents WHERE name = '2024-05.txt'"));
            // The file name in pinyin (jinyun → 缙云县), said in the evidence and warned of: only the path gives it.
            var (region, evidence, warnings) = connection.QuerySingle<(string, string, string)>(
                "SELECT region, region_evidence, warnings FROM documents WHERE name = 'jinyun_2023_10.txt'");
            Assert.Equal("缙云县", region);
            Assert.StartsWith("from the file path: jinyun in the file name (pinyin) → 缙云县", evidence);
            Assert.StartsWith(PathEvidence.WarningPrefix, warnings);
            Assert.Equal(["缙云县"], connection.Query<string>("SELECT DISTINCT f.region FROM figures f JOIN documents d ON d.id = f.document_id WHERE d.name = 'jinyun_2023_10.txt'"));
            Assert.Null(connection.ExecuteScalar<string?>("SELECT region FROM documents WHERE name = 'other.txt'"));
            Assert.StartsWith("region unknown", connection.ExecuteScalar<string>("SELECT warnings FROM documents WHERE name = 'other.txt'"));
            Assert.DoesNotContain("", connection.Query<string>("SELECT region FROM figures"));
        }

        // BULLETIN_PATH_PINYIN=off (to measure what file names give) reads no pinyin; the Chinese folder name still counts.
        string db3 = temp.File("h3.db");
        Assert.Equal(0, CliProcess.RunWith(new Dictionary<string, string> { ["BULLETIN_PATH_PINYIN"] = "off" }, "ingest", archive, "--db", db3).ExitCode);
        using (var connection = BulletinStore.OpenReadOnly(db3))
        {
            Assert.Null(connection.ExecuteScalar<string?>("SELECT region FROM documents WHERE name = 'jinyun_2023_10.txt'"));
            Assert.Equal("岳阳市", connection.ExecuteScalar<string>("SELECT region FROM documents WHERE name = '2024-05.txt'"));
        }

        Assert.Equal(2, CliProcess.Run("ingest", archive, "--db", temp.File("h4.db"), "--region", "不存在的地方").ExitCode);
    }
}
