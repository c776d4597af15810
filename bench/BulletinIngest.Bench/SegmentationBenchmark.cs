using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Bench;

/// <summary>
/// `segment [FILE...]`: dictionary load time and segmentation throughput of <see cref="JiebaSegmenter"/>, next to
/// Python jieba's on the same texts when /usr/bin/python3 has it (timed in a subprocess). The texts (the given
/// files, or the sample bulletins) are segmented one document at a time, as ingest does, in passes until at
/// least 4 MB have been cut. Throughput is given on the process's CPU time as well as wall time, since the
/// machine may be shared: CPU time is what compares fairly with Python's.
/// </summary>
public static class SegmentationBenchmark
{
    private const int MinimumBytes = 4 << 20;
    private const string Python = "/usr/bin/python3";

    public static int Run(string[] args)
    {
        var documents = ReadDocuments(args);
        long passBytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        int passes = (int)Math.Ceiling(MinimumBytes / (double)passBytes);
        double megabytes = passBytes * passes / 1e6;
        Console.WriteLine($"text: {documents.Count} documents, {passBytes / 1e3:0} kB UTF-8 ({documents.Sum(d => d.Length):N0} characters), " +
                          $"cut {passes} times = {megabytes:0.00} MB");

        string folder = Path.Combine(ModelFiles.Directory, "jieba");
        string domainFile = ModelFiles.PathOf(JiebaSegmenter.DomainDictionaryFile);
        var (jieba, firstWall, firstCpu) = Timed(() => JiebaSegmenter.LoadFrom(folder));
        var (domain, domainWall, domainCpu) = Timed(() => jieba.WithUserDictionary(domainFile));
        var (_, loadWall, loadCpu) = Best(() => JiebaSegmenter.LoadFrom(folder).WithUserDictionary(domainFile));
        Console.WriteLine($"load jieba dictionary + HMM: first {firstCpu * 1000:0} ms CPU / {firstWall * 1000:0} ms wall (includes JIT), " +
                          $"+ domain dictionary {domainCpu * 1000:0} ms CPU / {domainWall * 1000:0} ms wall; " +
                          $"both again {loadCpu * 1000:0} ms CPU / {loadWall * 1000:0} ms wall");

        var tokens = documents.SelectMany(d => jieba.Cut(d)).Select(t => t.Text).ToList(); // also JIT warm-up
        var (_, hmmWall, hmmCpu) = Best(() => CutAll(documents, passes, d => jieba.Cut(d, hmm: true).Count));
        var (_, noHmmWall, noHmmCpu) = Best(() => CutAll(documents, passes, d => jieba.Cut(d, hmm: false).Count));
        var search = new JiebaSearchTokenizer(domain);
        var (_, searchWall, searchCpu) = Best(() => CutAll(documents, passes, d => search.Terms(d).Count));
        Console.WriteLine($"C#     cut HMM=True : {megabytes / hmmCpu,6:0.00} MB/s CPU, {megabytes / hmmWall,6:0.00} MB/s wall ({tokens.Count:N0} tokens a pass)");
        Console.WriteLine($"C#     cut HMM=False: {megabytes / noHmmCpu,6:0.00} MB/s CPU, {megabytes / noHmmWall,6:0.00} MB/s wall");
        Console.WriteLine($"C#     search terms : {megabytes / searchCpu,6:0.00} MB/s CPU, {megabytes / searchWall,6:0.00} MB/s wall (domain dictionary, as ingest indexes)");
        Console.WriteLine($"peak working set: {Measure.PeakMemoryMb():0} MB");

        var python = RunPythonJieba(documents, passes);
        if (python is null)
        {
            Console.WriteLine($"Python jieba: not available ({Python} cannot import jieba; apt-get install python3-jieba)");
            return 0;
        }
        var (pyLoadWall, pyLoadCpu, pyWall, pyCpu, pyTokens) = python.Value;
        Console.WriteLine($"Python cut HMM=True : {megabytes / pyCpu,6:0.00} MB/s CPU, {megabytes / pyWall,6:0.00} MB/s wall ({pyTokens.Count:N0} tokens a pass); " +
                          $"load {pyLoadCpu * 1000:0} ms CPU / {pyLoadWall * 1000:0} ms wall (from jieba's marshal cache)");
        Console.WriteLine($"speed-up on CPU time: {pyCpu / hmmCpu:0.0}x; tokens identical to Python's: {pyTokens.SequenceEqual(tokens)}");
        return 0;
    }

    private static long CutAll(IReadOnlyList<string> documents, int passes, Func<string, int> cut)
    {
        long count = 0;
        for (int pass = 0; pass < passes; pass++)
            foreach (var document in documents) count += cut(document);
        return count;
    }

    private static List<string> ReadDocuments(string[] files)
    {
        if (files.Length == 0)
            files = Directory.EnumerateFiles(Path.Combine(FindRepository(), "corpus", "bulletins", "txt"), "*.txt")
                .Where(f => Path.GetFileName(f).Count(c => c == '.') == 1).Order().ToArray();
        return files.Select(f => File.ReadAllText(f, Encoding.UTF8)).ToList();
    }

    /// <summary>The fastest of three runs in wall and CPU seconds (the first is often slowed by tiered JIT).</summary>
    private static (T Result, double WallSeconds, double CpuSeconds) Best<T>(Func<T> work)
    {
        var best = Timed(work);
        for (int i = 0; i < 2; i++)
        {
            var run = Timed(work);
            best = (run.Result, Math.Min(best.WallSeconds, run.WallSeconds), Math.Min(best.CpuSeconds, run.CpuSeconds));
        }
        return best;
    }

    /// <summary>One run in wall seconds and in seconds of this process's CPU time.</summary>
    private static (T Result, double WallSeconds, double CpuSeconds) Timed<T>(Func<T> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (result, elapsed) = Measure.Time(work);
        process.Refresh();
        return (result, elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static (double LoadWall, double LoadCpu, double CutWall, double CutCpu, List<string> Tokens)? RunPythonJieba(
        IReadOnlyList<string> documents, int passes)
    {
        if (!File.Exists(Python)) return null;
        string input = Path.GetTempFileName(), output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, JsonSerializer.Serialize(documents), new UTF8Encoding(false));
            const string script = """
                import json, sys, time
                import jieba
                jieba.setLogLevel(60)
                documents = json.load(open(sys.argv[1], encoding="utf-8"))
                passes = int(sys.argv[3])
                t0, c0 = time.perf_counter(), time.process_time()
                jieba.initialize()
                load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
                tokens = [t for d in documents for t in jieba.lcut(d, HMM=True)]
                wall = cpu = float("inf")
                for _ in range(2):
                    t0, c0 = time.perf_counter(), time.process_time()
                    for _ in range(passes):
                        for d in documents:
                            jieba.lcut(d, HMM=True)
                    wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
                json.dump({"load": load, "load_cpu": load_cpu, "wall": wall, "cpu": cpu, "tokens": tokens}, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
                """;
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", script, input, output, passes.ToString()]) { RedirectStandardError = true })!;
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                if (!errors.Contains("No module named")) Console.Error.WriteLine(errors);
                return null;
            }
            using var json = JsonDocument.Parse(File.ReadAllText(output, Encoding.UTF8));
            var root = json.RootElement;
            return (root.GetProperty("load").GetDouble(), root.GetProperty("load_cpu").GetDouble(), root.GetProperty("wall").GetDouble(), root.GetProperty("cpu").GetDouble(),
                root.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList());
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BulletinIngest.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found; pass text files to segment");
    }
}
