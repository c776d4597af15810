using System.Text.Json.Nodes;
using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Evaluation;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The five sample bulletins through the real readers and extractor, scored with the referee's rules.</summary>
public class EndToEndTests
{
    private static readonly string[] Stems =
        ["000_7f4eaa1b27befe4b", "001_054569d9a1a13617", "002_9e5b1a39eb6826af", "003_1a389f379980c1eb", "004_1f00e35fffe70a01"];

    private static (ScoreSummary Summary, List<ExtractionResult> Results) Run(string format)
    {
        var reader = new DocumentReader();
        var extractor = new BulletinExtractor();
        var predicted = new List<ScoredFigure>();
        var results = new List<ExtractionResult>();
        foreach (var stem in Stems)
        {
            string path = RepoPaths.Bulletin(Path.Combine(format, $"{stem}.{format}"));
            var result = extractor.Extract(reader.Read(path), Path.GetFileName(path));
            results.Add(result);
            predicted.AddRange(result.Figures.Select(f => new ScoredFigure
            {
                Doc = Path.GetFileName(path), Region = f.Region, Project = f.Project, Indicator = f.Indicator,
                Target = f.Target, Actual = f.Actual, Percent = f.Percent, Unit = f.Unit, Optional = f.Optional,
            }));
        }
        var gold = ScoredFigure.Load(Path.Combine(RepoPaths.Labels, "figures.jsonl"));
        return (FigureScorer.Score(gold, predicted).Summary, results);
    }

    [Fact]
    public void Text_bulletins_score_at_least_095_f1_and_090_exact()
    {
        var (summary, _) = Run("txt");
        Assert.True(summary.F1 >= 0.95, summary.ToLine());
        Assert.True(summary.ExactF1 >= 0.90, summary.ToLine());
    }

    [Fact]
    public void Word_bulletins_score_at_least_093_f1()
    {
        var (summary, _) = Run("docx");
        Assert.True(summary.F1 >= 0.93, summary.ToLine());
    }

    [Fact]
    public void Metadata_matches_the_labels()
    {
        var (_, results) = Run("txt");
        var expected = File.ReadAllLines(Path.Combine(RepoPaths.Labels, "documents.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        for (int i = 0; i < Stems.Length; i++)
        {
            var m = results[i].Metadata;
            var e = expected.Single(x => x["doc"]!.GetValue<string>().StartsWith(Stems[i]));
            Assert.Equal(e["region"]!.GetValue<string>(), m.Region);
            Assert.Equal(e["parent"]!.GetValue<string>(), m.ParentRegion);
            Assert.Equal(e["kind"]!.GetValue<string>(), m.Kind);
            Assert.Equal(e["issue"]?.GetValue<int>(), m.Issue);
            Assert.Equal(e["date"]!.GetValue<string>(), m.Date);
            Assert.Equal(e["campaign"]!.GetValue<string>(), m.Campaign);
        }
    }

    [Fact]
    public void Every_figure_has_provenance_inside_the_document()
    {
        var reader = new DocumentReader();
        foreach (var stem in Stems)
        {
            var text = reader.Read(RepoPaths.Bulletin(Path.Combine("docx", $"{stem}.docx")));
            foreach (var f in new BulletinExtractor().Extract(text, stem).Figures)
            {
                Assert.InRange(f.Start, 0, text.FullText.Length);
                Assert.InRange(f.End, f.Start, text.FullText.Length);
                Assert.False(string.IsNullOrWhiteSpace(f.Sentence));
                Assert.False(f.Inconsistent);
            }
        }
    }
}
