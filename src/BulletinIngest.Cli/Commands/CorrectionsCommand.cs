using System.CommandLine;
using System.Text.Json;
using BulletinIngest.Cli.Output;
using BulletinIngest.Learning;
using BulletinIngest.Storage;
using BulletinIngest.Storage.Corrections;
using Dapper;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin corrections`: the analysts' corrections and where they stand; --gold writes the corrected documents as training labels.</summary>
public static class CorrectionsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var orphaned = new Option<bool>("--orphaned") { Description = "Only corrections whose figure is gone (its file changed or was removed)" };
        var gold = new Option<bool>("--gold")
        {
            Description = "Instead: every figure of each corrected document, corrections applied, in the gold label format " +
                          "(figures.jsonl lines, for `bulletin train --labels`)",
        };
        var command = new Command("corrections", """
            List the corrections made with `bulletin correct` or `bulletin serve`: who, when, why, old → new, the
            figure they apply to now, and whether they are applied or orphaned. With --gold, the corrected documents'
            figures as gold labels, so the analysts' corrections become training data.

            Examples:
              bulletin corrections
              bulletin corrections --orphaned --format csv
              bulletin corrections --gold --out corpus/labels/corrected.jsonl
            """) { database, orphaned, gold };
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => result.GetValue(gold)
            ? WriteGold(result.GetValue(database)!, output.Read(result).Path)
            : List(result.GetValue(database)!, output.Read(result), result.GetValue(orphaned))));
        return command;
    }

    public static readonly string[] Columns =
        ["id", "made_at", "made_by", "action", "field", "old_value", "new_value", "why", "status", "figure_id", "doc", "start", "end", "source_text"];

    private static int List(string databasePath, RowsOutput output, bool onlyOrphaned)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var rows = CorrectionBook.Read(connection).Where(c => !onlyOrphaned || c.Status == CorrectionStatus.Orphaned).Select(s =>
        {
            var c = s.Correction;
            return (IReadOnlyList<object?>)[c.Id, c.MadeAt, c.MadeBy, c.Action, c.Field, c.OldValue, c.NewValue, c.Why, s.Status, s.FigureId,
                c.Figure.Doc, c.Figure.Start, c.Figure.End, c.Figure.SourceText];
        });
        output.Write(Columns, rows, sheet: "corrections");
        return 0;
    }

    private static int WriteGold(string databasePath, string? outputPath)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var figures = connection.Query(
            """
            SELECT d.name, f.region, f.tier, f.project, f.indicator, f.target, f.actual, f.unit, f.percent, f.optional
            FROM figures f JOIN documents d ON d.id = f.document_id
            WHERE f.document_id IN (SELECT g.document_id FROM corrections c JOIN figures g ON g.id = c.figure_id)
               OR d.sha256 IN (SELECT doc_sha256 FROM corrections WHERE status = 'applied')
            ORDER BY d.name, f.start_offset, f.id
            """).Select(r => new LabeledFigure((string)r.name, (string)r.region, (string?)r.tier, (string)r.project, (string)r.indicator,
            (double?)r.target, (double?)r.actual, (string?)r.unit, (double?)r.percent, (long)r.optional != 0)).ToList();
        using var writer = outputPath is null ? Console.Out : new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(false));
        foreach (var figure in figures) writer.WriteLine(JsonSerializer.Serialize(figure, RowsWriter.JsonOptions));
        writer.Flush();
        if (outputPath is not null) Console.Error.WriteLine($"{figures.Count} figures of the corrected documents written to {outputPath}");
        return 0;
    }
}
