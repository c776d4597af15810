using System.Globalization;
using System.Text.Json.Nodes;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// Role and assembly cases as data (tests/specs/roles/*.jsonl and tests/specs/regions/figure-regions.jsonl: paragraphs of a bulletin → the figures they state,
/// in the gold format's fields): each runs through the real extractor, so the candidate finder, the role
/// scorer's data files (models/rules/role-*.tsv) and the assembler are all exercised.
/// </summary>
public class RoleSpecTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        // tests/specs/regions/figure-regions.jsonl: cases of the same form that state which place each figure is of (the
        // resolver's rules: Regions/RegionResolver, Assembly/FigureAssembler.Region); not role-model training data.
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "specs", "roles"), "*.jsonl").Order()
            .Append(Path.Combine(RepoPaths.Root, "tests", "specs", "regions", "figure-regions.jsonl"));
        foreach (var file in files)
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assembles_the_figures_the_spec_states(string spec)
    {
        var row = JsonNode.Parse(spec)!.AsObject();
        var lines = row["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        // "issuer": the bulletin's region (宁乡市 unless said); "plan": true reads the lines as a plan's.
        string issuer = row["issuer"]?.GetValue<string>() ?? "宁乡市";
        var figures = (row["plan"]?.GetValue<bool>() == true ? Synthetic.Plan(issuer, lines) : Synthetic.Bulletin(issuer, lines)).Figures;
        var expected = row["figures"]!.AsArray().Select(f => Key(f!["target"], f["actual"], f["unit"], f["percent"])).Order().ToList();
        var actual = figures.Select(f => Key(f.Target, f.Actual, f.Unit, f.Percent)).Order().ToList();
        Assert.Equal(expected, actual);
        foreach (var f in row["figures"]!.AsArray().Where(f => f!["region"] is not null))
            Assert.Contains(figures, g => g.Region == f!["region"]!.GetValue<string>() && Key(g.Target, g.Actual, g.Unit, g.Percent) == Key(f["target"], f["actual"], f["unit"], f["percent"]));
        foreach (var f in row["figures"]!.AsArray().Where(f => f!["project"] is not null))
            Assert.Contains(figures, g => g.Project == f!["project"]!.GetValue<string>());
        Assert.All(figures, f => Assert.False(string.IsNullOrEmpty(f.Why)));
    }

    private static string Key(JsonNode? target, JsonNode? actual, JsonNode? unit, JsonNode? percent) =>
        Key(target?.GetValue<double>(), actual?.GetValue<double>(), unit?.GetValue<string>(), percent?.GetValue<double>());

    private static string Key(double? target, double? actual, string? unit, double? percent) =>
        string.Join(" | ", N(target), N(actual), unit ?? "-", N(percent));

    private static string N(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "-";
}
