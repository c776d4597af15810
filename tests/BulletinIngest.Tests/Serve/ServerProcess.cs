using System.Diagnostics;
using System.Text;

namespace BulletinIngest.Tests.Serve;

/// <summary>The real `bulletin serve` process on a loopback port the system picks (--port 0), stopped by its id at the end.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    /// <summary>The address it printed, e.g. http://127.0.0.1:41234 (with ?token=… when not bound to loopback).</summary>
    public string Address { get; }
    public string? Token { get; }

    public ServerProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "bulletin.dll"), "serve", "--port", "0" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        var first = _process.StandardOutput.ReadLineAsync();
        if (!first.Wait(TimeSpan.FromSeconds(90)) || first.Result is not { } line || !line.StartsWith("bulletin serve: ", StringComparison.Ordinal))
        {
            Dispose();
            throw new InvalidOperationException($"bulletin serve did not start: {first.Result}\n{_output}");
        }
        var url = new Uri(line["bulletin serve: ".Length..]);
        Address = $"{url.Scheme}://127.0.0.1:{url.Port}";
        Token = url.Query.StartsWith("?token=", StringComparison.Ordinal) ? url.Query["?token=".Length..] : null;
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
