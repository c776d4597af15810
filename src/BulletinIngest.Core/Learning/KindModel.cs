using System.Globalization;
using BulletinIngest.Extraction.Metadata;

namespace BulletinIngest.Learning;

/// <summary>
/// Plan or bulletin from the document's evidence (<see cref="KindEvidence"/>: one value a cue), by logistic regression
/// trained on every labelled document's kind (<see cref="KindTrainingSet"/>; `bulletin train --kind`, models/kind.model).
/// The evidence of a decision is each cue's push (weight × value) towards its kind, largest first.
/// BULLETIN_KIND_MODEL=PATH reads another model file (one trained without some documents); BULLETIN_KIND=plan|bulletin
/// reads every document as that kind (what a kind costs: scripts/kind_policy.sh).
/// </summary>
public sealed class KindModel(LinearModel model, KindEvidence evidence)
{
    public const string FileName = "kind.model";
    public static readonly string[] Labels = ["bulletin", "plan"];
    private const int Explained = 4;

    /// <summary>
    /// P(plan) in this band is an uncertain kind (said in the evidence and a warning). It is still read as the likelier
    /// kind, with the plan's filters or without them: measured on the studied sets with leave-set-out P(plan)
    /// (scripts/kind_policy.sh), that kept more figures in every band than reading uncertain documents without the plan
    /// filters, or than keeping per clause the bulletin reading where the clause says 已/完成/累计 and the plan reading elsewhere.
    /// </summary>
    public const double UncertainFrom = 0.3, UncertainTo = 0.7;

    public LinearModel Linear { get; } = model;
    public KindEvidence Evidence { get; } = evidence;

    private static readonly Lazy<KindModel> Loaded = new(() =>
        new(LinearModel.Load(ModelFiles.PathOf(FileName, Environment.GetEnvironmentVariable("BULLETIN_KIND_MODEL")),
            KindEvidence.Default.FeatureSet), KindEvidence.Default));

    public static KindModel Default => Loaded.Value;

    /// <summary>
    /// Few examples of few dense features: many epochs, and no pruning (every weight is read). The classes are not
    /// balanced: measured leave-set-out, balancing read 24 bulletins of 168 grown as plans (a bulletin read as a plan
    /// loses its progress), unbalanced 4 (and 5 plans as bulletins); L2 1e-3 and 1e-4 decide the same, 1e-2 misses 24 plans.
    /// Re-measured on 342 documents (sets HC–HG in, today's kind-cues.tsv): L2 1e-3 reads 5–6 wrong leave-set-out, 1e-4 and 3e-4 7 and 8 (more of
    /// the held-out set HE), 3e-3 9 and 1e-2 17 (plans as bulletins); balanced, 13 (12 bulletins as plans).
    /// </summary>
    public static TrainerOptions Options => new() { Epochs = 300, LearningRate = 0.5, L2 = 1e-3, BalanceClasses = false, PruneBelow = 0 };

    public static KindModel Train(IReadOnlyList<KindExample> examples, KindEvidence evidence) =>
        new(LogisticRegressionTrainer.Train("kind", evidence.FeatureSet, Labels, evidence.Cues.Count,
            examples.Select(e => new Example(Vector(e.Values), Array.IndexOf(Labels, e.Kind))).ToList(), Options).Model, evidence);

    public static SparseVector Vector(double[] values) =>
        SparseVector.FromPairs(values.Select((v, i) => (i, v)).Where(p => p.v != 0));

    public double PlanProbability(double[] values) => Linear.Probabilities(Vector(values))[1];

    /// <summary>The kind of a document (its first blocks and whole text, simplified), and why.</summary>
    public KindDecision Decide(IReadOnlyList<string> head, string text) => Decide(Evidence.Measure(head, text));

    public KindDecision Decide(double[] values)
    {
        double plan = PlanProbability(values);
        string? forced = Environment.GetEnvironmentVariable("BULLETIN_KIND");
        string kind = forced is "plan" or "bulletin" ? forced : plan > 0.5 ? "plan" : "bulletin";
        // A cue's push towards plan is its plan weight less its bulletin weight, times its value.
        var pushes = Evidence.Cues.Select((cue, i) => (cue, Value: values[i], Push: (Linear.Weights[1][i] - Linear.Weights[0][i]) * values[i]))
            .Where(p => p.Value != 0).OrderByDescending(p => Math.Abs(p.Push)).ThenBy(p => p.cue.Name, StringComparer.Ordinal).Take(Explained)
            .Select(p => $"{p.cue.Where}:{p.cue.Name}={KindEvidence.Format(p.Value)} {(p.Push >= 0 ? "plan" : "bulletin")} {Math.Abs(p.Push).ToString("0.0", CultureInfo.InvariantCulture)}")
            .ToList();
        return new(kind, $"P(plan) {plan.ToString("0.00", CultureInfo.InvariantCulture)}: " + (pushes.Count > 0 ? string.Join(", ", pushes) : "no cue"),
            plan is >= UncertainFrom and <= UncertainTo);
    }
}

/// <summary>A document's kind, why (P(plan) and the cues that pushed it most), and whether P(plan) was in the uncertain band.</summary>
public sealed record KindDecision(string Kind, string Evidence, bool Uncertain)
{
    /// <summary>How the warning of an uncertain kind begins (`documents --suspect` lists the documents it is stored with).</summary>
    public const string WarningPrefix = "kind uncertain";

    /// <summary>What the extraction did with an uncertain kind, for the document's warnings and `text --explain`.</summary>
    public string? Warning => Uncertain
        ? $"{WarningPrefix} ({Evidence[..Evidence.IndexOf(':')]}, within {KindModel.UncertainFrom:0.0}–{KindModel.UncertainTo:0.0}): read as {Kind}, the likelier kind"
            + (Kind == "plan" ? " (a plan's tables give no actual or percent)" : " (its clauses' targets, actuals and percents as a bulletin's)")
        : null;
}
