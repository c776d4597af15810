using System.Text;
using BulletinIngest.Bench;

// Benchmarks that print figures (throughput, load time, peak memory); run them in Release:
//   dotnet run -c Release --project bench/BulletinIngest.Bench -- NAME [args]
Console.OutputEncoding = Encoding.UTF8;
var benchmarks = new Dictionary<string, Func<string[], int>>
{
    ["ingest"] = IngestBenchmark.Run,
    ["pdf"] = PdfBenchmark.Run,
    ["ocr"] = OcrBenchmark.Run,
    ["segment"] = SegmentationBenchmark.Run,
    ["learning"] = LearningBenchmark.Run,
    ["analysis"] = AnalysisBenchmark.Run,
    ["lineup"] = LineupBenchmark.Run,
    ["clause-filter"] = ClauseFilterBenchmark.Run,
    ["extraction"] = ExtractionBenchmark.Run,
    ["stages"] = StagesBenchmark.Run,
    ["fuzz"] = FuzzBenchmark.Run,
};
if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: BulletinIngest.Bench {{{string.Join('|', benchmarks.Keys)}}} [args]");
    return 2;
}
return run(args[1..]);
