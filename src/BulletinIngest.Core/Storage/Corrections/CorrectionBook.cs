using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Storage.Corrections;

/// <summary>A figure an analyst adds (a missed one): its values, stored as the add correction's new value.</summary>
public sealed record AddedFigure(
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("target")] double? Target,
    [property: JsonPropertyName("actual")] double? Actual,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("percent")] double? Percent,
    [property: JsonPropertyName("project")] string? CanonicalProjectId);

/// <summary>What a re-application did: corrections applied, and those whose figure is gone (kept, not lost).</summary>
public sealed record ReapplySummary(int Applied, IReadOnlyList<Correction> Orphaned);

/// <summary>
/// The corrections store: the corrections table and corrections.tsv, and their application to the figures. Every
/// ingest replaces a changed document's figures with freshly extracted ones, so after every ingest all corrections
/// are applied again, oldest first: each finds its figure by its <see cref="FigureKey"/> (the same content, or the
/// same file name whose text still holds the span's text, nearest the old place), and one that finds none is
/// marked orphaned. A corrected figure is marked decided_by = analyst.
/// </summary>
public static class CorrectionBook
{
    public const string Analyst = "analyst";

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record FigureRow(long Id, long DocumentId, string Doc, string Sha256, long StartOffset, long EndOffset, string Indicator, string Region,
        double? Target, double? Actual, string? Unit, double? Percent, string? CanonicalProjectId);

    /// <summary>The key a new correction of this figure gets: the one its earlier corrections used, else the figure as read.</summary>
    public static FigureKey? KeyOf(SqliteConnection connection, long figureId)
    {
        var earlier = Read(connection).LastOrDefault(c => c.FigureId == figureId && c.Status == CorrectionStatus.Applied);
        if (earlier is not null) return earlier.Correction.Figure;
        var figure = FindFigure(connection, figureId);
        if (figure is null) return null;
        int start = (int)figure.StartOffset, end = (int)figure.EndOffset;
        return new FigureKey(figure.Doc, figure.Sha256, start, end, SpanText(connection, figure.DocumentId, start, end), figure.Indicator, figure.Region);
    }

    /// <summary>The current value of a correctable field, as text (null: none).</summary>
    public static string? CurrentValue(SqliteConnection connection, long figureId, string field)
    {
        var figure = FindFigure(connection, figureId) ?? throw new ArgumentException($"no figure {figureId}");
        return field switch
        {
            "target" => Number(figure.Target),
            "actual" => Number(figure.Actual),
            "percent" => Number(figure.Percent),
            "unit" => figure.Unit,
            "region" => figure.Region,
            "project" => figure.CanonicalProjectId,
            _ => throw new ArgumentException($"{field} cannot be corrected (one of {string.Join(", ", CorrectionFields.Columns.Keys)})"),
        };
    }

    /// <summary>The key of a figure to add at a span of a stored document.</summary>
    public static FigureKey KeyForSpan(SqliteConnection connection, long documentId, int start, int end, AddedFigure figure)
    {
        var doc = connection.QueryFirstOrDefault<(string Name, string Sha256)>(
            "SELECT name, sha256 FROM documents WHERE id = @documentId AND status IN ('ok', 'suspect')", new { documentId });
        if (doc.Name is null) throw new ArgumentException($"no readable document {documentId}");
        string text = FullText(connection, documentId);
        if (start < 0 || end <= start || end > text.Length)
            throw new ArgumentException($"span {start}-{end} is outside the document's text (0-{text.Length})");
        return new FigureKey(doc.Name, doc.Sha256, start, end, text[start..end], figure.Name, figure.Region);
    }

    /// <summary>Records a correction in the table and in the TSV file, and applies it.</summary>
    public static void Record(SqliteConnection connection, string tsvPath, Correction correction)
    {
        using (var transaction = connection.BeginTransaction())
        {
            Insert(connection, correction, transaction);
            transaction.Commit();
        }
        CorrectionsFile.Append(tsvPath, correction);
        Reapply(connection, tsvPath: null);
    }

