using System.CommandLine;
using BulletinIngest.Cli.Output;
using BulletinIngest.Learning;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin projects`: the project catalog (models/catalog/projects.tsv), the ids that compare, lagging and label take.</summary>
public static class ProjectsCommand
{
    public static readonly string[] Columns = ["id", "year", "list", "issuer", "name", "keywords"];

    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "Only this year's lists" };
        var match = new Argument<string?>("words") { Description = "Only projects whose id, name or keywords contain these words", Arity = ArgumentArity.ZeroOrOne };
        var models = new Option<string?>("--models") { Description = "Folder with catalog/projects.tsv (default: the models beside the program, or $BULLETIN_MODELS)" };
        var command = new Command("projects", $"""
            The canonical livelihood projects of the catalog ({ProjectCatalog.FileName} in the models folder): id,
            year and list, issuer, name, and the keywords that map a figure to it. The id is what `compare`,
            `lagging`, `timeline --project` and `label --project` take.

            Examples:
              bulletin projects
              bulletin projects 就业 --year 2025
            """) { match, year, models };
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(match), result.GetValue(year), result.GetValue(models), output.Read(result))));
        return command;
    }

    private static int Run(string? words, int? year, string? modelsDirectory, RowsOutput output)
    {
        string path = modelsDirectory is null ? ModelFiles.PathOf(ProjectCatalog.FileName) : Path.Combine(modelsDirectory, ProjectCatalog.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"no project catalog at {path}", path);
        var entries = ProjectCatalog.Load(path).Entries
            .Where(e => year is null || e.Year == year)
            .Where(e => words is null || e.Id.Contains(words, StringComparison.OrdinalIgnoreCase) || e.Name.Contains(words, StringComparison.Ordinal)
                        || e.Keywords.Any(k => k.Contains(words, StringComparison.Ordinal)));
        output.Write(Columns, entries.Select(e => (IReadOnlyList<object?>)[e.Id, e.Year, e.List, e.Issuer, e.Name, e.Keywords.ToArray()]), sheet: "projects");
        return 0;
    }
}
