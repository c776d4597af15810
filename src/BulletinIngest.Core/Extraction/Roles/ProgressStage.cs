using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Roles;

/// <summary>
/// A project counted at one stage is not measured by an amount counted at another: for "开工建设保障性住房
/// 214套 … 已完成119套 … 100%" the percent measures the houses started, and the 119 finished are not its
/// actual. When a start-stage project (开工, 动工) states an amount done at a finish stage (完成, 竣工, 建成)
/// whose ratio to the target disagrees with the stated percent, the amount is not the figure's actual.
/// </summary>
public static partial class ProgressStage
{
    public static Figure WithoutOtherStageActual(Figure figure)
    {
        if (figure is not { Target: { } target, Actual: { } actual, Percent: { } percent } || target <= 0) return figure;
        if (Math.Abs(actual / target * 100 - percent) <= 1) return figure;
        bool countsStarts = StartStage().IsMatch(figure.Project) || StartStage().IsMatch(figure.Indicator);
        return countsStarts && FinishStage().IsMatch(figure.Sentence) ? figure with { Actual = null } : figure;
    }

    [GeneratedRegex("开工|动工")]
    private static partial Regex StartStage();

    [GeneratedRegex("已(完成|竣工|建成|完工|交付)")]
    private static partial Regex FinishStage();
}
