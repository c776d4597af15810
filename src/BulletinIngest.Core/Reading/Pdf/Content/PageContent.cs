namespace BulletinIngest.Reading.Pdf.Content;

/// <summary>
/// One glyph placed on the page, in display space: points from the top-left corner of the crop box, y
/// growing downwards, after the page's /Rotate. <see cref="Baseline"/> is the y of the pen; <see cref="Size"/>
/// the font size as drawn. Letters not drawn left-to-right upright are marked <see cref="Upright"/> = false.
/// </summary>
public sealed record Letter(string Text, double X, double Baseline, double Width, double Size, bool Bold, bool Upright)
{
    public double Right => X + Width;
    public double Top => Baseline - Size * 0.88;
    public double Bottom => Baseline + Size * 0.12;
    public double CenterX => X + Width / 2;
    public double CenterY => Baseline - Size * 0.38;
    public bool IsWhitespace => string.IsNullOrWhiteSpace(Text);
}

/// <summary>An axis-aligned line drawn on the page (a table border): at <see cref="Position"/> across, from <see cref="Start"/> to <see cref="End"/> along.</summary>
public sealed record Ruling(bool Horizontal, double Position, double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>A small filled shape (a dot or square a few points wide): a list bullet when text follows it on its line.</summary>
public sealed record Mark(double Left, double Top, double Right, double Bottom)
{
    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>What the content interpreter found on one page.</summary>
public sealed record PageContent(int PageNumber, double Width, double Height, IReadOnlyList<Letter> Letters, IReadOnlyList<Ruling> Rulings, int ImageCount)
{
    public IReadOnlyList<Mark> Marks { get; init; } = [];
    /// <summary>Where the page's image XObjects are drawn (display space, points).</summary>
    public IReadOnlyList<Mark> ImageBoxes { get; init; } = [];

    public bool HasText => Letters.Any(l => !l.IsWhitespace);
}
