using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace BulletinIngest.Cli;

/// <summary>
/// The runtime's own counters for one process, for finding where an ingest's CPU and memory go: with
/// BULLETIN_RUNTIME_STATS=FILE set, the ingest and each of its workers (which inherit the variable) append one
/// tab-separated line to FILE when they exit: role, pid, CPU, JIT time and methods, GC counts and pauses, heap,
/// peak resident set. `bench -- ingest` sets it and prints the lines.
/// </summary>
public static class RuntimeStats
{
    public const string Variable = "BULLETIN_RUNTIME_STATS";

    public static void WriteOnExit(string role)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } file) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var self = Process.GetCurrentProcess();
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            string line = string.Join('\t',
                role, Environment.ProcessId,
                F(self.TotalProcessorTime.TotalSeconds),
                F(System.Runtime.JitInfo.GetCompilationTime().TotalSeconds), System.Runtime.JitInfo.GetCompiledMethodCount(),
                GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
                F(GC.GetTotalPauseDuration().TotalSeconds),
                Mb(GC.GetTotalAllocatedBytes()), Mb(gc.HeapSizeBytes), Mb(gc.TotalCommittedBytes), Mb(self.PeakWorkingSet64),
                GCSettings.IsServerGC ? "server" : "workstation");
            // One write per line (O_APPEND), so the processes of one ingest do not interleave theirs.
            File.AppendAllText(file, line + "\n");
        };
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
