namespace BulletinIngest.Extraction.Roles;

/// <summary>
/// Joins a target the rules read as a bare amount to the progress figure that measures it. Bulletins often
/// state the year's task with no cue word before the progress: "新建配套管网46.5公里，已完成31.2公里，完成率67.1%".
/// When one sentence gives an amount (no percent) and then, in the same unit, an amount done with a percent
/// that equals their ratio, the first amount is the target of the second, whatever words stand around them.
/// The stated percent is the evidence, so a figure whose numbers disagree is never paired.
/// </summary>
public static class TargetActualPairing
{
    /// <summary>How far (in percentage points) the ratio may be from the stated percent: the gold rule's tolerance.</summary>
    private const double Tolerance = 1.0;

    public static List<Figure> Apply(IReadOnlyList<Figure> figures)
    {
        var result = figures.ToList();
        for (int i = 0; i < result.Count; i++)
        {
            var done = result[i];
            if (done.Target is not null || done.Actual is not { } actual || done.Percent is not { } percent || done.Qualifier is not null)
                continue;
            int taskIndex = FindTask(result, i, actual, percent);
            if (taskIndex < 0) continue;
            var task = result[taskIndex];
            result[i] = done with
            {
                Target = task.Actual,
                // A bare verb (建成, 完工) names nothing: the task's words name the quantity.
                Indicator = done.Indicator == done.Project || done.Indicator.Length < 4 ? task.Indicator : done.Indicator,
                Start = Math.Min(task.Start, done.Start),
                Approximate = done.Approximate || task.Approximate,
            };
            result.RemoveAt(taskIndex);
            if (taskIndex < i) i--;
        }
        return result;
    }

    /// <summary>The nearest earlier bare amount of the same sentence, region and unit whose ratio the percent states.</summary>
    private static int FindTask(List<Figure> figures, int doneIndex, double actual, double percent)
    {
        var done = figures[doneIndex];
        for (int j = doneIndex - 1; j >= 0; j--)
        {
            var task = figures[j];
            if (task.Sentence != done.Sentence) continue;
            if (task.Region != done.Region || task.Unit is null || task.Unit != done.Unit || task.Project != done.Project) continue;
            if (task.Target is not null || task.Percent is not null || task.Actual is not { } amount || amount <= 0) continue;
            if (task.Start >= done.Start) continue;
            if (Math.Abs(actual / amount * 100 - percent) <= Tolerance) return j;
        }
        return -1;
    }
}
