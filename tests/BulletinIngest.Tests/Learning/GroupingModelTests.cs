using BulletinIngest.Extraction.Regions;
using BulletinIngest.Learning;
using BulletinIngest.Learning.Grouping;
using BulletinIngest.Learning.RoleModel;
using BulletinIngest.Reading;
using BulletinIngest.Tests.Extraction;

namespace BulletinIngest.Tests.Learning;

/// <summary>The learned grouping (issue 10): pair labels from the role alignment, reproducible files, explained joins, the switch.</summary>
public class GroupingModelTests
{
    [Fact]
    public void Pairs_of_one_gold_figure_are_together_and_a_neighbours_number_is_apart()
    {
        var figure = new LabeledFigure("x.txt", "某县", null, "城镇新增就业", "城镇新增就业", 12000, 6000, "人", 50, false);
        var mentions = RoleTrainingSet.Label("test", "x.txt",
            new TxtReader().Read(System.Text.Encoding.UTF8.GetBytes("城镇新增就业目标任务1.2万人，已完成6000人，完成率50%，新建公厕20座。\n")), [figure], Gazetteer.Default);
        Assert.Equal(3, mentions.Count(m => m.Figure == 0));
        var pairs = GroupingTrainingSet.Pairs(mentions);
        // target–actual, target–percent, actual–percent of the figure; 20座 (a role by the rules, no gold figure's) with the target and the percent.
        Assert.Equal(3, pairs.Count(p => p.Together));
        Assert.Equal(2, pairs.Count(p => !p.Together));
    }

    [Fact]
    public void Training_twice_gives_byte_identical_files_and_the_shipped_model_is_that_file()
    {
        var pairs = GroupingTrainingSet.Pairs(RoleTrainingSet.Training(RepoPaths.Root));
        Assert.True(pairs.Count > 1000, $"only {pairs.Count} labelled pairs");
        string shippedPath = Path.Combine(RepoPaths.Root, "models", GroupingModel.FileName);
        var shipped = LinearModel.Load(shippedPath);
        double threshold = double.Parse(shipped.Properties[GroupingModel.ThresholdProperty], System.Globalization.CultureInfo.InvariantCulture);
        var first = GroupingModel.Train(pairs, threshold).Linear.ToBytes();
        var second = GroupingModel.Train(pairs, threshold).Linear.ToBytes();
        Assert.Equal(first, second);
        Assert.Equal(GroupingFeatures.Name, LinearModel.FromBytes(first).FeatureSet);
        Assert.True(first.AsSpan().SequenceEqual(File.ReadAllBytes(shippedPath)),
            $"models/{GroupingModel.FileName} is not what its training data gives today: run ./bulletin train --grouping --threshold {threshold:0.00}");
    }

    [Fact]
    public void The_model_is_off_by_default()
    {
        Assert.Null(Environment.GetEnvironmentVariable("BULLETIN_GROUPING_MODEL"));
        Assert.False(GroupingModel.Enabled);
        var figure = Assert.Single(Synthetic.Bulletin("宁乡市", "新建城区停车泊位目标任务2000个，已建成1700个，完成率85%。").Figures);
        Assert.DoesNotContain("joined: p", figure.Why);
    }

    /// <summary>
    /// With BULLETIN_GROUPING_MODEL=1 (in a real `bulletin` process: the switch is read once per process), the figures of
    /// the cases of tests/specs/grouping/learned.jsonl are among those it gives, and a join says why.
    /// </summary>
    [Fact]
    public void Switched_on_it_groups_the_spec_cases_and_a_join_says_why()
    {
        using var temp = new TempFolder();
        string inbox = temp.File("inbox");
        Directory.CreateDirectory(inbox);
        var cases = File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "specs", "grouping", "learned.jsonl")).Where(l => l.Trim().Length > 0)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject()).ToList();
        var lines = new List<string[]> { new[] { "新建城区停车泊位目标任务2000个，已建成1700个，完成率85%。" } };
        lines.AddRange(cases.Select(c => c["lines"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray()));
        for (int i = 0; i < lines.Count; i++)
            File.WriteAllLines(Path.Combine(inbox, $"case{i}.txt"), ["宁乡市民生实事进展情况", .. lines[i]]);
        string db = temp.File("learned.db"), export = temp.File("learned.jsonl");
        var on = new Dictionary<string, string> { ["BULLETIN_GROUPING_MODEL"] = "1" };
        var ingest = CliProcess.RunWith(on, "ingest", inbox, "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Equal(0, CliProcess.Run("export", "--db", db, "--format", "jsonl", "--out", export).ExitCode);
        var figures = File.ReadLines(export).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject()).ToList();
        static string Key(System.Text.Json.Nodes.JsonNode? f) => string.Join(" | ", new[] { "target", "actual", "unit", "percent" }
            .Select(k => f?[k] is not { } v || v.GetValueKind() == System.Text.Json.JsonValueKind.Null ? "-"
                : k == "unit" ? v.GetValue<string>() : v.GetValue<double>().ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)));
        for (int i = 0; i < lines.Count; i++)
        {
            var actual = figures.Where(f => f["doc"]!.GetValue<string>().EndsWith($"case{i}.txt")).Select(f => Key(f)).Order().ToList();
            var expected = i == 0 ? ["2000 | 1700 | 个 | 85"] : cases[i - 1]["figures"]!.AsArray().Select(Key).Order().ToList();
            // The grouping's figures are all there (a role elsewhere in the text, a lone rate, may add one of its own).
            Assert.True(expected.All(actual.Contains), $"case {i}: expected {string.Join("; ", expected)}, got {string.Join("; ", actual)}");
        }
        var explained = CliProcess.RunWith(on, "text", Path.Combine(inbox, "case0.txt"), "--explain");
        Assert.Contains("joined: p", explained.Output);
    }
}
