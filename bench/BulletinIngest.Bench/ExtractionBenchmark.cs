using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Reading;

namespace BulletinIngest.Bench;

/// <summary>
/// `extraction [FOLDER] [ROUNDS]`: extraction alone (reading excluded) over every bulletin in a folder
/// (default corpus/bulletins/txt), repeated ROUNDS times (default 50): gazetteer load time, ms a document (wall, and CPU: user + system of the
/// process, the figure to read on a shared machine, and the bytes allocated),
/// documents and figures a second, peak memory.
/// </summary>
public static class ExtractionBenchmark
{
    public static int Run(string[] args)
    {
        string folder = args.Length > 0 ? args[0] : Path.Combine("corpus", "bulletins", "txt");
        int rounds = args.Length > 1 ? int.Parse(args[1]) : 50;
        var reader = new DocumentReader();
        var documents = Directory.EnumerateFiles(folder).Order().Select(path => (Name: Path.GetFileName(path), Text: reader.Read(path))).ToList();

        var (gazetteer, load) = Measure.Time(() => Gazetteer.Load(ModelFiles.PathOf("gazetteer.tsv")));
        var extractor = new BulletinExtractor(gazetteer);
        foreach (var (name, text) in documents) extractor.Extract(text, name); // warm-up (regex compilation, JIT)

        var cpuBefore = Measure.ProcessCpu();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (figures, elapsed) = Measure.Time(() =>
        {
            long count = 0;
            for (int round = 0; round < rounds; round++)
                foreach (var (name, text) in documents) count += extractor.Extract(text, name).Figures.Count;
            return count;
        });
        var cpu = Measure.ProcessCpu() - cpuBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int extractions = rounds * documents.Count;
        long characters = documents.Sum(d => (long)d.Text.FullText.Length) * rounds;
        Console.WriteLine($"documents        {documents.Count} from {folder} x {rounds} rounds");
        Console.WriteLine($"gazetteer load   {load.TotalMilliseconds:0.0} ms ({gazetteer.Places.Count()} places)");
        Console.WriteLine($"per document     {elapsed.TotalMilliseconds / extractions:0.00} ms wall, {cpu.TotalMilliseconds / extractions:0.00} ms CPU (load {Measure.LoadAverage()}), {allocated / 1024.0 / extractions:0} KB allocated");
        Console.WriteLine($"throughput       {extractions / elapsed.TotalSeconds:0} documents/s, {characters / elapsed.TotalSeconds / 1e6:0.00} M chars/s, {figures / elapsed.TotalSeconds:0} figures/s");
        Console.WriteLine($"peak memory      {Measure.PeakMemoryMb():0} MB");
        return 0;
    }
}
