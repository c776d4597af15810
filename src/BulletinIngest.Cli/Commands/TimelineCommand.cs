using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin timeline --region R`: one region's figures (its counties' included) across issues, oldest first.</summary>
public static class TimelineCommand
{
    public static readonly string[] Columns =
        ["as_of", "issue", "doc", "kind", "region", "project", "target", "actual", "unit", "percent", "qualifier", "change", "figure_id"];

    public static Command Create()
    {
        var region = CommonOptions.Region("The region");
        region.Required = true;
        var project = new Option<string?>("--project") { Description = "Only this project: a canonical id or words of its name" };
        var database = CommonOptions.Database();
        var command = new Command("timeline", """
            A region's figures across issues (plans included, for their targets; the places inside the region
            too), oldest first. `change` is the move since the previous issue of the year that stated the same
            project for the same region.

            Examples:
              bulletin timeline --region 汨罗市
              bulletin timeline --region 汨罗市 --project 城镇新增就业 --since 2025 --format csv
            """) { region, project, database };
        var window = CommonOptions.Window(command);
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(region)!, result.GetValue(project),
            window.Read(result), result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(string region, string? project, IssueWindow window, string databasePath, RowsOutput output)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var rows = Timeline.For(AnalysisFigure.Load(connection), region, project, window);
        output.Write(Columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.AsOf, r.Issue, r.Doc, r.Kind, r.Region, r.Project, r.Target, r.Actual, r.Unit, r.Percent, r.Qualifier, r.Change, r.FigureId,
        ]));
        return 0;
    }
}
