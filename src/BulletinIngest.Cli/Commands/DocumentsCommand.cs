using System.CommandLine;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin documents [--suspect]`: the stored documents with their status, metadata and coverage.</summary>
public static class DocumentsCommand
{
    public static readonly string[] Columns =
        ["doc", "status", "region", "kind", "issue", "date", "figures", "mentions", "used", "reason", "bulletin", "counted"];

    public static Command Create()
    {
        var suspect = new Option<bool>("--suspect")
        {
            Description = "Only documents to check: suspect ones (too few of their numbers became figures) and those with an unknown region or an uncertain kind (P(plan) near 0.5)",
        };
        var database = CommonOptions.Database();
        var command = new Command("documents", $"""
            The stored documents: status (ok, {DocumentStatus.Suspect}, or why a file could not be read), issuing
            region, kind, issue, date and coverage: `mentions` amounts and percents in the text, `used` of them in a
            figure, `figures`. A document is {DocumentStatus.Suspect} when it has several amounts and no figure, or
            when its figures use at most a third of many; `reason` says which, where the unread ones stand (table
            rows, paragraphs, list items, headings), and warns of an unknown region.
            `bulletin` is the bulletin the file holds (files of one bulletin share it) and `counted` whether the
            analysis counts this file's figures (one file a bulletin; see the bulletins table).

            Examples:
              bulletin documents
              bulletin documents --suspect
              bulletin documents --suspect --out to-check.csv
            """) { suspect, database };
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(suspect), result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(bool suspectOnly, string databasePath, RowsOutput output)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        string filter = suspectOnly ? "WHERE d.status = @suspect OR d.warnings IS NOT NULL" : "";
        var rows = connection.Query<(string Name, string Status, string? Region, string? Kind, long? Issue, string? Date,
            long? Figures, long? Mentions, long? Used, string? Error, string? Warnings, long? Bulletin, bool? Counted)>(
            $"""
            SELECT d.name, d.status, d.region, d.kind, d.issue, d.issue_date, d.figure_count, d.number_mentions, d.mentions_used, d.error,
                   d.warnings, d.bulletin_id, CASE WHEN d.bulletin_id IS NULL THEN NULL ELSE b.document_id IS d.id END
            FROM documents d LEFT JOIN bulletins b ON b.id = d.bulletin_id {filter} ORDER BY d.name, d.path
            """, new { suspect = DocumentStatus.Suspect });
        output.Write(Columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Name, r.Status, r.Region, r.Kind, r.Issue, r.Date, r.Figures, r.Mentions, r.Used,
            string.Join("; ", new[] { r.Error, r.Warnings?.Replace("\n", "; ") }.Where(t => !string.IsNullOrEmpty(t))),
            r.Bulletin, r.Counted,
        ]), sheet: "documents");
        return 0;
    }
}
