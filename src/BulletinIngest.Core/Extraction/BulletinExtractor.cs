using BulletinIngest.Reading;

namespace BulletinIngest.Extraction;

/// <summary>The figure extractor the pipeline uses (rules of issue #5 plug in here).</summary>
public sealed class BulletinExtractor : IFigureExtractor
{
    public ExtractionResult Extract(DocumentText document, string documentName) => new(new DocumentMetadata(), []);
}
