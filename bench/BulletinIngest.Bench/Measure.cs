using System.Diagnostics;

namespace BulletinIngest.Bench;

/// <summary>Wall time, the process's CPU time and peak working set, the figures the benchmarks print.</summary>
public static class Measure
{
    public static (T Result, TimeSpan Elapsed) Time<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        return (result, clock.Elapsed);
    }

    /// <summary>User + system CPU of this process so far, all its threads (the GC's included).</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static double PeakMemoryMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>The 1-minute load average (every figure on the shared machine is printed with it), "?" without /proc.</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "?"; }
    }
}
