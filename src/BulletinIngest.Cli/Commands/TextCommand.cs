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
        var explain = new Option<bool>("--explain")
        {
            Description = "Also extract as the ingest does (nothing stored): each figure with why it has its numbers, and the number mentions that became no figure; "
                          + "with --format json/jsonl, records instead of blocks: each figure, and each number mention with the figure that uses it or why none does",
        };
        var command = new Command("text", """
            Print the text the pipeline reads from one file, block by block (paragraphs, headings, list items,
            table rows as | cell | cell |, page noise marked [noise]). Nothing is stored. The first thing to run when a figure looks wrong.

            Examples:
              bulletin text corpus/pdf/001_054569d9a1a13617.cairo.pdf
              bulletin text report.docx --format jsonl
              bulletin text news.txt --explain
              bulletin text news.txt --explain --format jsonl
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
        if (explain && format != "text") return ExplainRecords(text, path, format);
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
        var result = Pipeline.PipelineFactory.Extractor().Extract(text, name);
        Console.WriteLine();
        Console.WriteLine($"== {result.Figures.Count} figures (region {result.Metadata.Region ?? "unknown"}, kind {result.Metadata.Kind})");
        Console.WriteLine($"   region evidence: {result.Metadata.RegionEvidence}");
        Console.WriteLine($"   kind evidence: {result.Metadata.KindEvidence}");
        if (result.Metadata.KindUncertain) Console.WriteLine($"   {result.Metadata.Warnings.First(w => w.StartsWith(BulletinIngest.Learning.KindDecision.WarningPrefix, StringComparison.Ordinal))}");
        foreach (var f in result.Figures)
        {
            Console.WriteLine($"[{f.Start}-{f.End}] {f.Region} | {f.Project} | {f.Indicator} | target {f.Target} actual {f.Actual} {f.Unit} percent {f.Percent}{(f.Optional ? " optional" : "")}");
            Console.WriteLine($"    why: {f.Why ?? "table row"}");
        }
        Console.WriteLine($"== {result.Rejected.Count} number mentions that became no figure");
        foreach (var rejected in result.Rejected) Console.WriteLine("  " + rejected);
    }

    /// <summary>
    /// The explanation as records (json, jsonl): each figure, then each number mention of the text the extraction
    /// reads (bare numbers too) with its block, the figure that uses it (index) or, for an unused one, the reason the
    /// extraction gave when it gave one ("unused" means a path read it and said nothing). What scripts/unread_stages.py counts.
    /// </summary>
    private static int ExplainRecords(DocumentText text, string name, string format)
    {
        var result = Pipeline.PipelineFactory.Extractor().Extract(text, name);
        var index = result.Figures.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, ReferenceEqualityComparer.Instance);
        string[] columns = ["record", "index", "start", "end", "text", "block", "value", "unit", "approximate", "figure", "reason",
            "region", "project", "indicator", "target", "actual", "percent", "optional", "why"];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (f, i) in result.Figures.Select((f, i) => (f, i)))
            rows.Add(["figure", i, f.Start, f.End, f.Sentence, null, null, f.Unit, f.Approximate, null, null,
                f.Region, f.Project, f.Indicator, f.Target, f.Actual, f.Percent, f.Optional, f.Why]);
        var normalized = result.Normalized ?? text;
        int m = 0;
        foreach (var mention in Extraction.Metadata.DocumentCoverage.MentionUses(text, result.Figures, result.Normalized))
        {
            string written = normalized.FullText[mention.Q.Start..mention.Q.End];
            string? reason = mention.UsedBy is null ? RejectionOf(written, result.Rejected) : null;
            rows.Add(["mention", m++, mention.Q.Start, mention.Q.End, written, mention.Block.Kind.ToString().ToLowerInvariant(),
                mention.Q.Value, mention.Q.Unit, mention.Q.Approximate, mention.UsedBy is { } used ? index[used] : null,
                mention.UsedBy is not null ? null : reason ?? "unused", null, null, null, null, null, null, null, null]);
        }
        Output.RowsOutput.Stdout(format).Write(columns, rows);
        return 0;
    }

    /// <summary>
    /// The reason the extraction gave for a mention it used in no figure: the rejection whose mention (before " in ", or in
    /// a rejected figure's clause) is written as this one is. Rejections are sentences; matching by the written number is
    /// what they allow, so two equal mentions of one document share a reason.
    /// </summary>
    private static string? RejectionOf(string written, IReadOnlyList<string> rejected)
    {
        string compact = string.Concat(written.Where(c => !char.IsWhiteSpace(c)));
        foreach (var reason in rejected)
        {
            int because = reason.IndexOf('←');
            string head = because < 0 ? reason : reason[..because];
            bool same = reason.StartsWith("figure ", StringComparison.Ordinal)
                ? head.Contains(compact, StringComparison.Ordinal)
                : head.StartsWith(compact + " in ", StringComparison.Ordinal);
            if (same) return reason;
        }
        return null;
    }
}
