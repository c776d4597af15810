using System.Globalization;
using System.Text.Json;

namespace BulletinIngest.Tests.Pipeline;

/// <summary>The runtime's counters a process (BULLETIN_RUNTIME_STATS), which the ingest benchmark prints, and the runtime settings the tool ships with.</summary>
public class RuntimeStatsTests
{
    [Fact]
    public void An_ingest_and_each_of_its_workers_write_their_runtime_counters_when_asked()
    {
        using var temp = new TempFolder();
        string folder = Path.Combine(temp.Path, "in"), stats = temp.File("stats.tsv");
        Directory.CreateDirectory(folder);
        File.Copy(RepoPaths.Bulletin("txt/004_1f00e35fffe70a01.txt"), Path.Combine(folder, "a.txt"));
        File.Copy(RepoPaths.Bulletin("txt/000_7f4eaa1b27befe4b.txt"), Path.Combine(folder, "b.txt"));
        var run = CliProcess.RunWith(new Dictionary<string, string> { ["BULLETIN_RUNTIME_STATS"] = stats },
            "ingest", folder, "--db", temp.File("b.db"), "--jobs", "2");
        Assert.Equal(0, run.ExitCode);

        var lines = File.ReadAllLines(stats).Select(l => l.Split('\t')).ToList();
        Assert.Single(lines, l => l[0] == "ingest");
        var workers = lines.Where(l => l[0] == "worker").ToList();
        Assert.InRange(workers.Count, 1, 2);
        Assert.All(lines, l =>
        {
            Assert.Equal(14, l.Length);
            Assert.True(double.Parse(l[2], CultureInfo.InvariantCulture) > 0, $"no CPU in {string.Join(' ', l)}");
            Assert.True(long.Parse(l[4], CultureInfo.InvariantCulture) > 100, $"no methods compiled in {string.Join(' ', l)}");
            Assert.True(double.Parse(l[12], CultureInfo.InvariantCulture) > 10, $"no resident set in {string.Join(' ', l)}");
        });
        Assert.Equal(lines.Count, lines.Select(l => l[1]).Distinct().Count());
    }

    [Fact]
    public void The_tool_and_its_workers_run_without_dynamic_pgo_and_with_a_memory_conserving_gc()
    {
        // The instrumented tier cost an ingest's workers about 40 % of their CPU; ConserveMemory took a worker's peak
        // from 305 to 185 MB (docs/speed.md).
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "bulletin.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(9, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
