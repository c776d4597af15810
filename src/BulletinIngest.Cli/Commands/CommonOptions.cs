using System.CommandLine;
using BulletinIngest.Storage;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Cli.Commands;

/// <summary>Options that several commands share, so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "The SQLite database file",
        DefaultValueFactory = _ => "bulletins.db",
    };

    public static Option<string> Format(string defaultFormat, params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}",
            DefaultValueFactory = _ => defaultFormat,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<BulletinIngest.Reading.Ocr.OcrMode> Ocr() => new("--ocr")
    {
        Description = "OCR of PDF pages that are images (Tesseract, chi_sim): auto (pages without a text layer, when " +
                      "Tesseract is installed), always (every page), never",
        DefaultValueFactory = _ => BulletinIngest.Reading.Ocr.OcrMode.Auto,
        CustomParser = result => Enum.TryParse<BulletinIngest.Reading.Ocr.OcrMode>(result.Tokens.Single().Value, ignoreCase: true, out var mode)
            ? mode
            : throw new ArgumentException($"--ocr takes auto, always or never, not {result.Tokens.Single().Value}"),
    };

    /// <summary>
    /// Runs a command body, turning every error into one line on stderr and its exit code (<see cref="ExitCodes"/>):
    /// usage errors 2, environment failures 3, our own bugs 4. No stack traces.
    /// </summary>
    public static int Guard(Func<int> body)
    {
        try { return body(); }
        catch (Exception error)
        {
            int code = ExitCodeOf(error);
            Console.Error.WriteLine(code == ExitCodes.Internal
                ? $"bulletin: internal error ({error.GetType().Name}): {error.Message}"
                : $"bulletin: {error.Message}");
            if (Environment.GetEnvironmentVariable("BULLETIN_TRACE") == "1") Console.Error.WriteLine(error);
            return code;
        }
    }

    private static int ExitCodeOf(Exception error) => error switch
    {
        NotOurDatabaseException => ExitCodes.Environment,
        SqliteException sqlite => sqlite.SqliteErrorCode switch
        {
            // SQLITE_BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
            5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 => ExitCodes.Environment,
            _ => ExitCodes.Usage, // a query's own error: syntax, no such table, interrupted
        },
        FileNotFoundException or DirectoryNotFoundException or ArgumentException or InvalidOperationException
            or UnauthorizedAccessException or PathTooLongException => ExitCodes.Usage,
        IOException => ExitCodes.Environment, // disk full, a file vanished or locked
        _ => ExitCodes.Internal,
    };
}
