using BulletinIngest.Segmentation;

namespace BulletinIngest.Learning;

/// <summary>
/// The clause classifier's answer: keep the clause's numbers as a progress figure or not; Confidence is the
/// probability of the answer given (0.5–1 at the default threshold), KeepProbability that of "keep".
/// </summary>
public readonly record struct ClauseDecision(bool Keep, double Confidence, double KeepProbability);

/// <summary>
/// Decides whether a number-bearing clause reports a named project's progress or target (keep) or is
/// narrative — a job fair's visitor count, a meeting date, news reports uploaded (drop).
/// <code>
/// var classifier = ClauseClassifier.Load();          // models/clause.model, once
/// var decision = classifier.Predict(clause, heading); // per clause
/// </code>
/// </summary>
public sealed class ClauseClassifier
{
    public const string FileName = "clause.model";
    public const string Kind = "clause";
    public const int Dimension = 1 << 18;
    public static readonly string[] Labels = ["drop", "keep"];

    private readonly LinearModel _model;
    private readonly FeatureHasher _hasher;
    private readonly int _keep;

    public ClauseClassifier(LinearModel model)
    {
        if (model.Kind != Kind || model.FeatureSet != ClauseFeatures.SetName)
            throw new InvalidDataException($"{model.Version} is a {model.Kind} model with {model.FeatureSet}; expected {Kind} with {ClauseFeatures.SetName}");
        _model = model;
        _hasher = new FeatureHasher(model.Dimension);
        _keep = model.LabelIndex("keep");
    }

    /// <summary>The model file's version, stored with each figure the model decided.</summary>
    public string Version => _model.Version;

    public static ClauseClassifier Load(string? path = null) => new(LinearModel.Load(path ?? ModelFiles.PathOf(FileName)));

    /// <summary>Keep when the probability of "keep" is at least <paramref name="threshold"/>.</summary>
    public ClauseDecision Predict(string clause, string? sectionHeading, double threshold = 0.5)
    {
        double keep = _model.Probabilities(Vectorize(_hasher, clause, sectionHeading))[_keep];
        bool decision = keep >= threshold;
        return new ClauseDecision(decision, decision ? keep : 1 - keep, keep);
    }

    public static SparseVector Vectorize(FeatureHasher hasher, string clause, string? heading) =>
        hasher.Vectorize(ClauseFeatures.Extract(clause, heading, Words));

    /// <summary>The clause's words by the jieba segmenter with the domain dictionary (loaded once per process).</summary>
    private static IEnumerable<string> Words(string clause) => JiebaSegmenter.Load().Cut(clause).Select(t => t.Text);

    /// <summary>
    /// Trains on the clauses as they come: not class-balanced, since most number-bearing clauses of a bulletin
    /// do report progress and the extraction must not lose them (balancing lowered recall in leave-one-document-out).
    /// </summary>
    public static TrainingResult Train(IReadOnlyList<LabeledClause> examples, TrainerOptions? options = null)
    {
        var hasher = new FeatureHasher(Dimension);
        var vectors = examples
            .Select(e => new Example(Vectorize(hasher, e.Clause.Text, e.Clause.Heading), e.Keep ? 1 : 0))
            .ToList();
        return LogisticRegressionTrainer.Train(Kind, ClauseFeatures.SetName, Labels, Dimension, vectors, (options ?? new TrainerOptions()) with { BalanceClasses = false });
    }

    /// <summary>
    /// Leave-one-document-out: each document's clauses judged by a model trained on the other documents.
    /// Returns the pooled measures and each document's own.
    /// </summary>
    public static (ClassificationReport Overall, IReadOnlyList<(string Doc, ClassificationReport Report)> ByDocument)
        LeaveOneDocumentOut(IReadOnlyList<LabeledClause> examples, TrainerOptions? options = null)
    {
        var overall = new ClassificationReport();
        var byDocument = new List<(string, ClassificationReport)>();
        foreach (var testIndices in Folds.LeaveOneGroupOut(examples.Select(e => e.Doc).ToList()))
        {
            var held = testIndices.ToHashSet();
            var training = examples.Where((_, i) => !held.Contains(i)).ToList();
            if (training.Select(e => e.Keep).Distinct().Count() < 2) continue;
            var classifier = new ClauseClassifier(Train(training, options).Model);
            var report = new ClassificationReport();
            foreach (int i in testIndices)
            {
                string gold = Label(examples[i].Keep), predicted = Label(classifier.Predict(examples[i].Clause.Text, examples[i].Clause.Heading).Keep);
                report.Add(gold, predicted);
                overall.Add(gold, predicted);
            }
            byDocument.Add((examples[testIndices[0]].Doc, report));
        }
        return (overall, byDocument);
    }

    private static string Label(bool keep) => keep ? "keep" : "drop";
}
