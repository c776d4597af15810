namespace BulletinIngest.Analysis.Flags;

/// <summary>The result of checking a stated percent against actual / target.</summary>
public sealed record PercentVerdict(double Computed, double Difference, double Tolerance, bool Inconsistent);

/// <summary>
/// The gold `inconsistent` rule: target, actual and an exact percent all stated, and actual / target * 100 more
/// than a point away from the percent. The point widens only when the written numbers are coarser than that
/// ("约2万" of "3万" cannot be checked to a point). A standard level that has been met (actual at or above the
/// target, percent 100) is consistent: bulletins cap a met standard at 100%.
/// </summary>
public static class PercentCheck
{
    public const double Tolerance = 1.0;

    public static PercentVerdict? Check(AnalysisFigure figure) =>
        figure.IsExact && figure.Target is > 0 && figure.Actual is { } actual && figure.Percent is { } percent
            ? Check(actual, figure.Target.Value, percent, figure.Sentence)
            : null;

    public static PercentVerdict Check(double actual, double target, double percent, string sentence)
    {
        double computed = actual / target * 100;
        double difference = computed - percent;
        bool metStandard = actual >= target && Math.Abs(percent - 100) < 1e-9;
        double tolerance = Math.Max(Tolerance, RoundingSpread(actual, target, percent, sentence));
        return new PercentVerdict(computed, difference, tolerance, !metStandard && Math.Abs(difference) > tolerance + 1e-9);
    }

    /// <summary>
    /// How far the percent and actual / target can drift apart from rounding of the written percent and actual
    /// alone. The target is what the plan set, so it is exact as written.
    /// </summary>
    private static double RoundingSpread(double actual, double target, double percent, string sentence)
    {
        double da = StatedPrecision.HalfUnit(actual, sentence);
        double dp = StatedPrecision.HalfUnit(percent, sentence, isPercent: true);
        return dp + da / target * 100;
    }
}
