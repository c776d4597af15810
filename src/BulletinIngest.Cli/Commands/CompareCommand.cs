using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin compare PROJECT`: the regions side by side on one project, ranked, laggards marked.</summary>
public static class CompareCommand
{
    public static readonly string[] Columns =
        ["year", "rank", "region", "project", "target", "actual", "unit", "percent", "as_of", "schedule", "lagging", "doc", "target_from"];

    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "A canonical project id, or words of the project's name" };
        var year = new Option<int?>("--year") { Description = "Only this year (default: every year, latest first)" };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format("table", "table", "csv", "json");
        var command = new Command("compare", """
            One row per region and year for a project, from the region's latest issue of the year: target (the
            bulletin's, else the year's plan's: see target_from), actual, percent (stated, else actual/target,
            marked *; a bound shows as >70), the date it was reported (as_of) and its source, ranked by percent
            within the year. `lagging` is yes when the percent is below the time-proportional schedule of its
            date (day of the year / days in the year, as a percent), ? when a bound cannot tell.

            Examples:
              bulletin compare 城镇新增就业
              bulletin compare 高标准农田 --year 2025 --format csv
            """) { project, year, database, format };
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(project)!, result.GetValue(year), result.GetValue(database)!, result.GetValue(format)!)));
        return command;
    }

    private static int Run(string project, int? year, string databasePath, string format)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var rows = new Comparison(AnalysisFigure.Load(connection)).ForProject(project, year);
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"bulletin: no progress figures match “{project}”{(year is null ? "" : $" in {year}")}");
            return 1;
        }
        RowsWriter.Write(Columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Year, r.Rank, r.Region, r.Project, r.Target, r.Actual, r.Unit,
            r.Percent is { } p ? $"{r.Qualifier}{Math.Round(p, 2)}{(r.PercentComputed ? "*" : "")}" : null,
            r.AsOf, Round(r.Schedule), r.Lagging switch { true => "yes", false => "no", null => "?" }, r.Doc, r.TargetSource,
        ]), format, Console.Out);
        if (format == "table" && rows.Any(r => r.PercentComputed)) Console.WriteLine("* computed as actual/target");
        return 0;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
