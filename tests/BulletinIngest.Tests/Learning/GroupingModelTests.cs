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
    public void Training_twice_gives_byte_identical_files()
    {
        var pairs = GroupingTrainingSet.Pairs(RoleTrainingSet.Training(RepoPaths.Root));
        Assert.True(pairs.Count > 1000, $"only {pairs.Count} labelled pairs");
        var first = GroupingModel.Train(pairs).Linear.ToBytes();
        var second = GroupingModel.Train(pairs).Linear.ToBytes();
        Assert.Equal(first, second);
        Assert.Equal(GroupingFeatures.Name, LinearModel.FromBytes(first).FeatureSet);
    }

    [Fact]
    public void The_model_is_on_by_default_and_a_join_says_why()
    {
        Assert.Null(Environment.GetEnvironmentVariable("BULLETIN_GROUPING_MODEL"));
        Assert.True(GroupingModel.Enabled);
        var figures = Synthetic.Bulletin("宁乡市", "新建城区停车泊位目标任务2000个，已建成1700个，完成率85%。").Figures;
        var figure = Assert.Single(figures);
        Assert.Equal((2000.0, 1700.0, 85.0), (figure.Target, figure.Actual, figure.Percent));
        Assert.Contains("joined: p", figure.Why);
    }
}
