using System.Text.Json.Nodes;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The number forms of tests/specs/numbers/*.jsonl: a text in, its amounts and percents (value, base unit) out, bare numbers left out.</summary>
public class NumberSpecTests
{
    private static string SpecFolder => Path.Combine(RepoPaths.Root, "tests", "specs", "numbers");

    private static IEnumerable<JsonObject> Specs() => Directory.GetFiles(SpecFolder, "*.jsonl").Order(StringComparer.Ordinal)
        .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var spec in Specs()) data.Add(spec["case"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Number_case_reads_its_amounts(string name)
    {
        var spec = Specs().Single(s => s["case"]!.GetValue<string>() == name);
        var expected = spec["numbers"]!.AsArray().Select(n => $"{n!["value"]!.GetValue<double>():R} {n["unit"]!.GetValue<string>()}");
        var found = NumberRecognizer.Find(CompactText.From(spec["text"]!.GetValue<string>()).Text)
            .Where(q => !q.IsBare).Select(q => $"{q.Value:R} {q.Unit}");
        Assert.Equal(expected, found);
    }
}