    /// <summary>
    /// Takes in the TSV file's corrections the table does not hold yet (a database built afresh), then applies every
    /// correction to the figures as they are now. Idempotent: applying twice changes nothing more.
    /// </summary>
    public static ReapplySummary Reapply(SqliteConnection connection, string? tsvPath)
    {
        var fromFile = tsvPath is null ? [] : CorrectionsFile.Read(tsvPath);
        using var transaction = connection.BeginTransaction();
        foreach (var correction in fromFile) Insert(connection, correction, transaction);
        var all = Read(connection, transaction);
        string now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        // Each figure is found once, before any correction changes it (a region correction changes what the key's region matches).
        var located = new Dictionary<FigureKey, Location?>();
        foreach (var stored in all)
            if (!located.ContainsKey(stored.Correction.Figure))
                located[stored.Correction.Figure] = Locate(connection, stored, transaction);
        int applied = 0;
        var orphaned = new List<Correction>();
        foreach (var stored in all)
        {
            var correction = stored.Correction;
            var location = located[correction.Figure];
            long? figureId = location is null ? null : Apply(connection, correction, location, transaction);
            bool ok = location is not null && (figureId is not null || correction.Action == CorrectionAction.Drop);
            if (location is not null && correction.Action == CorrectionAction.Add && figureId is { } added)
                located[correction.Figure] = location with { FigureId = added };
            if (ok) applied++; else orphaned.Add(correction);
            connection.Execute("UPDATE corrections SET status = @status, figure_id = @figureId, applied_at = @now WHERE id = @id",
                new { status = ok ? CorrectionStatus.Applied : CorrectionStatus.Orphaned, figureId, now, id = correction.Id }, transaction);
        }
        transaction.Commit();
        return new ReapplySummary(applied, orphaned);
    }

