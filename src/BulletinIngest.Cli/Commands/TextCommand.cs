using System.CommandLine;
using BulletinIngest.Reading;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin text FILE`: the text the pipeline reads from one file, stored nowhere.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A PDF, DOCX or TXT file" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (the blocks as read), json (an array of blocks) or jsonl (a block a line): kind, level, page, offsets and a table row's cells",
            DefaultValueFactory = _ => "text",
            HelpName = "format",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var explain = new Option<bool>("--explain") { Description = "Also extract (rules, nothing stored): each figure with why it has its numbers, and the number mentions that became no figure" };
        var command = new Command("text", """
            Print the text the pipeline reads from one file, block by block (paragraphs, headings, list items,
            table rows as | cell | cell |, page noise marked [noise]). Nothing is stored. The first thing to run when a figure looks wrong.

            Examples:
              bulletin text corpus/pdf/001_054569d9a1a13617.cairo.pdf
              bulletin text report.docx --format jsonl
              bulletin text news.txt --explain
            """) { file, format, explain };
        var ocr = CommonOptions.Ocr();
        command.Options.Add(ocr);
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(file)!, result.GetValue(format)!, result.GetValue(explain), result.GetValue(ocr))));
        return command;
    }

    private static int Run(string path, string format, bool explain, BulletinIngest.Reading.Ocr.OcrMode ocr)
    {
        DocumentText text;
        try { text = new DocumentReader(ocr).Read(path); }
        catch (DocumentRejectedException rejection)
        {
            Console.Error.WriteLine($"{path}: {rejection.Status}: {rejection.Message}");
            return 1;
        }
        if (format != "text")
            Output.RowsOutput.Stdout(format).Write(["kind", "level", "page", "start", "end", "text", "cells"],
                text.Blocks.Select(block => (IReadOnlyList<object?>)
                [
                    block.Kind.ToString().ToLowerInvariant(), block.HeadingLevel, block.Page, block.Start, block.End, block.Text,
                    block.Kind == BlockKind.TableRow ? block.Text.Split('\t') : null,
                ]));
        else
            foreach (var block in text.Blocks)
                Console.WriteLine(block.Kind switch
                {
                    BlockKind.TableRow => "| " + string.Join(" | ", block.Text.Split('\t')) + " |",
                    BlockKind.Noise => "[noise] " + block.Text,
                    _ => block.Text,
                });
        foreach (var warning in text.Warnings) Console.Error.WriteLine($"warning: {warning}");
        if (explain) Explain(text, path);
        return 0;
    }

    private static void Explain(DocumentText text, string name)
    {
        var result = new Extraction.BulletinExtractor().Extract(text, name);
        Console.WriteLine();
        Console.WriteLine($"== {result.Figures.Count} figures (region {result.Metadata.Region ?? "unknown"}, kind {result.Metadata.Kind})");
        Console.WriteLine($"   region evidence: {result.Metadata.RegionEvidence}");
        Console.WriteLine($"   kind evidence: {result.Metadata.KindEvidence}");
        foreach (var f in result.Figures)
        {
            Console.WriteLine($"[{f.Start}-{f.End}] {f.Region} | {f.Project} | {f.Indicator} | target {f.Target} actual {f.Actual} {f.Unit} percent {f.Percent}{(f.Optional ? " optional" : "")}");
            Console.WriteLine($"    why: {f.Why ?? "table row"}");
        }
        Console.WriteLine($"== {result.Rejected.Count} number mentions that became no figure");
        foreach (var rejected in result.Rejected) Console.WriteLine("  " + rejected);
    }
}
