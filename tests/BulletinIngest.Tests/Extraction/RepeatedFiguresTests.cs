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
        var kept = RepeatedFigures.Drop([Markets(0, target: 24), Markets(40, target: 24, actual: 18)], new HashSet<int>());
        Assert.Equal(18, Assert.Single(kept).Actual);
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
}
