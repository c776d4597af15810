using System.CommandLine;
using BulletinIngest.Learning;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin train`: trains the clause and project classifiers from the labeled corpus.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels")
        {
            Description = "Folder of labels: documents.jsonl, figures.jsonl, clause_labels.tsv, project_labels.tsv",
            DefaultValueFactory = _ => Path.Combine("corpus", "labels"),
        };
        var bulletins = new Option<string?>("--bulletins") { Description = "Folder of the labeled bulletins' text (default: LABELS/../bulletins/txt)" };
        var catalog = new Option<string>("--catalog")
        {
            Description = "The project catalog TSV",
            DefaultValueFactory = _ => Path.Combine("models", ProjectCatalog.FileName),
        };
        var output = new Option<string>("--out") { Description = "Folder to write clause.model and project.model to", DefaultValueFactory = _ => "models" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the example order", DefaultValueFactory = _ => new TrainerOptions().Seed };
        var roles = new Option<bool>("--roles")
        {
            Description = "Train only the role model (models/role.model) from the mention labels of samples, dev, real study and grown, "
                + "printing the leave-one-document-out comparison with the hand weights",
        };
        var grouping = new Option<bool>("--grouping")
        {
            Description = "Train only the grouping model (models/grouping.model: are two mentions of a sentence one figure's?) from the pairs "
                + "of the role model's mention labels, printing its 5-fold pair-level scores; with --holdout, --threshold (one probability) as for --roles",
        };
        var kind = new Option<bool>("--kind")
        {
            Description = "Train only the kind model (models/kind.model: plan or bulletin, from the cues of models/rules/kind-cues.tsv) from every "
                + "labelled document's kind, printing its leave-one-document-out and leave-set-out accuracy and the documents it gets wrong",
        };
        var holdout = new Option<string?>("--holdout")
        {
            Description = "With --roles or --grouping: K/N leaves out fold K of N of the training documents and writes their paths to OUT/heldout.txt "
                + "(cross-fitted end-to-end scoring, scripts/score_roles.sh); P1,P2… leaves out the documents whose file names start so "
                + "(whole sets: GK,GL, a first contact); no comparison is printed",
        };
        var mentions = new Option<string?>("--mentions")
        {
            Description = "With --roles: write the cross-validated prediction of every real training mention to this TSV "
                + "(gold label, rules, model, probability, section, heading, clause), to study where the model and the rules disagree; "
                + "with --kind: each labelled document's leave-set-out P(plan) (set, document, kind, P), what scripts/kind_policy.sh bands",
        };
        var threshold = new Option<string?>("--threshold")
        {
            Description = "With --roles: the combination's thresholds, KEEP, KEEP,PROMOTE or KEEP,PROMOTE,SWAP (target read as actual or back), instead of the ones the mention-level "
                + "cross-validation picks (the shipped model's come from the end-to-end cross-fitted scores of scripts/score_roles.sh; docs/learning.md)",
        };
        var command = new Command("train", """
            Train the clause classifier (does a number-bearing clause report progress?) and the project classifier
            (which canonical project is a figure about?) from the labeled corpus, print their cross-validated
            accuracy, and write the model files. The same labels and seed give byte-identical files.

            Examples:
              bulletin train
              bulletin train --labels corpus/labels --out models --seed 7
              bulletin train --roles
              bulletin train --grouping
              bulletin train --kind
            """) { labels, bulletins, catalog, output, seed, roles, grouping, kind, holdout, mentions, threshold };
        command.SetAction(result => CommonOptions.Guard(() => result.GetValue(kind) ? RunKind(result.GetValue(output)!, result.GetValue(mentions)) : result.GetValue(grouping) ? RunGrouping(result.GetValue(output)!, result.GetValue(holdout), result.GetValue(threshold))
            : result.GetValue(roles) ? RunRoles(result.GetValue(output)!, result.GetValue(holdout), result.GetValue(mentions), result.GetValue(threshold)) : Run(
            result.GetValue(labels)!, result.GetValue(bulletins), result.GetValue(catalog)!, result.GetValue(output)!, result.GetValue(seed))));
        return command;
    }

    /// <summary>The cross-validated predictions, one mention a line (gold label, rules, model and its probability, where it stands), to study disagreements.</summary>
    private static void WriteMentions(string path, IEnumerable<Learning.RoleModel.RoleThreshold.Prediction> predicted)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("doc\tlabel\trules\tmodel\tp\tnumber\tsection\theading\tclause");
        foreach (var x in predicted)
        {
            var c = x.Mention.Candidate;
            string section = c.Cues.Keys.FirstOrDefault(f => f.StartsWith("section:", StringComparison.Ordinal)) ?? "section:progress";
            string clause = x.Mention.Text[c.ClauseStart..c.ClauseEnd].Replace('\t', ' ').Replace('\n', ' ');
            writer.WriteLine(string.Join('\t', x.Mention.Doc, x.Mention.Label, x.Rules, x.Model, x.Probability.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
                x.Mention.Text[c.Q.Start..c.Q.End], section, (x.Mention.Heading ?? "").Replace('\t', ' '), clause));
        }
    }

    /// <summary>
    /// --holdout K/N: the mentions without fold K of N of the documents; --holdout GK,GL: without the documents whose file
    /// names start with one of the prefixes (whole labelled sets). The held-out paths go to OUT/heldout.txt.
    /// </summary>
    private static List<Learning.RoleModel.LabeledMention> WithoutFold(List<Learning.RoleModel.LabeledMention> mentions, string holdout, string outputDirectory)
    {
        var parts = holdout.Split('/');
        var prefixes = holdout.Split(',');
        var held = parts.Length == 2 ? Learning.RoleModel.RoleTrainingSet.Fold(mentions, int.Parse(parts[0]), int.Parse(parts[1]))
            : mentions.Where(m => m.Source != Learning.RoleModel.RoleTrainingSet.SpecSource
                    && prefixes.Any(p => Path.GetFileName(m.Path).StartsWith(p, StringComparison.Ordinal)))
                .Select(m => m.Path).ToHashSet();
        File.WriteAllLines(Path.Combine(outputDirectory, "heldout.txt"), held.Order(StringComparer.Ordinal));
        Console.WriteLine($"fold {holdout}: {held.Count} documents held out");
        return mentions.Where(m => !held.Contains(m.Path)).ToList();
    }

    private static int RunRoles(string outputDirectory, string? holdout, string? mentionsFile, string? fixedThresholds)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var mentions = Learning.RoleModel.RoleTrainingSet.Training(".");
        Console.WriteLine($"mention labels built in {watch.Elapsed.TotalSeconds:0.0} s");
        Directory.CreateDirectory(outputDirectory);
        if (holdout is not null) mentions = WithoutFold(mentions, holdout, outputDirectory);
        else
            foreach (var line in Learning.RoleModel.RoleComparison.Table(mentions, Learning.RoleModel.RoleComparison.Ours(mentions, outputDirectory)))
                Console.WriteLine(line);
        var predicted = Learning.RoleModel.RoleThreshold.CrossValidate(mentions);
        if (mentionsFile is not null) WriteMentions(mentionsFile, predicted);
        var (keep, promote, curve) = Learning.RoleModel.RoleThreshold.Choose(predicted);
        double swap = keep;
        Console.WriteLine("combination thresholds (5-fold cross-validation, macro-F1 on the study and grown mentions; keep/promote:F1): "
            + string.Join("  ", curve.Where(c => c.Keep == c.Promote || c.Keep == keep || c.Promote == promote)
                .Select(c => $"{c.Keep:0.00}/{c.Promote:0.00}:{c.MacroF1:0.000}")) + $" → {keep:0.00}/{promote:0.00}");
        if (fixedThresholds is not null)
        {
            var parts = fixedThresholds.Split(',').Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            (keep, promote) = (parts[0], parts.Length > 1 ? parts[1] : parts[0]);
            swap = parts.Length > 2 ? parts[2] : keep;
            Console.WriteLine($"thresholds fixed by --threshold: {keep:0.00}/{promote:0.00}/{swap:0.00} (keep/promote/swap)");
        }
        watch.Restart();
        var model = Learning.RoleModel.RoleModel.Train(mentions, thresholds: (keep, promote, swap));
        Directory.CreateDirectory(outputDirectory);
        string path = Path.Combine(outputDirectory, Learning.RoleModel.RoleModel.FileName);
        model.Linear.Save(path);
        Console.WriteLine($"wrote {path} ({model.Linear.Version}, trained in {watch.Elapsed.TotalSeconds:0.00} s)");
        return 0;
    }

    /// <summary>`train --kind`: the kind model's cross-fitted accuracy (by document, by set), its errors, and the model file; with --mentions FILE each document's leave-set-out P(plan).</summary>
    private static int RunKind(string outputDirectory, string? crossFittedOut)
    {
        var evidence = Extraction.Metadata.KindEvidence.Load(Path.Combine("models", Extraction.Metadata.KindEvidence.FileName));
        var examples = KindTrainingSet.Build(".", evidence);
        Console.WriteLine($"{examples.Count} labelled kinds ({examples.Count(e => e.Kind == "plan")} plans; "
            + $"{examples.Count(e => e.Set == KindTrainingSet.SpecSet)} spec cases), {evidence.Cues.Count} cues");
        foreach (var (name, bySet) in new[] { ("leave-one-document-out", false), ("leave-set-out", true) })
        {
            var predicted = KindTrainingSet.CrossFitted(examples, evidence, bySet);
            // The grown sets count together, as scripts/score_kinds.sh counts them.
            var groups = predicted.GroupBy(p => p.Example.Set.StartsWith('G') && p.Example.Set.Length == 2 ? "grown" : p.Example.Set)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            Console.WriteLine($"{name}: " + string.Join("  ", groups.Select(g =>
                $"{g.Key} {g.Count(p => Right(p))}/{g.Count()}")) + $"  all {predicted.Count(p => Right(p))}/{predicted.Count}"
                + $" (plan as bulletin {predicted.Count(p => p.Example.Kind == "plan" && !Right(p))}, bulletin as plan {predicted.Count(p => p.Example.Kind == "bulletin" && !Right(p))})");
            if (bySet && crossFittedOut is not null)
                File.WriteAllLines(crossFittedOut, predicted.Select(p => string.Join('\t', p.Example.Set, p.Example.Doc, p.Example.Kind,
                    p.PlanProbability.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))));
            foreach (var (example, plan) in predicted.Where(p => !Right(p)).OrderBy(p => p.Example.Doc, StringComparer.Ordinal))
                Console.WriteLine($"  {name}: {example.Set} {example.Doc}: {example.Kind}, P(plan) {plan:0.00}");
        }
        var model = KindModel.Train(examples, evidence);
        Directory.CreateDirectory(outputDirectory);
        string path = Path.Combine(outputDirectory, KindModel.FileName);
        model.Linear.Save(path);
        Console.WriteLine("weights (towards plan): " + string.Join(", ", evidence.Cues.Select((c, i) =>
            $"{c.Name} {model.Linear.Weights[1][i] - model.Linear.Weights[0][i]:0.00}")) + $", bias {model.Linear.Bias[1] - model.Linear.Bias[0]:0.00}");
        Console.WriteLine($"wrote {path} ({model.Linear.Version})");
        return 0;

        static bool Right((KindExample Example, double Plan) p) => (p.Plan > 0.5 ? "plan" : "bulletin") == p.Example.Kind;
    }

    private static int RunGrouping(string outputDirectory, string? holdout, string? fixedThreshold)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var mentions = Learning.RoleModel.RoleTrainingSet.Training(".");
        Directory.CreateDirectory(outputDirectory);
        if (holdout is not null) mentions = WithoutFold(mentions, holdout, outputDirectory);
        var pairs = Learning.Grouping.GroupingTrainingSet.Pairs(mentions);
        Console.WriteLine($"{pairs.Count} pairs ({pairs.Count(p => p.Together)} together) of {pairs.Select(p => p.Path).Distinct().Count()} documents, built in {watch.Elapsed.TotalSeconds:0.0} s");
        if (holdout is null)
            foreach (var line in Learning.Grouping.GroupingEvaluation.CrossValidated(mentions, pairs)) Console.WriteLine(line);
        double threshold = fixedThreshold is null ? 0.5 : double.Parse(fixedThreshold, System.Globalization.CultureInfo.InvariantCulture);
        watch.Restart();
        var model = Learning.Grouping.GroupingModel.Train(pairs, threshold);
        string path = Path.Combine(outputDirectory, Learning.Grouping.GroupingModel.FileName);
        model.Linear.Save(path);
        Console.WriteLine($"wrote {path} ({model.Linear.Version}, threshold {threshold:0.00}, trained in {watch.Elapsed.TotalSeconds:0.00} s)");
        return 0;
    }

    private static int Run(string labelsDirectory, string? bulletinsDirectory, string catalogPath, string outputDirectory, ulong seed)
    {
        if (!Directory.Exists(labelsDirectory)) throw new DirectoryNotFoundException($"no labels folder at {labelsDirectory}");
        var corpus = LabeledCorpus.At(labelsDirectory, bulletinsDirectory);
        var report = ModelTraining.Run(corpus, ProjectCatalog.Load(catalogPath), outputDirectory, new TrainerOptions { Seed = seed });

        var clause = report.ClauseLeaveOneDocumentOut;
        Console.WriteLine($"clause classifier: {report.ClauseExamples} number-bearing clauses ({report.ClauseKeep} keep, {report.ClauseExamples - report.ClauseKeep} drop)");
        Console.WriteLine($"  leave-one-document-out: F1(keep) {clause.F1("keep"):0.000}  precision {clause.Precision("keep"):0.000}  recall {clause.Recall("keep"):0.000}  accuracy {clause.Accuracy:0.000}");
        Console.WriteLine($"  confusion (gold → predicted): keep→keep {clause.Count("keep", "keep")}  keep→drop {clause.Count("keep", "drop")}  drop→keep {clause.Count("drop", "keep")}  drop→drop {clause.Count("drop", "drop")}");
        foreach (var (doc, perDoc) in report.ClauseByDocument)
            Console.WriteLine($"  held out {doc}: F1(keep) {perDoc.F1("keep"):0.000}  P {perDoc.Precision("keep"):0.000}  R {perDoc.Recall("keep"):0.000}  ({perDoc.Total} clauses)");

        var project = report.ProjectCrossValidated;
        Console.WriteLine($"project classifier: {report.ProjectExamples} labeled names of {report.ProjectClasses} classes (\"none\" included)");
        Console.WriteLine($"  stratified {report.ProjectFolds}-fold accuracy (classifier alone): {project.Accuracy:0.000} ({project.Total} names)");
        Console.WriteLine($"  catalog keywords decide {report.KeywordDecided} of {report.ProjectExamples} names, {report.KeywordCorrect} of them as labeled");
        var confusions = project.TopConfusions(8);
        if (confusions.Count > 0) Console.WriteLine("  most frequent confusions (gold → predicted):");
        foreach (var (gold, predicted, count) in confusions) Console.WriteLine($"    {count} × {gold} → {predicted}");

        Console.WriteLine($"wrote {report.ClauseModelPath} ({report.ClauseVersion}, trained in {report.ClauseTrainingTime.TotalSeconds:0.00} s)");
        Console.WriteLine($"wrote {report.ProjectModelPath} ({report.ProjectVersion}, trained in {report.ProjectTrainingTime.TotalSeconds:0.00} s)");
        Console.WriteLine($"cross-validation took {report.CrossValidationTime.TotalSeconds:0.0} s");
        return 0;
    }
}
