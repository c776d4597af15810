using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Tests.Hostile;

/// <summary>
/// A file whose reading spends more CPU than the per-file budget is stopped and recorded as too-slow; the batch goes on.
/// The worker reads two files at a time and the slow file shares it with the good ones: it is read again alone, in a
/// fresh worker, where it is stopped again and recorded; any good file stopped with it is read again alone too and
/// stored.
/// </summary>
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
        // Good files after it, each a little different (no duplicate content), beside it in the worker in turn.
        for (int n = 0; n < 3; n++) File.WriteAllText(Path.Combine(inbox, $"b-sample-{n}.txt"), sample + new string('\n', n));
        string db = temp.File("t.db");

        var run = CliProcess.Run("ingest", inbox, "--db", db, "--file-timeout", "1", "--jobs", "2");
        Assert.Equal(1, run.ExitCode);
        using var connection = BulletinStore.OpenReadOnly(db);
        var rows = connection.Query<(string Name, string Status, string? Error, int Figures)>(
            "SELECT name, status, error, figure_count FROM documents ORDER BY name").ToList();
        Assert.Equal("too-slow", rows[0].Status);
        Assert.Contains("--file-timeout", rows[0].Error);
        Assert.Equal(["b-sample-0.txt", "b-sample-1.txt", "b-sample-2.txt"], rows.Skip(1).Select(r => r.Name));
        Assert.All(rows.Skip(1), r => Assert.Equal("ok", r.Status));
        Assert.All(rows.Skip(1), r => Assert.Equal(rows[1].Figures, r.Figures));
        Assert.True(rows[1].Figures >= 37, $"{rows[1].Figures} figures in the sample");
    }
}
