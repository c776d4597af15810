using System.Diagnostics;
using BulletinIngest.Reading.Pdf;

namespace BulletinIngest.Bench;

/// <summary>
/// `pdf [FOLDER] [--rounds N]`: reads every PDF of a folder (default: the repository's corpus/bulletins/pdf)
/// through the PDF text layer N times (default 5) after one warm-up pass, and prints pages/s, ms per file
/// and peak memory; when poppler's `pdftotext` is on the PATH, times it on the same files for comparison.
/// </summary>
public static class PdfBenchmark
{
    public static int Run(string[] args)
    {
        int rounds = 5;
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

        int pages = contents.Sum(c => reader.Read(c).PageCount); // warm-up, and the page count
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var (_, elapsed) = Measure.Time(() =>
        {
            for (int round = 0; round < rounds; round++)
                foreach (var content in contents) reader.Read(content);
            return 0;
        });
        double seconds = elapsed.TotalSeconds;
        double cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"files: {files.Count} ({contents.Sum(c => c.Length) / (1024.0 * 1024.0):0.0} MB, {pages} pages), rounds: {rounds}");
        Console.WriteLine($"text layer: {pages * rounds / seconds:0} pages/s, {seconds * 1000 / (files.Count * rounds):0.0} ms/file, " +
                          $"peak memory {Measure.PeakMemoryMb():0} MB");
        // On a shared machine wall time depends on the neighbours; CPU time is what the reading costs.
        Console.WriteLine($"text layer CPU: {pages * rounds / cpuSeconds:0} pages per CPU-second, {cpuSeconds * 1000 / (pages * rounds):0.0} ms/page");

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
