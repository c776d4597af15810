using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Evaluation;
using BulletinIngest.Learning;
using BulletinIngest.Reading;

namespace BulletinIngest.Bench;

/// <summary>
/// `clause-filter [LABELS_DIR] [dropped]`: extraction precision and recall on each labeled bulletin without and
/// with the clause classifier, the classifier trained on the other bulletins only (leave-one-document-out),
/// scored with score.py's rules.
/// `clause-filter LABELS_DIR --heldout HELD_LABELS_DIR HELD_BULLETINS_DIR`: the classifier trained on all of
/// LABELS_DIR, measured on a held-out set (aggregate numbers only: the set must not be used for tuning).
/// </summary>
public static class ClauseFilterBenchmark
{
    public static int Run(string[] args)
    {
        var training = LabeledCorpus.At(args.ElementAtOrDefault(0) ?? Path.Combine("corpus", "labels"));
        var clauses = ClauseTrainingSet.Build(training);
        int heldout = Array.IndexOf(args, "--heldout");
        var corpus = heldout < 0 ? training : new LabeledCorpus(args[heldout + 1], args[heldout + 2]);
        var gold = ScoredFigure.Load(Path.Combine(corpus.LabelsDirectory, "figures.jsonl"));
        ClauseClassifier? trainedOnAll = null;
        if (heldout >= 0)
        {
            trainedOnAll = new ClauseClassifier(ClauseClassifier.Train(clauses).Model);
            var report = new ClassificationReport();
            foreach (var clause in ClauseTrainingSet.Build(corpus))
                report.Add(clause.Keep ? "keep" : "drop", trainedOnAll.Predict(clause.Clause.Text, clause.Clause.Heading).Keep ? "keep" : "drop");
            Console.WriteLine($"clause classifier on {report.Total} held-out clauses: F1(keep) {report.F1("keep"):0.000}  " +
                              $"P {report.Precision("keep"):0.000}  R {report.Recall("keep"):0.000}  accuracy {report.Accuracy:0.000}");
        }
        var variants = new (string Name, ClauseFilterScope Scope, double Threshold)[]
        {
            ("optional figures, p>=0.5", ClauseFilterScope.Optional, 0.5),
            ("all figures, p>=0.5", ClauseFilterScope.All, 0.5),
            ("all figures, p>=0.3", ClauseFilterScope.All, 0.3),
            ("all figures, p>=0.2", ClauseFilterScope.All, 0.2),
        };
        var baseline = new List<ScoredFigure>();
        var filtered = variants.Select(_ => new List<ScoredFigure>()).ToArray();
        var extractor = new BulletinExtractor();
        foreach (var document in corpus.Documents())
        {
            var text = new TxtReader().Read(File.ReadAllBytes(corpus.BulletinPath(document.Doc)));
            var held = trainedOnAll ?? new ClauseClassifier(ClauseClassifier.Train(clauses.Where(c => c.Doc != document.Doc).ToList()).Model);
            baseline.AddRange(Scored(document.Doc, extractor.Extract(text, document.Doc)));
            for (int v = 0; v < variants.Length; v++)
            {
                var filter = new ClauseFilterExtractor(extractor, held, variants[v].Scope, variants[v].Threshold);
                filtered[v].AddRange(Scored(document.Doc, filter.Extract(text, document.Doc)));
            }
        }
        Print("without the clause classifier", FigureScorer.Score(gold, baseline).Summary, baseline.Count, baseline.Count(f => f.Optional));
        for (int v = 0; v < variants.Length; v++)
            Print(variants[v].Name, FigureScorer.Score(gold, filtered[v]).Summary, filtered[v].Count, filtered[v].Count(f => f.Optional));
        if (args.Contains("dropped") && heldout < 0)
        {
            var kept = filtered[0].Select(f => (f.Doc, f.Project, f.Indicator, f.Actual, f.Target, f.Percent)).ToHashSet();
            foreach (var f in baseline.Where(f => !kept.Contains((f.Doc, f.Project, f.Indicator, f.Actual, f.Target, f.Percent))))
                Console.WriteLine($"  dropped {f.Doc[..3]} {f.Region} | {f.Project} | {f.Indicator} | {f.Actual ?? f.Target ?? f.Percent}");
        }
        return 0;
    }

    private static void Print(string name, ScoreSummary s, int figures, int optional) =>
        Console.WriteLine($"{name,-30} figures {figures,4} ({optional,3} optional)  scored {s.Predicted,4}  matched {s.Matched,4}  " +
                          $"precision {s.Precision:0.000}  recall {s.Recall:0.000}  F1 {s.F1:0.000}");

    private static IEnumerable<ScoredFigure> Scored(string doc, ExtractionResult result) => result.Figures.Select(f => new ScoredFigure
    {
        Doc = doc, Region = f.Region, Project = f.Project, Indicator = f.Indicator, Target = f.Target, Actual = f.Actual,
        Percent = f.Percent, Unit = f.Unit, Optional = f.Optional, Inconsistent = f.Inconsistent,
    });
}
