namespace BulletinIngest.Learning;

/// <summary>A name to learn from: a figure's project and indicator (and unit), and the canonical id it belongs to ("none" for no project).</summary>
public sealed record ProjectExample(string Project, string Indicator, string? Unit, string Label, string Group = "");

/// <summary>
/// Guesses the canonical project of a figure from its project and indicator names where the catalog's
/// keywords do not decide. Features: character 1–3-grams of the indicator and of the project name, and the unit.
/// </summary>
public sealed class ProjectClassifier
{
    public const string FileName = "project.model";
    public const string Kind = "project";
    public const string FeatureSet = "project-features-1";
    public const string NoProject = "none";
    public const int Dimension = 1 << 15;

    private readonly LinearModel _model;
    private readonly FeatureHasher _hasher;

    public ProjectClassifier(LinearModel model)
    {
        if (model.Kind != Kind || model.FeatureSet != FeatureSet)
            throw new InvalidDataException($"{model.Version} is a {model.Kind} model with {model.FeatureSet}; expected {Kind} with {FeatureSet}");
        _model = model;
        _hasher = new FeatureHasher(model.Dimension);
    }

    public string Version => _model.Version;
    public IReadOnlyList<string> Labels => _model.Labels;

    public static ProjectClassifier Load(string? path = null) => new(LinearModel.Load(path ?? ModelFiles.PathOf(FileName)));

    public (string Label, double Probability) Predict(string project, string indicator, string? unit) =>
        _model.Predict(Vectorize(_hasher, project, indicator, unit));

    public static IEnumerable<string> Features(string project, string indicator, string? unit)
    {
        string i = ProjectCatalog.Normalize(indicator), p = ProjectCatalog.Normalize(project);
        for (int n = 1; n <= 3; n++)
        {
            foreach (var gram in TextSimilarity.CharGrams(i, n)) yield return $"i{n}:{gram}";
            foreach (var gram in TextSimilarity.CharGrams(p, n)) yield return $"p{n}:{gram}";
        }
        if (!string.IsNullOrEmpty(unit)) yield return "u:" + unit;
    }

    private static SparseVector Vectorize(FeatureHasher hasher, string project, string indicator, string? unit) =>
        hasher.Vectorize(Features(project, indicator, unit));

    /// <summary>Trains on the labeled names plus, as extra examples, every catalog entry's name and keywords.</summary>
    public static TrainingResult Train(IReadOnlyList<ProjectExample> examples, ProjectCatalog catalog, TrainerOptions? options = null)
    {
        var all = examples.Concat(CatalogExamples(catalog)).ToList();
        var labels = all.Select(e => e.Label).Append(NoProject).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        var hasher = new FeatureHasher(Dimension);
        var vectors = all.Select(e => new Example(Vectorize(hasher, e.Project, e.Indicator, e.Unit), index[e.Label])).ToList();
        return LogisticRegressionTrainer.Train(Kind, FeatureSet, labels, Dimension, vectors, options);
    }

    public static IEnumerable<ProjectExample> CatalogExamples(ProjectCatalog catalog) => catalog.Entries
        .SelectMany(e => e.Keywords.Append(e.Name).Select(name => (e.Id, name)))
        .Distinct()
        .Select(x => new ProjectExample(x.name, x.name, null, x.Id, "catalog"));

    /// <summary>Stratified k-fold accuracy of the classifier alone (keywords not used) on the labeled names.</summary>
    public static ClassificationReport CrossValidate(IReadOnlyList<ProjectExample> examples, ProjectCatalog catalog, int k, TrainerOptions? options = null)
    {
        options ??= new TrainerOptions();
        var report = new ClassificationReport();
        foreach (var testIndices in Folds.StratifiedKFold(examples.Select(e => e.Label).ToList(), k, options.Seed))
        {
            var held = testIndices.ToHashSet();
            var classifier = new ProjectClassifier(Train(examples.Where((_, i) => !held.Contains(i)).ToList(), catalog, options).Model);
            foreach (int i in testIndices)
                report.Add(examples[i].Label, classifier.Predict(examples[i].Project, examples[i].Indicator, examples[i].Unit).Label);
        }
        return report;
    }
}
