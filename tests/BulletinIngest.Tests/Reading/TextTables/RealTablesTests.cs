using BulletinIngest.Reading;
using Xunit.Abstractions;

namespace BulletinIngest.Tests.Reading.TextTables;

/// <summary>
/// Every real document whose form (corpus/real/sources.tsv) mentions a table gives that table as TableRow
/// blocks with the right count of rows and cells (real-tables.tsv), read by `bulletin text --json` as an analyst would.
/// </summary>
public class RealTablesTests(ITestOutputHelper output)
{
    private static readonly string Real = Path.Combine(RepoPaths.Corpus, "real");

    private sealed record Expected(string Doc, int Rows, int Cells, string Probe);

    private static List<Expected> ExpectedTables() =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "tests/BulletinIngest.Tests/Reading/TextTables/real-tables.tsv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'))
            .Select(f => new Expected(f[0], int.Parse(f[1]), int.Parse(f[2]), f[3])).ToList();

    [Fact]
    public void Every_document_with_a_table_in_its_form_is_checked()
    {
        var withTables = File.ReadLines(Path.Combine(Real, "sources.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(f => f[^1].Contains("table", StringComparison.OrdinalIgnoreCase)).Select(f => f[0]);
        Assert.Subset(ExpectedTables().Select(e => e.Doc).ToHashSet(), withTables.ToHashSet());
    }

    [Fact]
    public void Bulletin_text_json_gives_each_table_as_rows_with_their_cells()
    {
        var failures = new List<string>();
        foreach (var expected in ExpectedTables())
        {
            var result = CliProcess.Run("text", Path.Combine(Real, "docs", expected.Doc), "--format", "jsonl");
            Assert.Equal(0, result.ExitCode);
            var rows = result.Output.Split('\n').Where(l => l.Length > 0)
                .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
                .Where(b => b.GetProperty("kind").GetString() == BlockKind.TableRow.ToString().ToLowerInvariant())
                .Select(b => b.GetProperty("cells").EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
            output.WriteLine($"{expected.Doc}: {rows.Count} rows found of {expected.Rows} present");
            if (rows.Count != expected.Rows) failures.Add($"{expected.Doc}: {rows.Count} rows, expected {expected.Rows}");
            if (rows.Any(r => r.Length != expected.Cells)) failures.Add($"{expected.Doc}: rows of {string.Join("/", rows.Select(r => r.Length).Distinct())} cells, expected {expected.Cells}");
            if (expected.Probe.Length > 0) failures.AddRange(Probe(expected, rows));
        }
        Assert.Empty(failures);
    }

    private static IEnumerable<string> Probe(Expected expected, List<string[]> rows)
    {
        var (key, pairs) = (expected.Probe.Split(':', 2)[0], expected.Probe.Split(':', 2)[1]);
        var row = rows.Skip(1).FirstOrDefault(r => r.Contains(key));
        if (row is null) { yield return $"{expected.Doc}: no row {key}"; yield break; }
        foreach (var pair in pairs.Split(';'))
        {
            var (header, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
            int column = Array.IndexOf(rows[0], header);
            if (column < 0 || row[column] != value)
                yield return $"{expected.Doc}: row {key}, {header}: '{(column < 0 ? "no such column" : row[column])}', expected '{value}'";
        }
    }
}
