namespace BulletinIngest.Reading;

/// <summary>
/// Reads one format into the common document model. Readers throw
/// <see cref="DocumentRejectedException"/> for files they refuse; any other exception is a bug.
/// </summary>
public interface IDocumentReader
{
    FileFormat Format { get; }
    DocumentText Read(byte[] content);
}
