using System.CommandLine;
using System.IO.Enumeration;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulletinIngest.Extraction.Evaluation;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin eval --gold FILE`: scores the stored figures against labels with score.py's rules.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Labels in the gold format (JSONL, one figure a line)", Required = true };
        var docs = new Option<string[]>("--docs")
        {
            Description = "Score only these documents: file names, stems or wildcards (001_*, *.pdf)",
            AllowMultipleArgumentsPerToken = true,
        };
        var misses = new Option<bool>("--misses") { Description = "List the gold figures missed (MISS) and the stored figures matching none (EXTRA)" };
        var allDocs = new Option<bool>("--all-docs") { Description = "Also count documents that have no gold figures (their figures are all extras)" };
        var database = CommonOptions.Database();
        var command = new Command("eval", """
            Score the figures in the database against a labels file with the rules of the gold README
            (same numbers as shared/tools/score.py): precision, recall, F1, exact F1, flag recall/precision,
            and one line per document.

            Examples:
              bulletin eval --gold corpus/labels/figures.jsonl
              bulletin eval --gold corpus/labels/figures.jsonl --docs '001_*' --misses
            """) { gold, docs, misses, allDocs, database };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(gold)!, result.GetValue(docs) ?? [],
            result.GetValue(misses), result.GetValue(allDocs), result.GetValue(database)!)));
        return command;
    }

    private static int Run(string goldPath, string[] docPatterns, bool listMisses, bool allDocs, string databasePath)
    {
        if (!File.Exists(goldPath)) throw new FileNotFoundException($"no labels file at {goldPath}", goldPath);
        List<ScoredFigure> gold;
        try { gold = ScoredFigure.Load(goldPath); }
        catch (InvalidDataException error) { throw new ArgumentException(error.Message); }
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var predicted = StoredFigures(connection).ToList();
        if (docPatterns.Length > 0)
        {
            gold = gold.Where(f => Selected(f.Doc, docPatterns)).ToList();
            predicted = predicted.Where(f => Selected(f.Doc, docPatterns)).ToList();
        }
        var report = FigureScorer.Score(gold, predicted, onlyGoldDocs: !allDocs);
        foreach (var doc in report.Documents)
            Console.WriteLine($"{doc.Doc}\tgold {doc.Gold}\tpred {doc.Predicted}\tmatched {doc.Matched}\tF1 {doc.F1:0.000}");
        if (listMisses)
        {
            foreach (var miss in report.Misses) Console.WriteLine("MISS  " + miss.Json);
            foreach (var extra in report.Extras) Console.WriteLine("EXTRA " + extra.Json);
        }
        Console.WriteLine(report.Summary.ToLine());
        return 0;
    }

    /// <summary>The stored figures exactly as `bulletin export --format jsonl` writes them.</summary>
    public static IEnumerable<ScoredFigure> StoredFigures(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        foreach (var row in ExportCommand.ReadFigures(connection))
        {
            var json = new JsonObject();
            for (int i = 0; i < ExportCommand.Columns.Length; i++)
                json[ExportCommand.Columns[i]] = row[i] switch
                {
                    null => null,
                    bool b => JsonValue.Create(b),
                    double d => JsonValue.Create(d),
                    long l => JsonValue.Create(l),
                    var other => JsonValue.Create(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
                };
            yield return ScoredFigure.FromJson(json, json.ToJsonString(options));
        }
    }

    private static bool Selected(string doc, string[] patterns)
    {
        string name = Path.GetFileName(doc.Replace('\\', '/'));
        string stem = FigureScorer.Stem(name);
        return patterns.Any(p => p == name || p == stem || FigureScorer.Stem(p) == stem && !p.Contains('*')
                                 || FileSystemName.MatchesSimpleExpression(p, name));
    }
}
