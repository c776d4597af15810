using System.CommandLine;
using System.Text.Json;
using BulletinIngest.Reading;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin text FILE`: the text the pipeline reads from one file, stored nowhere.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A PDF, DOCX or TXT file" };
        var json = new Option<bool>("--json") { Description = "One JSON object per block, with kind, page and offsets" };
        var command = new Command("text", """
            Print the text the pipeline reads from one file, block by block (paragraphs, headings, list items,
            table rows with TAB-separated cells). Nothing is stored. The first thing to run when a figure looks wrong.

            Examples:
              bulletin text corpus/pdf/001_054569d9a1a13617.cairo.pdf
              bulletin text report.docx --json
            """) { file, json };
        var ocr = CommonOptions.Ocr();
        command.Options.Add(ocr);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(file)!, result.GetValue(json), result.GetValue(ocr))));
        return command;
    }

    private static int Run(string path, bool json, BulletinIngest.Reading.Ocr.OcrMode ocr)
    {
        DocumentText text;
        try { text = new DocumentReader(ocr).Read(path); }
        catch (DocumentRejectedException rejection)
        {
            Console.Error.WriteLine($"{path}: {rejection.Status}: {rejection.Message}");
            return 1;
        }
        foreach (var block in text.Blocks)
        {
            if (json)
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    kind = block.Kind.ToString().ToLowerInvariant(), level = block.HeadingLevel, page = block.Page,
                    start = block.Start, end = block.End, text = block.Text,
                }, Output.RowsWriter.JsonOptions));
            else
                Console.WriteLine(block.Text);
        }
        foreach (var warning in text.Warnings) Console.Error.WriteLine($"warning: {warning}");
        return 0;
    }
}
