using System.CommandLine;
using System.Text;
using BulletinIngest.Analysis;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin report --out report.html`: the analysis as one self-contained page.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write", DefaultValueFactory = _ => "report.html" };
        var database = CommonOptions.Database();
        var command = new Command("report", """
            Write one self-contained HTML page (no network access needed to open it): per year a heat map of
            projects × regions coloured by completion, behind-schedule cells outlined; the flags with their
            source sentences; a one-line summary of each document.

            Examples:
              bulletin report --out report.html
            """) { output, database };
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(output)!, result.GetValue(database)!)));
        return command;
    }

    private static int Run(string outputPath, string databasePath)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        File.WriteAllText(outputPath, HtmlReport.Build(connection, DateTime.UtcNow), new UTF8Encoding(false));
        Console.WriteLine($"wrote {outputPath}");
        return 0;
    }
}
