using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Storage;

/// <summary>One file of a bulletin, with what the choice of the counted rendering looks at.</summary>
public sealed record Rendering(long Id, long BulletinId, string Name, string? Format, string Status, long? MentionsUsed, long? NumberMentions)
{
    public double Coverage => NumberMentions is > 0 ? (double)(MentionsUsed ?? 0) / NumberMentions.Value : 0;
}

/// <summary>
/// Files holding the same bulletin (TXT, DOCX, PDF renderings, encoding copies) are one row of `bulletins`;
/// each read document belongs to one (documents.bulletin_id) and exactly one of its files is counted
/// (bulletins.document_id): the analysis, the report and `eval` use that file's figures only, the others stay stored.
/// Two files are the same bulletin when their normalized texts are equal (<see cref="BulletinIdentity"/>), or
/// when region, kind, issue, date and title are all equal with region, date and title known (a PDF rendering that
/// lost a table header row has another text but is still the same issue).
/// </summary>
public static class BulletinGrouping
{
    /// <summary>The rule that picks the counted rendering, as stored in bulletins.chosen_because.</summary>
    public const string ChoiceRule =
        "best coverage: read ok before suspect, most numbers used by figures, highest share of its numbers used, then docx, html, txt, pdf, then the first ingested";

    /// <summary>Formats by how directly they carry the text's structure: born-digital markup before a page layout.</summary>
    private static readonly string[] FormatPreference = ["docx", "html", "txt", "pdf"];

    /// <summary>Renderings in the order <see cref="ChoiceRule"/> says: the first is the one counted.</summary>
    public static IEnumerable<Rendering> InChoiceOrder(IEnumerable<Rendering> renderings) =>
        renderings
            .OrderBy(r => r.Status == DocumentStatus.Ok ? 0 : 1)
            .ThenByDescending(r => r.MentionsUsed ?? 0)
            .ThenByDescending(r => r.Coverage)
            .ThenBy(r => Array.IndexOf(FormatPreference, r.Format) is var i and >= 0 ? i : FormatPreference.Length)
            .ThenBy(r => r.Id);

    /// <summary>How a row names the counted file of a bulletin held in several: "x.docx (+5 files)".</summary>
    public static string CountedFileLabel(string? counted, IReadOnlyList<string> files) =>
        files.Count > 1 ? $"{counted} (+{files.Count - 1} files)" : counted ?? "";

    /// <summary>The database's bulletins and files in one line, for the end of an ingest.</summary>
    public static string CountLine(SqliteConnection connection)
    {
        var (bulletins, files) = connection.QuerySingle<(long, long)>(
            "SELECT (SELECT count(*) FROM bulletins), (SELECT count(*) FROM documents WHERE bulletin_id IS NOT NULL)");
        return $"{files} read files hold {bulletins} bulletins, each counted once (figures of one file; see the bulletins table)";
    }

    /// <summary>Every read document with its bulletin.</summary>
    public static IReadOnlyList<Rendering> Renderings(SqliteConnection connection, SqliteTransaction? transaction = null, long? bulletinId = null) =>
        connection.Query<Rendering>(
            // One bulletin's files through documents_by_bulletin (an OR with the parameter would scan every document).
            $"""
            SELECT id, bulletin_id AS BulletinId, name, format, status, mentions_used AS MentionsUsed, number_mentions AS NumberMentions
            FROM documents WHERE {(bulletinId is null ? "bulletin_id IS NOT NULL" : "bulletin_id = @bulletinId")} ORDER BY id
            """, new { bulletinId }, transaction).ToList();

