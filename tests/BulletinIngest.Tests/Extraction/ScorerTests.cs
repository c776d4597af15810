using System.Diagnostics;
using System.Text.Json.Nodes;
using BulletinIngest.Extraction.Evaluation;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The C# scorer against the referee (shared/tools/score.py) and its rules one by one.</summary>
public class ScorerTests
{
    private static ScoredFigure F(string doc, string region, string project, double? target = null, double? actual = null,
        double? percent = null, string? unit = null, bool optional = false, string? indicator = null) =>
        new() { Doc = doc, Region = region, Project = project, Indicator = indicator ?? project, Target = target, Actual = actual, Percent = percent, Unit = unit, Optional = optional };

    [Theory]
    [InlineData("经开区", "岳阳经济技术开发区")]
    [InlineData("屈原区", "屈原管理区")]
    [InlineData("汨罗", "汨罗市")]
    [InlineData("南湖新区", "岳阳市南湖新区")]
    public void Regions_compare_by_key(string a, string b) => Assert.Equal(FigureScorer.RegionKey(a), FigureScorer.RegionKey(b));

    [Fact]
    public void Names_need_a_dice_of_three_tenths()
    {
        var gold = F("a.txt", "攸县", "新建村级文化广场", actual: 5);
        Assert.NotNull(FigureScorer.Compatible(gold, F("a.pdf", "攸县", "新建文化广场", actual: 5)));
        Assert.Null(FigureScorer.Compatible(gold, F("a.pdf", "攸县", "培训乡村医生", actual: 5)));
        Assert.Null(FigureScorer.Compatible(gold, F("a.pdf", "攸县", "新建村级文化广场", actual: 6)));
    }

    [Fact]
    public void Optional_gold_absorbs_without_counting_and_exact_needs_units()
    {
        var gold = new[]
        {
            F("d.txt", "攸县", "新建村级文化广场", target: 40, actual: 18, unit: "个"),
            F("d.txt", "攸县", "招聘会", actual: 3000, unit: "个", optional: true),
        };
        var predicted = new[]
        {
            F("d.txt", "攸县", "新建村级文化广场", target: 40, actual: 18, unit: "座"),
            F("d.txt", "攸县", "招聘会", actual: 3000, unit: "个"),
            F("d.txt", "攸县", "其他", percent: 10),
        };
        var s = FigureScorer.Score(gold, predicted).Summary;
        Assert.Equal((1, 2, 1), (s.Gold, s.Predicted, s.Matched));
        Assert.Equal(0.6667, s.F1);
        Assert.Equal(0.0, s.ExactF1);
    }

    /// <summary>
    /// The referee's summary line for the disturbed predictions (the committed line stands in for score.py where no
    /// Python is installed; where one is, it must still print it). corpus/real exercises the traditional-character
    /// folding and the autonomous-division and zone forms of region names.
    /// </summary>
    [Theory]
    [InlineData("labels/figures.jsonl",
        "docs=5 gold=194 pred=187 matched=142 precision=0.7594 recall=0.732 f1=0.7454 exact_f1=0.6037 flag_recall=0.5 flag_precision=0.0556 flags_gold=2")]
    [InlineData("real/gold.jsonl", RealRefereeLine)]
    public void Agrees_with_score_py_on_the_same_files(string gold, string expectedRefereeLine)
    {
        using var folder = new TempFolder();
        string goldPath = Path.Combine(RepoPaths.Corpus, gold);
        // Predictions: the gold figures with a share of them disturbed, so every rule has work to do.
        var lines = File.ReadAllLines(goldPath).Where(l => l.Length > 0).ToList();
        var predicted = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            var row = JsonNode.Parse(lines[i])!.AsObject();
            row["doc"] = row["doc"]!.GetValue<string>().Replace(".txt", ".lo.pdf");
            if (i % 7 == 1) continue;                                   // a miss
            if (i % 7 == 2) row["unit"] = "件";                         // not exact
            if (i % 7 == 3 && row["percent"] is not null) row["percent"] = row["percent"]!.GetValue<double>() + 1; // wrong number
            if (i % 7 == 4) row["project"] = "完全无关的名称";            // name too far
            if (i % 11 == 5) row["inconsistent"] = true;                // a flag
            if (i % 3 == 0 && row["project"] is { } project)            // written simplified: equal after folding
                row["project"] = TraditionalChinese.ToSimplified(project.GetValue<string>());
            if (i % 2 == 0 && row["region"]?.GetValue<string>() is { } region && RegionNames.WrittenForms(region).FirstOrDefault() is { } shorter)
                row["region"] = shorter;                                // 黔东南州 for 黔东南苗族侗族自治州
            predicted.Add(row.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            if (i % 13 == 6) predicted.Add(predicted[^1]);              // a duplicate: an extra
        }
        string predPath = folder.File("pred.jsonl");
        File.WriteAllLines(predPath, predicted);

        var ours = FigureScorer.Score(ScoredFigure.Load(goldPath), ScoredFigure.Load(predPath)).Summary.ToLine();
        string? referee = RunScorePy(goldPath, predPath);
        if (referee is not null) Assert.True(referee == expectedRefereeLine, "score.py now prints: " + referee);
        Assert.Equal(referee ?? expectedRefereeLine, ours);
    }

    private const string RealRefereeLine =
        "docs=26 gold=244 pred=237 matched=180 precision=0.7595 recall=0.7377 f1=0.7484 exact_f1=0.6237 flag_recall=0.0 flag_precision=0.0 flags_gold=0";

    [Theory]
    [InlineData("镇宁自治县", "镇宁布依族苗族自治县")]
    [InlineData("肇庆高新区", "肇庆高新技术产业开发区")]
    [InlineData("黔东南州", "黔东南苗族侗族自治州")]
    [InlineData("黔東南州", "黔东南苗族侗族自治州")]
    public void Autonomous_and_zone_forms_are_one_region(string a, string b) => Assert.Equal(FigureScorer.RegionKey(a), FigureScorer.RegionKey(b));

    private static string? RunScorePy(string gold, string predicted)
    {
        // shared/ lies beside the clone (as CI lays it out); without it the stored referee line stands in.
        string script = Path.Combine(RepoPaths.Root, "..", "shared", "tools", "score.py");
        if (!File.Exists(script)) return null;
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { script, gold, predicted }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim().Split('\n')[^1] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3
        }
    }
}
