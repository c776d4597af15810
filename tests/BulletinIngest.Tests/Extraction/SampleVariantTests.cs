using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Evaluation;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// The five sample bulletins rendered as real documents arrive (made by scripts/make_sample_variants.py):
/// in traditional characters, and as government web pages. Both must score like the samples themselves.
/// </summary>
public class SampleVariantTests
{
    private static ScoreSummary Score(string folder)
    {
        var reader = new DocumentReader();
        var extractor = new BulletinExtractor();
        var predicted = new List<ScoredFigure>();
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Corpus, folder)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, files.Count);
        foreach (var path in files)
            predicted.AddRange(extractor.Extract(reader.Read(path), Path.GetFileName(path)).Figures.Select(f => new ScoredFigure
            {
                Doc = Path.GetFileName(path), Region = f.Region, Project = f.Project, Indicator = f.Indicator,
                Target = f.Target, Actual = f.Actual, Percent = f.Percent, Unit = f.Unit, Optional = f.Optional,
            }));
        return FigureScorer.Score(ScoredFigure.Load(Path.Combine(RepoPaths.Labels, "figures.jsonl")), predicted).Summary;
    }

    [Fact]
    public void Traditional_character_samples_score_at_least_097_f1()
    {
        var summary = Score("traditional");
        Assert.True(summary.F1 >= 0.97, summary.ToLine());
    }

    [Fact]
    public void Samples_saved_as_government_web_pages_score_at_least_097_f1()
    {
        var summary = Score("web");
        Assert.True(summary.F1 >= 0.97, summary.ToLine());
    }
}
