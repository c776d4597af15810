using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin lagging`: every project behind its time-proportional schedule, worst first.</summary>
public static class LaggingCommand
{
    public static Command Create()
    {
        var region = CommonOptions.Region();
        var year = new Option<int?>("--year") { Description = "Only this year" };
        var database = CommonOptions.Database();
        var command = new Command("lagging", """
            Every project behind its time-proportional schedule: each region's latest standing on each project of
            the year (as `compare` gives it) whose percent is below the schedule of its date (day of the year /
            days in the year). Worst first: `gap` is the schedule minus the percent, in points. With the figure's
            document, page and sentence; a bound that cannot tell (超过20% on a 33% schedule) is left out.

            Examples:
              bulletin lagging
              bulletin lagging --region 岳阳市 --year 2024
              bulletin lagging --until 2025-06-30 --format xlsx --out lagging.xlsx
            """) { region, year, database };
        var window = CommonOptions.Window(command);
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(region), result.GetValue(year), window.Read(result),
            result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(string? region, int? year, IssueWindow window, string databasePath, RowsOutput output)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var rows = Lagging.Find(AnalysisFigure.Load(connection), region, year, window);
        output.Write(AnalysisWorkbook.LaggingColumns, AnalysisWorkbook.LaggingRows(rows), sheet: "lagging");
        return 0;
    }
}
