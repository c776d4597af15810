using System.Diagnostics;
using BulletinIngest.Learning.RoleModel;
using Microsoft.ML;
using Microsoft.ML.Data;

/// <summary>
/// `roles`: the role model's leave-one-document-out comparison (issue 10) over the training documents (samples,
/// dev, real study, grown): the hand weights, our logistic regression, ML.NET LightGbm and FastTree (one-vs-all)
/// on the same feature names (a vocabulary of the names, one 0/1 column each), macro-F1 of none/target/actual/percent,
/// training time per fold and load time of the saved model.
/// </summary>
static class RolesBench
{
    private sealed class Row
    {
        [VectorType] public float[] Features { get; set; } = [];
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";
    }

    public static int Run(string repo, string[] args)
    {
        Directory.SetCurrentDirectory(repo);
        var mentions = RoleTrainingSet.Build(RoleTrainingSet.TrainingSources(repo));
        var names = mentions.Select(m => RoleFeatures.Names(m.Candidate, m.Text, m.Unit, m.Heading).Distinct().ToArray()).ToList();
        var vocabulary = names.SelectMany(n => n).Distinct().Order(StringComparer.Ordinal).Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var rowOf = mentions.Select((m, i) => (m, i)).ToDictionary(x => x.m, x =>
        {
            var v = new float[vocabulary.Count];
            foreach (var n in names[x.i]) v[vocabulary[n]] = 1;
            return new Row { Features = v, Label = x.m.Label };
        });
        Console.WriteLine($"{vocabulary.Count} feature names as columns");
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Count);

        Func<IReadOnlyList<LabeledMention>, Func<LabeledMention, string>> Trainer(Func<IEstimator<ITransformer>> make) => training =>
        {
            var data = ml.Data.LoadFromEnumerable(training.Select(m => rowOf[m]), schema);
            var model = make().Fit(data);
            var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model, inputSchemaDefinition: schema);
            return m => Allowed(m, engine.Predict(rowOf[m]).PredictedLabel);
        };
        IEstimator<ITransformer> Pipeline(IEstimator<ITransformer> trainer) =>
            ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
                .Append(trainer).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var candidates = new List<(string Name, Func<IEstimator<ITransformer>> Make)>
        {
            ("ML.NET LightGbm", () => Pipeline(ml.MulticlassClassification.Trainers.LightGbm(numberOfLeaves: 15, minimumExampleCountPerLeaf: 5, numberOfIterations: 100))),
        };
        if (!args.Contains("--no-fasttree"))
            candidates.Add(("ML.NET FastTree (one-vs-all)", () => Pipeline(ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 15, minimumExampleCountPerLeaf: 5, numberOfTrees: 100)))));

        // --folds N: N folds of whole documents instead of one per document (the tree learners are slow on 2 loaded cores).
        int folds = args.SkipWhile(a => a != "--folds").Skip(1).Select(int.Parse).FirstOrDefault();
        Console.WriteLine(folds > 0 ? $"{folds} folds of whole documents" : "leave-one-document-out");
        var rows = RoleComparison.Ours(mentions, Path.GetTempPath(), folds).ToList();
        foreach (var line in RoleComparison.Table(mentions, rows)) Console.WriteLine(line);
        foreach (var (name, make) in candidates)
        {
            var row = RoleComparison.LeaveOneDocumentOut(name, mentions, Trainer(make), folds);
            // Load time: the model trained on everything, saved as ML.NET saves it, loaded back.
            var all = ml.Data.LoadFromEnumerable(mentions.Select(m => rowOf[m]), schema);
            var model = make().Fit(all);
            string path = Path.Combine(Path.GetTempPath(), $"roles-{Environment.ProcessId}.zip");
            ml.Model.Save(model, all.Schema, path);
            var watch = Stopwatch.StartNew();
            var loaded = ml.Model.Load(path, out _);
            ml.Model.CreatePredictionEngine<Row, Prediction>(loaded, inputSchemaDefinition: schema).Predict(rowOf[mentions[0]]);
            double load = watch.Elapsed.TotalMilliseconds;
            Console.Error.WriteLine($"{name}: model file {new FileInfo(path).Length / 1024} KiB");
            File.Delete(path);
            rows.Add(row with { LoadMilliseconds = load });
            Console.WriteLine(RoleComparison.Table(mentions, [rows[^1]]).Last());
        }
        foreach (var line in RoleComparison.Table(mentions, rows)) Console.WriteLine(line);
        return 0;
    }

    /// <summary>An amount is never a percent: the same constraint the own model applies.</summary>
    private static string Allowed(LabeledMention m, string label) => !m.Candidate.IsPercent && label == "percent" ? "none" : label;
}
