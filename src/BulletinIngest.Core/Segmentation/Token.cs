namespace BulletinIngest.Segmentation;

/// <summary>One token of a segmented text and where it starts in that text (UTF-16 offsets).</summary>
public readonly record struct Token(string Text, int Start)
{
    public int End => Start + Text.Length;

    public override string ToString() => $"{Text}@{Start}";
}
