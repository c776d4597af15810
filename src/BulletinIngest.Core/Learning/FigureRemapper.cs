using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Learning;

/// <summary>What `bulletin remap` changed.</summary>
public sealed record RemapSummary(int Figures, int Changed, int ByCatalog, int ByModel, int Unmapped, int KeptByAnalyst);

/// <summary>
/// Re-maps the canonical project of every stored figure with the current catalog and project model, without
/// re-ingesting: figures.canonical_project_id, and decided_by/confidence where the model decided (see
/// <see cref="Deciders"/>). A mapping an analyst set with `bulletin label` is left alone.
/// </summary>
public static class FigureRemapper
{
    private sealed record Row(long Id, string Project, string Indicator, string? Unit, string? CanonicalProjectId, string DecidedBy, double? Confidence);

    public static RemapSummary Remap(SqliteConnection connection, ProjectMapper mapper)
    {
        var rows = connection.Query<Row>(
            "SELECT id, project, indicator, unit, canonical_project_id AS CanonicalProjectId, decided_by AS DecidedBy, confidence FROM figures ORDER BY id").ToList();
        int changed = 0, byCatalog = 0, byModel = 0, unmapped = 0, analyst = 0;
        using var transaction = connection.BeginTransaction();
        foreach (var row in rows)
        {
            if (Deciders.IsAnalystMapping(row.DecidedBy)) { analyst++; continue; }
            var mapping = mapper.Map(row.Project, row.Indicator, row.Unit);
            if (mapping.CanonicalId is null) unmapped++;
            else if (mapping.DecidedBy == ProjectMapper.CatalogDecider) byCatalog++;
            else byModel++;
            var (decidedBy, confidence) = Deciders.Record(row.DecidedBy, row.Confidence, mapping);
            if (mapping.CanonicalId == row.CanonicalProjectId && decidedBy == row.DecidedBy && confidence == row.Confidence) continue;
            connection.Execute(
                "UPDATE figures SET canonical_project_id = @id, decided_by = @decidedBy, confidence = @confidence WHERE id = @figure",
                new { id = mapping.CanonicalId, decidedBy, confidence, figure = row.Id }, transaction);
            changed++;
        }
        transaction.Commit();
        return new RemapSummary(rows.Count, changed, byCatalog, byModel, unmapped, analyst);
    }
}
