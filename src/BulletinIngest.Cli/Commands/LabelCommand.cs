using System.CommandLine;
using BulletinIngest.Learning;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin label`: records an analyst's correction for the next `bulletin train`.</summary>
public static class LabelCommand
{
    public static Command Create()
    {
        var figure = new Argument<long?>("figure") { Description = "Id of a stored figure (figures.id)", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<string?>("--project") { Description = "The canonical project id the figure belongs to (\"none\": no project)" };
        var keep = new Option<bool>("--keep") { Description = "The clause does report a project's progress or target" };
        var drop = new Option<bool>("--drop") { Description = "The clause is narrative: the figure is deleted" };
        var doc = new Option<string?>("--doc") { Description = "With --clause: the document of a clause that is not a stored figure" };
        var clause = new Option<string?>("--clause") { Description = "A clause's text, to label it without a stored figure" };
        var heading = new Option<string?>("--heading") { Description = "With --clause: its section heading" };
        var note = new Option<string>("--note") { Description = "Why (kept in the label file)", DefaultValueFactory = _ => "" };
        var labels = new Option<string>("--labels") { Description = "Folder of the label files", DefaultValueFactory = _ => Path.Combine("corpus", "labels") };
        var models = new Option<string?>("--models") { Description = "Folder with catalog/projects.tsv, to check a project id" };
        var database = CommonOptions.Database();
        var command = new Command("label", """
            Correct a figure: its canonical project (--project ID) or whether its clause reports progress (--keep/--drop).
            The correction goes to LABELS/project_labels.tsv or LABELS/clause_labels.tsv (plain TSV files you may also
            edit by hand) for the next `bulletin train`, and is applied to the database now.

            Examples:
              bulletin label 42 --project employment-urban-new
              bulletin label 57 --drop --note "job fair visitors, not a project"
              bulletin label --doc 004.txt --clause "已开展 12 场，完成全年任务的 20%。" --keep
            """) { figure, project, keep, drop, doc, clause, heading, note, labels, models, database };
        command.SetAction(result => CommonOptions.Guard(() => Run(
            result.GetValue(figure), result.GetValue(project), result.GetValue(keep), result.GetValue(drop), result.GetValue(doc),
            result.GetValue(clause), result.GetValue(heading), result.GetValue(note)!, result.GetValue(labels)!, result.GetValue(models),
            result.GetValue(database)!)));
        return command;
    }

    private static int Run(long? figureId, string? project, bool keep, bool drop, string? doc, string? clause, string? heading,
        string note, string labelsDirectory, string? modelsDirectory, string databasePath)
    {
        if (keep && drop) throw new ArgumentException("give --keep or --drop, not both");
        var corpus = LabeledCorpus.At(labelsDirectory);
        if (clause is not null)
        {
            if (doc is null || !(keep || drop)) throw new ArgumentException("--clause needs --doc and --keep or --drop");
            AnalystLabels.RecordClause(corpus, doc, heading ?? "", clause, keep, note);
            Console.WriteLine($"recorded {(keep ? "keep" : "drop")} for the clause in {corpus.ClauseLabelsPath}");
            return 0;
        }
        if (figureId is not { } id) throw new ArgumentException("give a figure id, or --doc and --clause");
        if (project is null && !keep && !drop) throw new ArgumentException("give --project ID, --keep or --drop");
        if (project is not null && project != ProjectClassifier.NoProject && !ProjectMapper.Load(modelsDirectory).Catalog.Names.ContainsKey(project))
            throw new ArgumentException($"{project} is not in the project catalog (add it to models/{ProjectCatalog.FileName} first)");
        if (!File.Exists(databasePath)) throw new FileNotFoundException($"no database at {databasePath}", databasePath);

        using var store = BulletinStore.Open(databasePath);
        var stored = AnalystLabels.FindFigure(store.Connection, id) ?? throw new ArgumentException($"no figure {id} in {databasePath}");
        if (project is not null)
        {
            AnalystLabels.SetProject(store.Connection, corpus, stored, project, note);
            Console.WriteLine($"figure {id} ({stored.Indicator}) → {project}; recorded in {corpus.ProjectLabelsPath}");
        }
        if (keep || drop)
        {
            AnalystLabels.SetKeep(store.Connection, corpus, stored, keep, note);
            Console.WriteLine($"figure {id}: {(keep ? "kept" : "dropped and deleted")}; clause recorded in {corpus.ClauseLabelsPath}");
        }
        return 0;
    }
}
