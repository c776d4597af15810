using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BulletinIngest.Reading.Ocr;

/// <summary>
/// OCR with Tesseract's simplified-Chinese model (Debian: tesseract-ocr, tesseract-ocr-chi-sim). A PDF page's image
/// is the PDF's own embedded image where one covers the page and is JPEG or losslessly decodable (poppler's
/// pdfimages hands it over, a JPEG as it is, at its own resolution); else poppler's pdftoppm renders the page at
/// <see cref="Dpi"/>. `tesseract … tsv` gives words with boxes and confidences. One process per page with
/// OMP_THREAD_LIMIT=1 (Tesseract's OpenMP threads otherwise fight over the cores the pipeline already fills) and
/// a time budget. Results are cached by the hash of the PDF (or image) and the page, so a re-ingest of a changed
/// database does not recognize the page again.
/// </summary>
public sealed class TesseractRecognizer(string? cacheFolder = null) : IPageRecognizer
{
    /// <summary>The resolution a page is rendered at when no embedded image covers it.</summary>
    public const int Dpi = 200;
    public const string Language = "chi_sim";
    /// <summary>Part of every cache file's name: a change of how pages become images makes old entries unused.</summary>
    private const string CacheVersion = "v2";
    /// <summary>An embedded image below this resolution is rendered instead (Tesseract needs enough pixels a character).</summary>
    private const int MinEmbeddedPpi = 100;
    private static readonly TimeSpan PageBudget = TimeSpan.FromSeconds(120);
    private static readonly Lazy<string?> Missing = new(FindMissingTool);

    private readonly string _cache = cacheFolder ?? DefaultCacheFolder();

    /// <summary>Null when poppler and Tesseract with chi_sim are installed, else what to install.</summary>
    public static string? MissingTool => Missing.Value;

