using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Extraction;
using BulletinIngest.Reading;
using BulletinIngest.Storage;

namespace BulletinIngest.Bench;

/// <summary>
/// `analysis [REGIONS ISSUES PROJECTS]`: fills a fresh SQLite file with a synthetic archive (each region's plan
/// and monthly bulletins, every project in each, a few figures made wrong on purpose), then times the flag
/// refresh, the comparison, the XLSX workbook and the HTML report, and prints peak memory. Each step prints wall
/// time and this process's CPU time: on a shared machine the CPU time is the steadier figure.
/// </summary>
public static class AnalysisBenchmark
{
    public static int Run(string[] args)
    {
        int regions = args.Length > 0 ? int.Parse(args[0]) : 20, issues = args.Length > 1 ? int.Parse(args[1]) : 12,
            projects = args.Length > 2 ? int.Parse(args[2]) : 60;
        string folder = Directory.CreateTempSubdirectory("bench-analysis-").FullName;
        try
        {
            using var store = BulletinStore.Open(Path.Combine(folder, "bench.db"));
            var (figureCount, fill) = Timed(() => Fill(store, regions, issues, projects));
            Console.WriteLine($"archive: {regions} regions × ({issues} bulletins + 1 plan) × {projects} projects = {figureCount} figures, " +
                              $"stored in {fill}");

            var (figures, load) = Timed(() => AnalysisFigure.Load(store.Connection));
            Console.WriteLine($"load figures: {load}");
            foreach (var rule in FlagAnalysis.Rules)
            {
                var (found, elapsed) = Timed(() => rule.Find(figures).Count());
                Console.WriteLine($"  {rule.GetType().Name}: {elapsed}, {found} flags");
            }
            var (flags, refresh) = Timed(() => FlagAnalysis.Refresh(store.Connection));
            Console.WriteLine($"flag refresh: {refresh} ({figureCount / refresh.Cpu.TotalSeconds:0} figures per CPU second), {flags.Count} flags: " +
                              string.Join(", ", flags.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

            var (rows, compare) = Timed(() => new Comparison(AnalysisFigure.Load(store.Connection)).All());
            Console.WriteLine($"comparison (load + all projects × regions): {compare}, {rows.Count} rows");

            string xlsx = Path.Combine(folder, "bench.xlsx");
            var (_, workbook) = Timed(() =>
            {
                AnalysisWorkbook.Write(xlsx, store.Connection, new XlsxSheet("figures", ["id", "region", "project", "target", "actual", "percent"],
                    AnalysisFigure.Load(store.Connection).Select(f => (IReadOnlyList<object?>)[f.Id, f.Region, f.Project, f.Target, f.Actual, f.Percent])));
                return 0;
            });
            Console.WriteLine($"xlsx workbook: {workbook}, {new FileInfo(xlsx).Length / 1024.0 / 1024.0:0.0} MB");

            var (html, report) = Timed(() => HtmlReport.Build(store.Connection, DateTime.UtcNow));
            Console.WriteLine($"html report: {report}, {html.Length / 1024.0 / 1024.0:0.0} M characters");
            Console.WriteLine($"peak memory: {Measure.PeakMemoryMb():0} MB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>Wall and CPU time of one step.</summary>
    private sealed record Took(TimeSpan Wall, TimeSpan Cpu)
    {
        public override string ToString() => $"{Wall.TotalSeconds:0.00} s wall, {Cpu.TotalSeconds:0.00} s CPU";
    }

    private static (T Result, Took Took) Timed<T>(Func<T> work)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (result, wall) = Measure.Time(work);
        process.Refresh();
        return (result, new Took(wall, process.TotalProcessorTime - cpuBefore));
    }

    private static int Fill(BulletinStore store, int regions, int issues, int projects)
    {
        var random = new Random(7);
        int count = 0;
        for (int r = 0; r < regions; r++)
        {
            string region = $"县{r:000}县";
            var targets = Enumerable.Range(0, projects).Select(_ => (double)random.Next(10, 5000)).ToArray();
            count += Save(store, $"plan-{r}", region, "plan", "2025-02-01", null,
                Enumerable.Range(0, projects).Select(p => (p, (double?)targets[p], (double?)null, (double?)null)));
            for (int i = 1; i <= issues; i++)
            {
                string date = new DateTime(2025, 1, 1).AddDays(i * 365 / (issues + 1)).ToString("yyyy-MM-dd");
                count += Save(store, $"bulletin-{r}-{i}", region, "bulletin", date, i, Enumerable.Range(0, projects).Select(p =>
                {
                    double target = targets[p];
                    double actual = Math.Round(target * i / (issues + 1));
                    if (random.Next(200) == 0) actual *= 0.5;          // went backwards
                    double percent = Math.Round(actual / target * 100, 2);
                    if (random.Next(200) == 0) percent += 5;           // percent does not match
                    return (p, (double?)target, (double?)actual, (double?)percent);
                }));
            }
        }
        return count;
    }

    private static int Save(BulletinStore store, string name, string region, string kind, string date, int? issue,
        IEnumerable<(int Project, double? Target, double? Actual, double? Percent)> figures)
    {
        var builder = new DocumentTextBuilder("txt");
        var list = figures.ToList();
        foreach (var f in list) builder.Add(BlockKind.Paragraph, $"项目{f.Project}：目标{f.Target}个，已完成{f.Actual}个，完成率{f.Percent}%。");
        var text = builder.Build();
        var extracted = list.Select((f, i) => new Figure
        {
            Region = region, Project = $"民生项目{f.Project}", Indicator = $"民生项目{f.Project}", Target = f.Target, Actual = f.Actual,
            Unit = "个", Percent = f.Percent, Start = text.Blocks[i].Start, End = text.Blocks[i].End, Sentence = text.Blocks[i].Text,
        }).ToList();
        store.SaveDocument(new SourceFile($"/bench/{name}.txt", name, 1), text,
            new ExtractionResult(new DocumentMetadata { Region = region, Kind = kind, Date = date, Issue = issue }, extracted));
        return extracted.Count;
    }
}
