using BulletinIngest.Extraction;
using BulletinIngest.Learning;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Learning;

/// <summary>The two learning stages around the real rule extractor, on a real sample bulletin.</summary>
public class ExtractionWiringTests
{
    private static readonly string Models = Path.Combine(RepoPaths.Root, "models");
    private const string Doc = "001_054569d9a1a13617.txt";
    private static DocumentText Sample() => new TxtReader().Read(File.ReadAllBytes(RepoPaths.Bulletin("txt/" + Doc)));

    [Fact]
    public void The_clause_filter_drops_what_its_model_calls_narrative_and_records_its_version_on_what_it_keeps()
    {
        var classifier = ClauseClassifier.Load(Path.Combine(Models, ClauseClassifier.FileName));
        var rules = new BulletinExtractor().Extract(Sample(), Doc).Figures;

        var keepAll = new ClauseFilterExtractor(new BulletinExtractor(), classifier, ClauseFilterScope.All, threshold: 0).Extract(Sample(), Doc).Figures;
        Assert.Equal(rules.Count, keepAll.Count);
        Assert.All(keepAll, f => Assert.Equal(classifier.Version, f.DecidedBy));
        Assert.All(keepAll, f => Assert.InRange(f.Confidence!.Value, 0.0, 1.0));

        var dropAll = new ClauseFilterExtractor(new BulletinExtractor(), classifier, ClauseFilterScope.All, threshold: 1.01).Extract(Sample(), Doc).Figures;
        Assert.Empty(dropAll);

        var optionalOnly = new ClauseFilterExtractor(new BulletinExtractor(), classifier, ClauseFilterScope.Optional, threshold: 1.01).Extract(Sample(), Doc).Figures;
        Assert.Equal(rules.Count(f => !f.Optional), optionalOnly.Count);
        Assert.All(optionalOnly, f => Assert.Equal("rules", f.DecidedBy));
    }

    [Fact]
    public void The_mapping_stage_gives_the_rule_figures_canonical_projects()
    {
        var mapped = new ProjectMappingExtractor(new BulletinExtractor(), ProjectMapper.Load(Models)).Extract(Sample(), Doc).Figures;
        Assert.Contains(mapped, f => f.Indicator.Contains("城镇新增就业") && f.CanonicalProjectId == "employment-urban-new");
        Assert.Contains(mapped, f => f.Indicator.Contains("新增蓄水能力") && f.CanonicalProjectId == "water-storage");
        Assert.True(mapped.Count(f => f.CanonicalProjectId is not null) > mapped.Count * 3 / 4);
    }
}
