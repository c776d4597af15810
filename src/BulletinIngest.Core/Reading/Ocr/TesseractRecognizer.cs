using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BulletinIngest.Reading.Ocr;

/// <summary>
/// OCR with Tesseract's simplified-Chinese model (Debian: tesseract-ocr, tesseract-ocr-chi-sim): poppler's
/// pdftoppm renders the page at <see cref="Dpi"/>, `tesseract … tsv` gives words with boxes and confidences.
/// One process per page with OMP_THREAD_LIMIT=1 (Tesseract's OpenMP threads otherwise fight over the cores the
/// pipeline already fills) and a time budget. Results are cached by the hash of the PDF and the page, so a
/// re-ingest of a changed database does not recognize the page again.
/// </summary>
public sealed class TesseractRecognizer(string? cacheFolder = null) : IPageRecognizer
{
    public const int Dpi = 200;
    public const string Language = "chi_sim";
    private static readonly TimeSpan PageBudget = TimeSpan.FromSeconds(120);
    private static readonly Lazy<string?> Missing = new(FindMissingTool);

    private readonly string _cache = cacheFolder ?? DefaultCacheFolder();

    /// <summary>Null when pdftoppm and Tesseract with chi_sim are installed, else what to install.</summary>
    public static string? MissingTool => Missing.Value;

    public IEnumerable<(int Page, OcrPage? Result, Exception? Error)> Recognize(byte[] pdf, IReadOnlyList<int> pages)
    {
        // The PDF is hashed and written out once for all its pages, and only when a page is not cached.
        string key = Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant()[..32];
        string? work = null;
        try
        {
            foreach (int page in pages)
            {
                string cached = Path.Combine(_cache, $"{key}-p{page}-{Dpi}-{Language}.tsv");
                if (File.Exists(cached))
                {
                    yield return (page, Parse(File.ReadAllText(cached, Encoding.UTF8)), null);
                    continue;
                }
                if (work is null)
                {
                    work = Directory.CreateTempSubdirectory("bulletin-ocr-").FullName;
                    File.WriteAllBytes(Path.Combine(work, "in.pdf"), pdf);
                }
                OcrPage? result = null;
                Exception? error = null;
                try { result = RecognizePage(Path.Combine(work, "in.pdf"), page, cached); }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException) { error = e; }
                yield return (page, result, error);
            }
        }
        finally
        {
            if (work is not null)
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private OcrPage RecognizePage(string pdfPath, int page, string cached)
    {
        string pngStem = Path.Combine(Path.GetDirectoryName(pdfPath)!, $"page{page}");
        Run("pdftoppm", ["-r", $"{Dpi}", "-f", $"{page}", "-l", $"{page}", "-png", "-singlefile", pdfPath, pngStem]);
        string tsv = Run("tesseract", [pngStem + ".png", "stdout", "-l", Language, "tsv"]);
        File.Delete(pngStem + ".png");
        Directory.CreateDirectory(_cache);
        string temporary = cached + ".tmp" + Environment.ProcessId;
        File.WriteAllText(temporary, tsv, Encoding.UTF8);
        File.Move(temporary, cached, overwrite: true);
        return Parse(tsv);
    }

    /// <summary>Tesseract's TSV: level 5 rows are words; block, paragraph and line numbers make the line key.</summary>
    internal static OcrPage Parse(string tsv)
    {
        var words = new List<OcrWord>();
        var lineKeys = new Dictionary<(int, int, int), int>();
        foreach (string row in tsv.Split('\n').Skip(1))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || string.IsNullOrWhiteSpace(f[11])) continue;
            var lineKey = (int.Parse(f[2]), int.Parse(f[3]), int.Parse(f[4]));
            if (!lineKeys.TryGetValue(lineKey, out int line)) lineKeys[lineKey] = line = lineKeys.Count;
            words.Add(new OcrWord(f[11].Trim(), int.Parse(f[6]), int.Parse(f[7]), int.Parse(f[8]), int.Parse(f[9]),
                double.Parse(f[10], CultureInfo.InvariantCulture), line));
        }
        return new OcrPage(words, Dpi);
    }

    private static string Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PageBudget))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} ran past its {PageBudget.TotalSeconds:0} s budget for one page");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {errors.Result.Split('\n')[0]}");
        return output.Result;
    }

    private static string? FindMissingTool()
    {
        try
        {
            Run("pdftoppm", ["-v"]);
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "poppler's pdftoppm is not installed (apt-get install poppler-utils)";
        }
        try
        {
            if (!Run("tesseract", ["--list-langs"]).Split('\n').Any(l => l.Trim() == Language))
                return $"Tesseract has no {Language} model (apt-get install tesseract-ocr-chi-sim)";
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)";
        }
        return null;
    }

    private static string DefaultCacheFolder() =>
        Environment.GetEnvironmentVariable("BULLETIN_OCR_CACHE") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "bulletin", "ocr");
}
