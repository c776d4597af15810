namespace BulletinIngest.Analysis.Flags;

/// <summary>The kinds of flag the analysis raises; the names are what `bulletin flags --kind` takes.</summary>
public static class FlagKinds
{
    /// <summary>Stated percent differs from actual / target (the gold `inconsistent` rule).</summary>
    public const string PercentMismatch = "percent-mismatch";
    /// <summary>Percent over 100 while the sentence says the work is still going on.</summary>
    public const string OverHundredUnfinished = "over-100-unfinished";
    /// <summary>Actual above target while the percent is under 100.</summary>
    public const string OverTargetUnderHundred = "over-target-under-100";
    /// <summary>A later issue reports a smaller cumulative actual or percent for the same region, project and year.</summary>
    public const string WentBackwards = "went-backwards";
    /// <summary>A later issue states another target for the same region, project and year.</summary>
    public const string TargetChanged = "target-changed";
    /// <summary>A bulletin's target (stated, or implied by actual / percent) disagrees with the year's plan.</summary>
    public const string PlanTargetMismatch = "plan-target-mismatch";
    /// <summary>One document states the same figure twice with different values.</summary>
    public const string DuplicateConflict = "duplicate-conflict";
    /// <summary>A region's total disagrees with the sum of the sub-regions the same document gives.</summary>
    public const string TotalMismatch = "total-mismatch";

    public static readonly string[] All =
    [
        PercentMismatch, OverHundredUnfinished, OverTargetUnderHundred, WentBackwards, TargetChanged,
        PlanTargetMismatch, DuplicateConflict, TotalMismatch,
    ];
}

public static class Severity
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";
}

/// <summary>
/// Something in the figures that does not add up: what kind, how serious, one line saying what, and the
/// figures it concerns (their sentences are the evidence). DocumentId is the document the flag is about:
/// for a comparison across issues, the later one.
/// </summary>
public sealed record Flag(
    string Kind, string Severity, string Message, long? DocumentId, string? Region, string? CanonicalProjectId,
    IReadOnlyList<long> FigureIds);

/// <summary>One way of finding flags in the whole set of figures.</summary>
public interface IFlagRule
{
    IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures);
}
