using System.Diagnostics;
using System.Text;

namespace BulletinIngest.Tests.Analysis;

/// <summary>Runs a program as a real process and collects what it printed.</summary>
public static class BulletinProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The `bulletin` command line, built beside the tests.</summary>
    public static Result Bulletin(params string[] args) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "bulletin.dll"), .. args]);

    public static Result Run(string program, IEnumerable<string> args, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
