using System.CommandLine;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin diff A B`: what moved between two issues of one region, by how much, and what is new or gone.</summary>
public static class DiffCommand
{
    public static readonly string[] Columns =
    [
        "change", "region", "project_id", "project", "unit", "target_a", "target_b", "actual_a", "actual_b", "actual_change",
        "percent_a", "percent_b", "percent_change", "figure_a", "figure_b",
    ];

    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "The earlier issue: a document name, an issue number or a date (yyyy-MM-dd)" };
        var b = new Argument<string>("b") { Description = "The later issue, the same way" };
        var region = CommonOptions.Region("The region whose issues to compare");
        var same = new Option<bool>("--all") { Description = "Also list the projects that did not change" };
        var database = CommonOptions.Database();
        var command = new Command("diff", """
            Two issues of one region side by side: each project's target, actual and percent in A and in B
            (percent: stated, else actual/target), what moved and by how much (percent_change in points), and the
            projects only in B (new) or only in A (vanished). A and B are document names, issue numbers or
            dates; each must be one issue (its TXT, DOCX and PDF renderings are one issue): with several
            regions' issues on one date, give --region. Moved first, largest percent change first.

            Examples:
              bulletin diff 2025-04-20 2026-03-23 --region 汨罗市
              bulletin diff 001_054569d9a1a13617.docx 004_1f00e35fffe70a01.docx --format csv
            """) { a, b, region, same, database };
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(a)!, result.GetValue(b)!, result.GetValue(region),
            result.GetValue(same), result.GetValue(database)!, output.Read(result))));
        return command;
    }

    private static int Run(string a, string b, string? region, bool all, string databasePath, RowsOutput output)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        var figures = AnalysisFigure.Load(connection);
        var regions = RegionTree.From(figures);
        var before = IssueDiff.Side(figures, a, region, regions);
        var after = IssueDiff.Side(figures, b, region, regions);
        Console.Error.WriteLine($"A: {before.Describe()}");
        Console.Error.WriteLine($"B: {after.Describe()}");
        if (before.IssueDate?[..4] != after.IssueDate?[..4])
            Console.Error.WriteLine("note: A and B are of different years; bulletins count from the start of each year, so a fall is the new year's start");
        var rows = IssueDiff.Compare(before, after);
        var counts = rows.GroupBy(r => r.Change).ToDictionary(g => g.Key, g => g.Count());
        Console.Error.WriteLine(string.Join(", ", new[] { IssueDiff.Moved, IssueDiff.New, IssueDiff.Vanished, IssueDiff.Same }
            .Select(c => $"{counts.GetValueOrDefault(c)} {c}")));
        output.Write(Columns, rows.Where(r => all || r.Change != IssueDiff.Same).Select(r => (IReadOnlyList<object?>)
        [
            r.Change, r.Region, r.ProjectId, r.Project, r.Unit, r.Before?.Target, r.After?.Target, r.Before?.Actual, r.After?.Actual,
            Round(r.ActualChange), Round(r.Before?.Completion), Round(r.After?.Completion), Round(r.PercentChange), r.Before?.Id, r.After?.Id,
        ]), sheet: "diff");
        return 0;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
