using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Hostile;

/// <summary>A file whose reading spends more CPU than the per-file budget is stopped and recorded as too-slow; the batch goes on.</summary>
public class TimeBudgetTests
{
    [Fact]
    public void A_file_past_its_cpu_budget_is_recorded_too_slow_and_the_next_file_is_stored()
    {
        using var temp = new TempFolder();
        string inbox = Directory.CreateDirectory(temp.File("inbox")).FullName;
        string sample = File.ReadAllText(RepoPaths.Bulletin("txt/000_7f4eaa1b27befe4b.txt"));
        // 3.6 MB of bulletin text: seconds of extraction, far past a one-second budget.
        File.WriteAllText(Path.Combine(inbox, "a-huge.txt"), string.Concat(Enumerable.Repeat(sample, 300)));
        File.WriteAllText(Path.Combine(inbox, "b-sample.txt"), sample);
        string db = temp.File("t.db");

        var run = CliProcess.Run("ingest", inbox, "--db", db, "--file-timeout", "1");
        Assert.Equal(1, run.ExitCode);
        using var connection = BulletinStore.OpenReadOnly(db);
        var rows = connection.Query<(string Name, string Status, string? Error)>("SELECT name, status, error FROM documents ORDER BY name").ToList();
        Assert.Equal("too-slow", rows[0].Status);
        Assert.Contains("--file-timeout", rows[0].Error);
        Assert.Equal(("b-sample.txt", "ok"), (rows[1].Name, rows[1].Status));
    }
}
