using System.Diagnostics;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Pdf;
using BulletinIngest.Segmentation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

// `pdf`: our PDF text layer and PdfPig over the sample PDFs: CPU per page (cold first pass, then warm rounds),
// characters recovered, and the lines each gives for the table-heavy bulletin 002 (80 table rows in it).
// `segment`: our jieba and jieba.NET over the sample texts: load time, MB/s, and tokens equal to Python jieba's.
string repo = FindRepository();
return args.FirstOrDefault() switch
{
    "pdf" => ComparePdf(repo),
    "segment" => CompareSegmentation(repo),
    "roles" => RolesBench.Run(repo, args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release -- pdf|segment|roles [--no-fasttree]");
    return 2;
}

static int ComparePdf(string repo)
{
    var files = Directory.GetFiles(Path.Combine(repo, "corpus", "bulletins", "pdf"), "*.pdf").Order().ToList();
    files.Add(Path.Combine(repo, "tests", "BulletinIngest.Tests", "Pdf", "Fixtures", "truetype-without-tounicode.pdf"));
    var contents = files.Select(File.ReadAllBytes).ToList();
    var ours = new PdfReader();

    string OursText(byte[] pdf) => string.Join('\n', ours.Read(pdf).Blocks.Select(b => b.Text));
    static string PdfPigText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
    }

    foreach (var (name, read) in new (string, Func<byte[], string>)[] { ("ours", OursText), ("PdfPig", PdfPigText) })
    {
        int pages, failed = 0;
        var (cold, _) = Cpu(() =>
        {
            foreach (var pdf in contents)
                try { read(pdf); } catch (Exception) { failed++; }
        });
        pages = contents.Sum(c => { try { using var d = PdfDocument.Open(c); return d.NumberOfPages; } catch { return 0; } });
        const int rounds = 10;
        var (warm, wall) = Cpu(() =>
        {
            for (int round = 0; round < rounds; round++)
                foreach (var pdf in contents)
                    try { read(pdf); } catch (Exception) { }
        });
        Console.WriteLine($"{name,-7} cold {pages / cold,5:0} pages per CPU-second; warm {pages * rounds / warm,5:0} pages per CPU-second " +
                          $"({pages * rounds / wall:0} pages/s wall); files failing: {failed}");
    }

    foreach (string file in files.Where(f => f.Contains("002_") || f.Contains("truetype")))
    {
        var pdf = File.ReadAllBytes(file);
        string oursText = OursText(pdf), pigText;
        try { pigText = PdfPigText(pdf); } catch (Exception e) { pigText = $"({e.GetType().Name})"; }
        int oursRows = ours.Read(pdf).Blocks.Count(b => b.Kind == BlockKind.TableRow);
        Console.WriteLine($"{Path.GetFileName(file)}: CJK characters ours {CountCjk(oursText)}, PdfPig {CountCjk(pigText)}; " +
                          $"table rows ours {oursRows}, PdfPig lines {pigText.Split('\n').Length} (no table rows: it has no row assembly)");
    }
    return 0;
}

static int CompareSegmentation(string repo)
{
    var texts = Directory.GetFiles(Path.Combine(repo, "corpus", "bulletins", "txt"), "*.txt")
        .Where(f => Path.GetFileName(f).Split('.').Length == 2) // the five bulletins, not their encoding copies
        .Select(File.ReadAllText).ToList();
    double megabytes = texts.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;

    var (oursLoad, _) = Cpu(() => JiebaSegmenter.LoadJiebaOnly().Cut("预热"));
    var oursJieba = JiebaSegmenter.LoadJiebaOnly();
    JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba.net");
    JiebaNet.Segmenter.JiebaSegmenter? theirs = null;
    var (theirLoad, _) = Cpu(() => { theirs = new JiebaNet.Segmenter.JiebaSegmenter(); theirs.Cut("预热").ToList(); });

    const int rounds = 20;
    var (oursCpu, _) = Cpu(() => { for (int r = 0; r < rounds; r++) foreach (var t in texts) oursJieba.Cut(t); });
    var (theirCpu, _) = Cpu(() => { for (int r = 0; r < rounds; r++) foreach (var t in texts) theirs!.Cut(t).ToList(); });

    int same = texts.Count(t => oursJieba.Cut(t).Select(x => x.Text).SequenceEqual(theirs!.Cut(t)));
    Console.WriteLine($"texts: {texts.Count}, {megabytes:0.00} MB");
    Console.WriteLine($"ours       first cut {oursLoad * 1000:0} ms CPU, {megabytes * rounds / oursCpu:0.0} MB per CPU-second");
    Console.WriteLine($"jieba.NET  first cut {theirLoad * 1000:0} ms CPU, {megabytes * rounds / theirCpu:0.0} MB per CPU-second");
    Console.WriteLine($"documents with identical tokens: {same} of {texts.Count} (Python jieba equality: tests/fixtures/jieba)");
    return 0;
}

static int CountCjk(string text) => text.Count(c => c >= '\u4e00' && c <= '\u9fff');

static (double CpuSeconds, double WallSeconds) Cpu(Action work)
{
    var before = Environment.CpuUsage.TotalTime;
    var clock = Stopwatch.StartNew();
    work();
    return ((Environment.CpuUsage.TotalTime - before).TotalSeconds, clock.Elapsed.TotalSeconds);
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BulletinIngest.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
