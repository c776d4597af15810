using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Assembly;

namespace BulletinIngest.Tests.Extraction;

public class RepeatedFiguresTests
{
    private static Figure Markets(int start, double? target = null, double? actual = null, double? percent = null, string indicator = "改造提升农贸市场") => new()
    {
        Region = "某县", Project = "农贸市场改造提升", Indicator = indicator, Target = target, Actual = actual, Percent = percent, Unit = "个",
        Start = start, End = start + 10, Sentence = "",
    };

    [Fact]
    public void A_figure_whose_numbers_a_fuller_reading_holds_goes()
    {
        var rejected = new List<string>();
        var kept = RepeatedFigures.Drop([Markets(0, target: 24), Markets(40, target: 24, actual: 18)], new HashSet<int>(), rejected);
        Assert.Equal(18, Assert.Single(kept).Actual);
        Assert.Contains("read twice", Assert.Single(rejected));
    }

    [Fact]
    public void The_same_figure_read_twice_stays_once_the_earlier()
    {
        Assert.Equal(0, Assert.Single(RepeatedFigures.Drop([Markets(0, 24, 18), Markets(40, 24, 18)], new HashSet<int>())).Start);
    }

    [Fact]
    public void Percent_only_figures_table_rows_other_numbers_and_unlike_names_stay()
    {
        Assert.Equal(2, RepeatedFigures.Drop([Markets(0, percent: 100), Markets(40, 24, 24, 100)], new HashSet<int>()).Count);
        Assert.Equal(2, RepeatedFigures.Drop([Markets(0, 75, 75, 100), Markets(40, 75, 75, 100)], new HashSet<int> { 0, 40 }).Count);
        Assert.Equal(2, RepeatedFigures.Drop([Markets(0, target: 24), Markets(40, target: 25, actual: 18)], new HashSet<int>()).Count);
        Assert.Equal(2, RepeatedFigures.Drop([Markets(0, target: 24) with { Project = "城区公厕", Indicator = "新建公厕" }, Markets(40, 24, 18)], new HashSet<int>()).Count);
    }

    [Fact]
    public void Two_lists_and_two_mentions_of_one_sentence_are_two_figures()
    {
        // The province's list and the county's state the same numbers (tier 省级 / 县级).
        Assert.Equal(2, RepeatedFigures.Drop([Markets(0, 24, 18) with { Tier = "省级" }, Markets(40, 24, 18) with { Tier = "县级" }], new HashSet<int>()).Count);
        // 创建1个市级美丽乡村，1个市级美丽屋场: two mentions of one sentence.
        Assert.Equal(2, RepeatedFigures.Drop([Markets(0, target: 1) with { Sentence = "创建1个市级美丽乡村，1个市级美丽屋场" },
            Markets(20, target: 1) with { Sentence = "创建1个市级美丽乡村，1个市级美丽屋场" }], new HashSet<int>()).Count);
    }

    [Fact]
    public void Of_two_equal_readings_the_one_named_narrowly_stays()
    {
        var kept = RepeatedFigures.Drop([Markets(0, actual: 299, percent: 42.71) with { Project = "推动创业带动就业", Indicator = "开展职业技能培训" },
            Markets(40, actual: 299, percent: 42.71) with { Project = "开展职业技能培训", Indicator = "开展职业技能培训" }], new HashSet<int>());
        Assert.Equal(40, Assert.Single(kept).Start);
    }
}
