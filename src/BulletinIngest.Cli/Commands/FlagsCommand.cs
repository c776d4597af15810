using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin flags`: the figures that do not add up, errors first.</summary>
public static class FlagsCommand
{
    public static Command Create()
    {
        var kind = new Option<string?>("--kind") { Description = "Only flags of this kind (the kinds are listed above)", HelpName = "kind" };
        kind.AcceptOnlyFromAmong(FlagKinds.All);
        var region = CommonOptions.Region("Only flags about this region and the places inside it");
        var refresh = new Option<bool>("--refresh") { Description = "Recompute the flags first (ingest does this after every batch)" };
        var database = CommonOptions.Database();
        var command = new Command("flags", $"""
            List what does not add up in the stored figures, errors first. Kinds:
              {FlagKinds.PercentMismatch,-22} stated percent more than a point off actual/target (sets `inconsistent`)
              {FlagKinds.OverHundredUnfinished,-22} percent over 100 while the sentence says the work goes on
              {FlagKinds.OverTargetUnderHundred,-22} actual above target while the percent is under 100
              {FlagKinds.WentBackwards,-22} a later issue reports less (actual or percent) for the same region, project, year
              {FlagKinds.TargetChanged,-22} a later issue states another target for the same region, project, year
              {FlagKinds.PlanTargetMismatch,-22} a bulletin's target (stated or actual/percent) differs from the year's plan
              {FlagKinds.DuplicateConflict,-22} one document states the same figure twice with different values
              {FlagKinds.TotalMismatch,-22} a region's total differs from the sum of its sub-regions in the same document
            The table shows severity, kind, region, document and message; the other formats add each flag's
            figure ids and source sentences. --since/--until/--issue select by the flagged document's issue.

            Examples:
              bulletin flags
              bulletin flags --kind went-backwards --region 岳阳市
              bulletin flags --since 2025-01-01 --out flags.csv
            """) { kind, region, refresh, database };
        var window = CommonOptions.Window(command);
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(kind), result.GetValue(region),
            result.GetValue(refresh), window.Read(result), result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(string? kind, string? region, bool refresh, IssueWindow window, string databasePath, RowsOutput output)
    {
        if (refresh)
        {
            using var store = BulletinStore.Open(databasePath);
            FlagAnalysis.Refresh(store.Connection);
        }
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var regions = RegionTree.From(AnalysisFigure.Load(connection));
        var issues = connection.Query<(long Id, string? Date, int? Issue)>(
            "SELECT fl.id, d.issue_date, d.issue FROM flags fl LEFT JOIN documents d ON d.id = fl.document_id").ToDictionary(f => f.Id);
        var flags = FlagAnalysis.Read(connection, kind)
            .Where(f => region is null || regions.Covers(region, f.Region) || f.Sources.Any(s => regions.Covers(region, s.Region)))
            .Where(f => window.IsAll || issues.TryGetValue(f.Id, out var issue) && window.Contains(issue.Date, issue.Issue));
        if (output.Format == "table")
            output.Write(["severity", "kind", "region", "doc", "message"],
                flags.Select(f => (IReadOnlyList<object?>)[f.Severity, f.Kind, f.Region, BulletinGrouping.CountedFileLabel(f.Doc, f.Files), f.Message]));
        else
            output.Write(AnalysisWorkbook.FlagColumns, AnalysisWorkbook.FlagRows(flags), sheet: "flags");
        return 0;
    }
}
