using System.CommandLine;

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

    /// <summary>Runs a command body, turning expected user errors into a message and exit code 2.</summary>
    public static int Guard(Func<int> body)
    {
        try { return body(); }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or ArgumentException
                                          or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"bulletin: {error.Message}");
            return 2;
        }
    }
}
