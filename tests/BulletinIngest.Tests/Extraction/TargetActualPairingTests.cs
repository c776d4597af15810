using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Roles;

namespace BulletinIngest.Tests.Extraction;

public class TargetActualPairingTests
{
    private const string Sentence = "改造供水管网80公里，已完成52公里，完成率65%。";

    private static Figure Amount(double actual, int start, double? percent = null, string unit = "公里", string indicator = "改造供水管网") => new()
    {
        Region = "某县", Project = "供水保障", Indicator = indicator, Actual = actual, Unit = unit, Percent = percent,
        Start = start, End = start + 4, Sentence = Sentence,
    };

    [Fact]
    public void A_bare_amount_becomes_the_target_when_the_stated_percent_is_their_ratio()
    {
        var paired = TargetActualPairing.Apply([Amount(80, 0), Amount(52, 10, percent: 65, indicator: "供水保障")], [], Sentence);
        var figure = Assert.Single(paired);
        Assert.Equal(80, figure.Target);
        Assert.Equal(52, figure.Actual);
        Assert.Equal(65, figure.Percent);
        Assert.Equal("改造供水管网", figure.Indicator);
        Assert.Equal(0, figure.Start);
    }

    [Fact]
    public void Amounts_whose_ratio_the_percent_does_not_state_stay_apart()
    {
        Assert.Equal(2, TargetActualPairing.Apply([Amount(80, 0), Amount(52, 10, percent: 90)], [], Sentence).Count);
    }

    [Fact]
    public void Different_units_or_a_later_amount_are_never_paired()
    {
        Assert.Equal(2, TargetActualPairing.Apply([Amount(80, 0, unit: "个"), Amount(52, 10, percent: 65)], [], Sentence).Count);
        Assert.Equal(2, TargetActualPairing.Apply([Amount(52, 0, percent: 65), Amount(80, 10)], [], Sentence).Count);
    }

    [Fact]
    public void The_percentage_decides_which_of_two_amounts_is_done()
    {
        // 80 read as done with the percentage, 52 alone before it: 52 / 80 is the stated 65%, so 52 is done and 80 the goal.
        var joined = Assert.Single(TargetActualPairing.Apply([Amount(52, 0), Amount(80, 10, percent: 65)], [], Sentence));
        Assert.Equal((80.0, 52.0, 65.0), (joined.Target!.Value, joined.Actual!.Value, joined.Percent!.Value));
        // A goal read with the percentage and the amount done read as a goal (完成率 after both): the same.
        var goal = Amount(80, 0, percent: 65) with { Target = 80, Actual = null, End = 30 };
        var done = Amount(52, 10) with { Target = 52, Actual = null };
        joined = Assert.Single(TargetActualPairing.Apply([goal, done], [], Sentence));
        Assert.Equal((80.0, 52.0), (joined.Target!.Value, joined.Actual!.Value));
        // No ratio, another unit, or an amount after the percentage: apart.
        Assert.Equal(2, TargetActualPairing.Apply([Amount(50, 0), Amount(80, 10, percent: 65)], [], Sentence).Count);
        Assert.Equal(2, TargetActualPairing.Apply([Amount(52, 0, unit: "个"), Amount(80, 10, percent: 65)], [], Sentence).Count);
    }

    private static Quantity Mention(double value, int start, string unit = "公里") => new() { Value = value, Unit = unit, Start = start, End = start + 4 };

    [Fact]
    public void An_amount_no_figure_holds_is_the_target_only_when_the_ratio_rounds_to_the_written_percent()
    {
        // 52 / 80 = 65.0%: written 65 agrees; written 65.3 (one decimal) does not, though within the gold rule's 1 point.
        Assert.Equal(80, Assert.Single(TargetActualPairing.Apply([Amount(52, 10, percent: 65)], [Mention(80, 0)], Sentence)).Target);
        Assert.Null(Assert.Single(TargetActualPairing.Apply([Amount(52, 10, percent: 65.3)], [Mention(80, 0)], Sentence)).Target);
        Assert.Null(Assert.Single(TargetActualPairing.Apply([Amount(52, 10, percent: 65)], [Mention(80, 0, unit: "个")], Sentence)).Target);
        Assert.Null(Assert.Single(TargetActualPairing.Apply([Amount(52, 500, percent: 65)], [Mention(80, 0)], Sentence)).Target);
    }

    [Fact]
    public void A_lone_percentage_joins_the_figure_whose_ratio_it_states()
    {
        var done = Amount(52, 0) with { Target = 80 };
        var joined = Assert.Single(TargetActualPairing.Apply([done, Amount(0, 30) with { Actual = null, Unit = null, Percent = 65 }], [], Sentence));
        Assert.Equal(65, joined.Percent);
        Assert.Equal(2, TargetActualPairing.Apply([done, Amount(0, 30) with { Actual = null, Unit = null, Percent = 70 }], [], Sentence).Count);
    }
}

public class ProgressStageTests
{
    private static Figure Houses(string project, string sentence, double actual) => new()
    {
        Region = "某县", Project = project, Indicator = project, Target = 300, Actual = actual, Unit = "套", Percent = 100,
        Sentence = sentence,
    };

    [Fact]
    public void Finished_units_are_not_the_actual_of_a_project_counted_by_starts()
    {
        var figure = ProgressStage.WithoutOtherStageActual(Houses("开工建设安置住房", "开工建设安置住房 300 套，已竣工 120 套，其余主体施工中", 120));
        Assert.Null(figure.Actual);
        Assert.Equal(100, figure.Percent);
    }

    [Fact]
    public void Consistent_figures_and_finish_stage_projects_keep_their_actual()
    {
        Assert.Equal(300, ProgressStage.WithoutOtherStageActual(Houses("开工建设安置住房", "已完成 300 套", 300)).Actual);
        Assert.Equal(120, ProgressStage.WithoutOtherStageActual(Houses("建成安置住房", "已竣工 120 套", 120)).Actual);
    }
}

public class PlanSectionTests
{
    [Fact]
    public void A_plans_target_section_holds_its_projects()
    {
        var document = Synthetic.Document("某县2025年民生实事项目实施方案", "2025年2月10日", "一、总体要求", "坚持尽力而为、量力而行。",
            "二、目标任务", "1. 城区停车设施建设。新增公共停车泊位800个。", "三、保障措施", "县财政统筹安排资金不少于1.2亿元。");
        var figures = new BulletinExtractor().Extract(document, "plan.txt").Figures;
        var figure = Assert.Single(figures);
        Assert.Equal(800, figure.Target);
        Assert.Null(figure.Actual);
    }
}
