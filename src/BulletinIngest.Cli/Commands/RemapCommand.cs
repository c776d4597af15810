using System.CommandLine;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Learning;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin remap`: re-assigns the stored figures' canonical projects after the catalog or model changed.</summary>
public static class RemapCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var models = new Option<string?>("--models") { Description = "Folder with catalog/projects.tsv and project.model (default: the models beside the program, or $BULLETIN_MODELS)" };
        var command = new Command("remap", """
            Map every stored figure to a canonical project again with the current catalog (models/catalog/projects.tsv)
            and project model, without re-ingesting. Catalog keywords decide first, the model where they do not;
            figures whose project an analyst set with `bulletin label` keep it.

            Examples:
              bulletin remap --db bulletins.db
              bulletin remap --models ./models --db bulletins.db
            """) { database, models };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(database)!, result.GetValue(models))));
        return command;
    }

    private static int Run(string databasePath, string? modelsDirectory)
    {
        if (!File.Exists(databasePath)) throw new FileNotFoundException($"no database at {databasePath}; run `bulletin ingest` first", databasePath);
        if (modelsDirectory is not null && !File.Exists(Path.Combine(modelsDirectory, ProjectCatalog.FileName)))
            Console.Error.WriteLine($"bulletin: warning: {modelsDirectory} has no {ProjectCatalog.FileName}: figures are mapped by the project model only, no catalog keywords");
        var mapper = ProjectMapper.Load(modelsDirectory);
        using var store = BulletinStore.Open(databasePath);
        var summary = FigureRemapper.Remap(store.Connection, mapper);
        Console.WriteLine($"{summary.Figures} figures, {summary.Changed} changed: {summary.ByCatalog} mapped by catalog keywords, " +
                          $"{summary.ByModel} by {mapper.Classifier?.Version ?? "no model"}, {summary.Unmapped} without a project, " +
                          $"{summary.KeptByAnalyst} set by analysts left alone");
        // Flags match projects across documents by canonical id: new ids mean new comparisons.
        var flags = FlagAnalysis.Refresh(store.Connection);
        Console.WriteLine($"{flags.Count} flags after remapping; list them with `bulletin flags`");
        return 0;
    }
}
