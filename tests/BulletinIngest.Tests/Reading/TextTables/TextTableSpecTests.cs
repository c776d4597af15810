using System.Text;
using System.Text.Json;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Reading.TextTables;

/// <summary>The table detectors' spec as data (cases.jsonl: a text, the table rows and cells it must give).</summary>
public class TextTableSpecTests
{
    public sealed record Case(string Name, string Text, string[][] Rows)
    {
        public override string ToString() => Name;
    }

    private static readonly string CasesFile = Path.Combine(RepoPaths.Root, "tests/BulletinIngest.Tests/Reading/TextTables/cases.jsonl");

    public static TheoryData<Case> Cases()
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var data = new TheoryData<Case>();
        foreach (var line in File.ReadLines(CasesFile).Where(l => l.Trim().Length > 0))
            data.Add(JsonSerializer.Deserialize<Case>(line, options)!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_flattened_table_reads_as_its_rows_and_cells(Case spec)
    {
        var text = new TxtReader().Read(Encoding.UTF8.GetBytes(spec.Text));
        var rows = text.Blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text.Split('\t')).ToArray();
        Assert.Equal(spec.Rows, rows);
        foreach (var block in text.Blocks) Assert.Equal(block.Text, text.FullText[block.Start..block.End]);
    }
}
