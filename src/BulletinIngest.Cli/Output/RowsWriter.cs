using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BulletinIngest.Analysis;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BulletinIngest.Cli.Output;

/// <summary>
/// Where and how a command prints its rows (from <see cref="OutputOptions"/>). Values keep their types: numbers
/// stay numbers and booleans booleans in JSON; a list of values (figure ids) is a JSON array and a
/// space-separated cell elsewhere.
/// </summary>
public sealed class RowsOutput(string format, string? path, int? limit, bool limitTold = false)
{
    public string Format { get; } = format;
    public string? Path { get; } = path;
    public int? Limit { get; } = limit;
    private bool _more;

    /// <summary>Rows in a format on standard output, all of them.</summary>
    public static RowsOutput Stdout(string format) => new(format, null, null);

    /// <summary>
    /// Writes the rows (at most <see cref="Limit"/>) and returns how many it wrote; says where a file went on stderr.
    /// An xlsx file gets one sheet, <paramref name="sheet"/>.
    /// </summary>
    public int Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, string sheet = "rows")
    {
        if (Limit is { } limit) rows = Limited(rows, limit);
        int count = 0;
        if (Format == "xlsx")
        {
            if (Path is null) throw new ArgumentException("--format xlsx writes a file: give it with --out FILE.xlsx");
            XlsxWriter.Write(Path, [new XlsxSheet(sheet, columns, rows.Select(r => { count++; return r; }))]);
            Console.Error.WriteLine($"wrote {count} row{(count == 1 ? "" : "s")} to {Path} (xlsx)");
            return count;
        }
        if (Path is null)
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            count = RowsWriter.Write(columns, rows, Format, stdout);
        }
        else
        {
            // Excel reads a CSV as the locale's code page unless it starts with a BOM.
            using var file = new StreamWriter(Path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: Format == "csv"));
            count = RowsWriter.Write(columns, rows, Format, file);
            Console.Error.WriteLine($"wrote {count} row{(count == 1 ? "" : "s")} to {Path} ({Format})");
        }
        if (Format == "table" && Path is null)
            Console.Error.WriteLine(Limit is { } l && count == l && _more
                ? $"{count} rows shown; more not shown (--limit N{(limitTold ? "" : ", or --format csv/json for every row")})"
                : $"{count} row{(count == 1 ? "" : "s")}");
        return count;
    }

    private IEnumerable<IReadOnlyList<object?>> Limited(IEnumerable<IReadOnlyList<object?>> rows, int limit)
    {
        int n = 0;
        foreach (var row in rows)
        {
            if (n++ == limit) { _more = true; yield break; }
            yield return row;
        }
    }
}

/// <summary>Rows of named values as a terminal table, CSV, TSV, a JSON array or JSON lines.</summary>
public static class RowsWriter
{
    /// <summary>A table cell's text is cut to this many columns (a CJK character takes two).</summary>
    public const int MaxCellWidth = 48;

    public static int Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, string format, TextWriter output) =>
        format switch
        {
            "csv" => WriteDelimited(columns, rows, output, ','),
            "tsv" => WriteDelimited(columns, rows, output, '\t'),
            "json" => WriteJson(columns, rows, output, array: true),
            "jsonl" => WriteJson(columns, rows, output, array: false),
            "table" => WriteTable(columns, rows, output),
            _ => throw new ArgumentException($"unknown output format {format}"),
        };

    /// <summary>A value as a CSV/TSV cell: numbers invariant, lists space-separated, text neutralized against formulas (OWASP).</summary>
    public static string Cell(object? value, char delimiter = ',')
    {
        string text = Plain(value, neutralize: true);
        return text.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static string Plain(object? value, bool neutralize) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        string s => neutralize ? SpreadsheetText.Neutralize(s) : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(" ", list.Cast<object?>().Select(v => Plain(v, neutralize: false))),
        _ => neutralize ? SpreadsheetText.Neutralize(value.ToString() ?? "") : value.ToString() ?? "",
    };

    public static int WriteDelimited(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, TextWriter output, char delimiter)
    {
        string separator = delimiter.ToString();
        output.WriteLine(string.Join(separator, columns.Select(c => Cell(c, delimiter))));
        int count = 0;
        foreach (var row in rows)
        {
            output.WriteLine(string.Join(separator, row.Select(v => Cell(v, delimiter))));
            count++;
        }
        return count;
    }

    /// <summary>JSON that keeps Chinese text readable (no \uXXXX escapes).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A JSON array of objects (streamed, one object a line inside it), or JSON lines.</summary>
    public static int WriteJson(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, TextWriter output, bool array = false)
    {
        int count = 0;
        if (array) output.Write('[');
        foreach (var row in rows)
        {
            var record = new Dictionary<string, object?>();
            for (int i = 0; i < columns.Count; i++) record[columns[i]] = row[i] is double d && !double.IsFinite(d) ? null : row[i];
            if (array) output.Write(count == 0 ? "\n" : ",\n");
            output.Write(JsonSerializer.Serialize(record, JsonOptions));
            if (!array) output.WriteLine();
            count++;
        }
        if (array) output.WriteLine(count == 0 ? "]" : "\n]");
        return count;
    }

    private static bool IsNumber(object? value) => value is int or long or short or double or float or decimal;

    /// <summary>A bordered table: numbers right-aligned, long cells cut at <see cref="MaxCellWidth"/> with an ellipsis.</summary>
    private static int WriteTable(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, TextWriter output)
    {
        var held = rows.ToList();   // a table sizes its columns from every row
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 4096;   // rows as wide as their content: the cells are capped instead
        var table = new Table().Border(TableBorder.Rounded);
        for (int i = 0; i < columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(columns[i]));
            if (held.Any(r => r[i] is not null) && held.All(r => r[i] is null || IsNumber(r[i]))) column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in held)
            table.AddRow(row.Select(v => (IRenderable)new Text(Capped(v switch
            {
                double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                _ => Plain(v, neutralize: false),
            }))).ToArray());
        console.Write(table);
        output.Flush();
        return held.Count;
    }

    /// <summary>One line of at most <see cref="MaxCellWidth"/> terminal columns.</summary>
    private static string Capped(string text)
    {
        text = text.Replace("\r\n", " ⏎ ").Replace('\n', ' ').Replace('\t', ' ');
        int width = 0;
        for (int i = 0; i < text.Length; i++)
        {
            width += text[i] >= 0x1100 && (text[i] <= 0x115F || text[i] >= 0x2E80) ? 2 : 1;
            if (width > MaxCellWidth - 1) return text[..i] + "…";
        }
        return text;
    }
}