    /// <summary>Every correction, oldest first.</summary>
    public static IReadOnlyList<StoredCorrection> Read(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Query(connection, "", null, transaction);

    public static IReadOnlyList<StoredCorrection> ForFigure(SqliteConnection connection, long figureId) =>
        Query(connection, "WHERE figure_id = @figureId", new { figureId }, null);

    private static IReadOnlyList<StoredCorrection> Query(SqliteConnection connection, string where, object? parameters, SqliteTransaction? transaction) =>
        // A database of schema 2 opened read-only (not migrated) has no corrections yet.
        connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'corrections'", transaction: transaction) == 0 ? [] :
        connection.Query(
            $"""
            SELECT id, made_at, made_by, why, action, field, old_value, new_value, doc, doc_sha256, start_offset, end_offset,
                   source_text, indicator, region, status, figure_id
            FROM corrections {where} ORDER BY made_at, id
            """, parameters, transaction).Select(r => new StoredCorrection(
            new Correction((string)r.id, (string)r.made_at, (string)r.made_by, (string?)r.why, (string)r.action, (string?)r.field,
                (string?)r.old_value, (string?)r.new_value,
                new FigureKey((string)r.doc, (string)r.doc_sha256, (int)(long)r.start_offset, (int)(long)r.end_offset, (string)r.source_text,
                    (string)r.indicator, (string)r.region)),
            (string)r.status, (long?)r.figure_id)).ToList();

    private static void Insert(SqliteConnection connection, Correction c, SqliteTransaction transaction) =>
        connection.Execute(
            """
            INSERT OR IGNORE INTO corrections (id, made_at, made_by, why, action, field, old_value, new_value, doc, doc_sha256,
                                               start_offset, end_offset, source_text, indicator, region)
            VALUES (@Id, @MadeAt, @MadeBy, @Why, @Action, @Field, @OldValue, @NewValue, @Doc, @DocSha256, @Start, @End, @SourceText, @Indicator, @Region)
            """,
            new
            {
                c.Id, c.MadeAt, c.MadeBy, c.Why, c.Action, c.Field, c.OldValue, c.NewValue, c.Figure.Doc, c.Figure.DocSha256,
                c.Figure.Start, c.Figure.End, c.Figure.SourceText, c.Figure.Indicator, c.Figure.Region,
            }, transaction);

    /// <summary>Where a key's figure is now: its document, its span there, and the figure (none for a dropped or not yet added one).</summary>
    private sealed record Location(long DocumentId, int Start, int End, long? FigureId);

    private static Location? Locate(SqliteConnection connection, StoredCorrection stored, SqliteTransaction transaction)
    {
        var key = stored.Correction.Figure;
        var span = FindSpan(connection, key, transaction);
        if (span is not { } s) return null;
        // The figure this key applied to last time, if it is still that figure; else the one read at the span with the key's region.
        long? figureId = connection.ExecuteScalar<long?>(
            """
            SELECT id FROM figures WHERE document_id = @doc AND start_offset = @start AND end_offset = @end AND indicator = @indicator
            ORDER BY (id = @last) DESC, (region = @region) DESC, id LIMIT 1
            """,
            new { doc = s.DocumentId, start = s.Start, end = s.End, indicator = key.Indicator, last = stored.FigureId ?? -1, region = key.Region }, transaction);
        if (figureId is { } id && stored.FigureId != id
            && connection.ExecuteScalar<string>("SELECT region FROM figures WHERE id = @id", new { id }, transaction) != key.Region)
            figureId = null; // another region's figure at the same span
        return new Location(s.DocumentId, s.Start, s.End, figureId);
    }

    /// <summary>The document holding the key's span: the same content, else the latest file of the same name whose text still holds the span's text.</summary>
    private static (long DocumentId, int Start, int End)? FindSpan(SqliteConnection connection, FigureKey key, SqliteTransaction transaction)
    {
        long? same = connection.ExecuteScalar<long?>(
            "SELECT id FROM documents WHERE sha256 = @DocSha256 AND status IN ('ok', 'suspect') ORDER BY id LIMIT 1", key, transaction);
        if (same is { } id) return (id, key.Start, key.End);
        var candidates = connection.Query<long>(
            "SELECT id FROM documents WHERE name = @Doc AND status IN ('ok', 'suspect') ORDER BY id DESC", key, transaction);
        foreach (long candidate in candidates)
        {
            string text = FullText(connection, candidate, transaction);
            int best = -1;
            for (int at = text.IndexOf(key.SourceText, StringComparison.Ordinal); at >= 0 && key.SourceText.Length > 0;
                 at = text.IndexOf(key.SourceText, at + 1, StringComparison.Ordinal))
                if (best < 0 || Math.Abs(at - key.Start) < Math.Abs(best - key.Start)) best = at;
            if (best >= 0) return (candidate, best, best + key.SourceText.Length);
        }
        return null;
    }

    /// <summary>Applies one correction at its location; returns the figure it now applies to (null when dropped or not found).</summary>
    private static long? Apply(SqliteConnection connection, Correction correction, Location location, SqliteTransaction transaction)
    {
        switch (correction.Action)
        {
            case CorrectionAction.Set when location.FigureId is { } id:
                string column = CorrectionFields.Columns[correction.Field ?? ""];
                object? value = correction.NewValue is null ? null
                    : CorrectionFields.IsNumber(correction.Field!) ? double.Parse(correction.NewValue, CultureInfo.InvariantCulture) : correction.NewValue;
                // column comes from the fixed field table above, never from the request.
                connection.Execute($"UPDATE figures SET {column} = @value, decided_by = @analyst WHERE id = @id",
                    new { value, analyst = Analyst, id }, transaction);
                return id;
            case CorrectionAction.Drop when location.FigureId is { } id:
                connection.Execute("DELETE FROM figures WHERE id = @id", new { id }, transaction);
                return null;
            case CorrectionAction.Add when location.FigureId is { } existing:
                return existing;
            case CorrectionAction.Add:
                var figure = JsonSerializer.Deserialize<AddedFigure>(correction.NewValue ?? "null", Json)
                             ?? throw new InvalidDataException($"correction {correction.Id}: no figure to add");
                var block = connection.QueryFirstOrDefault<(long Page, string Text)>(
                    "SELECT page, text FROM blocks WHERE document_id = @doc AND start_offset <= @start AND end_offset >= @start ORDER BY seq LIMIT 1",
                    new { doc = location.DocumentId, start = location.Start }, transaction);
                return connection.ExecuteScalar<long>(
                    """
                    INSERT INTO figures (document_id, region, project, indicator, target, actual, unit, percent, canonical_project_id,
                                         page, start_offset, end_offset, sentence, decided_by)
                    VALUES (@doc, @Region, @Name, @Name, @Target, @Actual, @Unit, @Percent, @CanonicalProjectId, @page, @start, @end, @sentence, @analyst)
                    RETURNING id
                    """,
                    new
                    {
                        doc = location.DocumentId, figure.Region, figure.Name, figure.Target, figure.Actual, figure.Unit, figure.Percent,
                        figure.CanonicalProjectId, page = block.Page, start = location.Start, end = location.End,
                        sentence = block.Text ?? correction.Figure.SourceText, analyst = Analyst,
                    }, transaction);
            default:
                return null;
        }
    }

    private static FigureRow? FindFigure(SqliteConnection connection, long figureId) => connection.QueryFirstOrDefault<FigureRow>(
        """
        SELECT f.id, f.document_id AS DocumentId, d.name AS Doc, d.sha256, f.start_offset AS StartOffset, f.end_offset AS EndOffset,
               f.indicator, f.region, f.target, f.actual, f.unit, f.percent, f.canonical_project_id AS CanonicalProjectId
        FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.id = @figureId
        """, new { figureId });

    /// <summary>A document's full text as the offsets count it: each block's text at its start offset, line breaks between.</summary>
    public static string FullText(SqliteConnection connection, long documentId, SqliteTransaction? transaction = null)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (start, blockText) in connection.Query<(long, string)>(
                     "SELECT start_offset, text FROM blocks WHERE document_id = @documentId ORDER BY seq", new { documentId }, transaction))
        {
            while (text.Length < start) text.Append('\n');
            if (text.Length == start) text.Append(blockText);
        }
        return text.ToString();
    }

    private static string SpanText(SqliteConnection connection, long documentId, int start, int end)
    {
        string text = FullText(connection, documentId);
        return start >= 0 && end <= text.Length && start < end ? text[start..end] : "";
    }

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
