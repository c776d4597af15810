using BulletinIngest.Extraction;

namespace BulletinIngest.Learning;

/// <summary>A figure's canonical project (null: none fits), who decided it ("catalog" or the model version) and how sure.</summary>
public sealed record ProjectMapping(string? CanonicalId, string DecidedBy, double Confidence);

/// <summary>
/// Assigns canonical project ids: the catalog's keywords first (in the indicator, then the project name),
/// the project classifier where keywords do not decide, and no project when the classifier is below the
/// confidence threshold or answers "none".
/// <code>
/// var mapper = ProjectMapper.Load();            // catalog + project.model from models/
/// figure = mapper.Apply(figure);                // at ingest, or `bulletin remap` later
/// </code>
/// </summary>
public sealed class ProjectMapper(ProjectCatalog catalog, ProjectClassifier? classifier, double threshold = ProjectMapper.DefaultThreshold)
{
    public const double DefaultThreshold = 0.35;
    public const string CatalogDecider = "catalog";

    public ProjectCatalog Catalog { get; } = catalog;
    public ProjectClassifier? Classifier { get; } = classifier;

    /// <summary>The catalog and, when the file exists, the trained project classifier from the models folder.</summary>
    public static ProjectMapper Load(string? modelsDirectory = null, double threshold = DefaultThreshold)
    {
        modelsDirectory ??= ModelFiles.Directory;
        var catalog = ProjectCatalog.Load(Path.Combine(modelsDirectory, ProjectCatalog.FileName));
        string modelPath = Path.Combine(modelsDirectory, ProjectClassifier.FileName);
        return new ProjectMapper(catalog, File.Exists(modelPath) ? ProjectClassifier.Load(modelPath) : null, threshold);
    }

    public ProjectMapping Map(string project, string indicator, string? unit = null)
    {
        var byKeyword = Catalog.MatchKeyword(indicator) ?? Catalog.MatchKeyword(project);
        if (byKeyword is not null) return new ProjectMapping(byKeyword, CatalogDecider, 1.0);
        if (Classifier is null) return new ProjectMapping(null, CatalogDecider, 1.0);
        var (label, probability) = Classifier.Predict(project, indicator, unit);
        bool fits = label != ProjectClassifier.NoProject && probability >= threshold;
        return new ProjectMapping(fits ? label : null, Classifier.Version, probability);
    }

    /// <summary>The figure with its canonical project, and the model's version and confidence where the model decided.</summary>
    public Figure Apply(Figure figure)
    {
        var mapping = Map(figure.Project, figure.Indicator, figure.Unit);
        var (decidedBy, confidence) = Deciders.Record(figure.DecidedBy, figure.Confidence, mapping);
        return figure with { CanonicalProjectId = mapping.CanonicalId, DecidedBy = decidedBy, Confidence = confidence };
    }
}

/// <summary>
/// The figures.decided_by value lists who decided about a figure, joined by '+': "rules" or the clause
/// model's version (kept the figure), then the project model's version when it chose the canonical project
/// ("rules+project-1.3fa9c2e1b0"), or "analyst" when an analyst set it with `bulletin label`.
/// confidence is the project model's where only rules kept the figure, else the clause model's.
/// </summary>
public static class Deciders
{
    public const string Analyst = "analyst";

    public static bool IsAnalystMapping(string decidedBy) => decidedBy.Split('+').Contains(Analyst);

    public static (string DecidedBy, double? Confidence) Record(string decidedBy, double? confidence, ProjectMapping mapping)
    {
        var keepers = decidedBy.Split('+', StringSplitOptions.RemoveEmptyEntries).Where(d => !IsMappingDecider(d)).ToList();
        if (keepers.Count == 0) keepers.Add("rules");
        // Where only rules kept the figure, the confidence column belongs to whoever chose the project.
        bool ruleKept = keepers.All(k => k == "rules");
        double? keepConfidence = ruleKept ? null : confidence;
        if (mapping.DecidedBy == ProjectMapper.CatalogDecider) return (string.Join('+', keepers), keepConfidence);
        keepers.Add(mapping.DecidedBy);
        return (string.Join('+', keepers), ruleKept ? mapping.Confidence : keepConfidence);
    }

    private static bool IsMappingDecider(string decider) =>
        decider == Analyst || decider.StartsWith(ProjectClassifier.Kind + "-", StringComparison.Ordinal);
}
