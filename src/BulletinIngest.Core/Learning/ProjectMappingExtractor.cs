using BulletinIngest.Extraction;
using BulletinIngest.Reading;

namespace BulletinIngest.Learning;

/// <summary>
/// An extraction stage that gives every figure another extractor finds its canonical project, so new
/// figures arrive in the database already mapped (`bulletin remap` redoes it later without re-ingesting).
/// </summary>
public sealed class ProjectMappingExtractor(IFigureExtractor inner, ProjectMapper mapper) : IFigureExtractor
{
    public ExtractionResult Extract(DocumentText document, string documentName)
    {
        var result = inner.Extract(document, documentName);
        return result with { Figures = result.Figures.Select(mapper.Apply).ToList() };
    }
}
