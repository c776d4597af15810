using System.Globalization;
using BulletinIngest.Extraction.Metadata;

namespace BulletinIngest.Learning;

/// <summary>
/// Plan or bulletin from the document's evidence (<see cref="KindEvidence"/>: one value a cue), by logistic regression
/// trained on every labelled document's kind (<see cref="KindTrainingSet"/>; `bulletin train --kind`, models/kind.model).
/// The evidence of a decision is each cue's push (weight × value) towards its kind, largest first.
/// BULLETIN_KIND_MODEL=PATH reads another model file (one trained without some documents).
/// </summary>
public sealed class KindModel(LinearModel model, KindEvidence evidence)
{
    public const string FileName = "kind.model";
    public static readonly string[] Labels = ["bulletin", "plan"];
    private const int Explained = 4;

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
    /// </summary>
    public static TrainerOptions Options => new() { Epochs = 300, LearningRate = 0.5, L2 = 1e-3, BalanceClasses = false, PruneBelow = 0 };

    public static KindModel Train(IReadOnlyList<KindExample> examples, KindEvidence evidence) =>
        new(LogisticRegressionTrainer.Train("kind", evidence.FeatureSet, Labels, evidence.Cues.Count,
            examples.Select(e => new Example(Vector(e.Values), Array.IndexOf(Labels, e.Kind))).ToList(), Options).Model, evidence);

    public static SparseVector Vector(double[] values) =>
        SparseVector.FromPairs(values.Select((v, i) => (i, v)).Where(p => p.v != 0));

    public double PlanProbability(double[] values) => Linear.Probabilities(Vector(values))[1];

    /// <summary>The kind of a document (its first blocks and whole text, simplified), and why.</summary>
    public (string Kind, string Evidence) Decide(IReadOnlyList<string> head, string text) => Decide(Evidence.Measure(head, text));

    public (string Kind, string Evidence) Decide(double[] values)
    {
        double plan = PlanProbability(values);
        string kind = plan > 0.5 ? "plan" : "bulletin";
        // A cue's push towards plan is its plan weight less its bulletin weight, times its value.
        var pushes = Evidence.Cues.Select((cue, i) => (cue, Value: values[i], Push: (Linear.Weights[1][i] - Linear.Weights[0][i]) * values[i]))
            .Where(p => p.Value != 0).OrderByDescending(p => Math.Abs(p.Push)).ThenBy(p => p.cue.Name, StringComparer.Ordinal).Take(Explained)
            .Select(p => $"{p.cue.Where}:{p.cue.Name}={KindEvidence.Format(p.Value)} {(p.Push >= 0 ? "plan" : "bulletin")} {Math.Abs(p.Push).ToString("0.0", CultureInfo.InvariantCulture)}")
            .ToList();
        return (kind, $"P(plan) {plan.ToString("0.00", CultureInfo.InvariantCulture)}: " + (pushes.Count > 0 ? string.Join(", ", pushes) : "no cue"));
    }
}
