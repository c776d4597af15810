using System.Text;
using System.Text.Json;
using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Tests.Analysis;

/// <summary>
/// The sample bulletins (TXT renderings) and a later issue of sample 004 written from it (another date and issue
/// number, one figure moved, one item gone), ingested by the real `bulletin ingest` into a temporary SQLite file.
/// </summary>
public sealed class IngestedSamplesWithSecondIssue : IDisposable
{
    private readonly TempFolder _folder = new();
    public string DatabasePath => _folder.File("bulletins.db");
    public string Folder => _folder.Path;

    /// <summary>The edits that make 004's second issue: (what the first issue says, what the second says instead).</summary>
    public static readonly (string First, string Second)[] SecondIssueEdits =
    [
        ("第 1 期", "第 2 期"),
        ("2026 年 3 月 23 日", "2026 年 4 月 23 日"),
        ("已完成 1386 人，完成全年任务的 23.1%。", "已完成 2000 人，完成全年任务的 33.33%。"),
        ("(2) 提质升级中小学校食堂 6 所。已完成 2 所，完成全年任务的 30%。", ""),
    ];

    public IngestedSamplesWithSecondIssue()
    {
        string archive = Directory.CreateDirectory(_folder.File("archive")).FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Bulletin("txt")))
            File.Copy(file, Path.Combine(archive, Path.GetFileName(file)));
        string text = File.ReadAllText(RepoPaths.Bulletin("txt/004_1f00e35fffe70a01.txt"));
        foreach (var (first, second) in SecondIssueEdits)
        {
            if (!text.Contains(first)) throw new InvalidOperationException($"sample 004 no longer says {first}");
            text = text.Replace(first, second);
        }
        File.WriteAllText(Path.Combine(archive, "004_issue2.txt"), text, new UTF8Encoding(false));
        var ingest = CliProcess.Run("ingest", archive, "--db", DatabasePath);
        if (ingest.ExitCode != 0) throw new InvalidOperationException($"ingest failed: {ingest.Output}{ingest.Error}");
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>lagging, diff, compare, projects and the output conventions, as the real `bulletin` process on really ingested bulletins.</summary>
public sealed class AnalystCommandTests(IngestedSamplesWithSecondIssue samples) : IClassFixture<IngestedSamplesWithSecondIssue>
{
    private CliProcess.Result Run(params string[] arguments) => CliProcess.Run([.. arguments, "--db", samples.DatabasePath]);

