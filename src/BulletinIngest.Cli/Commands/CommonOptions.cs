using System.CommandLine;
using BulletinIngest.Analysis;
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

    /// <summary>`--region R`: a region and the places inside it (岳阳市 covers 汨罗市; any spelling: 岳阳, 屈原区).</summary>
    public static Option<string?> Region(string what = "Only this region and the places inside it") => new("--region")
    {
        Description = $"{what} (岳阳市 covers its counties; 汨罗 or 屈原区 find 汨罗市 and 屈原管理区)",
        HelpName = "region",
    };

    /// <summary>`--since`, `--until`, `--issue`: which issues a command looks at (<see cref="IssueWindow"/>).</summary>
    public sealed class WindowOptions
    {
        private readonly Option<string?> _since = new("--since") { Description = "Only issues dated on or after this day (2025-06-30, 2025-06 or 2025)", HelpName = "date" };
        private readonly Option<string?> _until = new("--until") { Description = "Only issues dated on or before this day (2025-06-30, 2025-06 or 2025)", HelpName = "date" };
        private readonly Option<int?> _issue = new("--issue") { Description = "Only issues with this number (第N期)", HelpName = "N" };

        public WindowOptions(Command command)
        {
            command.Options.Add(_since);
            command.Options.Add(_until);
            command.Options.Add(_issue);
        }

        public IssueWindow Read(ParseResult result) => IssueWindow.Parse(result.GetValue(_since), result.GetValue(_until), result.GetValue(_issue));
    }

    public static WindowOptions Window(Command command) => new(command);

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
