using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Learning;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;

namespace BulletinIngest.Bench;

/// <summary>
/// `stages [FOLDER] [ROUNDS]`: where one file's time goes, stage by stage, on one thread in this process (default
/// folder corpus/bulletins, 3 rounds): hashing, reading, the extraction steps (normalized view, metadata, outline,
/// the rest of the rules, the clause filter and project mapping), search tokens, coverage, the worker's JSON round
/// trip and the store. The first round (cold: JIT, model loads, regex compilation) and the later ones (steady)
/// are reported apart, in ms a document.
/// </summary>
public static class StagesBenchmark
{
    private static readonly string[] Stages =
        ["hash", "read", "normalize", "metadata", "outline", "rules (rest)", "clause filter", "project mapping", "search tokens", "coverage", "json round trip", "store"];

    public static int Run(string[] args)
    {
        string folder = args.Length > 0 ? args[0] : Path.Combine("corpus", "bulletins");
        int rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
        var files = IngestPipeline.ExpandPaths([folder]).Files;
        var reader = new DocumentReader();
        string database = Path.Combine(Path.GetTempPath(), $"bench-stages-{Guid.NewGuid():N}.db");
        try
        {
            using var store = BulletinStore.Open(database);
            var cold = new double[Stages.Length];
            var steady = new double[Stages.Length];
            IFigureExtractor? rules = null, filtered = null, full = null;
            ISearchTokenizer? tokenizer = null;
            int documents = 0;
            var readByFormat = new Dictionary<string, (double Ms, int Count)>();
            for (int round = 0; round < rounds; round++)
            {
                var totals = round == 0 ? cold : steady;
                var clock = Stopwatch.StartNew();
                double Lap(int stage) { double ms = clock.Elapsed.TotalMilliseconds; totals[stage] += ms; clock.Restart(); return ms; }
                // Model loads count against the cold round, where the ingest pays them too.
                rules ??= new BulletinExtractor();
                filtered ??= new ClauseFilterExtractor(rules, ClauseClassifier.Load(), ClauseFilterScope.Optional);
                Lap(6);
                full ??= new ProjectMappingExtractor(filtered, ProjectMapper.Load());
                Lap(7);
                tokenizer ??= new JiebaSearchTokenizer();
                Lap(8);
                foreach (var path in files)
                {
                    string name = Path.GetFileName(path);
                    clock.Restart();
                    byte[] content = File.ReadAllBytes(path);
                    string sha = Convert.ToHexStringLower(SHA256.HashData(content));
                    Lap(0);
                    DocumentText text;
                    try { text = reader.Read(content, name); }
                    catch (DocumentRejectedException) { continue; }
                    double read = Lap(1);
                    if (round > 0) readByFormat[text.Format] = (readByFormat.GetValueOrDefault(text.Format).Ms + read, readByFormat.GetValueOrDefault(text.Format).Count + 1);
                    // The three first steps of the rules, alone; the rules redo them, so they are taken off the rules' time.
                    var normalized = NormalizedView.Of(text).Normalized.WithoutNoise();
                    double steps = Lap(2);
                    var metadata = MetadataReader.Read(normalized, Gazetteer.Default);
                    steps += Lap(3);
                    var issuing = metadata.Region is null ? null : Gazetteer.Default.Find(metadata.Region);
                    Outline.Read(normalized, new RegionResolver(Gazetteer.Default, issuing), metadata.Kind == "plan");
                    steps += Lap(4);
                    rules.Extract(text, name);
                    double rulesAlone = clock.Elapsed.TotalMilliseconds;
                    totals[5] += Math.Max(0, rulesAlone - steps);
                    clock.Restart();
                    filtered.Extract(text, name);
                    double filteredAlone = clock.Elapsed.TotalMilliseconds;
                    totals[6] += Math.Max(0, filteredAlone - rulesAlone);
                    clock.Restart();
                    var extraction = full.Extract(text, name);
                    totals[7] += Math.Max(0, clock.Elapsed.TotalMilliseconds - filteredAlone);
                    clock.Restart();
                    var tokens = text.Blocks.Select(b => tokenizer.ToSearchTokens(b.Text)).ToList();
                    Lap(8);
                    var coverage = DocumentCoverage.Measure(text, extraction.Figures, extraction.Normalized);
                    Lap(9);
                    var analysis = new FileAnalysis(text.Format, text, extraction, tokens, Coverage: coverage);
                    var back = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(analysis, WorkerJson.Default.FileAnalysis), WorkerJson.Default.FileAnalysis)!;
                    Lap(10);
                    store.SaveDocument(new SourceFile($"{path}#{round}", sha, content.Length), back.Text!, back.Extraction!, back.SearchTokens, back.Coverage);
                    Lap(11);
                    if (round == 0) documents++;
                }
            }
            Console.WriteLine($"documents: {documents} read of {files.Count} files from {folder}; rounds: 1 cold + {rounds - 1} steady; load average {Measure.LoadAverage()}");
            Console.WriteLine($"{"stage",-16} {"cold ms/doc",12} {"steady ms/doc",14} {"steady share",13}");
            double steadyTotal = steady.Sum();
            for (int i = 0; i < Stages.Length; i++)
            {
                double steadyPerDoc = rounds > 1 ? steady[i] / (documents * (rounds - 1)) : double.NaN;
                Console.WriteLine($"{Stages[i],-16} {cold[i] / documents,12:0.00} {steadyPerDoc,14:0.00} {(rounds > 1 ? steady[i] / steadyTotal : double.NaN),12:P0}");
            }
            Console.WriteLine($"{"total",-16} {cold.Sum() / documents,12:0.00} {(rounds > 1 ? steadyTotal / (documents * (rounds - 1)) : double.NaN),14:0.00}");
            Console.WriteLine("read, steady, by format: " + string.Join(", ", readByFormat.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value.Ms / f.Value.Count:0.0} ms")));
            Console.WriteLine($"peak memory: {Measure.PeakMemoryMb():0} MB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
        return 0;
    }
}
