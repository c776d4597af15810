using System.CommandLine;
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
        var allFiles = new Option<bool>("--all-files")
        {
            Description = "Also the figures of every other file of a bulletin (its other renderings), not only of the file it is counted from",
        };
        var command = new Command("export", """
            Export the figures, each bulletin once (the figures of its counted file; --all-files adds the other
            renderings' figures): JSONL (the default) with the keys of the gold label format plus provenance, a
            JSON array, CSV (UTF-8 with BOM in a file, so Excel opens the Chinese text correctly), TSV, or an
            Excel workbook (needs --out) with sheets figures, lagging, flags, comparison (every project × region)
            and a region × project grid per year. The format follows --out's extension unless --format is given.

            Examples:
              bulletin export --out figures.jsonl
              bulletin export --out figures.csv --since 2025-01-01
              bulletin export --out analysis.xlsx
              bulletin export --all-files --out every-rendering.jsonl
            """) { database, allFiles };
        var window = CommonOptions.Window(command);
        var output = OutputOptions.AddTo(command, defaultFormat: "jsonl", formats: ["jsonl", "json", "csv", "tsv", "xlsx"]);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(database)!, window.Read(result), output.Read(result), result.GetValue(allFiles))));
        return command;
    }

    /// <summary>
    /// The figures of the documents whose issue is in the window, in document order: of each bulletin's counted file
    /// (Storage/BulletinGrouping), or with <paramref name="allFiles"/> of every stored file.
    /// </summary>
    public static IEnumerable<IReadOnlyList<object?>> ReadFigures(Microsoft.Data.Sqlite.SqliteConnection connection, IssueWindow? window = null,
        bool allFiles = false)
    {
        window ??= IssueWindow.All;
        return connection.Query(
            """
            SELECT d.name, f.region, f.tier, f.project, f.indicator, f.target, f.actual, f.unit, f.percent, f.qualifier,
                   f.optional, f.inconsistent, f.approximate, f.canonical_project_id, f.id, f.page, f.start_offset,
                   f.end_offset, f.sentence, d.issue_date, f.decided_by, f.source, f.ocr_confidence, f.suspect, d.issue
            FROM figures f JOIN documents d ON d.id = f.document_id
            WHERE @allFiles OR EXISTS (SELECT 1 FROM bulletins b WHERE b.document_id = d.id)
            ORDER BY d.name, f.start_offset, f.id
            """, new { allFiles }).Select(row => ((IDictionary<string, object?>)row).Values.ToArray())
            .Where(values => window.Contains((string?)values[19], values[24] is null ? null : Convert.ToInt32(values[24])))
            .Select(values =>
            {
                foreach (int flag in new[] { 10, 11, 12, 23 }) values[flag] = Convert.ToInt64(values[flag]) != 0;
                return (IReadOnlyList<object?>)values[..Columns.Length];
            });
    }

    private static int Run(string databasePath, IssueWindow window, RowsOutput output, bool allFiles)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        if (output.Format == "xlsx")
        {
            if (output.Path is null) throw new ArgumentException("--format xlsx writes a file: give it with --out FILE.xlsx");
            int count = 0;
            AnalysisWorkbook.Write(output.Path, connection,
                new XlsxSheet("figures", Columns, ReadFigures(connection, window, allFiles).Select(r => { count++; return r; })), window);
            Console.Error.WriteLine($"wrote {count} figures to {output.Path} (xlsx: figures, lagging, flags, comparison, a grid per year)");
            return 0;
        }
        output.Write(Columns, ReadFigures(connection, window, allFiles), sheet: "figures");
        return 0;
    }
}
