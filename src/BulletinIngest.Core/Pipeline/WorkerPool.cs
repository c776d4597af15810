using System.Buffers.Text;
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

/// <summary>One file for a worker: a JSON line on its stdin. Answers are the id, a tab and the <see cref="FileAnalysis"/> as JSON.</summary>
public sealed record WorkerRequest(long Id, string Path);

/// <summary>
/// Reading and extraction in a worker process, as Tika's forked parser does it: one worker process reads
/// <c>threads</c> files at a time (one runtime and one copy of the models for all the cores: each further
/// process cost ~185 MB), the ingest sending paths on its stdin and getting each <see cref="FileAnalysis"/> back on
/// its stdout. A worker that dies (stack overflow, native crash), runs past a file's time budget or past its memory
/// budget is replaced and the batch goes on. Which file was at fault is known when the worker held one file; when
/// it held several, each of them is read again alone in a fresh worker, so only the guilty file fails, with its
/// one-line reason, and the others are stored.
/// </summary>
public sealed class WorkerPool(Func<int, ProcessStartInfo> startInfo, WorkerBudget budget, int threads) : IDocumentAnalyzer, IDisposable
{
    /// <summary>Name of the environment variable a worker process gets, so a command can tell it is one.</summary>
    public const string WorkerEnvironment = "BULLETIN_WORKER";

    /// <summary>
    /// A worker's first line: it has loaded its models and compiled its code, so a file's budget measures that
    /// file alone and start-up is paid once per worker.
    /// </summary>
    public const string ReadyAnswer = "ready";

    /// <summary>The ready line as the worker writes it (a JSON string).</summary>
    public static readonly byte[] ReadyLine = JsonSerializer.SerializeToUtf8Bytes(ReadyAnswer, WorkerJson.Default.String);

    private readonly Lock _lock = new();
    private Worker? _shared;
    private readonly List<Worker> _retired = [];
    /// <summary>Files read again alone, one at a time, each in a worker of its own.</summary>
    private readonly SemaphoreSlim _alone = new(1, 1);

    /// <summary>The worker reads the file itself (<paramref name="content"/>, read for the hash, is not sent over the pipe).</summary>
    public FileAnalysis Analyze(string path, ReadOnlyMemory<byte> content)
    {
        while (true)
        {
            var worker = Shared();
            var attempt = worker.Analyze(path, budget);
            if (!worker.Alive) Retire(worker);
            if (attempt.Kind == AttemptKind.NotSent) continue;
            if (attempt.Kind == AttemptKind.Answered) return attempt.Analysis;
            // The worker failed while it held other files too: read this one again alone, where a failure is its own.
            _alone.Wait();
            try
            {
                using var alone = new Worker(startInfo(1), budget.MemoryBytes, capacity: 1);
                return alone.Analyze(path, budget).Analysis;
            }
            finally
            {
                _alone.Release();
            }
        }
    }

    private Worker Shared()
    {
        lock (_lock) return _shared ??= new Worker(startInfo(threads), budget.MemoryBytes, threads);
    }

