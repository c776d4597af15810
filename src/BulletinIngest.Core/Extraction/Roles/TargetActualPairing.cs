namespace BulletinIngest.Extraction.Roles;

/// <summary>
/// Joins a target the rules read apart to the progress figure that measures it. Bulletins often state the
/// year's task with no cue word, or in an earlier sentence, before the progress: "新建配套管网46.5公里，已完成31.2公里，
/// 完成率67.1%"; "年度计划投资2.47亿元，截至12月底，完成投资2.41亿元，占年度计划的97.6%"; "将改造任务调整为21335户，…
/// 竣工20541户，竣工率为96.3%". When a lone amount (a target or a bare amount, no percent) stands close to an
/// amount done with a percent, in the same region and unit, and their ratio is the stated percent, the lone amount
/// is the target of the second, whatever words stand around them. A target the rules gave the figure whose ratio
/// disagrees with its percent (总投资3.82亿元 before the year's plan) yields to one that agrees. The stated percent is
/// the evidence, so numbers that disagree are never paired.
/// </summary>
public static class TargetActualPairing
{
    /// <summary>How far (in percentage points) the ratio may be from the stated percent: the gold rule's tolerance.</summary>
    private const double Tolerance = 1.0;

    /// <summary>How far (characters) a task in another sentence is looked for: about a paragraph.</summary>
    private const int Reach = 200;

    public static List<Figure> Apply(IReadOnlyList<Figure> figures)
    {
        var result = figures.ToList();
        for (int i = 0; i < result.Count; i++)
        {
            var done = result[i];
            if (done.Actual is not { } actual || done.Percent is not { } percent || done.Qualifier is not null) continue;
            if (done.Target is { } stated && Agrees(actual, stated, percent)) continue;
            int taskIndex = FindTask(result, i, actual, percent);
            if (taskIndex < 0) continue;
            var task = result[taskIndex];
            result[i] = done with
            {
                Target = task.Target ?? task.Actual,
                // A bare verb (建成, 完工) names nothing: the task's words name the quantity.
                Indicator = task.Sentence == done.Sentence && (done.Indicator == done.Project || done.Indicator.Length < 4) ? task.Indicator : done.Indicator,
                Start = task.Sentence == done.Sentence ? Math.Min(task.Start, done.Start) : done.Start,
                Approximate = done.Approximate || task.Approximate,
            };
            result.RemoveAt(taskIndex);
            if (taskIndex < i) i--;
        }
        return result;
    }

    private static bool Agrees(double actual, double target, double percent) =>
        target > 0 && Math.Abs(actual / target * 100 - percent) <= Tolerance;

    /// <summary>The nearest lone amount of the same region and unit, close by (before it, or soon after: 完成任务3.1公里，完成率103.33%…下达任务3公里), whose ratio the percent states.</summary>
    private static int FindTask(List<Figure> figures, int doneIndex, double actual, double percent)
    {
        var done = figures[doneIndex];
        int best = -1, bestDistance = int.MaxValue;
        for (int j = 0; j < figures.Count; j++)
        {
            var task = figures[j];
            if (j == doneIndex) continue;
            int distance = Math.Max(0, Math.Max(done.Start - task.End, task.Start - done.End)); // the gap between them
            if (task.Sentence != done.Sentence && distance > Reach || distance >= bestDistance) continue;
            if (task.Region != done.Region || task.Unit is null || task.Unit != done.Unit || task.Unit.Contains('/')) continue;
            if (task.Percent is not null || task.Qualifier is not null || (task.Target is null) == (task.Actual is null)) continue;
            if (task.Sentence == done.Sentence && task.Start >= done.Start && task.End > done.End) continue;
            if (!Agrees(actual, (task.Target ?? task.Actual)!.Value, percent)) continue;
            (best, bestDistance) = (j, distance);
        }
        return best;
    }
}
