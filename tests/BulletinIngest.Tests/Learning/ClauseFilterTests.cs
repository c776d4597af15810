using BulletinIngest.Extraction;
using BulletinIngest.Pipeline;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Learning;

/// <summary>The clause classifier's veto in the ingest's extraction: every figure it drops is said, with its numbers and clause.</summary>
public class ClauseFilterTests
{
    [Fact]
    public void Each_figure_the_clause_classifier_drops_is_a_rejection_with_its_clause()
    {
        // A real news page (安庆 2015): its narrative sentences hold optional figures the classifier vetoes.
        string path = Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpus", "real", "grown", "docs"), "GA06_*.txt").Single();
        var text = new TxtReader().Read(File.ReadAllBytes(path));
        var rules = new BulletinExtractor().Extract(text, Path.GetFileName(path));
        var ingest = PipelineFactory.Extractor().Extract(text, Path.GetFileName(path));
        var vetoes = ingest.Rejected.Where(r => r.Contains("← a narrative clause", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(vetoes);
        Assert.Equal(rules.Figures.Count - ingest.Figures.Count, vetoes.Count);
        Assert.All(vetoes, v => Assert.StartsWith("figure ", v));
        Assert.Equal(rules.Rejected, ingest.Rejected.Take(rules.Rejected.Count));
    }
}