    private void Retire(Worker worker)
    {
        lock (_lock)
        {
            if (_shared != worker) return;
            _shared = null;
            _retired.Add(worker);
        }
        worker.Stop();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _shared?.Dispose();
            foreach (var worker in _retired) worker.Dispose();
            _shared = null;
            _retired.Clear();
        }
    }

    private enum AttemptKind
    {
        /// <summary>The worker answered, or failed on this file alone: the result is the file's.</summary>
        Answered,
        /// <summary>The worker failed while it also held other files: the failure may be theirs.</summary>
        FailedShared,
        /// <summary>The worker had already failed before the file was sent.</summary>
        NotSent,
    }

    private readonly record struct Attempt(AttemptKind Kind, FileAnalysis Analysis);

    private sealed class Worker : IDisposable
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
        private readonly Process _process;
        private readonly int _pid;
        private readonly int _capacity;
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly Lock _send = new();
        // Answers stay UTF-8 bytes from the pipe to the deserializer: no string of each (a document's text, blocks and figures).
        private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]?>> _pending = new();
        private readonly TaskCompletionSource<byte[]?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _sent;
        private volatile bool _failed;

        public Worker(ProcessStartInfo start, long memoryBytes, int capacity)
        {
            _capacity = capacity;
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
            _pid = _process.Id;
            _process.StandardInput.AutoFlush = true;
            _process.ErrorDataReceived += (_, received) =>
            {
                if (received.Data is null) return;
                _errors.Enqueue(received.Data);
                while (_errors.Count > 20) _errors.TryDequeue(out string? _);
            };
            _process.BeginErrorReadLine();
            new Thread(ReadAnswers) { IsBackground = true, Name = $"worker {_pid} answers" }.Start();
        }

        public bool Alive => !_failed;

        /// <summary>Hands each answer line to the file it answers; at the end of the stream, every file still waiting gets none.</summary>
        private void ReadAnswers()
        {
            try
            {
                var lines = new ByteLines(_process.StandardOutput.BaseStream);
                var first = lines.Next();
                _ready.TrySetResult(first);
                if (first is not null && first.AsSpan().SequenceEqual(ReadyLine))
                {
                    while (lines.Next() is { } line)
                    {
                        int tab = line.AsSpan().IndexOf((byte)'\t');
                        if (tab < 0 || !Utf8Parser.TryParse(line.AsSpan(0, tab), out long id, out int digits) || digits != tab
                            || !_pending.TryRemove(id, out var waiting))
                            break; // garbage: the worker is stopped below, its files count as crashed
                        waiting.SetResult(line);
                    }
                }
            }
            catch (Exception error) when (error is IOException or InvalidOperationException) { }
            _ready.TrySetResult(null);
            // The end of its answers is the end of the worker: give it the time to exit with its own code (a crash's).
            Fail(waitForExit: true);
        }

        /// <summary>Marks the worker failed (no file is sent to it after this), stops it and releases every file it held.</summary>
        private void Fail(bool waitForExit = false)
        {
            lock (_send) _failed = true;
            Kill(waitForExit ? TimeSpan.FromSeconds(5) : TimeSpan.Zero);
            foreach (var id in _pending.Keys)
                if (_pending.TryRemove(id, out var waiting)) waiting.TrySetResult(null);
        }

        /// <summary>Waits for the worker's ready line (no budget runs meanwhile, but a worker that hangs or dies starting is a crash).</summary>
        private FileAnalysis? AwaitStart(WorkerBudget budget)
        {
            if (!_ready.Task.Wait(budget.FileTimeout * WorkerBudget.WallFactor))
            {
                Fail();
                return FileAnalysis.Refused(null, RejectReason.Crashed, "the worker process did not start; replaced");
            }
            var line = _ready.Task.Result;
            if (line is null) return Died();
            if (!line.AsSpan().SequenceEqual(ReadyLine))
            {
                Fail();
                return FileAnalysis.Refused(null, RejectReason.Crashed, "the worker process answered garbage; replaced");
            }
            return null;
        }

        public Attempt Analyze(string path, WorkerBudget budget)
        {
            // A worker that cannot start holds no file at fault: with room for several, each is tried again alone.
            var startKind = _capacity > 1 ? AttemptKind.FailedShared : AttemptKind.Answered;
            if (AwaitStart(budget) is { } failedStart) return new(startKind, failedStart);
            var reply = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
            long id;
            bool sharedAtSend;
            lock (_send)
            {
                if (_failed) return new(AttemptKind.NotSent, null!);
                id = ++_sent;
                _pending[id] = reply;
                sharedAtSend = _pending.Count > 1;
                try { _process.StandardInput.WriteLine(JsonSerializer.Serialize(new WorkerRequest(id, path), WorkerJson.Default.WorkerRequest)); }
                catch (IOException) { }
            }
            // Another file was in the worker with this one: sent before and still there, or sent since.
            bool Shared() => sharedAtSend || Volatile.Read(ref _sent) != id;
            Attempt Failure(FileAnalysis failure) => new(Shared() ? AttemptKind.FailedShared : AttemptKind.Answered, failure);

            var clock = Stopwatch.StartNew();
            var cpuAtStart = CpuTime();
            long peak = 0;
            while (!reply.Task.Wait(Poll))
            {
                // The worker's CPU is shared by the files it holds: each may use the budget.
                var budgetNow = budget.FileTimeout * Math.Max(1, _pending.Count);
                if (CpuTime() - cpuAtStart > budgetNow || clock.Elapsed > budget.FileTimeout * WorkerBudget.WallFactor)
                {
                    var shared = Failure(FileAnalysis.Refused(null, RejectReason.TooSlow,
                        $"reading used more than {budget.FileTimeout.TotalSeconds:0} s of CPU (the per-file time budget, --file-timeout); stopped"));
                    Fail();
                    return shared;
                }
                peak = Math.Max(peak, ResidentBytes());
                if (peak > budget.MemoryBytes)
                {
                    var shared = Failure(FileAnalysis.Refused(null, RejectReason.TooLarge,
                        $"reading needed more than {budget.MemoryBytes / (1024 * 1024)} MB (the per-file memory budget, --file-memory); stopped"));
                    Fail();
                    return shared;
                }
            }
            var line = reply.Task.Result;
            if (line is null) return Failure(Died());
            FileAnalysis? analysis;
            try { analysis = JsonSerializer.Deserialize(line.AsSpan(line.AsSpan().IndexOf((byte)'\t') + 1), WorkerJson.Default.FileAnalysis); }
            catch (JsonException) { analysis = null; }
            if (analysis is null)
            {
                Fail();
                return Failure(FileAnalysis.Refused(null, RejectReason.Crashed, "the worker process answered garbage; replaced"));
            }
            // Out of memory, the worker leaves (WorkerCommand): the memory may have been another file's.
            if (analysis.Rejected == RejectReason.TooLarge && analysis.Reason == InProcessAnalyzer.OutOfMemoryReason) return Failure(analysis);
            return new(AttemptKind.Answered, analysis);
        }

        private FileAnalysis Died()
        {
            Fail(waitForExit: true);
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
                var fields = File.ReadAllText($"/proc/{_pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
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
                foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                        return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException) { }
            return 0;
        }

        private void Kill(TimeSpan grace)
        {
            try
            {
                if (grace > TimeSpan.Zero && _process.WaitForExit(grace)) return;
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }

        /// <summary>Stops a failed worker (its files have their answers or failures already).</summary>
        public void Stop() => Fail();

        public void Dispose()
        {
            if (!_failed)
            {
                lock (_send) _failed = true;
                // End of input: the worker finishes the files it holds (none, at the end of a batch) and exits.
                try { _process.StandardInput.Close(); } catch (IOException) { }
                try { if (!_process.WaitForExit(2000)) Kill(TimeSpan.Zero); }
                catch (InvalidOperationException) { }
            }
            _process.Dispose();
        }
    }

    /// <summary>The lines of a stream as bytes, without the newline; null at its end (a last line without a newline is incomplete: no line).</summary>
    private sealed class ByteLines(Stream stream)
    {
        private byte[] _buffer = new byte[64 * 1024];
        private int _start, _scanned, _end;

        public byte[]? Next()
        {
            while (true)
            {
                int newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    int length = _scanned + newline - _start;
                    var line = _buffer.AsSpan(_start, length > 0 && _buffer[_start + length - 1] == '\r' ? length - 1 : length).ToArray();
                    _start = _scanned = _scanned + newline + 1;
                    return line;
                }
                _scanned = _end;
                if (_start > 0)
                {
                    _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                    _end -= _start;
                    _scanned -= _start;
                    _start = 0;
                }
                if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                int read = stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) return null;
                _end += read;
            }
        }
    }
}
