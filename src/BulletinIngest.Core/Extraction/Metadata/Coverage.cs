using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>
/// How much of a document's numbers the figures account for: the amount and percent mentions
/// (<see cref="NumberRecognizer"/>, bare numbers left out), how many of them a figure uses (same value, in the
/// blocks the figure was read from) and the figures. <see cref="SuspectReason"/> says when that is too little
/// to trust the document as read.
/// </summary>
public sealed record DocumentCoverage(int Mentions, int MentionsUsed, int Figures)
{
    /// <summary>A document with at least this many amounts and no figure is suspect.</summary>
    public const int MentionsForAnyFigure = 3;
    /// <summary>With at least this many amounts, a document whose figures use fewer than <see cref="LeastShareUsed"/> of them is suspect.</summary>
    public const int MentionsForShare = 12;
    public const double LeastShareUsed = 0.2;

    /// <summary>Why the document's figures are not to be trusted as complete, or null when they are.</summary>
    public string? SuspectReason =>
        Figures == 0 && Mentions >= MentionsForAnyFigure ? $"0 figures from {Mentions} amount/percent mentions"
        : Mentions >= MentionsForShare && MentionsUsed < LeastShareUsed * Mentions
            ? $"{Figures} figures use only {MentionsUsed} of {Mentions} amount/percent mentions"
            : null;

    public static DocumentCoverage Measure(DocumentText document, IReadOnlyList<Figure> figures)
    {
        // Each figure covers the blocks from the one it starts in to the one it ends in.
        var spans = figures.Select(f => (From: document.BlockAt(f.Start)?.Start ?? f.Start, To: document.BlockAt(Math.Max(f.Start, f.End - 1))?.End ?? f.End, Figure: f)).ToList();
        int mentions = 0, used = 0;
        foreach (var block in document.Blocks)
        {
            var text = CompactText.From(block.Text, block.Start);
            foreach (var quantity in NumberRecognizer.Find(text.Text))
            {
                if (quantity.IsBare) continue;
                mentions++;
                int at = text.SourceOffset(quantity.Start);
                if (spans.Any(s => at >= s.From && at < s.To && Uses(s.Figure, quantity.Value))) used++;
            }
        }
        return new DocumentCoverage(mentions, used, figures.Count);
    }

    private static bool Uses(Figure figure, double value) =>
        new[] { figure.Target, figure.Actual, figure.Percent }.Any(n => n is { } v && Math.Abs(v - value) <= 1e-6 * Math.Max(1, Math.Abs(v)));
}
