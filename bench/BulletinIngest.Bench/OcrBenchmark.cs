using System.Diagnostics;
using BulletinIngest.Reading.Ocr;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Bench;

/// <summary>
/// `ocr [PDF]`: reads a scanned PDF (default: tests/fixtures/scan/004_…scan.pdf) through the PDF reader with
/// OCR, cold (an empty page cache: per page the embedded page image through pdfimages, or a pdftoppm rendering, then
/// Tesseract, one process at a time) and then warm (every page from the cache), and prints pages/s, seconds a page
/// and the CPU the OCR processes used.
/// </summary>
public static class OcrBenchmark
{
    public static int Run(string[] args)
    {
        if (TesseractRecognizer.MissingTool is { } missing)
        {
            Console.Error.WriteLine($"cannot run: {missing}");
            return 2;
        }
        string file = args.FirstOrDefault() ?? Path.Combine(RepositoryRoot(), "tests", "fixtures", "scan", "004_1f00e35fffe70a01.scan.pdf");
        var content = File.ReadAllBytes(file);
        string cache = Directory.CreateTempSubdirectory("bench-ocr-").FullName;
        var reader = new PdfReader(OcrMode.Auto, new TesseractRecognizer(cache));

        var childrenBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        var document = reader.Read(content);
        double cold = clock.Elapsed.TotalSeconds;
        double childCpu = ChildrenCpuSeconds() - childrenBefore;

        clock.Restart();
        reader.Read(content);
        double warm = clock.Elapsed.TotalSeconds;
        int pages = document.PageCount;
        Console.WriteLine($"{Path.GetFileName(file)}: {pages} pages, {document.FullText.Length:N0} characters read");
        Console.WriteLine($"cold (empty cache): {pages / cold:0.00} pages/s, {cold / pages:0.0} s a page wall, " +
                          $"{childCpu / pages:0.0} s CPU a page in poppler + Tesseract (OMP_THREAD_LIMIT=1)");
        Console.WriteLine($"warm (page cache):  {pages / warm:0.0} pages/s, {warm * 1000 / pages:0} ms a page");
        Console.WriteLine($"peak memory {Measure.PeakMemoryMb():0} MB (this process; Tesseract runs apart)");
        Directory.Delete(cache, recursive: true);
        return 0;
    }

    /// <summary>CPU seconds of this process's finished children (getrusage RUSAGE_CHILDREN via /proc/self/stat).</summary>
    private static double ChildrenCpuSeconds()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: field 14 (cutime) and 15 (cstime) of stat are at 13 and 14 here (0-based from state).
        return (double.Parse(fields[13]) + double.Parse(fields[14])) / 100.0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BulletinIngest.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
