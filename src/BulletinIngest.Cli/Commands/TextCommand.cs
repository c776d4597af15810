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
        var json = new Option<bool>("--json") { Description = "One JSON object per block, with kind, page, offsets and a table row's cells" };
        var explain = new Option<bool>("--explain") { Description = "Also extract (rules, nothing stored): each figure with why it has its numbers, and the number mentions that became no figure" };
        var command = new Command("text", """
            Print the text the pipeline reads from one file, block by block (paragraphs, headings, list items,
            table rows as | cell | cell |, page noise marked [noise]). Nothing is stored. The first thing to run when a figure looks wrong.

            Examples:
              bulletin text corpus/pdf/001_054569d9a1a13617.cairo.pdf
              bulletin text report.docx --json
              bulletin text news.txt --explain
            """) { file, json, explain };
        var ocr = CommonOptions.Ocr();
        command.Options.Add(ocr);
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(file)!, result.GetValue(json), result.GetValue(explain), result.GetValue(ocr))));
        return command;
    }

    private static int Run(string path, bool json, bool explain, BulletinIngest.Reading.Ocr.OcrMode ocr)
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
                    cells = block.Kind == BlockKind.TableRow ? block.Text.Split('\t') : null,
                }, Output.RowsWriter.JsonOptions));
            else
                Console.WriteLine(block.Kind switch
                {
                    BlockKind.TableRow => "| " + string.Join(" | ", block.Text.Split('\t')) + " |",
                    BlockKind.Noise => "[noise] " + block.Text,
                    _ => block.Text,
                });
        }
        foreach (var warning in text.Warnings) Console.Error.WriteLine($"warning: {warning}");
        if (explain) Explain(text, Path.GetFileName(path));
        return 0;
    }

    private static void Explain(DocumentText text, string name)
    {
        var result = new Extraction.BulletinExtractor().Extract(text, name);
        Console.WriteLine();
        Console.WriteLine($"== {result.Figures.Count} figures (region {result.Metadata.Region ?? "unknown"}, kind {result.Metadata.Kind})");
        foreach (var f in result.Figures)
        {
            Console.WriteLine($"[{f.Start}-{f.End}] {f.Region} | {f.Project} | {f.Indicator} | target {f.Target} actual {f.Actual} {f.Unit} percent {f.Percent}{(f.Optional ? " optional" : "")}");
            Console.WriteLine($"    why: {f.Why ?? "table row"}");
        }
        Console.WriteLine($"== {result.Rejected.Count} number mentions that became no figure");
        foreach (var rejected in result.Rejected) Console.WriteLine("  " + rejected);
    }
}
