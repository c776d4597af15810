using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// A stored flag with the sentences of the figures it concerns. Doc is the bulletin's counted file; Files are all
/// the files holding that bulletin (the counted one first), empty for a flag about no one document.
/// </summary>
public sealed record StoredFlag(long Id, string Kind, string Severity, string Message, string? Doc, string? Region,
    string? CanonicalProjectId, IReadOnlyList<FlagSource> Sources, IReadOnlyList<string> Files);

/// <summary>One figure a flag concerns, where an analyst checks it.</summary>
public sealed record FlagSource(long FigureId, string Doc, int Page, string Region, string Project, string Sentence);

/// <summary>
/// Runs every flag rule over all stored figures and replaces the stored flags with the result, in one
/// transaction, so flags always describe the figures as they are (after an ingest, after a re-map).
/// Also sets figures.inconsistent: true exactly for the figures the percent check flags.
/// </summary>
public static class FlagAnalysis
{
    public static IReadOnlyList<IFlagRule> Rules { get; } =
    [
        new PercentMismatchRule(), new CompletionContradictionRule(), new IssueSeriesRule(), new PlanTargetRule(),
        new DuplicateFigureRule(), new TotalRule(),
    ];

    public static IReadOnlyList<Flag> Find(IReadOnlyList<AnalysisFigure> figures) =>
        Rules.SelectMany(rule => rule.Find(figures)).ToList();

    /// <summary>Recomputes and stores all flags; returns them.</summary>
    public static IReadOnlyList<Flag> Refresh(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var flags = Find(AnalysisFigure.Load(connection, transaction));
        connection.Execute("DELETE FROM flag_figures; DELETE FROM flags; UPDATE figures SET inconsistent = 0 WHERE inconsistent <> 0;",
            transaction: transaction);
        foreach (var flag in flags)
        {
            long id = connection.ExecuteScalar<long>(
                """
                INSERT INTO flags (kind, severity, message, document_id, region, canonical_project_id)
                VALUES (@Kind, @Severity, @Message, @DocumentId, @Region, @CanonicalProjectId) RETURNING id
                """, flag, transaction);
            connection.Execute("INSERT OR IGNORE INTO flag_figures (flag_id, figure_id) VALUES (@id, @figureId)",
                flag.FigureIds.Select(figureId => new { id, figureId }), transaction);
        }
        var inconsistent = flags.Where(f => f.Kind == FlagKinds.PercentMismatch).SelectMany(f => f.FigureIds).Distinct();
        connection.Execute("UPDATE figures SET inconsistent = 1 WHERE id = @id", inconsistent.Select(id => new { id }), transaction);
        transaction.Commit();
        return flags;
    }

    /// <summary>The kind of each stored flag (what the ingest summary counts when it had nothing to refresh).</summary>
    public static IReadOnlyList<string> StoredKinds(SqliteConnection connection) =>
        connection.Query<string>("SELECT kind FROM flags").ToList();

    /// <summary>The stored flags, errors first, optionally of one kind and about one region (any spelling of its name).</summary>
    public static IReadOnlyList<StoredFlag> Read(SqliteConnection connection, string? kind = null, string? region = null)
    {
        var sources = connection.Query<(long FlagId, long FigureId, string Doc, int Page, string Region, string Project, string Indicator, string Sentence)>(
                """
                SELECT ff.flag_id, f.id, d.name, f.page, f.region, f.project, f.indicator, f.sentence
                FROM flag_figures ff JOIN figures f ON f.id = ff.figure_id JOIN documents d ON d.id = f.document_id
                ORDER BY d.issue_date, f.document_id, f.start_offset
                """)
            .ToLookup(s => s.FlagId, s => new FlagSource(s.FigureId, s.Doc, s.Page, s.Region, Names.DisplayName(s.Project, s.Indicator), s.Sentence));
        var flags = connection.Query<(long Id, string Kind, string Severity, string Message, string? Doc, string? Region, string? CanonicalProjectId, string? Files)>(
            """
            SELECT fl.id, fl.kind, fl.severity, fl.message, d.name, fl.region, fl.canonical_project_id, bu.file_names
            FROM flags fl LEFT JOIN documents d ON d.id = fl.document_id LEFT JOIN bulletins bu ON bu.id = d.bulletin_id
            WHERE @kind IS NULL OR fl.kind = @kind
            ORDER BY CASE fl.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, fl.kind, fl.region, fl.id
            """, new { kind });
        return flags
            .Where(f => region is null || Names.RegionMatches(region, f.Region) || sources[f.Id].Any(s => Names.RegionMatches(region, s.Region)))
            .Select(f => new StoredFlag(f.Id, f.Kind, f.Severity, f.Message, f.Doc, f.Region, f.CanonicalProjectId, sources[f.Id].ToList(),
                f.Files?.Split('\n') ?? []))
            .ToList();
    }
}
