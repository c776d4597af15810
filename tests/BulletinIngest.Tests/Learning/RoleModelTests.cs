using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Learning;
using BulletinIngest.Learning.RoleModel;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Learning;

/// <summary>The learned role model (issue 10): mention labels from gold figures, reproducible files, the switch.</summary>
public class RoleModelTests
{
    private static LabeledFigure Figure(string indicator, double? target, double? actual, string? unit, double? percent) =>
        new("x.txt", "某县", null, indicator, indicator, target, actual, unit, percent, false);

    private static List<LabeledMention> Mentions(string text, params LabeledFigure[] figures) =>
        RoleTrainingSet.Label("test", "x.txt", new TxtReader().Read(System.Text.Encoding.UTF8.GetBytes(text)), figures, Gazetteer.Default);

    [Fact]
    public void Gold_numbers_label_the_candidates_of_the_same_value_nearest_the_name()
    {
        // 1.2万人 is 12000 in base units; the second 50% (a different figure's) stays none.
        var mentions = Mentions("城镇新增就业目标任务1.2万人，已完成6000人，完成率50%。另有培训班举办50%。\n",
            Figure("城镇新增就业", 12000, 6000, "人", 50));
        var labels = mentions.Select(m => (m.Text[m.Candidate.Q.Start..m.Candidate.Q.End], m.Label)).ToList();
        Assert.Contains(("1.2万人", "target"), labels);
        Assert.Contains(("6000人", "actual"), labels);
        Assert.Equal(1, labels.Count(l => l.Label == "percent"));
        Assert.Contains(labels, l => l.Label == "none" && l.Item1.StartsWith("50"));
    }

