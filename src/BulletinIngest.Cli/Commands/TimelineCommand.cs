using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin timeline --region R`: one region's figures across issues, oldest first.</summary>
public static class TimelineCommand
{
    public static readonly string[] Columns =
        ["as_of", "issue", "doc", "kind", "project", "target", "actual", "unit", "percent", "qualifier", "change", "figure_id"];

    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "The region (屈原区 finds 屈原管理区)", Required = true };
        var project = new Option<string?>("--project") { Description = "Only this project: a canonical id or words of its name" };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format("table", "table", "csv", "json");
        var command = new Command("timeline", """
            A region's figures across issues (plans included, for their targets), oldest first. `change` is the
            move since the previous issue that stated the same project.

            Examples:
              bulletin timeline --region 汨罗市
              bulletin timeline --region 汨罗市 --project 城镇新增就业 --format csv
            """) { region, project, database, format };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(region)!, result.GetValue(project),
            result.GetValue(database)!, result.GetValue(format)!)));
        return command;
    }

    private static int Run(string region, string? project, string databasePath, string format)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var rows = Timeline.For(AnalysisFigure.Load(connection), region, project);
        RowsWriter.Write(Columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.AsOf, r.Issue, r.Doc, r.Kind, r.Project, r.Target, r.Actual, r.Unit, r.Percent, r.Qualifier, r.Change, r.FigureId,
        ]), format, Console.Out);
        return 0;
    }
}
