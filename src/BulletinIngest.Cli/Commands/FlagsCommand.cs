using System.CommandLine;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin flags`: the figures that do not add up, errors first.</summary>
public static class FlagsCommand
{
    public static Command Create()
    {
        var kind = new Option<string?>("--kind") { Description = $"Only flags of this kind: {string.Join(", ", FlagKinds.All)}" };
        kind.AcceptOnlyFromAmong(FlagKinds.All);
        var region = new Option<string?>("--region") { Description = "Only flags about this region (屈原区 finds 屈原管理区)" };
        var refresh = new Option<bool>("--refresh") { Description = "Recompute the flags first (ingest does this after every batch)" };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format("table", "table", "csv", "json");
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
            csv and json carry each flag's figure ids and source sentences.

            Examples:
              bulletin flags
              bulletin flags --kind went-backwards --region 汨罗市
              bulletin flags --format csv > flags.csv
            """) { kind, region, refresh, database, format };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(kind), result.GetValue(region),
            result.GetValue(refresh), result.GetValue(database)!, result.GetValue(format)!)));
        return command;
    }

    private static int Run(string? kind, string? region, bool refresh, string databasePath, string format)
    {
        if (refresh)
        {
            using var store = BulletinStore.Open(databasePath);
            FlagAnalysis.Refresh(store.Connection);
        }
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var flags = FlagAnalysis.Read(connection, kind, region);
        if (format == "table")
            RowsWriter.Write(["severity", "kind", "region", "doc", "message"],
                flags.Select(f => (IReadOnlyList<object?>)[f.Severity, f.Kind, f.Region, BulletinGrouping.CountedFileLabel(f.Doc, f.Files), f.Message]),
                format, Console.Out);
        else
            RowsWriter.Write(["id", "severity", "kind", "region", "doc", "message", "figure_ids", "sources", "files"],
                flags.Select(f => (IReadOnlyList<object?>)
                [
                    f.Id, f.Severity, f.Kind, f.Region, f.Doc, f.Message, string.Join(" ", f.Sources.Select(s => s.FigureId)),
                    string.Join("\n", f.Sources.Select(s => $"{s.Doc} p.{s.Page}: {s.Sentence}")), string.Join(" ", f.Files),
                ]), format, Console.Out);
        return 0;
    }
}
