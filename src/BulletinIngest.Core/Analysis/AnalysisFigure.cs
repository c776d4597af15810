using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Analysis;

/// <summary>
/// One stored figure with the facts about its document that the analysis needs (kind, date, issuing region),
/// and the keys it is matched by across documents.
/// </summary>
public sealed class AnalysisFigure
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public string Doc { get; init; } = "";
    public string? DocKind { get; init; }
    public string? IssueDate { get; init; }
    public int? Issue { get; init; }
    public string? IssuingRegion { get; init; }
    public string Region { get; init; } = "";
    public string? Tier { get; init; }
    public string Project { get; init; } = "";
    public string Indicator { get; init; } = "";
    public double? Target { get; init; }
    public double? Actual { get; init; }
    public string? Unit { get; init; }
    public double? Percent { get; init; }
    public string? Qualifier { get; init; }
    public bool Approximate { get; init; }
    public bool Optional { get; init; }
    public string? CanonicalProjectId { get; init; }
    public int Page { get; init; }
    public int StartOffset { get; init; }
    public string Sentence { get; init; } = "";

    public bool IsPlan => DocKind == "plan";
    /// <summary>An exact figure; a bound (超过70%) has a qualifier.</summary>
    public bool IsExact => Qualifier is null;
    public int? Year => IssueDate is { Length: >= 4 } date && int.TryParse(date[..4], out int year) ? year : null;

    // Keys are asked for many times by every rule: computed once.
    private string? _projectKey, _nameKey, _regionKey;
    /// <summary>What lines figures up across documents: the canonical project when mapped, else the name.</summary>
    public string ProjectKey => _projectKey ??= Names.ProjectKey(CanonicalProjectId, Project, Indicator);
    /// <summary>
    /// The figure's own name: within one document, several indicators of one canonical project
    /// (基站 built, 基站 percent…) share a ProjectKey but not a NameKey.
    /// </summary>
    public string NameKey => _nameKey ??= Names.ProjectKey(null, Project, Indicator);
    public string RegionKey => _regionKey ??= Names.RegionKey(Region);
    /// <summary>The name an analyst recognises: the project, and the indicator when it is a different one.</summary>
    public string DisplayName => Names.DisplayName(Project, Indicator);

    /// <summary>The completion percentage: the stated one, else actual / target.</summary>
    public double? Completion => Percent ?? (Actual is { } a && Target is > 0 ? a / Target.Value * 100 : null);

    /// <summary>
    /// Every figure of the documents that were read, oldest document first, each bulletin once: only the figures of
    /// its counted file (bulletins.document_id, Storage/BulletinGrouping.cs), not those of its other renderings.
    /// </summary>
    public static IReadOnlyList<AnalysisFigure> Load(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        connection.Query<AnalysisFigure>(
            """
            SELECT f.id AS Id, f.document_id AS DocumentId, d.name AS Doc, d.kind AS DocKind, d.issue_date AS IssueDate,
                   d.issue AS Issue, d.region AS IssuingRegion, f.region AS Region, f.tier AS Tier,
                   f.project AS Project, f.indicator AS Indicator, f.target AS Target, f.actual AS Actual, f.unit AS Unit,
                   f.percent AS Percent, f.qualifier AS Qualifier, f.approximate AS Approximate, f.optional AS Optional,
                   f.canonical_project_id AS CanonicalProjectId, f.page AS Page, f.start_offset AS StartOffset,
                   f.sentence AS Sentence
            FROM figures f JOIN documents d ON d.id = f.document_id JOIN bulletins b ON b.document_id = d.id
            WHERE d.status IN ('ok', 'suspect')
            ORDER BY d.issue_date, d.issue, d.id, f.start_offset, f.id
            """, transaction: transaction).ToList();
}
