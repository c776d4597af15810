using System.Text;
using BulletinIngest.Reading.Pdf.Content;

namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>Letters on one baseline, left to right, with the text they spell.</summary>
public sealed class TextLine
{
    public TextLine(IReadOnlyList<Letter> letters)
    {
        Letters = letters;
        var visible = letters.Where(l => !l.IsWhitespace).ToList();
        if (visible.Count == 0) visible = letters.ToList();
        X = visible.Min(l => l.X);
        Right = visible.Max(l => l.Right);
        Top = visible.Min(l => l.Top);
        Bottom = visible.Max(l => l.Bottom);
        Size = visible.GroupBy(l => Math.Round(l.Size * 2) / 2).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        Baseline = visible.Where(l => Math.Abs(l.Size - Size) < 0.5).Select(l => l.Baseline).DefaultIfEmpty(visible[0].Baseline).Max();
        Bold = visible.Count(l => l.Bold) * 2 > visible.Count;
        Text = Spell(letters);
    }

    public IReadOnlyList<Letter> Letters { get; }
    public string Text { get; }
    public double X { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Baseline { get; }
    /// <summary>The most common letter size on the line (superscripts do not count).</summary>
    public double Size { get; }
    public bool Bold { get; }
    public double Width => Right - X;

    /// <summary>
    /// The text of letters sorted left to right: a space where the source has a space glyph or a gap wider
    /// than a quarter of the font size, but never between two CJK characters.
    /// </summary>
    private static string Spell(IReadOnlyList<Letter> letters)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        bool pendingSpace = false;
        foreach (var letter in letters)
        {
            if (letter.IsWhitespace)
            {
                pendingSpace = previous is not null;
                continue;
            }
            if (previous is not null)
            {
                double gap = letter.X - previous.Right;
                bool wide = gap > 0.25 * Math.Min(letter.Size, previous.Size);
                if ((pendingSpace || wide) && !(Cjk.EndsWithCjk(previous.Text) && Cjk.StartsWithCjk(letter.Text))) text.Append(' ');
            }
            text.Append(letter.Text);
            previous = letter;
            pendingSpace = false;
        }
        return text.ToString();
    }
}
