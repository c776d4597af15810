using System.Diagnostics;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Extraction.Roles;

namespace BulletinIngest.Learning.RoleModel;

/// <summary>
/// The learned role model (issue 10): multinomial logistic regression (<see cref="LogisticRegressionTrainer"/>)
/// over <see cref="RoleFeatures"/>, trained on the mention labels of <see cref="RoleTrainingSet"/>
/// (models/role.model). Labels none/target/actual/percent; a percentage the model calls a percent keeps
/// RoleScorer's percent/rate split (the assembler attaches the two differently); an amount is never a percent.
/// On by default since the measurement on pages nobody studied or trained on (docs/learning.md, round 4, merged);
/// BULLETIN_ROLE_MODEL=0 gives the hand weights alone.
/// </summary>
public sealed class RoleModel(LinearModel model)
{
    public const string FileName = "role.model";
    private const string OtherSection = "section:other";
    public LinearModel Linear { get; } = model;

    /// <summary>
    /// Whether the candidate path scores roles with the model as well as the hand weights: yes unless
    /// BULLETIN_ROLE_MODEL=0 (or false); =PATH uses another role model file (e.g. one trained without some documents).
    /// </summary>
    public static bool Enabled { get; set; } = Setting is not ("0" or "false");

    private static string? Setting => Environment.GetEnvironmentVariable("BULLETIN_ROLE_MODEL");

    private static readonly Lazy<RoleModel> Loaded = new(() =>
        Load(ModelFiles.PathOf(FileName, Setting)));
    public static RoleModel Default => Loaded.Value;

    public static RoleModel Load(string path) => new(LinearModel.Load(path, RoleFeatures.Name));

    public static TrainerOptions Options => new() { BalanceClasses = false, Epochs = 30 };

    /// <summary>The model's file properties holding the combination's two thresholds (see <see cref="Score"/>).</summary>
    public const string ThresholdProperty = "threshold", PromoteThresholdProperty = "threshold-promote", SwapThresholdProperty = "threshold-swap";

    /// <summary>
    /// The combination: the model decides a mention where its probability is at least <see cref="Thresholds"/>'s
    /// Promote when it would turn a number the rules leave out into a figure's, its Swap when it reads as a target
    /// what the rules read as an actual or the other way round, its Keep otherwise; the hand weights elsewhere (0: the
    /// model everywhere). Keep and Promote are chosen at training by cross-validation (<see cref="RoleThreshold"/>) or
    /// fixed by `train --roles --threshold K,P[,S]`; Swap is Keep unless the file says otherwise.
    /// BULLETIN_ROLE_THRESHOLD=T (all), =T,U (keep, promote) or =T,U,S overrides them, for measuring.
    /// </summary>
    public (double Keep, double Promote, double Swap) Thresholds => _thresholds ??= ReadThresholds();

    // Read once: Score asks for them for every mention.
    private (double Keep, double Promote, double Swap)? _thresholds;

