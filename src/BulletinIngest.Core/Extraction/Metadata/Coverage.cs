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
        // Each figure covers the blocks from the one it starts in to the one it ends in: index them by block, so a
        // mention is checked against its own block's figures only (a large document has thousands of each).
        var byBlock = new Dictionary<int, List<Figure>>();
        var indexOf = document.Blocks.Select((b, i) => (b.Start, i)).ToDictionary(x => x.Start, x => x.i);
        foreach (var figure in figures)
        {
            if (document.BlockAt(figure.Start) is not { } first) continue;
            int end = document.BlockAt(Math.Max(figure.Start, figure.End - 1))?.End ?? first.End;
            for (int i = indexOf[first.Start]; i < document.Blocks.Count && document.Blocks[i].Start < end; i++)
                (byBlock.TryGetValue(document.Blocks[i].Start, out var list) ? list : byBlock[document.Blocks[i].Start] = []).Add(figure);
        }
        int mentions = 0, used = 0;
        foreach (var block in document.Blocks)
        {
            var text = CompactText.From(block.Text, block.Start);
            var covering = byBlock.GetValueOrDefault(block.Start);
            foreach (var quantity in NumberRecognizer.Find(text.Text))
            {
                if (quantity.IsBare) continue;
                mentions++;
                if (covering is not null && covering.Any(f => Uses(f, quantity.Value))) used++;
            }
        }
        return new DocumentCoverage(mentions, used, figures.Count);
    }

    private static bool Uses(Figure figure, double value) =>
        new[] { figure.Target, figure.Actual, figure.Percent }.Any(n => n is { } v && Math.Abs(v - value) <= 1e-6 * Math.Max(1, Math.Abs(v)));
}
