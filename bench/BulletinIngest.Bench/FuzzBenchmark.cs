using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Bench;

/// <summary>
/// `fuzz COUNT [SEED]`: writes COUNT mutants of the sample PDFs and DOCX files (<see cref="Mutator"/>) to a
/// temporary folder, ingests them with the real `bulletin` command (worker processes, default budgets) and
/// prints what became of them: statuses, crashes (a worker died), hangs (too-slow), internal errors, files not
/// accounted for, wall time and peak memory. Exit code 1 when any file crashed, hung or is missing.
/// </summary>
public static class FuzzBenchmark
{
    public static int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0]) : 2000;
        int seed = args.Length > 1 ? int.Parse(args[1]) : 12;
        string root = FindRoot();
        string folder = Directory.CreateTempSubdirectory("bulletin-fuzz-").FullName;
        var seeds = Directory.EnumerateFiles(Path.Combine(root, "corpus", "bulletins"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pdf") || f.EndsWith(".docx")).Order().ToList();
        var files = new Mutator(seed).Write(seeds, count, Path.Combine(folder, "in"));
        string db = Path.Combine(folder, "fuzz.db");
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(Path.Combine(root, "bulletin")) { RedirectStandardOutput = true };
        foreach (var a in new[] { "ingest", Path.Combine(folder, "in"), "--db", db }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.WriteLine($"{files.Count} mutants (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s, exit code {process.ExitCode}");
        Console.WriteLine(output.Split('\n').FirstOrDefault(l => l.Contains(" files in ")));
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, count(*) FROM documents GROUP BY status ORDER BY 2 DESC";
        int recorded = 0, bad = 0;
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                Console.WriteLine($"  {reader.GetString(0),-12} {reader.GetInt32(1)}");
                recorded += reader.GetInt32(1);
                if (reader.GetString(0) is "crashed" or "too-slow") bad += reader.GetInt32(1);
            }
        command.CommandText = "SELECT name || ': ' || error FROM documents WHERE status IN ('crashed', 'too-slow') OR error LIKE 'internal error%' LIMIT 20";
        using (var reader = command.ExecuteReader())
            while (reader.Read()) Console.WriteLine($"  ! {reader.GetString(0)}");
        int duplicates = output.Split('\n').Count(l => l.StartsWith("duplicate"));
        int missing = files.Count - recorded - duplicates;
        Console.WriteLine($"recorded {recorded}, duplicates {duplicates}, missing {missing}; crashed or too-slow {bad}; files kept in {folder}");
        return bad > 0 || missing != 0 || process.ExitCode > 1 ? 1 : 0;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BulletinIngest.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }
}