    private (double Keep, double Promote, double Swap) ReadThresholds()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var parts = (Environment.GetEnvironmentVariable("BULLETIN_ROLE_THRESHOLD") ?? "").Split(',');
        if (double.TryParse(parts[0], inv, out double t))
        {
            double u = parts.Length > 1 && double.TryParse(parts[1], inv, out double promote) ? promote : t;
            return (t, u, parts.Length > 2 && double.TryParse(parts[2], inv, out double swap) ? swap : t);
        }
        double Stored(string property, double otherwise) => Linear.Properties.TryGetValue(property, out var v) ? double.Parse(v, inv) : otherwise;
        double keep = Stored(ThresholdProperty, 0);
        return (keep, Stored(PromoteThresholdProperty, keep), Stored(SwapThresholdProperty, keep));
    }

    public static RoleModel Train(IReadOnlyList<LabeledMention> mentions, TrainerOptions? options = null, (double Keep, double Promote, double Swap)? thresholds = null)
    {
        var linear = LogisticRegressionTrainer.Train("role", RoleFeatures.Name, RoleTrainingSet.Labels, RoleFeatures.Dimension,
            mentions.Select(m => new Example(RoleFeatures.Vector(m.Candidate, m.Text, m.Unit, m.Heading), Array.IndexOf(RoleTrainingSet.Labels, m.Label))).ToList(),
            options ?? Options).Model;
        if (thresholds is { } t)
        {
            linear.Properties[ThresholdProperty] = t.Keep.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            linear.Properties[PromoteThresholdProperty] = t.Promote.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            // Written only when it differs from keep, so a model trained without it keeps its bytes.
            if (t.Swap != t.Keep) linear.Properties[SwapThresholdProperty] = t.Swap.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }
        return new(linear);
    }

    /// <summary>The label the model gives: the most probable one allowed for the mention's kind.</summary>
    public (string Label, double Probability) Predict(Candidate c, string text, IReadOnlyList<Candidate> unit, string? heading)
    {
        var p = Linear.Probabilities(RoleFeatures.Vector(c, text, unit, heading));
        int best = -1;
        for (int k = 0; k < p.Length; k++)
        {
            string label = Linear.Labels[k];
            if (!c.IsPercent && label == "percent") continue;
            if (best < 0 || p[k] > p[best]) best = k;
        }
        return (Linear.Labels[best], p[best]);
    }

    /// <summary>
    /// A ScoredRole for the assembler: the model's role where its probability reaches <see cref="Thresholds"/>,
    /// else the rules' (kept whole, with their deciding features); RoleScorer's percent/rate split is kept.
    /// </summary>
    public ScoredRole Score(Candidate c, string text, IReadOnlyList<Candidate> unit, string? heading, ScoredRole rules)
    {
        var (label, probability) = Predict(c, text, unit, heading);
        var (keep, promote, swap) = Thresholds;
        if (probability < RoleThreshold.For(label, Label(rules.Role), keep, promote, swap)) return rules;
        // A section about problems or next steps (SectionKind.Other) holds the bulletin's own bookkeeping (验收率 30%):
        // the model may give a figure there another role, never add one; the training pages have too few such sections.
        if (rules.Role == MentionRole.None && label != "none" && c.Cues.ContainsKey(OtherSection)) return rules;
        var role = label switch
        {
            "target" => MentionRole.Target,
            "actual" => MentionRole.Actual,
            "percent" => rules.Role == MentionRole.Rate ? MentionRole.Rate : MentionRole.Percent,
            _ => MentionRole.None,
        };
        return new ScoredRole(role, probability, [($"{Linear.Version} p", "", probability)]) { RunnerUp = (rules.Role, rules.Score) };
    }

    /// <summary>The rules' label of a mention, in the model's labels (rate counts as percent).</summary>
    public static string RulesLabel(Candidate c) => Label(RoleScorer.Default.Score(c).Role);

    private static string Label(MentionRole role) => role switch
    {
        MentionRole.Target => "target",
        MentionRole.Actual => "actual",
        MentionRole.Percent or MentionRole.Rate => "percent",
        _ => "none",
    };
}

/// <summary>The hook of the candidate path: the hand weights, or the learned model when it is switched on.</summary>
public static class RoleChoice
{
    /// <param name="unit">every candidate of the text unit, in order (the model reads the mention's neighbours).</param>
    /// <param name="heading">the heading of the unit's section.</param>
    public static ScoredRole Score(Candidate c, string text, IReadOnlyList<Candidate> unit, string? heading)
    {
        var rules = RoleScorer.Default.Score(c);
        return RoleModel.Enabled ? RoleModel.Default.Score(c, text, unit, heading, rules) : rules;
    }
}

/// <summary>Leave-one-document-out comparison of role scorers on the mention labels: macro-F1 and times.</summary>
public static class RoleComparison
{
    public sealed record Row(string Name, ClassificationReport All, ClassificationReport Loose, double TrainSeconds, double LoadMilliseconds, int Folds);