    private static List<JsonElement> JsonArray(CliProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void Lagging_lists_each_project_behind_its_schedule_once_worst_first_with_its_source()
    {
        var rows = JsonArray(Run("lagging", "--format", "json"));
        Assert.NotEmpty(rows);
        var gaps = rows.Select(r => r.GetProperty("gap").GetDouble()).ToList();
        Assert.Equal(gaps.OrderDescending(), gaps);
        foreach (var row in rows)
        {
            double percent = row.GetProperty("percent").GetDouble(), schedule = row.GetProperty("schedule").GetDouble();
            Assert.True(percent < schedule, $"{row}");
            Assert.Equal(Math.Round(schedule - percent, 2), row.GetProperty("gap").GetDouble(), 1);
            Assert.False(string.IsNullOrEmpty(row.GetProperty("sentence").GetString()));
            Assert.Equal(JsonValueKind.Number, row.GetProperty("figure_id").ValueKind);
        }
        // Each bulletin's TXT renderings (plain, BOM, GB18030, UTF-16) count once.
        var keys = rows.Select(r => (r.GetProperty("region").GetString(), r.GetProperty("project").GetString(), r.GetProperty("year").GetInt32())).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        // 湘乡市 2024-09-27 (schedule 74.04%): the rural road black spots at 32%.
        Assert.Contains(rows, r => r.GetProperty("region").GetString() == "湘乡市" && r.GetProperty("percent").GetDouble() == 32
                                   && r.GetProperty("as_of").GetString() == "2024-09-27");
    }

    [Fact]
    public void A_region_covers_its_counties_and_the_year_and_date_filters_narrow_the_laggards()
    {
        var gazetteer = Gazetteer.Default;
        var yueyang = JsonArray(Run("lagging", "--region", "岳阳市", "--format", "json"));
        var regions = yueyang.Select(r => r.GetProperty("region").GetString()!).Distinct().ToList();
        Assert.Contains("岳阳市", regions);
        Assert.Contains(regions, r => r != "岳阳市");   // its counties and districts too
        Assert.All(regions, r => Assert.True(r == "岳阳市" || gazetteer.Find(r)?.Parent == "岳阳市", r));
        Assert.DoesNotContain("湘乡市", regions);

        // 汨罗市 is a county-level city of 岳阳市: its own bulletins count under 岳阳市.
        var miluo = JsonArray(Run("lagging", "--region", "汨罗市", "--format", "json"));
        Assert.NotEmpty(miluo);
        Assert.Subset(yueyang.Select(r => r.GetProperty("figure_id").GetInt64()).ToHashSet(),
            miluo.Select(r => r.GetProperty("figure_id").GetInt64()).ToHashSet());

        var in2024 = JsonArray(Run("lagging", "--year", "2024", "--format", "json"));
        Assert.All(in2024, r => Assert.Equal(2024, r.GetProperty("year").GetInt32()));
        var untilMay = JsonArray(Run("lagging", "--until", "2024-05", "--format", "json"));
        Assert.NotEmpty(untilMay);
        Assert.All(untilMay, r => Assert.True(string.CompareOrdinal(r.GetProperty("as_of").GetString(), "2024-05-31") <= 0));

        var wrongDate = Run("lagging", "--since", "yesterday");
        Assert.Equal(2, wrongDate.ExitCode);
    }

    [Fact]
    public void Diff_of_two_issues_says_what_moved_by_how_much_and_what_vanished()
    {
        var rows = JsonArray(Run("diff", "1", "2", "--region", "汨罗市", "--format", "json"));
        var employment = rows.Single(r => r.GetProperty("project").GetString()!.Contains("新增城镇就业"));
        Assert.Equal("moved", employment.GetProperty("change").GetString());
        Assert.Equal(1386, employment.GetProperty("actual_a").GetDouble());
        Assert.Equal(2000, employment.GetProperty("actual_b").GetDouble());
        Assert.Equal(614, employment.GetProperty("actual_change").GetDouble());
        Assert.Equal(10.23, employment.GetProperty("percent_change").GetDouble(), 2);
        var canteens = rows.Single(r => r.GetProperty("project").GetString()!.Contains("食堂"));
        Assert.Equal("vanished", canteens.GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, canteens.GetProperty("figure_b").ValueKind);
        // Unchanged projects are left out unless asked for; the renderings of issue 1 are one issue.
        Assert.DoesNotContain(rows, r => r.GetProperty("change").GetString() == "same");
        var all = Run("diff", "2026-03-23", "004_issue2.txt", "--all", "--format", "csv");
        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Contains("same,", all.Output);
        // The bulletin counts one of its files (the TXT and its UTF-16 copy are one bulletin).
        Assert.Matches(@"A: 汨罗市 2026-03-23 issue 1 \(004_1f00e35fffe70a01\.txt\)", all.Error);

        // Two regions' issues are not one region's: refused.
        var mixed = Run("diff", "2024-04-30", "2024-09-27");
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("two issues of one region", mixed.Error);
    }

    [Fact]
    public void Compare_ranks_peers_shows_the_project_id_and_refuses_a_name_of_several_projects()
    {
        var ambiguous = Run("compare", "就业");
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("employment-urban-new", ambiguous.Error);
        Assert.Contains("employment-startup-loans", ambiguous.Error);

        var rows = JsonArray(Run("compare", "城镇新增就业", "--format", "json"));
        Assert.All(rows, r => Assert.Equal("employment-urban-new", r.GetProperty("project_id").GetString()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("percent").ValueKind));
        Assert.All(rows, r => Assert.True(r.GetProperty("lagging").ValueKind is JsonValueKind.True or JsonValueKind.False));

        // A project of 岳阳市's bulletin: the city is not ranked among its own counties.
        var city = JsonArray(Run("compare", "edu-family-guidance", "--format", "json"));
        var in2024 = city.Where(r => r.GetProperty("year").GetInt32() == 2024).ToList();
        var cityRow = in2024.Single(r => r.GetProperty("region").GetString() == "岳阳市");
        Assert.Equal("湖南省", cityRow.GetProperty("peers").GetString());
        Assert.Equal(1, cityRow.GetProperty("rank").GetInt32());
        var counties = in2024.Where(r => r.GetProperty("peers").GetString() == "岳阳市").ToList();
        Assert.True(counties.Count >= 2);
        Assert.Equal(Enumerable.Range(1, counties.Count), counties.Select(r => r.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public void Query_json_is_one_typed_array_that_python_json_load_reads()
    {
        string path = Path.Combine(samples.Folder, "query.json");
        var query = Run("query", "SELECT region, target, percent, inconsistent FROM figures WHERE percent IS NOT NULL ORDER BY id LIMIT 5", "--out", path);
        Assert.True(query.ExitCode == 0, query.Error);
        Assert.Contains("wrote 5 rows", query.Error);
        var python = CliProcess.RunProgram("/usr/bin/python3",
        [
            "-c", "import json,sys; rows=json.load(open(sys.argv[1],encoding='utf-8')); " +
                  "assert isinstance(rows,list) and len(rows)==5, rows; " +
                  "assert all(isinstance(r['percent'],(int,float)) for r in rows), rows; print(rows[0]['region'])",
            path,
        ]);
        Assert.True(python.ExitCode == 0, python.Error);
        Assert.EndsWith("市", python.Output.Trim());

        var lines = Run("query", "SELECT id FROM figures LIMIT 3", "--format", "jsonl");
        Assert.Equal(3, lines.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).Count());
    }

    [Fact]
    public void A_csv_file_starts_with_a_bom_and_the_format_follows_the_extension_or_is_refused()
    {
        string csv = Path.Combine(samples.Folder, "f.csv");
        Assert.Equal(0, Run("query", "SELECT region, project FROM figures LIMIT 2", "--format", "csv", "--out", csv).ExitCode);
        byte[] bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("region,project", Encoding.UTF8.GetString(bytes[3..]));

        var mismatch = Run("query", "SELECT 1", "--format", "jsonl", "--out", csv);
        Assert.Equal(2, mismatch.ExitCode);
        Assert.Contains("does not match", mismatch.Error);

        // export --out x.xlsx without --format writes a workbook (a zip), not JSON lines.
        string xlsx = Path.Combine(samples.Folder, "x.xlsx");
        var export = Run("export", "--out", xlsx);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(xlsx)[..2]);
        Assert.Matches(@"wrote \d+ figures to .*x\.xlsx", export.Error);
        Assert.Equal(2, Run("export", "--format", "jsonl", "--out", xlsx).ExitCode);

        var tsv = Run("export", "--format", "tsv", "--since", "2026-04-01");
        Assert.Equal(0, tsv.ExitCode);
        var tsvLines = tsv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(tsvLines.Length > 1);
        Assert.All(tsvLines.Skip(1), l => Assert.StartsWith("004_issue2.txt\t", l));
    }

    [Fact]
    public void Tables_right_align_numbers_cap_long_cells_and_count_rows_on_stderr()
    {
        var table = Run("query", "SELECT 7 AS n, 'x' AS t UNION ALL SELECT 1234, printf('%.100c', '长') ORDER BY n");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("│    7 │ x ", table.Output);
        Assert.Contains("…", table.Output);
        Assert.DoesNotContain(new string('长', 30), table.Output);
        Assert.Equal("2 rows", table.Error.Trim());

        var limited = Run("query", "SELECT id FROM figures", "--limit", "2", "--format", "csv");
        Assert.Equal(3, limited.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Projects_lists_the_catalog_and_flags_filter_by_region_and_issue()
    {
        var projects = JsonArray(CliProcess.Run("projects", "--format", "json"));
        Assert.Contains(projects, p => p.GetProperty("id").GetString() == "employment-urban-new");
        Assert.All(projects, p => Assert.Equal(JsonValueKind.Array, p.GetProperty("keywords").ValueKind));

        var flags = JsonArray(Run("flags", "--kind", "percent-mismatch", "--region", "岳阳市", "--format", "json"));
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Equal("汨罗市", f.GetProperty("region").GetString()));
        Assert.Empty(JsonArray(Run("flags", "--kind", "percent-mismatch", "--region", "湘潭市", "--issue", "1", "--format", "json")));
    }
}
