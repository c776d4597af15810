using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Ocr;

namespace BulletinIngest.Cli.Commands;

/// <summary>
/// `bulletin worker` (hidden): the process <see cref="WorkerPool"/> starts. Reads one JSON path a line on
/// stdin, answers one JSON <see cref="FileAnalysis"/> a line on stdout, until stdin closes.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var rulesOnly = new Option<bool>("--no-clause-filter") { Description = "As for ingest" };
        var ocr = CommonOptions.Ocr();
        var command = new Command("worker", "Internal: reads and extracts files for `bulletin ingest`, one per line on stdin")
        {
            rulesOnly, ocr,
        };
        command.Hidden = true;
        command.SetAction(result => Run(!result.GetValue(rulesOnly), result.GetValue(ocr)));
        return command;
    }

    /// <summary>How the ingest starts a worker: this same program, by the host that runs it.</summary>
    public static ProcessStartInfo StartInfo(bool clauseFilter, OcrMode ocr)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(WorkerCommand).Assembly.Location);
        start.ArgumentList.Add("worker");
        if (!clauseFilter) start.ArgumentList.Add("--no-clause-filter");
        start.ArgumentList.Add("--ocr");
        start.ArgumentList.Add(ocr.ToString().ToLowerInvariant());
        return start;
    }

    private static int Run(bool clauseFilter, OcrMode ocr)
    {
        // Only answers go to stdout; anything a library prints goes to stderr, which the ingest keeps for crash reports.
        var answers = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(Console.Error);
        ExitWhenOrphaned();
        var analyzer = PipelineFactory.Create(clauseFilter, ocr: ocr).Analyzer;
        // Start-up is paid here, once per worker and before the first file's budget starts: the models load and
        // the reading and extraction code is compiled on a small bulletin. Then the pool may send files.
        analyzer.Analyze("warm-up.txt", Encoding.UTF8.GetBytes(WarmUpText));
        answers.WriteLine(JsonSerializer.Serialize(WorkerPool.ReadyAnswer));
        using var requests = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        while (requests.ReadLine() is { } line)
        {
            string path = JsonSerializer.Deserialize<string>(line) ?? "";
            FileAnalysis analysis;
            try { analysis = analyzer.Analyze(path, File.ReadAllBytes(path)); }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                analysis = FileAnalysis.Refused(null, RejectReason.Unreadable, $"cannot read file: {error.Message}");
            }
            answers.WriteLine(JsonSerializer.Serialize(analysis));
            // After running out of memory the runtime may be unsteady: leave, the ingest starts a fresh worker.
            if (analysis.Rejected == RejectReason.TooLarge && analysis.Reason == InProcessAnalyzer.OutOfMemoryReason) return 0;
        }
        return 0;
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
