namespace BulletinIngest.Segmentation;

/// <summary>Turns a block's text into the space-separated words the full-text index stores.</summary>
public interface ISearchTokenizer
{
    string ToSearchTokens(string text);
}
