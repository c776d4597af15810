using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BulletinIngest.Reading;

namespace BulletinIngest.Pipeline;

/// <summary>
/// Per-file budgets of a worker: the worker's own CPU time, and memory (resident set of the worker process).
/// CPU rather than wall time, so a loaded machine or OCR (Tesseract runs in processes of its own, one page at a
/// time, each with its own time limit) does not make a good file too slow; a worker that sits idle past
/// <see cref="WallFactor"/> times the budget is stopped all the same.
/// </summary>
public sealed record WorkerBudget(TimeSpan FileTimeout, long MemoryBytes)
{
    public const int WallFactor = 10;
    public static readonly WorkerBudget Default = new(TimeSpan.FromSeconds(60), 1024L * 1024 * 1024);
}

/// <summary>
/// Reading and extraction in worker processes, as Tika's forked parser does it: the ingest hands each worker
/// one path at a time (a JSON line on its stdin) and gets the <see cref="FileAnalysis"/> back (a JSON line on its
/// stdout). A worker that dies (stack overflow, native crash), runs past the file's time budget or past its
/// memory budget takes only that file with it: the file is recorded as crashed, too-slow or too-large, the
/// worker is replaced and the batch goes on.
/// </summary>
public sealed class WorkerPool(Func<ProcessStartInfo> startInfo, WorkerBudget budget) : IDocumentAnalyzer, IDisposable
{
    /// <summary>Name of the environment variable a worker process gets, so a command can tell it is one.</summary>
    public const string WorkerEnvironment = "BULLETIN_WORKER";

    /// <summary>
    /// A worker's first line: it has loaded its models and compiled its code, so a file's budget measures that
    /// file alone and start-up is paid once per worker.
    /// </summary>
    public const string ReadyAnswer = "ready";

    private readonly ConcurrentBag<Worker> _idle = [];
    private readonly ConcurrentDictionary<Worker, bool> _all = new();

    /// <summary>The worker reads the file itself (<paramref name="content"/>, read for the hash, is not sent over the pipe).</summary>
    public FileAnalysis Analyze(string path, byte[] content)
    {
        var worker = Rent();
        var result = worker.Analyze(path, budget);
        if (worker.Alive) _idle.Add(worker);
        else Retire(worker);
        return result;
    }

    private Worker Rent()
    {
        while (_idle.TryTake(out var worker))
        {
            if (worker.Alive) return worker;
            Retire(worker);
        }
        var started = new Worker(startInfo(), budget.MemoryBytes);
        _all[started] = true;
        return started;
    }

    private void Retire(Worker worker)
    {
        _all.TryRemove(worker, out _);
        worker.Dispose();
    }

    public void Dispose()
    {
        foreach (var worker in _all.Keys) worker.Dispose();
        _all.Clear();
    }

    private sealed class Worker : IDisposable
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
        private readonly Process _process;
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly ConcurrentQueue<string> _errors = new();

        public Worker(ProcessStartInfo start, long memoryBytes)
        {
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.StandardOutputEncoding = Encoding.UTF8;
            start.StandardErrorEncoding = Encoding.UTF8;
            start.Environment[WorkerEnvironment] = "1";
            // The GC refuses to grow the managed heap past the budget (an OutOfMemoryException the worker reports);
            // the resident-set check below catches what is allocated outside it.
            start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{memoryBytes:X}";
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
            _process.StandardInput.AutoFlush = true;
            _process.ErrorDataReceived += (_, received) =>
            {
                if (received.Data is null) return;
                _errors.Enqueue(received.Data);
                while (_errors.Count > 20) _errors.TryDequeue(out string? _);
            };
            _process.BeginErrorReadLine();
        }

        public bool Alive { get; private set; } = true;

        private bool _started;

        /// <summary>Waits for the worker's ready line (no budget runs meanwhile, but a worker that hangs or dies starting is a crash).</summary>
        private FileAnalysis? AwaitStart(WorkerBudget budget)
        {
            if (_started) return null;
            var ready = _process.StandardOutput.ReadLineAsync();
            if (!ready.Wait(budget.FileTimeout * WorkerBudget.WallFactor))
            {
                Kill();
                return FileAnalysis.Refused(null, RejectReason.Crashed, "the worker process did not start; replaced");
            }
            string? line;
            try { line = ready.Result; }
            catch (AggregateException) { line = null; }
            if (line is null) return Died();
            if (line != JsonSerializer.Serialize(ReadyAnswer))
            {
                Kill();
                return FileAnalysis.Refused(null, RejectReason.Crashed, "the worker process answered garbage; replaced");
            }
            _started = true;
            return null;
        }

        public FileAnalysis Analyze(string path, WorkerBudget budget)
        {
            if (AwaitStart(budget) is { } failedStart) return failedStart;
            try { _process.StandardInput.WriteLine(JsonSerializer.Serialize(path)); }
            catch (IOException) { return Died(); }
            var reply = _process.StandardOutput.ReadLineAsync();
            var clock = Stopwatch.StartNew();
            var cpuAtStart = CpuTime();
            long peak = 0;
            while (!reply.Wait(Poll))
            {
                if (CpuTime() - cpuAtStart > budget.FileTimeout || clock.Elapsed > budget.FileTimeout * WorkerBudget.WallFactor)
                {
                    Kill();
                    return FileAnalysis.Refused(null, RejectReason.TooSlow,
                        $"reading used more than {budget.FileTimeout.TotalSeconds:0} s of CPU (the per-file time budget, --file-timeout); stopped");
                }
                peak = Math.Max(peak, ResidentBytes());
                if (peak > budget.MemoryBytes)
                {
                    Kill();
                    return FileAnalysis.Refused(null, RejectReason.TooLarge,
                        $"reading needed more than {budget.MemoryBytes / (1024 * 1024)} MB (the per-file memory budget, --file-memory); stopped");
                }
            }
            string? line;
            try { line = reply.Result; }
            catch (AggregateException) { line = null; }
            if (line is null) return Died();
            try
            {
                return JsonSerializer.Deserialize<FileAnalysis>(line) ?? Died();
            }
            catch (JsonException)
            {
                Kill();
                return FileAnalysis.Refused(null, RejectReason.Crashed, "the worker process answered garbage; replaced");
            }
        }

        private FileAnalysis Died()
        {
            Alive = false;
            _process.WaitForExit(5000);
            string exit = _process.HasExited ? $"exit code {_process.ExitCode}" : "no answer";
            string? cause = _errors.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            return FileAnalysis.Refused(null, RejectReason.Crashed,
                $"the reader crashed on this file ({exit}{(cause is null ? "" : ": " + cause)}); the batch went on");
        }

        /// <summary>CPU time the worker has used (utime + stime from /proc; wall time where there is no /proc).</summary>
        private TimeSpan CpuTime()
        {
            try
            {
                var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
            }
            catch (Exception error) when (error is IOException or FormatException or UnauthorizedAccessException)
            {
                return _wall.Elapsed;
            }
        }

        /// <summary>VmRSS of the worker from /proc (0 where there is no /proc).</summary>
        private long ResidentBytes()
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                        return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException) { }
            return 0;
        }

        private void Kill()
        {
            Alive = false;
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.WaitForExit(5000);
        }

        public void Dispose()
        {
            if (Alive)
            {
                Alive = false;
                try { _process.StandardInput.Close(); } catch (IOException) { }
                if (!_process.WaitForExit(2000)) Kill();
            }
            _process.Dispose();
        }
    }
}
