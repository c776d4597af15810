using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin compare PROJECT`: the regions side by side on one project, ranked among their peers, laggards marked.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "A canonical project id (see `bulletin projects`), or words of the project's name" };
        var year = new Option<int?>("--year") { Description = "Only this year (default: every year, latest first)" };
        var region = CommonOptions.Region();
        var database = CommonOptions.Database();
        var command = new Command("compare", """
            One row per region and year for a project, from the region's latest issue of the year: target (the
            bulletin's, else the year's plan's: see target_from), actual, percent (stated, else actual/target:
            percent_computed; a bound's qualifier, > or <, in its own column), the date it was reported (as_of) and
            its source. Regions are ranked by percent among their peers only: the counties of one city, the cities
            of one province (`peers` names the place above them), never a city's total among its own counties.
            `lagging` is true when the percent is below the time-proportional schedule of its date (day of the
            year / days in the year, as a percent), empty when a bound cannot tell. Words that match several
            projects are refused with the list of their ids.

            Examples:
              bulletin compare employment-urban-new
              bulletin compare 城镇新增就业 --region 岳阳市 --year 2025
              bulletin compare 高标准农田 --until 2025-06-30 --format csv --out farmland.csv
            """) { project, year, region, database };
        var window = CommonOptions.Window(command);
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(project)!, result.GetValue(year), result.GetValue(region),
            window.Read(result), result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(string project, int? year, string? region, IssueWindow window, string databasePath, RowsOutput output)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var figures = AnalysisFigure.Load(connection);
        var comparison = new Comparison(window.Filter(figures), RegionTree.From(figures));
        var rows = comparison.ForProject(project, year).Where(r => comparison.Regions.Covers(region, r.Region)).ToList();
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"bulletin: no progress figures match “{project}”{(year is null ? "" : $" in {year}")}{(region is null ? "" : $" in {region}")}");
            return 1;
        }
        output.Write(AnalysisWorkbook.ComparisonColumns, AnalysisWorkbook.ComparisonRows(rows), sheet: "comparison");
        return 0;
    }
}
