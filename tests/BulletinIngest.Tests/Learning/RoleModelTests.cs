using BulletinIngest.Extraction.Regions;
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
    public void Training_twice_gives_byte_identical_files()
    {
        var mentions = RoleTrainingSet.Training(RepoPaths.Root);
        Assert.True(mentions.Count > 500, $"only {mentions.Count} labelled mentions");
        var first = RoleModel.Train(mentions).Linear.ToBytes();
        var second = RoleModel.Train(mentions).Linear.ToBytes();
        Assert.Equal(first, second);
        var loaded = LinearModel.FromBytes(first);
        Assert.Equal(RoleFeatures.Name, loaded.FeatureSet);
        // Not asserted: that models/role.model equals this retrain. A change of role-cues.tsv or CandidateFinder
        // (the weights work goes on in parallel) changes the features; `bulletin train --roles` refreshes the file.
    }

    [Fact]
    public void The_model_is_off_by_default_and_never_calls_an_amount_a_percent()
    {
        Assert.Null(Environment.GetEnvironmentVariable("BULLETIN_ROLE_MODEL"));
        Assert.False(RoleModel.Enabled);
        var model = RoleModel.Load(Path.Combine(RepoPaths.Root, "models", RoleModel.FileName));
        foreach (var m in Mentions("完成投资3亿元，占年度计划的75%，新建学校12所。\n"))
        {
            var (label, p) = model.Predict(m.Candidate, m.Text, m.Unit, m.Heading);
            Assert.InRange(p, 0, 1);
            if (!m.Candidate.IsPercent) Assert.NotEqual("percent", label);
        }
    }
}
