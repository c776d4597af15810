using System.Text.Json.Nodes;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Evaluation;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The table cases of tests/specs/tables/*.jsonl: table rows in, figures in the gold format out.</summary>
public class TableSpecTests
{
    private static string SpecFolder => Path.Combine(RepoPaths.Root, "tests", "specs", "tables");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SpecFolder, "*.jsonl").Order(StringComparer.Ordinal))
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                data.Add(Path.GetFileName(file) + ": " + JsonNode.Parse(line)!["case"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table_case_gives_the_expected_figures(string name)
    {
        var spec = Load(name);
        string region = spec["region"]!.GetValue<string>();
        var lines = spec["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        var result = Synthetic.Bulletin(region, lines);

        var gold = spec["figures"]!.AsArray().Select(f => ScoredFigure.FromJson(WithDoc(f!.AsObject()), f!.ToJsonString())).ToList();
        var predicted = result.Figures.Select(f => new ScoredFigure
        {
            Doc = "case", Region = f.Region, Project = f.Project, Indicator = f.Indicator,
            Target = f.Target, Actual = f.Actual, Percent = f.Percent, Unit = f.Unit,
            Json = $"{f.Region} {f.Project}/{f.Indicator} target {f.Target} actual {f.Actual} {f.Unit} percent {f.Percent}",
        }).ToList();
        var report = FigureScorer.Score(gold, predicted);
        var score = Assert.Single(report.Documents);
        string explanation = string.Join("\n", report.Misses.Select(m => "MISS  " + m.Json).Concat(report.Extras.Select(e => "EXTRA " + e.Json)));
        Assert.True(score.Matched == score.Gold && score.Predicted == score.Matched, explanation);
        if (spec["exact"]?.GetValue<bool>() == true)
            Assert.True(score.Exact == score.Gold, "not exact (unit or an extra number):\n" + string.Join("\n", predicted.Select(p => p.Json)));
    }

    private static JsonObject WithDoc(JsonObject figure)
    {
        var copy = figure.DeepClone().AsObject();
        copy["doc"] = "case";
        return copy;
    }

    private static JsonObject Load(string name)
    {
        int colon = name.IndexOf(": ", StringComparison.Ordinal);
        string file = Path.Combine(SpecFolder, name[..colon]), title = name[(colon + 2)..];
        return File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Single(o => o["case"]!.GetValue<string>() == title);
    }
}
