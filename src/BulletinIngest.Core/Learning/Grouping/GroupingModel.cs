using System.Globalization;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Learning.RoleModel;

namespace BulletinIngest.Learning.Grouping;

/// <summary>
/// The learned grouping (issue 10): whether two mentions of one sentence, each with the field it fills (target,
/// actual, percent), are numbers of one figure. Binary logistic regression (<see cref="LogisticRegressionTrainer"/>)
/// over <see cref="GroupingFeatures"/>, trained on pairs of <see cref="GroupingTrainingSet"/> (models/grouping.model);
/// FigureAssembler joins the most probable pairs first (<see cref="Extraction.Assembly.FigureAssembler"/>).
/// Off by default: after the merges of 2026-12-01 the hand grouping scored as well on the studied pages cross-fitted
/// (787 against 787 matched) and better on the unseen ones (183 against 176; docs/learning.md). BULLETIN_GROUPING_MODEL=1
/// turns it on; =PATH uses another model file (one trained without a fold).
/// </summary>
public sealed class GroupingModel(LinearModel model)
{
    public const string FileName = "grouping.model";
    public static readonly string[] Labels = ["apart", "together"];
    public LinearModel Linear { get; } = model;

    private static string? Setting => Environment.GetEnvironmentVariable("BULLETIN_GROUPING_MODEL");

    public static bool Enabled { get; set; } = Setting is "1" or "true" || Setting?.EndsWith(".model", StringComparison.Ordinal) == true;

    private static readonly Lazy<GroupingModel> Loaded = new(() =>
        Load(ModelFiles.PathOf(FileName, Setting)));
    public static GroupingModel Default => Loaded.Value;

    /// <summary>The probability two mentions need to be joined: the model's file property, or BULLETIN_GROUPING_THRESHOLD (for measuring).</summary>
    public double Threshold => _threshold ??= double.TryParse(Environment.GetEnvironmentVariable("BULLETIN_GROUPING_THRESHOLD"), CultureInfo.InvariantCulture, out double t) ? t
        : Linear.Properties.TryGetValue(ThresholdProperty, out var stored) ? double.Parse(stored, CultureInfo.InvariantCulture) : 0.5;
    private double? _threshold;

    public const string ThresholdProperty = "threshold";

    public static GroupingModel Load(string path) => new(LinearModel.Load(path, GroupingFeatures.Name));

    public static TrainerOptions Options => new() { BalanceClasses = false, Epochs = 30 };

    public static GroupingModel Train(IReadOnlyList<LabeledPair> pairs, double threshold = 0.5)
    {
        var linear = LogisticRegressionTrainer.Train("grouping", GroupingFeatures.Name, Labels, GroupingFeatures.Dimension,
            pairs.Select(p => new Example(p.Vector, p.Together ? 1 : 0)).ToList(), Options).Model;
        linear.Properties[ThresholdProperty] = threshold.ToString("0.00", CultureInfo.InvariantCulture);
        return new(linear);
    }

    /// <summary>The probability that the two mentions are numbers of one figure (a before b).</summary>
    public double Together(SparseVector pair) => Linear.Probabilities(pair)[1];

    /// <summary>The features that weighed most for (+) or against (−) joining, for `bulletin text --explain`.</summary>
    public string Explain(IEnumerable<string> names, int count = 3)
    {
        var weighed = names.Distinct().Select(n =>
        {
            var x = GroupingFeatures.Hash(n);
            double w = 0;
            for (int j = 0; j < x.Count; j++) w += (Linear.Weights[1][x.Indices[j]] - Linear.Weights[0][x.Indices[j]]) * x.Values[j];
            return (Name: n, Weight: w);
        }).OrderByDescending(f => Math.Abs(f.Weight)).ThenBy(f => f.Name, StringComparer.Ordinal).Take(count);
        return string.Join(" ", weighed.Select(f => $"{f.Name}{(f.Weight >= 0 ? "+" : "−")}{Math.Abs(f.Weight):0.00}"));
    }
}

/// <summary>Two mentions of one sentence of a labelled document, the fields they fill, and whether one gold figure holds both.</summary>
public sealed record LabeledPair(string Path, SparseVector Vector, bool Together);

/// <summary>
/// Pair labels from the role model's mention labels (<see cref="RoleTrainingSet"/>, which aligns each gold figure's
/// numbers to the mentions): every two mentions of one sentence that would fill different fields of a figure. A
/// mention a gold figure holds fills its gold field; one no gold figure holds but the hand rules give a role fills that
/// role's field (the foreign number the assembly could join: such a pair is apart). Together when one gold figure holds both.
/// </summary>
public static class GroupingTrainingSet
{
    public static List<LabeledPair> Pairs(IReadOnlyList<LabeledMention> mentions)
    {
        var pairs = new List<LabeledPair>();
        foreach (var sentence in mentions.GroupBy(m => (m.Path, m.Unit, m.Candidate.SentenceStart)))
        {
            var placed = sentence.Select(m => (m, Field: m.Label != "none" ? m.Label : RoleModel.RoleModel.RulesLabel(m.Candidate)))
                .Where(x => x.Field != "none").OrderBy(x => x.m.Candidate.Index).ToList();
            if (placed.Count < 2) continue;
            var own = placed.Select(x => GroupingFeatures.OfMention(x.m.Candidate, x.m.Text, x.m.Unit, x.m.Heading)).ToList();
            for (int i = 0; i < placed.Count; i++)
                for (int j = i + 1; j < placed.Count; j++)
                {
                    var (a, b) = (placed[i], placed[j]);
                    if (a.Field == b.Field) continue;
                    bool together = a.m.Figure >= 0 && a.m.Figure == b.m.Figure;
                    pairs.Add(new(a.m.Path, GroupingFeatures.Vector(a.m.Candidate, a.Field, b.m.Candidate, b.Field, a.m.Text, a.m.Unit, own[i], own[j]), together));
                }
        }
        return pairs;
    }
}

/// <summary>Pair-level scores of the grouping model, cross-validated by document folds (as the role model's threshold is chosen).</summary>
public static class GroupingEvaluation
{
    public static IEnumerable<string> CrossValidated(IReadOnlyList<LabeledMention> mentions, IReadOnlyList<LabeledPair> pairs, int folds = 5)
    {
        var real = mentions.Where(RoleThreshold.IsReal).Select(m => m.Path).ToHashSet();
        var thresholds = new[] { 0.3, 0.4, 0.5, 0.6, 0.7 };
        var counts = thresholds.ToDictionary(t => t, _ => (Hit: 0, Predicted: 0));
        int gold = 0;
        for (int k = 0; k < folds; k++)
        {
            var held = RoleTrainingSet.Fold(mentions, k, folds);
            var model = GroupingModel.Train(pairs.Where(p => !held.Contains(p.Path)).ToList());
            foreach (var p in pairs.Where(p => held.Contains(p.Path) && real.Contains(p.Path)))
            {
                double together = model.Together(p.Vector);
                if (p.Together) gold++;
                foreach (var t in thresholds)
                    if (together >= t) counts[t] = (counts[t].Hit + (p.Together ? 1 : 0), counts[t].Predicted + 1);
            }
        }
        yield return $"pairs of the study and grown documents, {folds} document folds: {gold} together";
        foreach (var t in thresholds)
        {
            var (hit, predicted) = counts[t];
            double precision = predicted == 0 ? 0 : (double)hit / predicted, recall = gold == 0 ? 0 : (double)hit / gold;
            yield return $"  threshold {t:0.0}: precision {precision:0.000} recall {recall:0.000} F1 {(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)):0.000}";
        }
    }
}
