using System.CommandLine;

namespace BulletinIngest.Cli.Output;

/// <summary>
/// The output options every command that prints rows shares: `--format`, `--out FILE` and `--limit N`. The format
/// follows --out's extension unless given; a format that contradicts the extension is refused (a usage error).
/// </summary>
public sealed class OutputOptions
{
    /// <summary>The row formats, sqlite-utils' names: json is one array, jsonl one object a line.</summary>
    public static readonly string[] RowFormats = ["table", "csv", "tsv", "json", "jsonl"];

    private static readonly Dictionary<string, string> FormatOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "csv", [".tsv"] = "tsv", [".tab"] = "tsv", [".json"] = "json", [".jsonl"] = "jsonl", [".ndjson"] = "jsonl",
        [".xlsx"] = "xlsx", [".txt"] = "table",
    };

    private readonly Option<string?> _format;
    private readonly Option<string?> _out;
    private readonly Option<int?> _limit;
    private readonly string _defaultFormat;
    private readonly int? _tableLimit;
    private readonly string[] _formats;

    private readonly int? _defaultLimit;

    private OutputOptions(Command command, string defaultFormat, string[] formats, int? tableLimit, int? defaultLimit)
    {
        _defaultLimit = defaultLimit;
        _defaultFormat = defaultFormat;
        _tableLimit = tableLimit;
        _formats = formats;
        _format = new Option<string?>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)} (default: from --out's extension, else {defaultFormat})",
            HelpName = "format",
        };
        _format.AcceptOnlyFromAmong(formats);
        _out = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output (CSV with a BOM, for Excel)" };
        _limit = new Option<int?>("--limit")
        {
            Description = defaultLimit is { } all ? $"At most N rows (default {all})"
                : tableLimit is { } shown ? $"At most N rows (the table view shows {shown} unless told)" : "At most N rows",
            HelpName = "N",
        };
        command.Options.Add(_format);
        command.Options.Add(_out);
        command.Options.Add(_limit);
    }

    /// <summary>
    /// Adds --format, --out and --limit to a command; <paramref name="formats"/> defaults to <see cref="RowFormats"/>
    /// and xlsx (one sheet, needs --out). The table view shows <paramref name="tableLimit"/> rows unless told;
    /// <paramref name="defaultLimit"/>, when given, caps every format.
    /// </summary>
    public static OutputOptions AddTo(Command command, string defaultFormat = "table", string[]? formats = null, int? tableLimit = 1000,
        int? defaultLimit = null) =>
        new(command, defaultFormat, formats ?? [.. RowFormats, "xlsx"], tableLimit, defaultLimit);

    public RowsOutput Read(ParseResult result)
    {
        string? format = result.GetValue(_format);
        string? path = result.GetValue(_out);
        int? limit = result.GetValue(_limit);
        if (limit is <= 0) throw new ArgumentException("--limit must be positive");
        if (path is not null)
        {
            if (Directory.Exists(path)) throw new ArgumentException($"--out {path} is a folder; give a file name");
            string extension = Path.GetExtension(path);
            if (FormatOfExtension.TryGetValue(extension, out var implied))
            {
                if (format is not null && format != implied)
                    throw new ArgumentException($"--format {format} does not match --out {Path.GetFileName(path)} ({extension} is {implied}); change one of them");
                format = implied;
            }
            else if (format is null)
                throw new ArgumentException($"cannot tell the format of --out {Path.GetFileName(path)} from its extension: give --format");
            if (!_formats.Contains(format))
                throw new ArgumentException($"this command does not write {format} ({Path.GetFileName(path)})");
        }
        format ??= _defaultFormat;
        return new RowsOutput(format, path, limit ?? _defaultLimit ?? (format == "table" ? _tableLimit : null), limitTold: limit is not null);
    }
}
