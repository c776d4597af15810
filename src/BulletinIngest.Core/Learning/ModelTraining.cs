using System.Diagnostics;

namespace BulletinIngest.Learning;

/// <summary>What one training run measured and wrote.</summary>
public sealed record TrainingReport(
    int ClauseExamples, int ClauseKeep, ClassificationReport ClauseLeaveOneDocumentOut,
    IReadOnlyList<(string Doc, ClassificationReport Report)> ClauseByDocument,
    int ProjectExamples, int ProjectClasses, int ProjectFolds, ClassificationReport ProjectCrossValidated,
    int KeywordDecided, int KeywordCorrect,
    string ClauseModelPath, string ClauseVersion, string ProjectModelPath, string ProjectVersion,
    TimeSpan ClauseTrainingTime, TimeSpan ProjectTrainingTime, TimeSpan CrossValidationTime);

/// <summary>
/// `bulletin train`: cross-validates and trains the clause classifier and the project classifier from the
/// labeled corpus and the catalog, and writes both model files. Same inputs and seed → byte-identical files.
/// </summary>
public static class ModelTraining
{
    public const int ProjectFolds = 5;

    public static TrainingReport Run(LabeledCorpus corpus, ProjectCatalog catalog, string outputDirectory, TrainerOptions? options = null)
    {
        options ??= new TrainerOptions();
        var clock = Stopwatch.StartNew();
        var clauses = ClauseTrainingSet.Build(corpus);
        if (clauses.Count == 0) throw new InvalidOperationException($"no labeled clauses: are the bulletins of {corpus.LabelsDirectory} in {corpus.BulletinsDirectory}?");
        var names = ProjectTrainingSet.Read(corpus);

        var (clauseReport, byDocument) = ClauseClassifier.LeaveOneDocumentOut(clauses, options);
        var projectReport = ProjectClassifier.CrossValidate(names, catalog, ProjectFolds, options);
        var crossValidation = clock.Elapsed;

        clock.Restart();
        var clauseModel = ClauseClassifier.Train(clauses, options).Model;
        string clausePath = Path.Combine(outputDirectory, ClauseClassifier.FileName);
        clauseModel.Save(clausePath);
        var clauseTime = clock.Elapsed;

        clock.Restart();
        var projectModel = ProjectClassifier.Train(names, catalog, options).Model;
        string projectPath = Path.Combine(outputDirectory, ProjectClassifier.FileName);
        projectModel.Save(projectPath);
        var projectTime = clock.Elapsed;

        var keywordDecisions = names.Select(n => (n.Label, Id: catalog.MatchKeyword(n.Indicator) ?? catalog.MatchKeyword(n.Project)))
            .Where(x => x.Id is not null).ToList();
        return new TrainingReport(
            clauses.Count, clauses.Count(c => c.Keep), clauseReport, byDocument,
            names.Count, names.Select(n => n.Label).Distinct().Count(), ProjectFolds, projectReport,
            keywordDecisions.Count, keywordDecisions.Count(x => x.Id == x.Label),
            clausePath, clauseModel.Version, projectPath, projectModel.Version,
            clauseTime, projectTime, crossValidation);
    }
}
