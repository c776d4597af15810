using BulletinIngest.Reading;

namespace BulletinIngest.Extraction;

/// <summary>The extraction stage: a document's text in, its metadata and figures out.</summary>
public interface IFigureExtractor
{
    ExtractionResult Extract(DocumentText document, string documentName);
}
