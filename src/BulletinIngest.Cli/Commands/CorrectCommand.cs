using System.CommandLine;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Learning;
using BulletinIngest.Storage;
using BulletinIngest.Storage.Corrections;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin correct`: an analyst's correction of a figure, kept in the database and corrections.tsv, re-applied after every ingest.</summary>
public static class CorrectCommand
{
    public static Command Create()
    {
        var figure = new Argument<long?>("figure") { Description = "Id of the figure to correct (figures.id; `bulletin show ID` shows it)", Arity = ArgumentArity.ZeroOrOne };
        var fields = CorrectionFields.Columns.Keys.ToDictionary(field => field, field => new Option<string?>("--" + field)
        {
            Description = field switch
            {
                "project" => "The canonical project id (models/catalog/projects.tsv; none: no project)",
                "region" => "The region's full name (汨罗市)",
                "unit" => "The unit (base unit: 人, 元/月; none: no unit)",
                _ => $"The {field} (a number; none: no {field})",
            },
        });
        var drop = new Option<bool>("--drop") { Description = "The figure is wrong altogether: delete it (and again after every re-ingest)" };
        var add = new Option<bool>("--add") { Description = "Add a figure the extractor missed: needs --doc, --span, --region, --name and a number" };
        var doc = new Option<long?>("--doc") { Description = "With --add: the document's id (documents.id)" };
        var span = new Option<string?>("--span") { Description = "With --add: START-END character offsets of the figure's text in the document (`bulletin text FILE --json` shows offsets)" };
        var name = new Option<string?>("--name") { Description = "With --add: the project or indicator as the text names it" };
        var why = new Option<string?>("--why") { Description = "Why (kept with the correction)" };
        var by = new Option<string>("--by") { Description = "Who corrects (default: the user name)", DefaultValueFactory = _ => Environment.UserName };
        var corrections = Corrections();
        var models = new Option<string?>("--models") { Description = "Folder with catalog/projects.tsv, to check a project id (default: the models beside the program)" };
        var database = CommonOptions.Database();
        var command = new Command("correct", """
            Correct a stored figure: its target, actual, percent, unit, region or canonical project, or drop it, or
            add one the extractor missed. Each correction is recorded with who, when, why, the old and the new value,
            in the database (table corrections) and in corrections.tsv beside the database (or --corrections FILE), a
            plain file to keep in version control. Corrections are keyed by the document's content and the figure's
            span, and re-applied after every ingest; a changed file's figure is found again by its text, and a
            correction whose text is gone is reported as orphaned, never lost. Corrected figures have decided_by = analyst.

            Examples:
              bulletin correct 42 --actual 1250 --why "the PDF shows 1250; OCR read 1200"
              bulletin correct 42 --region 汨罗市 --project employment-urban-new
              bulletin correct 57 --drop --why "job fair visitors, not a project"
              bulletin correct --add --doc 3 --span 812-840 --region 湘乡市 --name 新增城镇就业 --actual 2300 --unit 人
            """) { figure, drop, add, doc, span, name, why, by, corrections, models, database };
        foreach (var option in fields.Values) command.Options.Add(option);
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            var values = fields.ToDictionary(f => f.Key, f => result.GetValue(f.Value));
            return Run(result.GetValue(figure), values, result.GetValue(drop), result.GetValue(add), result.GetValue(doc), result.GetValue(span),
                result.GetValue(name), result.GetValue(why), result.GetValue(by)!, result.GetValue(corrections), result.GetValue(models), result.GetValue(database)!);
        }));
        return command;
    }

    /// <summary>--corrections FILE, shared with ingest and serve.</summary>
    public static Option<string?> Corrections() => new("--corrections")
    {
        Description = $"The corrections file (default: {CorrectionsFile.FileName} beside the database)",
    };

    private static int Run(long? figureId, Dictionary<string, string?> values, bool drop, bool add, long? doc, string? span, string? name, string? why,
        string by, string? correctionsPath, string? modelsDirectory, string databasePath)
    {
        if (!File.Exists(databasePath)) throw new FileNotFoundException($"no database at {databasePath}; run `bulletin ingest` first", databasePath);
        bool anyValue = values.Values.Any(v => v is not null);
        if (new[] { drop, add, figureId is not null && !drop && !add }.Count(x => x) != 1 || (drop && anyValue) || (add && figureId is not null))
            throw new ArgumentException("give a figure id with field options (--target …) or --drop, or --add with --doc and --span");
        if (string.IsNullOrWhiteSpace(by)) throw new ArgumentException("--by needs a name");
        string tsv = CorrectionsFile.PathFor(databasePath, correctionsPath);
        using var store = BulletinStore.Open(databasePath);
        var request = new CorrectionRequest(store.Connection, ProjectMapper.Load(modelsDirectory).Catalog, Gazetteer.Default, by.Trim(), why);
        IReadOnlyList<Correction> made;
        if (add)
        {
            if (doc is not { } documentId || span is null || values["region"] is not { } region || name is null)
                throw new ArgumentException("--add needs --doc ID, --span START-END, --region and --name");
            var (start, end) = ParseSpan(span);
            made = [request.Add(documentId, start, end, region, name, values)];
        }
        else if (drop) made = [request.Drop(figureId!.Value)];
        else
        {
            if (!anyValue) throw new ArgumentException("give what to change: --target, --actual, --percent, --unit, --region or --project");
            made = request.Changes(figureId!.Value, values);
        }
        foreach (var correction in made) CorrectionBook.Record(store.Connection, tsv, correction);
        FlagAnalysis.Refresh(store.Connection);
        var after = CorrectionBook.Read(store.Connection).ToDictionary(c => c.Correction.Id);
        foreach (var correction in made)
            Console.WriteLine($"correction {correction.Id}: {correction.Describe()} ({after[correction.Id].Status}" +
                              $"{(after[correction.Id].FigureId is { } id ? $", figure {id}" : "")})");
        Console.WriteLine(made.Count == 0 ? "nothing changed: the figure already has these values" : $"recorded in the database and {tsv}");
        return 0;
    }

    private static (int Start, int End) ParseSpan(string span)
    {
        var parts = span.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int end) && end > start) return (start, end);
        throw new ArgumentException($"--span takes START-END character offsets (e.g. 812-840), not {span}");
    }
}
