using BulletinIngest.Learning;

namespace BulletinIngest.Bench;

/// <summary>
/// `learning [LABELS_DIR] [errors]`: training time of both classifiers, model load and prediction time,
/// and the clause classifier's leave-one-document-out mistakes when "errors" is given.
/// </summary>
public static class LearningBenchmark
{
    public static int Run(string[] args)
    {
        string labels = args.FirstOrDefault(a => a != "errors") ?? Path.Combine("corpus", "labels");
        var corpus = LabeledCorpus.At(labels);
        var catalog = ProjectCatalog.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(labels))!, "..", "models", ProjectCatalog.FileName));
        var (clauses, buildTime) = Measure.Time(() => ClauseTrainingSet.Build(corpus));
        var names = ProjectTrainingSet.Read(corpus);
        Console.WriteLine($"clause training set: {clauses.Count} clauses from {clauses.Select(c => c.Doc).Distinct().Count()} documents in {buildTime.TotalMilliseconds:0} ms");

        var (clauseModel, clauseTime) = Measure.Time(() => ClauseClassifier.Train(clauses).Model);
        var (projectModel, projectTime) = Measure.Time(() => ProjectClassifier.Train(names, catalog).Model);
        Console.WriteLine($"train clause model: {clauseTime.TotalMilliseconds:0} ms; project model: {projectTime.TotalMilliseconds:0} ms");

        string folder = Path.Combine(Path.GetTempPath(), "bulletin-learning-bench");
        Directory.CreateDirectory(folder);
        string clausePath = Path.Combine(folder, ClauseClassifier.FileName), projectPath = Path.Combine(folder, ProjectClassifier.FileName);
        clauseModel.Save(clausePath);
        projectModel.Save(projectPath);
        ClauseClassifier.Load(clausePath); // first load pays JIT; measure the next
        ProjectClassifier.Load(projectPath);
        // Best of five: the machine is shared, and the best run is the cost of loading itself.
        var (clauseClassifier, clauseLoad) = BestOf(5, () => ClauseClassifier.Load(clausePath));
        var (projectClassifier, projectLoad) = BestOf(5, () => ProjectClassifier.Load(projectPath));
        Console.WriteLine($"load clause model ({new FileInfo(clausePath).Length / 1024} KiB): {clauseLoad.TotalMilliseconds:0.0} ms; " +
                          $"project model ({new FileInfo(projectPath).Length / 1024} KiB): {projectLoad.TotalMilliseconds:0.0} ms");

        var (_, predictTime) = Measure.Time(() => clauses.Count(c => clauseClassifier.Predict(c.Clause.Text, c.Clause.Heading).Keep));
        var mapper = new ProjectMapper(catalog, projectClassifier);
        var (_, mapTime) = Measure.Time(() => names.Count(n => mapper.Map(n.Project, n.Indicator, n.Unit).CanonicalId is not null));
        Console.WriteLine($"predict: {predictTime.TotalMicroseconds / clauses.Count:0} µs per clause; map: {mapTime.TotalMicroseconds / names.Count:0} µs per figure name");
        Console.WriteLine($"peak memory {Measure.PeakMemoryMb():0} MB");

        // How much the catalog's names and keywords, given to the project model as extra examples, help it.
        var withCatalog = ProjectClassifier.CrossValidate(names, catalog, ModelTraining.ProjectFolds);
        var withoutCatalog = ProjectClassifier.CrossValidate(names, new ProjectCatalog([]), ModelTraining.ProjectFolds);
        Console.WriteLine($"project model {ModelTraining.ProjectFolds}-fold accuracy: {withCatalog.Accuracy:0.000} with catalog names as extra examples, {withoutCatalog.Accuracy:0.000} from the labeled names alone");

        if (args.Contains("errors")) PrintErrors(clauses);
        return 0;
    }

    private static (T Result, TimeSpan Elapsed) BestOf<T>(int runs, Func<T> work) =>
        Enumerable.Range(0, runs).Select(_ => Measure.Time(work)).MinBy(r => r.Elapsed);

    private static void PrintErrors(IReadOnlyList<LabeledClause> clauses)
    {
        var report = new ClassificationReport();
        var probabilities = new List<(bool Keep, double P)>();
        foreach (var doc in clauses.Select(c => c.Doc).Distinct())
        {
            var classifier = new ClauseClassifier(ClauseClassifier.Train(clauses.Where(c => c.Doc != doc).ToList()).Model);
            foreach (var clause in clauses.Where(c => c.Doc == doc))
            {
                var decision = classifier.Predict(clause.Clause.Text, clause.Clause.Heading);
                report.Add(clause.Keep ? "keep" : "drop", decision.Keep ? "keep" : "drop");
                probabilities.Add((clause.Keep, decision.KeepProbability));
                if (decision.Keep == clause.Keep) continue;
                Console.WriteLine($"{doc[..3]} gold {(clause.Keep ? "keep" : "drop")} p(keep) {decision.KeepProbability:0.00} [{clause.Clause.Heading}] {clause.Clause.Text}");
            }
        }
        Console.WriteLine($"leave-one-document-out F1(keep) {report.F1("keep"):0.000} P {report.Precision("keep"):0.000} R {report.Recall("keep"):0.000}");
        foreach (double threshold in new[] { 0.1, 0.2, 0.3, 0.4, 0.5 })
        {
            var atThreshold = new ClassificationReport();
            foreach (var (keep, p) in probabilities) atThreshold.Add(keep ? "keep" : "drop", p >= threshold ? "keep" : "drop");
            Console.WriteLine($"  keep when p(keep) >= {threshold:0.0}: F1 {atThreshold.F1("keep"):0.000} P {atThreshold.Precision("keep"):0.000} R {atThreshold.Recall("keep"):0.000}, drops {atThreshold.Count("drop", "drop")} of {report.Count("drop", "drop") + report.Count("drop", "keep")} narrative clauses");
        }
    }
}
