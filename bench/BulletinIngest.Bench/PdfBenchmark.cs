using System.Diagnostics;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Bench;

/// <summary>
/// `pdf [FOLDER] [--rounds N]`: reads every PDF of a folder (default: the repository's corpus/bulletins/pdf)
/// through the PDF text layer and prints two figures apart: cold (the first pass in a fresh process, JIT
/// compilation and font caches included) and warm (N rounds, default 20, after three warm-up rounds), with
/// pages/s, CPU per page and peak memory; when poppler's `pdftotext` is on the PATH, it is timed on the same
/// files for comparison.
/// </summary>
public static class PdfBenchmark
{
    public static int Run(string[] args)
    {
        int rounds = 20;
        string? folder = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i]);
            else folder = args[i];
        }
        folder ??= FindCorpus();
        var files = Directory.GetFiles(folder, "*.pdf").Order().ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no PDF files in {folder}");
            return 2;
        }
        var contents = files.Select(File.ReadAllBytes).ToList();
        var reader = new PdfReader();

        var cpuCold = Environment.CpuUsage.TotalTime;
        var (pages, coldElapsed) = Measure.Time(() => contents.Sum(c => reader.Read(c).PageCount));
        double coldCpu = (Environment.CpuUsage.TotalTime - cpuCold).TotalSeconds;
        for (int round = 0; round < 3; round++)
            foreach (var content in contents) reader.Read(content);

        var cpuBefore = Environment.CpuUsage.TotalTime;
        var (_, elapsed) = Measure.Time(() =>
        {
            for (int round = 0; round < rounds; round++)
                foreach (var content in contents) reader.Read(content);
            return 0;
        });
        double seconds = elapsed.TotalSeconds;
        double cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"files: {files.Count} ({contents.Sum(c => c.Length) / (1024.0 * 1024.0):0.0} MB, {pages} pages), warm rounds: {rounds}");
        // On a shared machine wall time depends on the neighbours; CPU time is what the reading costs.
        Console.WriteLine($"cold (first pass): {pages / coldElapsed.TotalSeconds:0} pages/s, {pages / coldCpu:0} pages per CPU-second, " +
                          $"{coldCpu * 1000 / pages:0.0} ms CPU/page");
        Console.WriteLine($"warm:              {pages * rounds / seconds:0} pages/s, {pages * rounds / cpuSeconds:0} pages per CPU-second, " +
                          $"{cpuSeconds * 1000 / (pages * rounds):0.00} ms CPU/page, {seconds * 1000 / (files.Count * rounds):0.0} ms/file");
        Console.WriteLine($"peak memory {Measure.PeakMemoryMb():0} MB");

        if (Pdftotext(files, rounds) is { } popplerSeconds)
            Console.WriteLine($"pdftotext:  {pages * rounds / popplerSeconds:0} pages/s, {popplerSeconds * 1000 / (files.Count * rounds):0.0} ms/file " +
                              "(one process per file, output discarded)");
        else
            Console.WriteLine("pdftotext:  not installed (apt-get install poppler-utils to compare)");
        return 0;
    }

    /// <summary>Seconds pdftotext takes over all files for the same number of rounds, or null when it is not installed.</summary>
    private static double? Pdftotext(IReadOnlyList<string> files, int rounds)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            for (int round = 0; round < rounds; round++)
                foreach (string file in files)
                {
                    using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
                    {
                        RedirectStandardOutput = true,
                        RedirectStandardError = true,
                    })!;
                    process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                }
            return clock.Elapsed.TotalSeconds;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BulletinIngest.sln"))) return Path.Combine(dir.FullName, "corpus", "bulletins", "pdf");
        return Path.Combine(Directory.GetCurrentDirectory(), "corpus", "bulletins", "pdf");
    }
}
