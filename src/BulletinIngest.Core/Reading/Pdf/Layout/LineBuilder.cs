using BulletinIngest.Reading.Pdf.Content;

namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>
/// Groups letters into lines by baseline: a letter joins the line whose vertical extent it overlaps most
/// (at least half of the smaller extent), so superscripts and subscripts stay on their line. Letters drawn
/// twice at the same spot (synthetic bold) count once. A line is split where a horizontal gap is wider
/// than <see cref="ColumnGapEms"/> font sizes (side-by-side columns).
/// </summary>
public static class LineBuilder
{
    public const double ColumnGapEms = 3;

    public static List<TextLine> Build(IEnumerable<Letter> letters)
    {
        var upright = new List<Letter>();
        var other = new List<Letter>();
        foreach (var letter in letters) (letter.Upright ? upright : other).Add(letter);

        var groups = new List<List<Letter>>();
        var extents = new List<(double Top, double Bottom)>();
        foreach (var letter in upright.OrderBy(l => l.Baseline).ThenBy(l => l.X))
        {
            int best = -1;
            double bestOverlap = 0;
            // Only lines close above can take the letter; look back over the last few.
            for (int i = groups.Count - 1; i >= 0 && i >= groups.Count - 8; i--)
            {
                var (top, bottom) = extents[i];
                double overlap = Math.Min(bottom, letter.Bottom) - Math.Max(top, letter.Top);
                double smaller = Math.Min(bottom - top, letter.Bottom - letter.Top);
                if (overlap >= 0.5 * smaller && overlap > bestOverlap) { best = i; bestOverlap = overlap; }
            }
            if (best < 0)
            {
                groups.Add([letter]);
                extents.Add((letter.Top, letter.Bottom));
            }
            else
            {
                groups[best].Add(letter);
                // The line's extent follows its full-size letters, so a superscript does not stretch it upwards.
                var (top, bottom) = extents[best];
                if (letter.Size >= 0.8 * (bottom - top)) extents[best] = (Math.Min(top, letter.Top), Math.Max(bottom, letter.Bottom));
            }
        }

        var lines = new List<TextLine>();
        foreach (var group in groups)
            foreach (var segment in SplitAtColumnGaps(Deduplicate(group.OrderBy(l => l.X).ToList())))
                if (segment.Any(l => !l.IsWhitespace)) lines.Add(new TextLine(segment));
        // Rotated or vertical text: one line per run of letters, in drawing order.
        if (other.Count > 0 && other.Any(l => !l.IsWhitespace)) lines.Add(new TextLine(other));
        return lines.OrderBy(l => l.Baseline).ThenBy(l => l.X).ToList();
    }

    /// <summary>Drops a letter drawn again over the same letter (fake bold by overprinting).</summary>
    private static List<Letter> Deduplicate(List<Letter> sorted)
    {
        var kept = new List<Letter>(sorted.Count);
        foreach (var letter in sorted)
        {
            bool repeat = false;
            for (int k = kept.Count - 1; k >= 0 && k >= kept.Count - 3 && !repeat; k--)
            {
                var other = kept[k];
                repeat = other.Text == letter.Text && Math.Abs(other.X - letter.X) < 0.3 * Math.Max(other.Width, 0.3 * other.Size)
                         && Math.Abs(other.Baseline - letter.Baseline) < 0.3 * other.Size;
            }
            if (!repeat) kept.Add(letter);
        }
        return kept;
    }

    private static IEnumerable<List<Letter>> SplitAtColumnGaps(List<Letter> sorted)
    {
        var current = new List<Letter>();
        Letter? previous = null;
        foreach (var letter in sorted)
        {
            if (letter.IsWhitespace) { current.Add(letter); continue; }
            if (previous is not null && letter.X - previous.Right > ColumnGapEms * Math.Max(letter.Size, previous.Size))
            {
                yield return current;
                current = [];
            }
            current.Add(letter);
            previous = letter;
        }
        if (current.Count > 0) yield return current;
    }
}
