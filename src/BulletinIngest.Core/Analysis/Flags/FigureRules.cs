using System.Globalization;

namespace BulletinIngest.Analysis.Flags;

/// <summary>Stated percent against actual / target: the rule behind each figure's `inconsistent` mark.</summary>
public sealed class PercentMismatchRule : IFlagRule
{
    public IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures)
    {
        foreach (var figure in figures)
        {
            if (PercentCheck.Check(figure) is not { Inconsistent: true } verdict) continue;
            yield return new Flag(FlagKinds.PercentMismatch, Severity.Error,
                $"{figure.Region} {figure.DisplayName}: stated {Text.Number(figure.Percent)}% but actual/target = " +
                $"{Text.Number(figure.Actual)}/{Text.Number(figure.Target)} = {Text.Number(verdict.Computed, 2)}% " +
                $"({Text.Number(Math.Abs(verdict.Difference), 2)} points off, tolerance {Text.Number(verdict.Tolerance, 2)})",
                figure.DocumentId, figure.Region, figure.CanonicalProjectId, [figure.Id]);
        }
    }
}

/// <summary>
/// Completion that contradicts itself: a percent over 100 in a sentence that says the work is still going on,
/// or an actual above the target with a percent under 100.
/// </summary>
public sealed class CompletionContradictionRule : IFlagRule
{
    /// <summary>Words that say work is not finished yet.</summary>
    private static readonly string[] UnfinishedCues =
        ["未完成", "尚未", "未完工", "未竣工", "正在", "推进中", "进行中", "施工中", "建设中", "实施中", "在建", "待完成", "有待"];

    public IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures)
    {
        foreach (var figure in figures)
        {
            if (figure.Percent is > 100 && figure.Qualifier is null or ">" or ">=" &&
                UnfinishedCues.FirstOrDefault(figure.Sentence.Contains) is { } cue)
            {
                yield return new Flag(FlagKinds.OverHundredUnfinished, Severity.Warning,
                    $"{figure.Region} {figure.DisplayName}: {Text.Number(figure.Percent)}% complete, yet the sentence says “{cue}”",
                    figure.DocumentId, figure.Region, figure.CanonicalProjectId, [figure.Id]);
            }
            if (figure.IsExact && figure.Percent is < 100 && figure.Actual is { } actual && figure.Target is > 0 &&
                actual - StatedPrecision.HalfUnit(actual, figure.Sentence) > figure.Target.Value)
            {
                yield return new Flag(FlagKinds.OverTargetUnderHundred, Severity.Warning,
                    $"{figure.Region} {figure.DisplayName}: actual {Text.Number(actual)} exceeds target {Text.Number(figure.Target)} " +
                    $"but the percent is {Text.Number(figure.Percent)}%",
                    figure.DocumentId, figure.Region, figure.CanonicalProjectId, [figure.Id]);
            }
        }
    }
}

/// <summary>Numbers as an analyst reads them in a message.</summary>
internal static class Text
{
    public static string Number(double? value, int decimals = 4) =>
        value is { } v ? Math.Round(v, decimals).ToString("0.####", CultureInfo.InvariantCulture) : "?";
}
