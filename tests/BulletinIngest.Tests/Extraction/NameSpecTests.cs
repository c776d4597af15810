using System.Globalization;
using System.Text.Json.Nodes;
using BulletinIngest.Extraction;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// Naming cases as data (tests/specs/names/*.jsonl: a bulletin's or plan's paragraphs → figures with the project and
/// indicator the gold labels would give them, and the region where the case gives one), run through the real extractor: each expected figure must be extracted
/// with its numbers and unit, and named as the case says (Assembly/FigureNamer, used by the prose and item paths); a
/// number listed as absent must not stand alone as a figure (Assembly/NonFigureRules).
/// </summary>
public class NameSpecTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "specs", "names"), "*.jsonl").Order())
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_each_figure_and_its_region_as_the_spec_says(string spec)
    {
        var row = JsonNode.Parse(spec)!.AsObject();
        var lines = row["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        // "issuer": the bulletin's region (宁乡市 unless said).
        string issuer = row["issuer"]?.GetValue<string>() ?? "宁乡市";
        var result = row["kind"]!.GetValue<string>() == "plan" ? Synthetic.Plan(issuer, lines) : Synthetic.Bulletin(issuer, lines);
        foreach (var expected in row["figures"]!.AsArray().Select(f => f!.AsObject()))
        {
            string key = Key(expected["target"]?.GetValue<double>(), expected["actual"]?.GetValue<double>(), expected["unit"]?.GetValue<string>(), expected["percent"]?.GetValue<double>());
            var found = result.Figures.Where(f => Key(f.Target, f.Actual, f.Unit, f.Percent) == key).ToList();
            Assert.True(found.Count > 0, $"no figure {key}; extracted: {string.Join("; ", result.Figures.Select(Describe))}");
            if (expected["project"] is { } project)
                Assert.Contains(project.GetValue<string>(), found.Select(f => f.Project));
            if (expected["indicator"] is { } indicator)
                Assert.Contains(indicator.GetValue<string>(), found.Select(f => f.Indicator));
            if (expected["region"] is { } region)
                Assert.Contains(region.GetValue<string>(), found.Select(f => f.Region));
        }
        // Numbers that are no figure (a campaign's size, a difference in points): nothing carries them alone.
        foreach (var absent in row["absent"]?.AsArray().Select(a => a!.GetValue<double>()) ?? [])
            Assert.DoesNotContain(result.Figures, f => new[] { f.Target, f.Actual, f.Percent }.Count(v => v is not null) == 1
                && new[] { f.Target, f.Actual, f.Percent }.Contains(absent));
    }

    private static string Describe(Figure f) => $"{f.Project} | {f.Indicator} | {Key(f.Target, f.Actual, f.Unit, f.Percent)}";

    private static string Key(double? target, double? actual, string? unit, double? percent) =>
        string.Join(" / ", N(target), N(actual), unit ?? "-", N(percent));

    private static string N(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "-";
}