    [Fact]
    public void Every_labelled_set_of_the_grown_folder_trains_the_model()
    {
        // A set labelled later (gold-h.jsonl, gold-i.jsonl …) is picked up by `bulletin train --roles` without a code change.
        string repo = Path.Combine(Path.GetTempPath(), $"role-sources-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(repo, "corpus", "real", "grown"));
        try
        {
            File.WriteAllText(Path.Combine(repo, "corpus", "real", "split.tsv"), "doc\thalf\n");
            foreach (var set in new[] { "a", "h", "i" }) File.WriteAllText(Path.Combine(repo, "corpus", "real", "grown", $"gold-{set}.jsonl"), "");
            var grown = RoleTrainingSet.TrainingSources(repo).Where(s => s.Name == "grown").Select(s => Path.GetFileName(s.Gold)).ToList();
            Assert.Equal(["gold-a.jsonl", "gold-h.jsonl", "gold-i.jsonl"], grown);
        }
        finally { Directory.Delete(repo, true); }
    }

    [Fact]
    public void Training_twice_gives_byte_identical_files_and_the_shipped_model_is_that_file()
    {
        var mentions = RoleTrainingSet.Training(RepoPaths.Root);
        Assert.True(mentions.Count > 500, $"only {mentions.Count} labelled mentions");
        string shippedPath = Path.Combine(RepoPaths.Root, "models", RoleModel.FileName);
        var shipped = LinearModel.Load(shippedPath);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        double keep = double.Parse(shipped.Properties[RoleModel.ThresholdProperty], inv);
        var thresholds = (keep, double.Parse(shipped.Properties[RoleModel.PromoteThresholdProperty], inv),
            shipped.Properties.TryGetValue(RoleModel.SwapThresholdProperty, out var swap) ? double.Parse(swap, inv) : keep);
        var first = RoleModel.Train(mentions, thresholds: thresholds).Linear.ToBytes();
        var second = RoleModel.Train(mentions, thresholds: thresholds).Linear.ToBytes();
        Assert.Equal(first, second);
        Assert.Equal(RoleFeatures.Name, LinearModel.FromBytes(first).FeatureSet);
        // The labels, the spec cases under tests/specs/roles and the role features all feed the model: a change of
        // any of them needs `bulletin train --roles --threshold KEEP,PROMOTE[,SWAP]` (the shipped thresholds) and the new file.
        Assert.True(first.AsSpan().SequenceEqual(File.ReadAllBytes(shippedPath)),
            $"models/{RoleModel.FileName} is not what its training data gives today: run ./bulletin train --roles --threshold {thresholds.Item1:0.00},{thresholds.Item2:0.00},{thresholds.Item3:0.00}");
    }

    [Fact]
    public void The_model_is_on_by_default_and_never_calls_an_amount_a_percent()
    {
        Assert.Null(Environment.GetEnvironmentVariable("BULLETIN_ROLE_MODEL"));
        Assert.True(RoleModel.Enabled);
        var model = RoleModel.Load(Path.Combine(RepoPaths.Root, "models", RoleModel.FileName));
        foreach (var m in Mentions("完成投资3亿元，占年度计划的75%，新建学校12所。\n"))
        {
            var (label, p) = model.Predict(m.Candidate, m.Text, m.Unit, m.Heading);
            Assert.InRange(p, 0, 1);
            if (!m.Candidate.IsPercent) Assert.NotEqual("percent", label);
        }
    }

    [Fact]
    public void The_role_spec_cases_are_labelled_documents_and_a_case_without_figures_labels_its_numbers_none()
    {
        var mentions = RoleTrainingSet.FromSpecs(Path.Combine(RepoPaths.Root, "tests", "specs", "roles"));
        Assert.True(mentions.Count > 40, $"only {mentions.Count} spec mentions");
        Assert.All(mentions, m => Assert.Equal(RoleTrainingSet.SpecSource, m.Source));
        string Number(LabeledMention m) => m.Text[m.Candidate.Q.Start..m.Candidate.Q.End];
        // 预计年底前完成剩余12所学校建设 (what is still to be done) states no figure.
        var remaining = Assert.Single(mentions, m => m.Text.Contains("剩余12所") && Number(m).StartsWith("12"));
        Assert.Equal("none", remaining.Label);
        // 20件民生大事，已完成3件: the whole is the target, the part done the actual.
        var whole = mentions.Where(m => m.Text.Contains("20件民生大事")).ToDictionary(Number, m => m.Label);
        Assert.Equal("target", whole["20件"]);
        Assert.Equal("actual", whole["3件"]);
        // Never held out: cross-fitting folds are made of documents only.
        Assert.Empty(RoleTrainingSet.Fold(mentions, 0, 1));
    }

    [Fact]
    public void Each_unit_knows_the_heading_of_its_section()
    {
        var document = BulletinIngest.Tests.Extraction.Synthetic.Document("醴陵市民生实事工作专报", "【工作进度】",
            "（1）新建停车泊位 500 个。已建成 200 个。", "二、存在问题", "1. 验收进度偏慢。仅 3 个项目完成验收。");
        var outline = Outline.Read(document, new RegionResolver(Gazetteer.Default, null));
        Assert.Contains(outline.Items, u => u.Text.Text.Contains("停车泊位") && u.Heading == "【工作进度】");
        Assert.Contains(outline.Items, u => u.Text.Text.Contains("验收进度") && u.Heading == "二、存在问题");
    }

    [Fact]
    public void Below_its_thresholds_the_combination_keeps_the_rules_decision()
    {
        var model = RoleModel.Load(Path.Combine(RepoPaths.Root, "models", RoleModel.FileName));
        Assert.True(model.Linear.Properties.ContainsKey(RoleModel.ThresholdProperty), "the threshold chosen at training is kept in the file");
        foreach (var m in Mentions("完成投资3亿元，占年度计划的75%，新建学校12所。预计年底前完成剩余12所学校建设。\n"))
        {
            var rules = RoleScorer.Default.Score(m.Candidate);
            var combined = model.Score(m.Candidate, m.Text, m.Unit, m.Heading, rules);
            var (label, p) = model.Predict(m.Candidate, m.Text, m.Unit, m.Heading);
            var (keep, promote, swap) = model.Thresholds;
            bool promoting = rules.Role == MentionRole.None && label != "none";
            bool swapping = label is "target" or "actual" && rules.Role is MentionRole.Target or MentionRole.Actual
                && label != (rules.Role == MentionRole.Target ? "target" : "actual");
            if (p < (promoting ? promote : swapping ? swap : keep)) Assert.Same(rules, combined);
            else Assert.Equal(label, combined.Role switch { MentionRole.Target => "target", MentionRole.Actual => "actual", MentionRole.None => "none", _ => "percent" });
        }
    }

    [Fact]
    public void A_target_read_as_an_actual_or_back_needs_the_swap_threshold_only()
    {
        // A swap moves a number between two fields of one figure; promoting adds a figure; the rest is keep.
        Assert.Equal(0.5, RoleThreshold.For("target", "actual", keep: 0.8, promote: 0.9, swap: 0.5));
        Assert.Equal(0.5, RoleThreshold.For("actual", "target", keep: 0.8, promote: 0.9, swap: 0.5));
        Assert.Equal(0.9, RoleThreshold.For("target", "none", keep: 0.8, promote: 0.9, swap: 0.5));
        Assert.Equal(0.8, RoleThreshold.For("none", "actual", keep: 0.8, promote: 0.9, swap: 0.5));
        Assert.Equal(0.8, RoleThreshold.For("percent", "actual", keep: 0.8, promote: 0.9, swap: 0.5));
        // A model file without the property (the shipped one: docs/learning.md says why) swaps at its keep threshold.
        var shipped = RoleModel.Load(Path.Combine(RepoPaths.Root, "models", RoleModel.FileName));
        if (Environment.GetEnvironmentVariable("BULLETIN_ROLE_THRESHOLD") is null && !shipped.Linear.Properties.ContainsKey(RoleModel.SwapThresholdProperty))
            Assert.Equal(shipped.Thresholds.Keep, shipped.Thresholds.Swap);
    }
}
