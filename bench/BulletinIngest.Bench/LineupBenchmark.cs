using System.Security.Cryptography;
using BulletinIngest.Extraction;
using BulletinIngest.Learning;
using BulletinIngest.Reading;
using BulletinIngest.Storage;
using Dapper;

namespace BulletinIngest.Bench;

/// <summary>
/// `lineup [LABELS_DIR] [DB] [BULLETINS_DIR]`: stores the labeled (gold) figures of the sample bulletins in a real SQLite file
/// through BulletinStore, maps them with `remap`'s mapper (shipped catalog and project model), and prints how
/// many got a project and which canonical projects line up across regions and years.
/// </summary>
public static class LineupBenchmark
{
    public static int Run(string[] args)
    {
        string labels = args.ElementAtOrDefault(0) ?? Path.Combine("corpus", "labels");
        string db = args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "bulletin-lineup.db");
        var corpus = LabeledCorpus.At(labels, args.ElementAtOrDefault(2));
        foreach (var stale in new[] { db, db + "-wal", db + "-shm" }) File.Delete(stale);

        using var store = BulletinStore.Open(db);
        var figures = corpus.Figures().ToLookup(f => f.Doc);
        foreach (var document in corpus.Documents())
        {
            byte[] content = File.ReadAllBytes(corpus.BulletinPath(document.Doc));
            var text = new TxtReader().Read(content);
            var metadata = new DocumentMetadata { Region = document.Region, Kind = document.Kind, Date = document.Date };
            var stored = figures[document.Doc].Select(f => new Figure
            {
                Region = f.Region, Tier = f.Tier, Project = f.Project, Indicator = f.Indicator, Target = f.Target, Actual = f.Actual,
                Unit = f.Unit, Percent = f.Percent, Optional = f.Optional, Sentence = f.Indicator,
            }).ToList();
            var file = new SourceFile(Path.GetFullPath(corpus.BulletinPath(document.Doc)), Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
            store.SaveDocument(file, text, new ExtractionResult(metadata, stored));
        }

        var mapper = ProjectMapper.Load();
        var (summary, elapsed) = Measure.Time(() => FigureRemapper.Remap(store.Connection, mapper));
        Console.WriteLine($"{summary.Figures} gold figures in {db}, mapped in {elapsed.TotalMilliseconds:0} ms: {summary.ByCatalog} by catalog keywords, " +
                          $"{summary.ByModel} by {mapper.Classifier?.Version}, {summary.Unmapped} without a project");

        // How the mapping agrees with the hand labels (keywords were written with these names in view, so this
        // checks consistency, not generalization; the project model's own measure is its k-fold accuracy).
        var labeled = ProjectTrainingSet.Read(corpus).ToDictionary(e => (ProjectCatalog.Normalize(e.Project), ProjectCatalog.Normalize(e.Indicator)), e => e.Label);
        var mapped = store.Connection.Query<(string Project, string Indicator, string? Id)>("SELECT project, indicator, canonical_project_id FROM figures").ToList();
        var checkable = mapped.Where(m => labeled.ContainsKey((ProjectCatalog.Normalize(m.Project), ProjectCatalog.Normalize(m.Indicator)))).ToList();
        int agree = checkable.Count(m => (m.Id ?? ProjectClassifier.NoProject) == labeled[(ProjectCatalog.Normalize(m.Project), ProjectCatalog.Normalize(m.Indicator))]);
        if (checkable.Count > 0) Console.WriteLine($"agreement with project_labels.tsv: {agree} of {checkable.Count} figures");
        foreach (var m in checkable.Where(m => (m.Id ?? ProjectClassifier.NoProject) != labeled[(ProjectCatalog.Normalize(m.Project), ProjectCatalog.Normalize(m.Indicator))]))
            Console.WriteLine($"  {m.Project} | {m.Indicator}: mapped {m.Id ?? "none"}, labeled {labeled[(ProjectCatalog.Normalize(m.Project), ProjectCatalog.Normalize(m.Indicator))]}");

        var lines = store.Connection.Query<(string Id, long Documents, long Regions, string Years, long Figures)>(
            """
            SELECT f.canonical_project_id, count(DISTINCT f.document_id), count(DISTINCT f.region),
                   group_concat(DISTINCT substr(d.issue_date, 1, 4)), count(*)
            FROM figures f JOIN documents d ON d.id = f.document_id
            WHERE f.canonical_project_id IS NOT NULL
            GROUP BY f.canonical_project_id HAVING count(DISTINCT f.document_id) > 1
            ORDER BY count(DISTINCT f.document_id) DESC, f.canonical_project_id
            """).ToList();
        Console.WriteLine($"{lines.Count} canonical projects have figures in more than one bulletin:");
        foreach (var (id, documents, regions, years, count) in lines)
            Console.WriteLine($"  {id,-36} {documents} bulletins, {regions} regions, years {years}, {count} figures");
        return 0;
    }
}
