using System.CommandLine;
using System.Text;
using BulletinIngest.Cli.Output;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;
using Spectre.Console;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin search QUERY`: the stored passages that contain a Chinese word or phrase.</summary>
public static class SearchCommand
{
    private const int SnippetContext = 40;

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find, e.g. 托育 or 老年助餐服务点" };
        var region = new Option<string?>("--region") { Description = "Only documents issued by (or under) this region, e.g. 汨罗市" };
        var database = CommonOptions.Database();
        var command = new Command("search", """
            Find the passages that contain the query's words in that order (a phrase), in every stored
            document. The query is cut into words like the documents were, so 托育 finds 托育服务 too.
            Prints document, page and the passage with the match highlighted; --format json gives the whole
            passage with the match offsets (start, end pairs), for scripts; csv, tsv and jsonl too.

            Examples:
              bulletin search 托育
              bulletin search 低保标准 --region 汨罗市 --limit 5
              bulletin search 老年助餐服务点 --format json
            """) { query, region, database };
        var output = OutputOptions.AddTo(command, defaultLimit: 20);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(query)!, result.GetValue(region),
            result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(string query, string? region, string databasePath, RowsOutput output)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var tokenizer = new JiebaSearchTokenizer();
        if (tokenizer.PhraseQuery(query) is null) throw new ArgumentException($"the query \"{query}\" has no words to search for");
        var hits = new PassageSearch(tokenizer).Find(connection, query, region, output.Limit ?? int.MaxValue);

        if (output.Format != "table" || output.Path is not null)
        {
            output.Write(["doc", "page", "region", "block_id", "start", "passage", "matches", "files"],
                hits.Select(h => (IReadOnlyList<object?>)[h.Document, h.Page, h.Region, h.BlockId, h.BlockStart, h.Passage,
                    h.Matches.Select(m => new[] { m.Start, m.End }).ToArray(), h.Files]), sheet: "search");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("doc").AddColumn("page").AddColumn("passage");
        foreach (var hit in hits) table.AddRow(Markup.Escape(BulletinGrouping.CountedFileLabel(hit.Document, hit.Files)), hit.Page.ToString(), Snippet(hit));
        AnsiConsole.Write(table);
        Console.Error.WriteLine($"{hits.Count} passage{(hits.Count == 1 ? "" : "s")}");
        return 0;
    }

    /// <summary>The passage around its first match, matches highlighted (between « » when the output is not a colour terminal).</summary>
    private static string Snippet(PassageHit hit)
    {
        string text = hit.Passage;
        int from = 0, to = text.Length;
        if (hit.Matches.Count > 0)
        {
            from = Math.Max(0, hit.Matches[0].Start - SnippetContext);
            to = Math.Min(text.Length, hit.Matches[0].End + SnippetContext * 2);
        }
        bool colour = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Ansi;
        var markup = new StringBuilder(from > 0 ? "…" : "");
        int at = from;
        foreach (var (start, end) in hit.Matches.Where(m => m.Start >= from && m.End <= to))
        {
            markup.Append(Markup.Escape(text[at..start]));
            string matched = Markup.Escape(text[start..end]);
            markup.Append(colour ? $"[black on yellow]{matched}[/]" : $"«{matched}»");
            at = end;
        }
        markup.Append(Markup.Escape(text[at..to]));
        if (to < text.Length) markup.Append('…');
        return markup.Replace('\t', ' ').ToString(); // table rows keep their cells apart with TABs
    }
}