    public static double MacroF1(ClassificationReport r) => RoleTrainingSet.Labels.Average(r.F1);

    /// <summary>Leave-one-document-out: trains on all other documents, predicts the held-out one's mentions.</summary>
    /// <param name="documentFolds">0: one fold per document; N: N folds of whole documents (every N-th document in path order), for slow learners.</param>
    public static Row LeaveOneDocumentOut(string name, IReadOnlyList<LabeledMention> mentions,
        Func<IReadOnlyList<LabeledMention>, Func<LabeledMention, string>> train, int documentFolds = 0)
    {
        var all = new ClassificationReport();
        var loose = new ClassificationReport();
        double seconds = 0;
        var paths = mentions.Select(m => m.Path).Distinct().Order(StringComparer.Ordinal).Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var groups = mentions.Select(m => m.Source == RoleTrainingSet.SpecSource ? RoleTrainingSet.SpecSource
            : documentFolds > 0 ? (paths[m.Path] % documentFolds).ToString("D3") : m.Source + "/" + m.Doc).ToList();
        var folds = Folds.LeaveOneGroupOut(groups);
        foreach (var held in folds)
        {
            var heldSet = held.ToHashSet();
            // The spec cases train every fold and are never scored (they are not documents).
            if (mentions[held[0]].Source == RoleTrainingSet.SpecSource) continue;
            var training = mentions.Where((_, i) => !heldSet.Contains(i)).ToList();
            var watch = Stopwatch.StartNew();
            var predict = train(training);
            seconds += watch.Elapsed.TotalSeconds;
            foreach (int i in held)
            {
                string predicted = predict(mentions[i]);
                all.Add(mentions[i].Label, predicted);
                if (mentions[i].Loose) loose.Add(mentions[i].Label, predicted);
            }
        }
        return new Row(name, all, loose, seconds / Math.Max(1, folds.Count), 0, folds.Count);
    }

    public static IReadOnlyList<Row> Ours(IReadOnlyList<LabeledMention> mentions, string modelsDirectory, int documentFolds = 0)
    {
        var rules = LeaveOneDocumentOut("rules (role-weights.tsv)", mentions, _ => m => RoleModel.RulesLabel(m.Candidate), documentFolds);
        var lr = LeaveOneDocumentOut("own logistic regression", mentions, training =>
        {
            var model = RoleModel.Train(training);
            return m => model.Predict(m.Candidate, m.Text, m.Unit, m.Heading).Label;
        }, documentFolds);
        var path = Path.Combine(Path.GetTempPath(), $"role-{Environment.ProcessId}.model");
        RoleModel.Train(mentions).Linear.Save(path);
        var watch = Stopwatch.StartNew();
        RoleModel.Load(path);
        double load = watch.Elapsed.TotalMilliseconds;
        File.Delete(path);
        return [rules, lr with { LoadMilliseconds = load }];
    }

    public static IEnumerable<string> Table(IReadOnlyList<LabeledMention> mentions, IEnumerable<Row> rows)
    {
        var counts = RoleTrainingSet.Labels.Select(l => $"{l} {mentions.Count(m => m.Label == l)}");
        yield return $"{mentions.Count} mentions of {mentions.Select(m => m.Source + "/" + m.Doc).Distinct().Count()} documents ({string.Join(", ", counts)}); " +
                     $"{mentions.Count(m => m.Loose)} in units the candidate path reads";
        yield return "| scorer | macro-F1 (all mentions) | macro-F1 (candidate-path units) | F1 none/target/actual/percent | train s/fold | load ms |";
        yield return "|---|---|---|---|---|---|";
        foreach (var r in rows)
            yield return $"| {r.Name} | {MacroF1(r.All):0.000} | {MacroF1(r.Loose):0.000} | {string.Join("/", RoleTrainingSet.Labels.Select(l => r.All.F1(l).ToString("0.00")))} | " +
                         $"{(r.TrainSeconds > 0 ? r.TrainSeconds.ToString("0.00") : "-")} | {(r.LoadMilliseconds > 0 ? r.LoadMilliseconds.ToString("0.0") : "-")} |";
    }
}

