using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace BulletinIngest.Bench;

/// <summary>
/// `ingest FOLDER [--runs N] [--jobs N] [--baseline BULLETIN.DLL] [--published]`: the real `bulletin ingest` (its own process, worker processes as in
/// production) over a folder, side by side with the peer an analyst would script (shared/tools/peer_ingest.py,
/// when /usr/bin/python3 has jieba and python-docx), alternating, N rounds (default 3), medians. Each round of
/// each tool: a first run into a fresh database, the unchanged re-run, and a cold run (the folder's first file
/// alone: start-up, JIT and model loads); the steady state is the first run less the cold one, over the other
/// files. Wall time, CPU (the process and its children) and peak memory (resident sets of the whole process tree,
/// summed, sampled every 50 ms) for each, the load average with each figure, and the ratio of documents per second.
/// Build the archive with shared/tools/make_archive.py FOLDER --copies 20 (560 files).
/// </summary>
public static class IngestBenchmark
{
    private sealed record RunFigures(double WallSeconds, double CpuSeconds, double PeakMb, double Load);

    private sealed record Tool(string Name, Func<string, string, ProcessStartInfo> Start);

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: ingest FOLDER [--runs N] [--jobs N] [--baseline BULLETIN.DLL] [--published]");
            return 2;
        }
        string folder = Path.GetFullPath(args[0]);
        int runs = Option(args, "--runs") ?? 3;
        int? jobs = Option(args, "--jobs");
        string root = RepoRoot();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        double megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);

        string bulletin = BuildBulletin(root);
        var tools = new List<Tool>
        {
            new("bulletin ingest", (input, db) => Start("dotnet", [bulletin, "ingest", input, "--db", db, .. JobsOption(jobs)])),
        };
        // Another build of the command (main's, say) measured in the same run: before and after side by side.
        int baselineAt = Array.IndexOf(args, "--baseline");
        if (baselineAt >= 0 && baselineAt + 1 < args.Length)
        {
            string baseline = Path.GetFullPath(args[baselineAt + 1]);
            tools.Add(new("baseline ingest", (input, db) => Start("dotnet", [baseline, "ingest", input, "--db", db, .. JobsOption(jobs)])));
        }
        // The published tool (ReadyToRun, as `dotnet publish -r linux-x64` makes it) beside the built one.
        if (args.Contains("--published"))
        {
            string published = PublishBulletin(root);
            tools.Add(new("published ingest", (input, db) => Start("dotnet", [published, "ingest", input, "--db", db, .. JobsOption(jobs)])));
        }
        string peer = Path.Combine(Path.GetDirectoryName(root)!, "shared", "tools", "peer_ingest.py");
        if (PeerRuns(peer)) tools.Add(new("peer script", (input, db) => Start("/usr/bin/python3", [peer, input, db])));
        else Console.WriteLine($"peer script left out: needs {peer} and /usr/bin/python3 with jieba and python-docx (apt-get install python3-jieba python3-docx)");

        string work = Path.Combine(Path.GetTempPath(), $"bench-ingest-{Guid.NewGuid():N}");
        string coldFolder = Path.Combine(work, "cold");
        Directory.CreateDirectory(coldFolder);
        File.Copy(files[0], Path.Combine(coldFolder, Path.GetFileName(files[0])));
        var runtimeStats = new Dictionary<string, string[]>();
        var results = tools.ToDictionary(t => t.Name, _ => (First: new List<RunFigures>(), Rerun: new List<RunFigures>(), Cold: new List<RunFigures>()));
        try
        {
            for (int round = 0; round < runs; round++)
            {
                // Alternate who goes first, so a change in the machine's load falls on both.
                var order = round % 2 == 0 ? tools : Enumerable.Reverse(tools).ToList();
                foreach (var tool in order)
                {
                    string db = Path.Combine(work, $"{round}-{tool.Name.Replace(' ', '-')}.db");
                    var r = results[tool.Name];
                    // The runtime's counters of every process of the first run (the ingest and its workers), for where the CPU goes.
                    var first = tool.Start(folder, db);
                    string stats = db + ".runtime.tsv";
                    first.Environment["BULLETIN_RUNTIME_STATS"] = stats;
                    r.First.Add(Timed(first));
                    if (File.Exists(stats)) runtimeStats[tool.Name] = File.ReadAllLines(stats);
                    r.Rerun.Add(Timed(tool.Start(folder, db)));
                    string coldDb = db + ".cold.db";
                    r.Cold.Add(Timed(tool.Start(coldFolder, coldDb)));
                    foreach (var stale in Directory.EnumerateFiles(work, "*.db*")) File.Delete(stale);
                    Console.WriteLine($"round {round + 1} {tool.Name}: first {r.First[^1].WallSeconds:0.00} s, re-run {r.Rerun[^1].WallSeconds:0.00} s, cold {r.Cold[^1].WallSeconds:0.00} s (load {r.First[^1].Load:0.0})");
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine($"files: {files.Count} ({megabytes:0.0} MB) in {folder}; cores: {Environment.ProcessorCount}; rounds: {runs}, alternating; medians; load average 1 min over the runs");
        Console.WriteLine($"{"tool",-16} {"first wall",10} {"CPU",7} {"peak MB",8} {"docs/s",7} {"re-run",7} {"of first",8} {"cold",6} {"steady docs/s",13} {"load",5}");
        var docsPerSecond = new Dictionary<string, (double First, double Steady)>();
        foreach (var tool in tools)
        {
            var r = results[tool.Name];
            double first = Median(r.First.Select(f => f.WallSeconds)), cold = Median(r.Cold.Select(f => f.WallSeconds));
            double rerun = Median(r.Rerun.Select(f => f.WallSeconds));
            double steady = (files.Count - 1) / Math.Max(1e-3, first - cold);
            docsPerSecond[tool.Name] = (files.Count / first, steady);
            Console.WriteLine($"{tool.Name,-16} {first,9:0.00}s {Median(r.First.Select(f => f.CpuSeconds)),6:0.0}s {Median(r.First.Select(f => f.PeakMb)),8:0} " +
                              $"{files.Count / first,7:0.0} {rerun,6:0.00}s {rerun / first,8:P1} {cold,5:0.00}s {steady,13:0.0} {Median(r.First.Select(f => f.Load)),5:0.0}");
        }
        foreach (var (name, lines) in runtimeStats)
        {
            // Written by the command itself (BULLETIN_RUNTIME_STATS, Cli/RuntimeStats.cs), one line a process.
            Console.WriteLine();
            Console.WriteLine($"{name}, last round's first run, the runtime's counters a process (CPU s, JIT s and methods, GCs gen0/1/2, GC pause s, allocated/heap/committed/peak RSS MB):");
            foreach (var line in lines) Console.WriteLine("  " + line.Replace('\t', ' '));
        }
        var ours = docsPerSecond[tools[0].Name];
        foreach (var other in tools.Skip(1))
        {
            var theirs = docsPerSecond[other.Name];
            Console.WriteLine($"ratio ({tools[0].Name} / {other.Name}, documents per second): first run {ours.First / theirs.First:0.00}x, steady state {ours.Steady / theirs.Steady:0.00}x");
        }
        return 0;
    }

    private static int? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    private static string[] JobsOption(int? jobs) => jobs is { } n ? ["--jobs", n.ToString(CultureInfo.InvariantCulture)] : [];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "bulletin")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        throw new InvalidOperationException("run the benchmark from the repository (the `bulletin` script not found above it)");
    }

    /// <summary>Builds the command as `./bulletin` does (when a source changed) and returns its dll, so no run pays a build.</summary>
    private static string BuildBulletin(string root)
    {
        using var build = Process.Start(Start("bash", [Path.Combine(root, "bulletin"), "--help"]))!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException("`./bulletin --help` failed: the command does not build");
        return Path.Combine(root, "src", "BulletinIngest.Cli", "bin", "Release", "net10.0", "bulletin.dll");
    }

    /// <summary>Publishes the command ReadyToRun (its project sets PublishReadyToRun for a runtime identifier) into a folder of the build output.</summary>
    private static string PublishBulletin(string root)
    {
        string output = Path.Combine(root, "src", "BulletinIngest.Cli", "bin", "Release", "publish-r2r");
        using var publish = Process.Start(Start("dotnet", ["publish", Path.Combine(root, "src", "BulletinIngest.Cli"), "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output, "--nologo", "-v", "q",
            // Its own build and intermediate folders: the project keeps the RID out of the Release build's path, so a
            // publish there would put plain IL over the ReadyToRun images of `./bulletin`'s build.
            "-p:AppendRuntimeIdentifierToOutputPath=true"]))!;
        string log = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"`dotnet publish` failed: {log}");
        return Path.Combine(output, "bulletin.dll");
    }

    private static bool PeerRuns(string script)
    {
        if (!File.Exists(script) || !File.Exists("/usr/bin/python3")) return false;
        using var check = Process.Start(Start("/usr/bin/python3", ["-c", "import jieba, docx"]))!;
        check.StandardOutput.ReadToEnd();
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    private static ProcessStartInfo Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Runs a process to its end: wall time, its and its children's CPU, the tree's summed resident set at its peak.</summary>
    private static RunFigures Timed(ProcessStartInfo start)
    {
        var cpuBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(50)) peak = Math.Max(peak, TreeResidentBytes(process.Id));
        process.WaitForExit();
        double wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode is not (0 or 1))
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {errors.Result}");
        _ = output.Result;
        return new RunFigures(wall, ChildrenCpuSeconds() - cpuBefore, peak / (1024.0 * 1024.0), double.Parse(Measure.LoadAverage(), CultureInfo.InvariantCulture));
    }

    /// <summary>User + system CPU of this process's waited-for children and their descendants (cutime, cstime of /proc/self/stat).</summary>
    private static double ChildrenCpuSeconds()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
    }

    private static long TreeResidentBytes(int pid)
    {
        long total = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    total += long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    total += TreeResidentBytes(int.Parse(child));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { } // the process ended meanwhile
        return total;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
