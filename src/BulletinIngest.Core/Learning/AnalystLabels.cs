using BulletinIngest.Reading;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Learning;

/// <summary>A stored figure with the clause and section heading it was read from.</summary>
public sealed record StoredFigure(long Id, string Doc, string Project, string Indicator, string? Unit, string Sentence,
    string DecidedBy, double? Confidence, string Clause, string Heading);

/// <summary>
/// `bulletin label`: an analyst's correction of a figure's canonical project or of a clause's keep/drop
/// decision. It is appended to the label files the next `bulletin train` learns from, and applied to the
/// database at once (a dropped figure is deleted; a set project is marked "analyst" so remap leaves it).
/// </summary>
public static class AnalystLabels
{
    public static StoredFigure? FindFigure(SqliteConnection connection, long figureId)
    {
        var figure = connection.QueryFirstOrDefault(
            """
            SELECT f.id, d.name AS doc, f.document_id, f.project, f.indicator, f.unit, f.sentence, f.decided_by, f.confidence, f.start_offset
            FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.id = @figureId
            """, new { figureId });
        if (figure is null) return null;
        var (clause, heading) = ClauseAt(connection, (long)figure.document_id, (int)(long)figure.start_offset, (string)figure.sentence);
        return new StoredFigure((long)figure.id, (string)figure.doc, (string)figure.project, (string)figure.indicator,
            (string?)figure.unit, (string)figure.sentence, (string)figure.decided_by, (double?)figure.confidence, clause, heading);
    }

    public static void SetProject(SqliteConnection connection, LabeledCorpus corpus, StoredFigure figure, string canonicalId, string note)
    {
        TsvFile.Append(corpus.ProjectLabelsPath, ProjectTrainingSet.Columns,
            [figure.Doc, figure.Project, figure.Indicator, figure.Unit ?? "", canonicalId, note]);
        var (decidedBy, confidence) = Deciders.Record(figure.DecidedBy, figure.Confidence, new ProjectMapping(canonicalId, Deciders.Analyst, 1.0));
        connection.Execute("UPDATE figures SET canonical_project_id = @canonicalId, decided_by = @decidedBy, confidence = @confidence WHERE id = @id",
            new { canonicalId = canonicalId == ProjectClassifier.NoProject ? null : canonicalId, decidedBy, confidence, id = figure.Id });
    }

    public static void SetKeep(SqliteConnection connection, LabeledCorpus corpus, StoredFigure figure, bool keep, string note)
    {
        RecordClause(corpus, figure.Doc, figure.Heading, figure.Clause, keep, note);
        if (!keep) connection.Execute("DELETE FROM figures WHERE id = @id", new { id = figure.Id });
    }

    public static void RecordClause(LabeledCorpus corpus, string doc, string heading, string clause, bool keep, string note) =>
        TsvFile.Append(corpus.ClauseLabelsPath, ClauseTrainingSet.LabelColumns, [doc, heading, clause, keep ? "keep" : "drop", note]);

    /// <summary>The number-bearing clause holding a character offset, rebuilt from the stored blocks; the sentence itself if none does.</summary>
    private static (string Clause, string Heading) ClauseAt(SqliteConnection connection, long documentId, int offset, string sentence)
    {
        var blocks = connection.Query<(string Kind, long Level, long Page, long Start, string Text)>(
                "SELECT kind, heading_level, page, start_offset, text FROM blocks WHERE document_id = @documentId ORDER BY seq", new { documentId })
            .Select(b => new TextBlock(Enum.Parse<BlockKind>(b.Kind, ignoreCase: true), b.Text, (int)b.Page, (int)b.Start, (int)b.Level))
            .ToList();
        var clauses = ClauseSplitter.Split(new DocumentText("stored", blocks, 0));
        var holding = clauses.FirstOrDefault(c => c.Start <= offset && offset < c.End)
                      ?? clauses.LastOrDefault(c => c.Start <= offset);
        return holding is null ? (sentence, "") : (holding.Start <= offset && offset < holding.End ? holding.Text : sentence, holding.Heading);
    }
}