    public IEnumerable<(int Page, OcrPage? Result, Exception? Error)> Recognize(byte[] pdf, IReadOnlyList<PageToRecognize> pages)
    {
        // The PDF is hashed and written out once for all its pages, and only when a page is not cached.
        string key = Hash(pdf);
        string? work = null;
        try
        {
            foreach (var page in pages)
            {
                string cached = Path.Combine(_cache, $"{key}-p{page.Number}-{Language}-{CacheVersion}.tsv");
                if (File.Exists(cached))
                {
                    yield return (page.Number, ParseCached(File.ReadAllText(cached, Encoding.UTF8)).Single(), null);
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
                yield return (page.Number, result, error);
            }
        }
        finally
        {
            if (work is not null)
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A PNG, JPEG or TIFF (every page of a multi-page TIFF); Tesseract reads the format from the bytes.</summary>
    public IReadOnlyList<OcrPage> RecognizeImage(byte[] image)
    {
        string cached = Path.Combine(_cache, $"{Hash(image)}-image-{Language}-{CacheVersion}.tsv");
        if (File.Exists(cached)) return ParseCached(File.ReadAllText(cached, Encoding.UTF8));
        string work = Directory.CreateTempSubdirectory("bulletin-ocr-").FullName;
        try
        {
            string path = Path.Combine(work, "in.image");
            File.WriteAllBytes(path, image);
            string tsv = Run("tesseract", [path, "stdout", "-l", Language, "tsv"]);
            Store(cached, "", tsv);
            return ParseCached(tsv);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private OcrPage RecognizePage(string pdfPath, PageToRecognize page, string cached)
    {
        string folder = Path.GetDirectoryName(pdfPath)!, stem = Path.Combine(folder, $"page{page.Number}");
        string n = $"{page.Number}";
        string image;
        int dpi;
        if (EmbeddedImagePpi(pdfPath, page) is { } ppi)
        {
            // -j keeps a JPEG as it is; any other image pdfimages can decode is written as a PNG.
            Run("pdfimages", ["-j", "-png", "-f", n, "-l", n, pdfPath, stem]);
            image = Directory.GetFiles(folder, $"page{page.Number}-*").Single();
            dpi = ppi;
        }
        else
        {
            Run("pdftoppm", ["-r", $"{Dpi}", "-f", n, "-l", n, "-png", "-singlefile", pdfPath, stem]);
            image = stem + ".png";
            dpi = Dpi;
        }
        string tsv = Run("tesseract", [image, "stdout", "-l", Language, "--dpi", $"{dpi}", "tsv"]);
        File.Delete(image);
        Store(cached, $"dpi\t{dpi}\n", tsv);
        return ParseCached($"dpi\t{dpi}\n" + tsv).Single();
    }

    /// <summary>
    /// The resolution of the one image that covers the page (within a tenth of its width and height), when it is
    /// a JPEG or an image pdfimages decodes losslessly, in gray or RGB; null when the page must be rendered.
    /// </summary>
    private static int? EmbeddedImagePpi(string pdfPath, PageToRecognize page)
    {
        string n = $"{page.Number}";
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        var images = Run("pdfimages", ["-list", "-f", n, "-l", n, pdfPath]).Split('\n').Skip(2)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 14 && f[2] == "image").ToList();
        if (images.Count != 1) return null;
        var f = images[0];
        if (f[8] is not ("jpeg" or "image") || f[5] is not ("gray" or "rgb")) return null;
        if (!int.TryParse(f[3], out int width) || !int.TryParse(f[4], out int height)
            || !int.TryParse(f[12], out int xPpi) || !int.TryParse(f[13], out int yPpi) || xPpi < MinEmbeddedPpi || xPpi != yPpi)
            return null;
        bool covers = width * 72.0 / xPpi >= 0.9 * page.Width && height * 72.0 / yPpi >= 0.9 * page.Height;
        return covers ? xPpi : null;
    }

    private void Store(string cached, string header, string tsv)
    {
        Directory.CreateDirectory(_cache);
        string temporary = cached + ".tmp" + Environment.ProcessId;
        File.WriteAllText(temporary, header + tsv, Encoding.UTF8);
        File.Move(temporary, cached, overwrite: true);
    }

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant()[..32];

    /// <summary>
    /// Tesseract's TSV, one page per page_num (a PDF page's file holds one): level 1 rows give the page's size,
    /// level 5 rows are words; block, paragraph and line numbers make the line key. Our cache files start with a
    /// `dpi` line; without one (a standalone image of unknown resolution) the page is taken for A4 width.
    /// </summary>
    internal static IReadOnlyList<OcrPage> ParseCached(string tsv)
    {
        int? dpi = null;
        if (tsv.StartsWith("dpi\t", StringComparison.Ordinal))
        {
            int end = tsv.IndexOf('\n');
            dpi = int.Parse(tsv[4..end], CultureInfo.InvariantCulture);
            tsv = tsv[(end + 1)..];
        }
        var pages = new List<OcrPage>();
        List<OcrWord>? words = null;
        Dictionary<(int, int, int), int> lineKeys = [];
        int width = 0, height = 0;
        void Finish()
        {
            if (words is null) return;
            const double A4WidthInches = 8.27;
            pages.Add(new OcrPage(words, dpi ?? Math.Max(72, (int)(width / A4WidthInches)), width, height));
        }
        foreach (string row in tsv.Split('\n').Skip(1))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12) continue;
            if (f[0] == "1")
            {
                Finish();
                (words, lineKeys, width, height) = ([], [], int.Parse(f[8]), int.Parse(f[9]));
                continue;
            }
            if (words is null || f[0] != "5" || string.IsNullOrWhiteSpace(f[11])) continue;
            var lineKey = (int.Parse(f[2]), int.Parse(f[3]), int.Parse(f[4]));
            if (!lineKeys.TryGetValue(lineKey, out int line)) lineKeys[lineKey] = line = lineKeys.Count;
            words.Add(new OcrWord(f[11].Trim(), int.Parse(f[6]), int.Parse(f[7]), int.Parse(f[8]), int.Parse(f[9]),
                double.Parse(f[10], CultureInfo.InvariantCulture), line));
        }
        Finish();
        return pages;
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
            Run("pdfimages", ["-v"]);
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
