using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Ocr;

namespace BulletinIngest.Cli.Commands;

/// <summary>
/// `bulletin worker` (hidden): the process <see cref="WorkerPool"/> starts. Reads one JSON
/// <see cref="WorkerRequest"/> a line on stdin and reads that file on one of its threads, answering the request's
/// id, a tab and the JSON <see cref="FileAnalysis"/> on one line of stdout, until stdin closes.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var rulesOnly = new Option<bool>("--no-clause-filter") { Description = "As for ingest" };
        var ocr = CommonOptions.Ocr();
        var threads = new Option<int>("--threads") { Description = "Files read at once", DefaultValueFactory = _ => 1 };
        var command = new Command("worker", "Internal: reads and extracts files for `bulletin ingest`, one per line on stdin")
        {
            rulesOnly, ocr, threads,
        };
        command.Hidden = true;
        command.SetAction(result => Run(!result.GetValue(rulesOnly), result.GetValue(ocr), Math.Max(1, result.GetValue(threads))));
        return command;
    }

    /// <summary>How the ingest starts a worker: this same program, by the host that runs it.</summary>
    public static ProcessStartInfo StartInfo(bool clauseFilter, OcrMode ocr, int threads)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(WorkerCommand).Assembly.Location);
        start.ArgumentList.Add("worker");
        if (!clauseFilter) start.ArgumentList.Add("--no-clause-filter");
        start.ArgumentList.Add("--ocr");
        start.ArgumentList.Add(ocr.ToString().ToLowerInvariant());
        start.ArgumentList.Add("--threads");
        start.ArgumentList.Add(threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return start;
    }

    /// <summary>The stack of a reading thread: the size of a main thread's on Linux, which deeply nested files were measured against.</summary>
    private const int ReaderStackBytes = 8 * 1024 * 1024;

    private static int Run(bool clauseFilter, OcrMode ocr, int threads)
    {
        // Only answers go to stdout; anything a library prints goes to stderr, which the ingest keeps for crash reports.
        var answers = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        ExitWhenOrphaned();
        var analyzer = PipelineFactory.Create(clauseFilter, ocr: ocr).Analyzer;
        // Start-up is paid here, once per worker and before the first file's budget starts: the models load and
        // the reading and extraction code is compiled on a small bulletin. Then the pool may send files.
        analyzer.Analyze("warm-up.txt", Encoding.UTF8.GetBytes(WarmUpText));
        WriteLine(answers, [], WorkerPool.ReadyLine);
        // The pool sends at most `threads` files at a time, so a request never waits for a thread.
        using var requests = new BlockingCollection<WorkerRequest>();
        var readers = Enumerable.Range(0, threads).Select(n => new Thread(() =>
        {
            foreach (var request in requests.GetConsumingEnumerable())
            {
                var analysis = Analyze(analyzer, request.Path);
                WriteLine(answers, Encoding.ASCII.GetBytes(request.Id.ToString(CultureInfo.InvariantCulture) + "\t"), JsonSerializer.SerializeToUtf8Bytes(analysis, WorkerJson.Default.FileAnalysis));
                // After running out of memory the runtime may be unsteady: leave, the ingest starts a fresh worker
                // (and reads again alone any other file this worker held).
                if (analysis.Rejected == RejectReason.TooLarge && analysis.Reason == InProcessAnalyzer.OutOfMemoryReason) Environment.Exit(0);
            }
        }, ReaderStackBytes) { Name = $"reader {n}" }).ToList();
        foreach (var reader in readers) reader.Start();
        using (var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8))
            while (input.ReadLine() is { } line)
                if (JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerRequest) is { } request) requests.Add(request);
        requests.CompleteAdding();
        foreach (var reader in readers) reader.Join();
        return 0;
    }

    /// <summary>One answer line, UTF-8 as the pool reads it, written whole (the reading threads share stdout).</summary>
    private static void WriteLine(Stream answers, byte[] prefix, byte[] json)
    {
        lock (answers)
        {
            answers.Write(prefix);
            answers.Write(json);
            answers.WriteByte((byte)'\n');
            answers.Flush();
        }
    }

    private static FileAnalysis Analyze(IDocumentAnalyzer analyzer, string path)
    {
        try { return analyzer.Analyze(path, File.ReadAllBytes(path)); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return FileAnalysis.Refused(null, RejectReason.Unreadable, $"cannot read file: {error.Message}");
        }
    }

    /// <summary>A few lines in the shape of a bulletin (masthead, numbered item, table row), enough to reach every stage once.</summary>
    private const string WarmUpText = """
        长沙市民生实事工作专报
        （第1期）
        一、城镇新增就业。全年目标任务5万人，已完成2.1万人，完成全年任务的42%。
        项目	目标	完成	完成率
        农村公路提质改造	100公里	60公里	60%
        """;

    /// <summary>A killed ingest cannot close our stdin in the middle of a file: leave as soon as we are reparented.</summary>
    private static void ExitWhenOrphaned()
    {
        if (OperatingSystem.IsWindows()) return;
        int parent = ParentProcessId();
        var watch = new Thread(() =>
        {
            while (ParentProcessId() == parent) Thread.Sleep(250);
            Environment.Exit(0);
        }) { IsBackground = true, Name = "orphan watch" };
        watch.Start();
    }

    [DllImport("libc", EntryPoint = "getppid")]
    private static extern int ParentProcessId();
}
