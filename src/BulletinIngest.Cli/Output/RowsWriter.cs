using System.Globalization;
using System.Text;
using System.Text.Json;
using BulletinIngest.Analysis;
using Spectre.Console;

namespace BulletinIngest.Cli.Output;

/// <summary>Prints rows of named values as a terminal table, CSV or JSON lines.</summary>
public static class RowsWriter
{
    /// <summary>Writes the rows as they come (csv, json); the table view, held in memory to size its columns, shows at most <paramref name="tableLimit"/>.</summary>
    public static void Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, string format, TextWriter output,
        int tableLimit = int.MaxValue)
    {
        switch (format)
        {
            case "csv": WriteCsv(columns, rows, output); break;
            case "json": WriteJson(columns, rows, output); break;
            default: WriteTable(columns, rows, tableLimit); break;
        }
    }

    public static string Csv(object? value)
    {
        string text = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => SpreadsheetText.Neutralize(value.ToString() ?? ""),
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static void WriteCsv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, TextWriter output)
    {
        output.WriteLine(string.Join(',', columns.Select(Csv)));
        foreach (var row in rows) output.WriteLine(string.Join(',', row.Select(Csv)));
    }

    /// <summary>JSON that keeps Chinese text readable (no \uXXXX escapes).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteJson(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, TextWriter output)
    {
        foreach (var row in rows)
        {
            var record = new Dictionary<string, object?>();
            for (int i = 0; i < columns.Count; i++) record[columns[i]] = row[i];
            output.WriteLine(JsonSerializer.Serialize(record, JsonOptions));
        }
    }

    private static void WriteTable(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, int limit)
    {
        // Redirected output has no terminal width: let rows be as wide as their content instead of 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 4096;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(Markup.Escape(column));
        int count = 0;
        bool more = false;
        foreach (var row in rows)
        {
            if (count == limit) { more = true; break; }
            table.AddRow(row.Select(v => Markup.Escape(v switch
            {
                null => "",
                double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            })).ToArray());
            count++;
        }
        AnsiConsole.Write(table);
        Console.WriteLine(more
            ? $"first {count} rows shown; more not read (--limit N, or --format csv/json for every row)"
            : $"{count} row{(count == 1 ? "" : "s")}");
    }
}
