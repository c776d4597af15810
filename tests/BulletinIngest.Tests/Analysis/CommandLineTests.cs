using System.Text.Json;
using BulletinIngest.Analysis.Flags;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Tests.Analysis;

/// <summary>The analysis commands run as the real `bulletin` program on a synthetic archive.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly SyntheticArchive _archive = new();

    public CommandLineTests()
    {
        SyntheticSeries.Fill(_archive);
        _archive.Store.Dispose();   // the program opens the file itself
    }

    public void Dispose() => _archive.Dispose();

    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void Ingest_refreshes_the_flags_and_flags_lists_them_by_kind_and_region()
    {
        // An ingest (of a file without figures) recomputes the flags of everything stored.
        string note = Path.Combine(Path.GetDirectoryName(_archive.DatabasePath)!, "note.txt");
        File.WriteAllText(note, "本期无进度数据。");
        var ingest = CliProcess.Run("ingest", note, "--db", _archive.DatabasePath);
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        Assert.Matches(@"\d+ flags \(\d+ inconsistent percents\)", ingest.Output);

        var all = CliProcess.Run("flags", "--db", _archive.DatabasePath, "--format", "jsonl");
        Assert.Equal(0, all.ExitCode);
        var kinds = JsonLines(all.Output).Select(f => f.GetProperty("kind").GetString()).Distinct().Order();
        Assert.Equal(FlagKinds.All.Order(), kinds);

        var backwards = CliProcess.Run("flags", "--db", _archive.DatabasePath, "--kind", "went-backwards", "--region", "石门", "--format", "jsonl");
        var flag = Assert.Single(JsonLines(backwards.Output));
        Assert.Contains("已完成1200人", flag.GetProperty("sources").GetString());

        using var connection = new SqliteConnection($"Data Source={_archive.DatabasePath}");
        connection.Open();
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT count(DISTINCT project) FROM figures WHERE inconsistent = 1"));
    }

    [Fact]
    public void Export_carries_the_inconsistent_mark_compare_ranks_regions_and_timeline_runs_oldest_first()
    {
        CliProcess.Run("flags", "--refresh", "--db", _archive.DatabasePath);
        var export = CliProcess.Run("export", "--db", _archive.DatabasePath, "--format", "jsonl");
        var inconsistent = JsonLines(export.Output).Where(f => f.GetProperty("inconsistent").GetBoolean())
            .Select(f => f.GetProperty("project").GetString()).Distinct().Order();
        Assert.Equal(["培训乡村医生", "改造城镇老旧小区"], inconsistent);

        var compare = CliProcess.Run("compare", "新增城镇就业", "--year", "2025", "--db", _archive.DatabasePath, "--format", "csv");
        Assert.Equal(0, compare.ExitCode);
        var lines = compare.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', BulletinIngest.Analysis.AnalysisWorkbook.ComparisonColumns), lines[0].TrimEnd('\r'));
        Assert.StartsWith(",1,青川市,,新增城镇就业,name:新增城镇就业,20000,9000,人,45,,false,2025-06-30,49.59,true,020_city.txt,bulletin", lines[1][5..]);

        var missing = CliProcess.Run("compare", "没有这个项目", "--db", _archive.DatabasePath);
        Assert.Equal(1, missing.ExitCode);

        var timeline = CliProcess.Run("timeline", "--region", "石门县", "--db", _archive.DatabasePath, "--format", "json");
        var dates = JsonDocument.Parse(timeline.Output).RootElement.EnumerateArray().Select(r => r.GetProperty("as_of").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains("2025-03-01", dates);
    }
}
