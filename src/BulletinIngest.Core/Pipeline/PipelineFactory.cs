using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Learning;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Ocr;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Pipeline;

/// <summary>The pipeline with the stages this build has.</summary>
public static class PipelineFactory
{
    /// <summary>
    /// Rules extract the figures; the clause classifier vetoes narrative ones among those the rules were unsure of
    /// (optional figures); the project mapper gives each its canonical project.
    /// </summary>
    public static IngestPipeline Create(bool clauseFilter = true, RegionHints? regionHints = null, OcrMode ocr = OcrMode.Auto) =>
        new(new DocumentReader(ocr), Extractor(clauseFilter), new JiebaSearchTokenizer(), regionHints);

    /// <summary>The extraction the ingest runs (also what `bulletin text --explain` explains).</summary>
    public static IFigureExtractor Extractor(bool clauseFilter = true)
    {
        IFigureExtractor rules = new BulletinExtractor();
        var extractor = clauseFilter ? new ClauseFilterExtractor(rules, ClauseClassifier.Load(), ClauseFilterScope.Optional) : rules;
        return new ProjectMappingExtractor(extractor, ProjectMapper.Load());
    }
}
