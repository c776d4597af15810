using System.CommandLine;
using BulletinIngest.Storage;
using BulletinIngest.Storage.Corrections;
using Dapper;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin show FIGURE_ID`: one figure with where it came from, for checking it by eye.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("figure-id") { Description = "The figure's id (figure_id in exports, id in the figures table)" };
        var context = new Option<int>("--context", "-C") { Description = "Blocks of text to show before and after", DefaultValueFactory = _ => 1 };
        var database = CommonOptions.Database();
        var command = new Command("show", """
            Print a figure: its values, document, page and character offsets, the sentence it was read from,
            and the surrounding text with the figure's span marked 【…】.

            Examples:
              bulletin show 42
              bulletin show 42 --context 3 --db bulletins.db
            """) { id, context, database };
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(id), result.GetValue(context), result.GetValue(database)!)));
        return command;
    }

    private sealed record FigureRow(long Id, long DocumentId, string Doc, string Path, string Region, string? Tier, string Project, string Indicator,
        double? Target, double? Actual, string? Unit, double? Percent, string? Qualifier, long Approximate, long Optional, long Inconsistent,
        long Page, long StartOffset, long EndOffset, string Sentence, string DecidedBy, string Format, string Source, double? OcrConfidence, long Suspect);

    private sealed record BlockRow(long Seq, string Kind, long Page, long StartOffset, long EndOffset, string Text);

    private static int Run(long id, int contextBlocks, string databasePath)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var figure = connection.QueryFirstOrDefault<FigureRow>(
            """
            SELECT f.id, f.document_id AS DocumentId, d.name AS Doc, d.path, f.region, f.tier, f.project, f.indicator, f.target, f.actual,
                   f.unit, f.percent, f.qualifier, f.approximate, f.optional, f.inconsistent, f.page, f.start_offset AS StartOffset,
                   f.end_offset AS EndOffset, f.sentence, f.decided_by AS DecidedBy, d.format,
                   f.source, f.ocr_confidence AS OcrConfidence, f.suspect
            FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.id = @id
            """, new { id });
        if (figure is null)
        {
            Console.Error.WriteLine($"bulletin: no figure {id} in {databasePath}");
            return 2;
        }
        string Number(double? value) => value is null ? "-" : value.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        // Only a PDF has pages: DOCX and TXT store page 0.
        bool paged = figure.Format == "pdf";
        Console.WriteLine($"figure {figure.Id}   {figure.Doc}   {(paged ? $"page {figure.Page}" : $"({figure.Format}, no pages)")}   chars {figure.StartOffset}-{figure.EndOffset}");
        Console.WriteLine($"  region     {figure.Region}{(figure.Tier is null ? "" : $"   tier {figure.Tier}")}");
        Console.WriteLine($"  project    {figure.Project}");
        if (figure.Indicator != figure.Project) Console.WriteLine($"  indicator  {figure.Indicator}");
        Console.WriteLine($"  target     {Number(figure.Target)}   actual {Number(figure.Actual)}   unit {figure.Unit ?? "-"}   " +
                          $"percent {(figure.Qualifier is null ? "" : figure.Qualifier + " ")}{Number(figure.Percent)}");
        var flags = new[] { (figure.Approximate, "approximate"), (figure.Optional, "optional"), (figure.Inconsistent, "inconsistent") }
            .Where(f => f.Item1 != 0).Select(f => f.Item2).ToList();
        Console.WriteLine($"  flags      {(flags.Count == 0 ? "-" : string.Join(", ", flags))}   decided by {figure.DecidedBy}");
        if (figure.Source == "ocr")
            Console.WriteLine($"  source     OCR, confidence {figure.OcrConfidence:0}" +
                              (figure.Suspect != 0 ? "   SUSPECT: a word was read with low confidence, check the page image" : ""));
        Console.WriteLine($"  sentence   {figure.Sentence}");
        Console.WriteLine($"  file       {figure.Path}");
        foreach (var stored in CorrectionBook.ForFigure(connection, id))
        {
            var c = stored.Correction;
            Console.WriteLine($"  corrected  {c.Describe()}   by {c.MadeBy} at {c.MadeAt}{(c.Why is null ? "" : $": {c.Why}")}   ({c.Id})");
        }
        Console.WriteLine();

        var blocks = connection.Query<BlockRow>(
            "SELECT seq, kind, page, start_offset AS StartOffset, end_offset AS EndOffset, text FROM blocks WHERE document_id = @doc ORDER BY seq",
            new { doc = figure.DocumentId }).ToList();
        int first = blocks.FindIndex(b => b.EndOffset >= figure.StartOffset);
        int last = blocks.FindLastIndex(b => b.StartOffset <= Math.Max(figure.StartOffset, figure.EndOffset - 1));
        if (first < 0 || last < 0) return 0;
        for (int i = Math.Max(0, first - contextBlocks); i <= Math.Min(blocks.Count - 1, last + contextBlocks); i++)
        {
            var block = blocks[i];
            string text = block.Text;
            if (i >= first && i <= last)
            {
                int from = (int)Math.Clamp(figure.StartOffset - block.StartOffset, 0, text.Length);
                int to = (int)Math.Clamp(figure.EndOffset - block.StartOffset, from, text.Length);
                text = text[..from] + "【" + text[from..to] + "】" + text[to..];
            }
            Console.WriteLine($"  {(i >= first && i <= last ? '>' : ' ')}{(paged ? $" p{block.Page}" : "")} {block.Kind,-9} {text.Replace('\t', '|')}");
        }
        return 0;
    }
}