/// <summary>
/// The confidence thresholds of the combination (the model where its probability reaches them, the hand weights
/// elsewhere), chosen by cross-validation: the training documents in <c>folds</c> folds of whole documents,
/// each fold's mentions predicted by a model trained without it, and the pair that gives the best macro-F1
/// on the real documents' mentions (study half and grown set: the genre that counts) wins; ties go to the lower ones.
/// Two thresholds, because the two ways to overrule the rules cost differently: promoting a number the rules
/// left out (none → a figure's role) adds a figure, the rest (a figure's number dropped, or its role changed) does not;
/// promoting needs at least the confidence keeping does.
/// </summary>
public static class RoleThreshold
{
    public static readonly double[] Grid = [0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01];

    public static bool IsReal(LabeledMention m) => m.Source is "study" or "grown";

    /// <summary>One held-out real mention: its gold label, the model's label and probability, the rules' label.</summary>
    public sealed record Prediction(LabeledMention Mention, string Model, double Probability, string Rules);

    /// <summary>
    /// The probability the model needs to decide: promote where it would add a number the rules leave out, swap where
    /// it reads a target the rules read as an actual or the other way round (no figure gained or lost, one field), else keep.
    /// </summary>
    public static double For(string model, string rules, double keep, double promote, double swap) =>
        rules == "none" && model != "none" ? promote : IsSwap(model, rules) ? swap : keep;

    private static bool IsSwap(string model, string rules) => model != rules && model is "target" or "actual" && rules is "target" or "actual";

    /// <summary>Keep and promote alone (swap = keep), as the mention-level search chooses them.</summary>
    public static double For(string model, string rules, double keep, double promote) => For(model, rules, keep, promote, keep);

    /// <summary>The combination's label: the model's where its probability reaches <see cref="For"/>, else the rules'.</summary>
    public static string Combine(string model, double probability, string rules, double keep, double promote) =>
        probability >= For(model, rules, keep, promote) ? model : rules;

    /// <summary>Every real mention of the training documents predicted by a model trained without its fold.</summary>
    public static List<Prediction> CrossValidate(IReadOnlyList<LabeledMention> mentions, int folds = 5)
    {
        var predicted = new List<Prediction>();
        for (int k = 0; k < folds; k++)
        {
            var held = RoleTrainingSet.Fold(mentions, k, folds);
            var model = RoleModel.Train(mentions.Where(m => !held.Contains(m.Path)).ToList());
            foreach (var m in mentions.Where(m => held.Contains(m.Path) && IsReal(m)))
            {
                var (label, p) = model.Predict(m.Candidate, m.Text, m.Unit, m.Heading);
                predicted.Add(new(m, label, p, RoleModel.RulesLabel(m.Candidate)));
            }
        }
        return predicted;
    }

    public sealed record Point(double Keep, double Promote, double MacroF1);

    public static (double Keep, double Promote, IReadOnlyList<Point> Curve) Choose(IReadOnlyList<Prediction> predicted)
    {
        // Promoting is never easier than keeping: a promoted number is a new figure, and end to end the model's losses
        // are precision (more predictions for as many right), so the pair is searched with promote ≥ keep.
        var curve = Grid.SelectMany(keep => Grid.Where(promote => promote >= keep).Select(promote =>
        {
            var report = new ClassificationReport();
            foreach (var x in predicted) report.Add(x.Mention.Label, Combine(x.Model, x.Probability, x.Rules, keep, promote));
            return new Point(keep, promote, RoleComparison.MacroF1(report));
        })).ToList();
        double best = curve.Max(c => c.MacroF1);
        var chosen = curve.First(c => c.MacroF1 >= best - 1e-12);
        return (chosen.Keep, chosen.Promote, curve);
    }
}
