using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>
/// How much of a document's numbers the figures account for: the amount and percent mentions
/// (<see cref="NumberRecognizer"/>, bare numbers left out), how many of them a figure uses (same value, in the
/// blocks the figure was read from) and the figures; <see cref="UnreadByKind"/> says where the unused ones stand
/// (table rows, paragraphs, list items, headings). <see cref="SuspectReason"/> says when that is too little
/// to trust the document as read.
/// </summary>
public sealed record DocumentCoverage(int Mentions, int MentionsUsed, int Figures, IReadOnlyDictionary<BlockKind, int>? UnreadByKind = null)
{
    /// <summary>A document with at least this many amounts and no figure is suspect.</summary>
    public const int MentionsForAnyFigure = 3;
    /// <summary>
    /// With at least this many amounts, a document whose figures use at most <see cref="MostShareUsedWhenSuspect"/> of
    /// them (its amounts mostly unread) is suspect. A third: on study+grown it flags GA06, GB02, GB15 and GI01 (recall
    /// 4/10, 1/5, 2/2, 0/5); a half would add six documents, four of them read fully (recall 1).
    /// </summary>
    public const int MentionsForShare = 12;
    public const double MostShareUsedWhenSuspect = 1.0 / 3;

    /// <summary>Why the document's figures are not to be trusted as complete, or null when they are.</summary>
    public string? SuspectReason =>
        Figures == 0 && Mentions >= MentionsForAnyFigure ? $"0 figures from {Mentions} amount/percent mentions{Unread}"
        : Mentions >= MentionsForShare && MentionsUsed <= MostShareUsedWhenSuspect * Mentions + 1e-9
            ? $"{Figures} figures use only {MentionsUsed} of {Mentions} amount/percent mentions{Unread}"
            : null;

    /// <summary>"; unread: 30 in table rows, 4 in paragraphs", the most first; empty when not known.</summary>
    private string Unread => UnreadByKind is { Count: > 0 } unread
        ? "; unread: " + string.Join(", ", unread.Where(k => k.Value > 0).OrderByDescending(k => k.Value).ThenBy(k => k.Key)
            .Select(k => $"{k.Value} in {KindName(k.Key)}"))
        : "";

    private static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.TableRow => "table rows",
        BlockKind.Paragraph => "paragraphs",
        BlockKind.ListItem => "list items",
        BlockKind.Heading => "headings",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The coverage of <paramref name="document"/> as the extraction read it: its normalized view (a traditional
    /// bulletin's 12.71萬套 and 6項 are amounts there, bare numbers in the original), page noise left out.
    /// <paramref name="normalized"/>: that view when the extraction already made it (<see cref="ExtractionResult.Normalized"/>).
    /// </summary>
    public static DocumentCoverage Measure(DocumentText document, IReadOnlyList<Figure> figures, DocumentText? normalized = null)
    {
        int mentions = 0, used = 0;
        var unread = new Dictionary<BlockKind, int>();
        foreach (var mention in MentionUses(document, figures, normalized))
        {
            if (mention.Q.IsBare) continue;
            mentions++;
            if (mention.UsedBy is not null) used++;
            else unread[mention.Block.Kind] = unread.GetValueOrDefault(mention.Block.Kind) + 1;
        }
        return new DocumentCoverage(mentions, used, figures.Count, unread);
    }

    /// <summary>
    /// Every number mention of the normalized view (bare numbers too), page noise left out, with the first figure that
    /// uses it (same value, read from the mention's block) or null: what coverage counts and `text --explain` lists.
    /// </summary>
    public static IEnumerable<MentionUse> MentionUses(DocumentText document, IReadOnlyList<Figure> figures, DocumentText? normalized = null)
    {
        document = normalized ?? NormalizedView.Of(document).Normalized;
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
        foreach (var block in document.Blocks)
        {
            if (block.Kind == BlockKind.Noise) continue;
            var text = CompactText.From(block.Text, block.Start);
            var covering = byBlock.GetValueOrDefault(block.Start);
            foreach (var quantity in NumberRecognizer.Find(text.Text))
                yield return new MentionUse(block,
                    quantity with { Start = text.SourceOffset(quantity.Start), End = text.SourceEndOffset(quantity.End) },
                    covering?.FirstOrDefault(f => Uses(f, quantity.Value)));
        }
    }

    private static bool Uses(Figure figure, double value) =>
        new[] { figure.Target, figure.Actual, figure.Percent }.Any(n => n is { } v && Math.Abs(v - value) <= 1e-6 * Math.Max(1, Math.Abs(v)));
}

/// <summary>A number mention (offsets into the document's full text), its block, and the figure that uses it or null.</summary>
public sealed record MentionUse(TextBlock Block, Quantity Q, Figure? UsedBy);
