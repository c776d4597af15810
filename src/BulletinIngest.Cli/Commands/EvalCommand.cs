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
        var gold = new Option<string?>("--gold") { Description = "Labels in the gold format (JSONL, one figure a line)" };
        var metadata = new Option<string?>("--metadata")
        {
            Description = "Also (or only) score the documents' metadata against a documents.jsonl (region, parent, kind, issue, date, campaign)",
        };
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
            and one line per document. Each bulletin is scored once, from the file the analysis counts
            (see the bulletins table); with --docs, from the best of the files chosen, so '*.docx'
            scores the DOCX renderings against the labels of their bulletin.

            With --metadata, the fields of each stored document equal to a documents.jsonl, per field
            (--misses lists the fields that differ).

            Examples:
              bulletin eval --gold corpus/labels/figures.jsonl
              bulletin eval --gold corpus/labels/figures.jsonl --docs '001_*' --misses
              bulletin eval --gold corpus/labels/figures.jsonl --docs '*.docx'
              bulletin eval --metadata corpus/real/documents.jsonl --misses
            """) { gold, metadata, docs, misses, allDocs, database };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(gold), result.GetValue(metadata), result.GetValue(docs) ?? [],
            result.GetValue(misses), result.GetValue(allDocs), result.GetValue(database)!)));
        return command;
    }

    private static int Run(string? goldPath, string? metadataPath, string[] docPatterns, bool listMisses, bool allDocs, string databasePath)
    {
        if (goldPath is null && metadataPath is null) throw new ArgumentException("give --gold FILE (figures), --metadata FILE (documents) or both");
        if (goldPath is not null) ScoreFigures(goldPath, docPatterns, listMisses, allDocs, databasePath);
        if (metadataPath is not null) ScoreMetadata(metadataPath, docPatterns, listMisses, databasePath);
        return 0;
    }

    private static void ScoreMetadata(string path, string[] docPatterns, bool listMisses, string databasePath)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no documents file at {path}", path);
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var scored = ScoredFiles(connection, docPatterns).ToHashSet();
        var stored = Dapper.SqlMapper.Query<(long Id, long? BulletinId, string Name, string? Region, string? Parent, string? Kind, long? Issue, string? Date, string? Campaign)>(connection,
            "SELECT id, bulletin_id, name, region, parent_region, kind, issue, issue_date, campaign FROM documents ORDER BY name, path");
        var score = MetadataScorer.Score(MetadataScorer.LoadGold(path),
            stored.Where(d => docPatterns.Length == 0 || Selected(d.Name, docPatterns))
                .Where(d => d.BulletinId is null || scored.Contains(d.Id)) // a bulletin once; files not read stay in
                .Select(d => (d.Name, MetadataScorer.Values(d.Region, d.Parent, d.Kind, d.Issue, d.Date, d.Campaign))));
        if (listMisses)
            foreach (var m in score.Mismatches) Console.WriteLine($"FIELD {m.Doc}	{m.Field}	gold {m.Gold ?? "null"}	ours {m.Ours ?? "null"}");
        Console.WriteLine("metadata " + score.ToLine());
    }

    private static void ScoreFigures(string goldPath, string[] docPatterns, bool listMisses, bool allDocs, string databasePath)
    {
        if (!File.Exists(goldPath)) throw new FileNotFoundException($"no labels file at {goldPath}", goldPath);
        List<ScoredFigure> gold;
        try { gold = ScoredFigure.Load(goldPath); }
        catch (InvalidDataException error) { throw new ArgumentException(error.Message); }
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var scored = ScoredFiles(connection, docPatterns);
        var predicted = StoredFigures(connection, scored).ToList();
        if (docPatterns.Length > 0)
        {
            // The gold labels name one rendering (x.txt); they are the labels of the bulletin's other files too.
            var stems = Dapper.SqlMapper.Query<string>(connection, "SELECT name FROM documents WHERE id IN @scored", new { scored })
                .Select(FigureScorer.Stem).ToHashSet();
            gold = gold.Where(f => Selected(f.Doc, docPatterns) || stems.Contains(FigureScorer.Stem(f.Doc))).ToList();
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
    }

    /// <summary>
    /// The read documents scored: one file a bulletin, its counted one, or with --docs the first of the chosen files
    /// by the same rule (BulletinGrouping.InChoiceOrder).
    /// </summary>
    private static IReadOnlyList<long> ScoredFiles(Microsoft.Data.Sqlite.SqliteConnection connection, string[] docPatterns) =>
        BulletinGrouping.Renderings(connection)
            .Where(r => docPatterns.Length == 0 || Selected(r.Name, docPatterns))
            .GroupBy(r => r.BulletinId)
            .Select(g => BulletinGrouping.InChoiceOrder(g).First().Id)
            .ToList();

    /// <summary>The stored figures of some documents exactly as `bulletin export --format jsonl` writes them.</summary>
    private static IEnumerable<ScoredFigure> StoredFigures(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlyList<long> documentIds)
    {
        var figureIds = Dapper.SqlMapper.Query<long>(connection, "SELECT id FROM figures WHERE document_id IN @documentIds", new { documentIds })
            .ToHashSet();
        int figureIdColumn = Array.IndexOf(ExportCommand.Columns, "figure_id");
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        foreach (var row in ExportCommand.ReadFigures(connection, allFiles: true))
        {
            if (!figureIds.Contains(Convert.ToInt64(row[figureIdColumn]))) continue;
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