    /// <summary>
    /// Puts a stored, read document into its bulletin: the one of a file with the same text, else the one of a file
    /// with the same region, kind, issue, date and title, else a new one. A document that links two bulletins merges
    /// them (into the older). Then the bulletin's counted rendering is chosen again. Returns the bulletin id.
    /// </summary>
    public static long Place(SqliteConnection connection, long documentId, SqliteTransaction transaction)
    {
        var me = connection.QuerySingle<(string? Text, string? Region, string? Date, string? Title, string? Kind, long? Issue)>(
            "SELECT text_sha256, region, issue_date, title, kind, issue FROM documents WHERE id = @documentId", new { documentId }, transaction);
        // Two indexed look-ups (documents_by_text, documents_by_region) rather than one OR, which would scan every document.
        var matches = connection.Query<long>(
            """
            SELECT bulletin_id FROM documents
            WHERE text_sha256 = @Text AND id <> @documentId AND bulletin_id IS NOT NULL
            UNION
            SELECT bulletin_id FROM documents
            WHERE region = @Region AND issue_date = @Date AND @Title IS NOT NULL AND title = @Title AND kind IS @Kind AND issue IS @Issue
              AND id <> @documentId AND bulletin_id IS NOT NULL
            ORDER BY 1
            """, new { me.Text, me.Region, me.Date, me.Title, me.Kind, me.Issue, documentId }, transaction).ToList();
        long bulletinId = matches.Count > 0
            ? matches[0]
            : connection.ExecuteScalar<long>("INSERT INTO bulletins (files, file_names) VALUES (0, '') RETURNING id", transaction: transaction);
        if (matches.Count > 1)
        {
            var merged = matches.Skip(1).ToList();
            connection.Execute("UPDATE documents SET bulletin_id = @bulletinId WHERE bulletin_id IN @merged", new { bulletinId, merged }, transaction);
            connection.Execute("DELETE FROM bulletins WHERE id IN @merged", new { merged }, transaction);
        }
        connection.Execute("UPDATE documents SET bulletin_id = @bulletinId WHERE id = @documentId", new { bulletinId, documentId }, transaction);
        Refresh(connection, bulletinId, transaction);
        return bulletinId;
    }

    /// <summary>Chooses the bulletin's counted rendering again and updates its row; deletes a bulletin left without files.</summary>
    public static void Refresh(SqliteConnection connection, long bulletinId, SqliteTransaction transaction)
    {
        var files = InChoiceOrder(Renderings(connection, transaction, bulletinId)).ToList();
        if (files.Count == 0)
        {
            connection.Execute("DELETE FROM bulletins WHERE id = @bulletinId", new { bulletinId }, transaction);
            return;
        }
        connection.Execute(
            """
            UPDATE bulletins SET document_id = d.id, region = d.region, kind = d.kind, issue = d.issue, issue_date = d.issue_date,
                   title = d.title, files = @count, file_names = @names, chosen_because = @rule
            FROM documents d WHERE d.id = @chosen AND bulletins.id = @bulletinId
            """,
            new { bulletinId, chosen = files[0].Id, count = files.Count, names = string.Join("\n", files.Select(f => f.Name)), rule = ChoiceRule },
            transaction);
    }

    /// <summary>
    /// Gives every read document stored before bulletins existed (schema 4) its identity, from its stored blocks,
    /// and its bulletin. Run once by the migration.
    /// </summary>
    public static void GroupUngrouped(SqliteConnection connection, SqliteTransaction transaction)
    {
        var documents = connection.Query<long>(
            "SELECT id FROM documents WHERE bulletin_id IS NULL AND status IN ('ok', 'suspect') ORDER BY id", transaction: transaction).ToList();
        foreach (long id in documents)
        {
            var blocks = connection.Query<(string Kind, string Text)>(
                "SELECT kind, text FROM blocks WHERE document_id = @id ORDER BY seq", new { id }, transaction);
            var identity = BulletinIdentity.Of(blocks.Select(b => (b.Kind == "noise", b.Text)));
            connection.Execute("UPDATE documents SET text_sha256 = @TextSha256, title = @Title WHERE id = @id",
                new { identity.TextSha256, identity.Title, id }, transaction);
            Place(connection, id, transaction);
        }
    }
}
