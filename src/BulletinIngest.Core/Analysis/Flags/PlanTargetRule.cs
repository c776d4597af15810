namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// Holds each bulletin figure against the same year's plan (documents of kind "plan") for the same region and
/// project: a stated target should equal the plan's; without one, the target the bulletin implies
/// (actual / percent) should agree with the plan's within the percent check's tolerance. Only unambiguous
/// pairs are compared: a plan, or a bulletin, stating several figures for one region and catalogued project
/// (several indicators) does not say which one goes with which.
/// </summary>
public sealed class PlanTargetRule : IFlagRule
{
    public IEnumerable<Flag> Find(IReadOnlyList<AnalysisFigure> figures)
    {
        var plans = figures
            .Where(f => f.IsPlan && f.IsExact && f.Target is > 0 && f.Year is not null)
            .ToLookup(f => (f.RegionKey, f.ProjectKey, f.Year));
        if (plans.Count == 0) yield break;
        var statedPerDocument = figures.Where(f => f.IsExact).ToLookup(f => (f.DocumentId, f.RegionKey, f.ProjectKey));

        foreach (var figure in figures.Where(f => !f.IsPlan && f.IsExact && f.Year is not null))
        {
            if (statedPerDocument[(figure.DocumentId, figure.RegionKey, figure.ProjectKey)].Count() > 1) continue;
            // Several renderings of one plan state the same target once each; several targets are ambiguous.
            var planTargets = plans[(figure.RegionKey, figure.ProjectKey, figure.Year)]
                .Where(p => p.Unit is null || figure.Unit is null || p.Unit == figure.Unit)
                .DistinctBy(p => p.Target).ToList();
            if (planTargets.Count == 1 && Disagreement(figure, planTargets[0]) is { } message)
            {
                var plan = planTargets[0];
                yield return new Flag(FlagKinds.PlanTargetMismatch, Severity.Warning,
                    $"{figure.Region} {figure.DisplayName}: {message} in {plan.Doc}",
                    figure.DocumentId, figure.Region, figure.CanonicalProjectId, [figure.Id, plan.Id]);
            }
        }
    }

    private static string? Disagreement(AnalysisFigure figure, AnalysisFigure plan)
    {
        double planTarget = plan.Target!.Value;
        if (figure.Target is { } stated)
            return Math.Abs(stated - planTarget) > 1e-6 * Math.Max(stated, planTarget)
                ? $"target {Text.Number(stated)} but {Text.Number(planTarget)} in the plan"
                : null;
        if (figure.Actual is not { } actual || figure.Percent is not > 0) return null;
        var verdict = PercentCheck.Check(actual, planTarget, figure.Percent.Value, figure.Sentence);
        return verdict.Inconsistent
            ? $"implied target {Text.Number(actual / figure.Percent.Value * 100, 2)} ({Text.Number(actual)} at " +
              $"{Text.Number(figure.Percent)}%) but {Text.Number(planTarget)} in the plan"
            : null;
    }
}
