using System.CommandLine;
using System.Text;
using BulletinIngest.Analysis;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin export`: the figures in the gold label format (JSONL), as a spreadsheet-friendly CSV, or as an Excel workbook.</summary>
public static class ExportCommand
{
    /// <summary>The gold format's keys first, then the provenance an analyst checks a figure with.</summary>
    public static readonly string[] Columns =
    [
        "doc", "region", "tier", "project", "indicator", "target", "actual", "unit", "percent", "qualifier", "optional",
        "inconsistent", "approximate", "canonical_project", "figure_id", "page", "start", "end", "sentence", "issue_date", "decided_by",
        "source", "ocr_confidence", "suspect",
    ];

    public static Command Create()
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format("jsonl", "jsonl", "csv", "xlsx");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", """
            Export every figure: JSONL with the keys of the gold label format plus provenance, CSV
            (UTF-8 with BOM, so Excel opens the Chinese text correctly), or an Excel workbook (needs --out)
            with sheets figures, flags and comparison (every project × region), header rows frozen.

            Examples:
              bulletin export --format jsonl --out figures.jsonl
              bulletin export --format csv --out figures.csv
              bulletin export --format xlsx --out analysis.xlsx
            """) { database, format, output };
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(database)!, result.GetValue(format)!, result.GetValue(output))));
        return command;
    }

    public static IEnumerable<IReadOnlyList<object?>> ReadFigures(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        connection.Query(
            """
            SELECT d.name, f.region, f.tier, f.project, f.indicator, f.target, f.actual, f.unit, f.percent, f.qualifier,
                   f.optional, f.inconsistent, f.approximate, f.canonical_project_id, f.id, f.page, f.start_offset,
                   f.end_offset, f.sentence, d.issue_date, f.decided_by, f.source, f.ocr_confidence, f.suspect
            FROM figures f JOIN documents d ON d.id = f.document_id
            ORDER BY d.name, f.start_offset, f.id
            """).Select(row =>
        {
            var values = ((IDictionary<string, object?>)row).Values.ToArray();
            foreach (int flag in new[] { 10, 11, 12, 23 }) values[flag] = Convert.ToInt64(values[flag]) != 0;
            return (IReadOnlyList<object?>)values;
        });

    private static int Run(string databasePath, string format, string? outputPath)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        if (format == "xlsx")
        {
            if (outputPath is null) throw new ArgumentException("--format xlsx writes a file: give it with --out FILE.xlsx");
            AnalysisWorkbook.Write(outputPath, connection, new XlsxSheet("figures", Columns, ReadFigures(connection)));
            return 0;
        }
        var encoding = format == "csv" ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : new UTF8Encoding(false);
        using var writer = outputPath is null
            ? new StreamWriter(Console.OpenStandardOutput(), encoding)
            : new StreamWriter(outputPath, append: false, encoding);
        if (format == "csv") RowsWriter.WriteCsv(Columns, ReadFigures(connection), writer);
        else RowsWriter.WriteJson(Columns, ReadFigures(connection), writer);
        return 0;
    }
}
