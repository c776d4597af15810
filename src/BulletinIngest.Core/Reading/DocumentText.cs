using System.Text.Json.Serialization;

namespace BulletinIngest.Reading;

/// <summary>What a block of text is in the source document's layout.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    /// <summary>One table row; cells are separated by a TAB.</summary>
    TableRow,
    /// <summary>Page noise (navigation, page tools, share bars, footers): kept for provenance, not read for figures.</summary>
    Noise,
}

/// <summary>
/// One paragraph, heading, list item or table row, with where it sits: the page it is on
/// (1-based; 0 when the format has no pages) and its character offsets in <see cref="DocumentText.FullText"/>.
/// <see cref="Ocr"/> is set when the text was recognized from an image (source = ocr), null for a text layer.
/// </summary>
public sealed record TextBlock(BlockKind Kind, string Text, int Page, int Start, int HeadingLevel = 0, OcrMarks? Ocr = null)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// How sure the OCR engine was of a block: the mean word confidence (0-100) and the words below
/// <see cref="LowConfidence"/> (offsets relative to the block's start), so a figure read from one is marked suspect.
/// </summary>
public sealed record OcrMarks(double MeanConfidence, IReadOnlyList<OcrSpan> Uncertain)
{
    /// <summary>Below this word confidence a figure's digits are suspect (Tesseract's wrong numbers in sample 004 score 0-59).</summary>
    public const double LowConfidence = 60;

    /// <summary>The lowest confidence of an uncertain word overlapping [start, end) of the block, or null when none does.</summary>
    public double? LowestIn(int start, int end) =>
        Uncertain.Where(s => s.Start < end && s.Start + s.Length > start).Select(s => (double?)s.Confidence).Min();
}

/// <summary>A recognized word's place in its block's text and the engine's confidence in it.</summary>
public sealed record OcrSpan(int Start, int Length, double Confidence);

/// <summary>
/// The common document model every reader yields: blocks in reading order. The full text is the
/// blocks joined by '\n', so a block's offsets are offsets into it.
/// </summary>
public sealed class DocumentText
{
    public DocumentText(string format, IReadOnlyList<TextBlock> blocks, int pageCount, IReadOnlyList<string>? warnings = null)
    {
        Format = format;
        Blocks = blocks;
        PageCount = pageCount;
        Warnings = warnings ?? [];
        FullText = string.Join('\n', blocks.Select(b => b.Text));
    }

    private DocumentText(DocumentText whole, IReadOnlyList<TextBlock> blocks)
    {
        Format = whole.Format;
        Blocks = blocks;
        PageCount = whole.PageCount;
        Warnings = whole.Warnings;
        FullText = whole.FullText;
    }

    /// <summary>The document without its Noise blocks; the full text and every offset stay those of the whole document.</summary>
    public DocumentText WithoutNoise() =>
        Blocks.Any(b => b.Kind == BlockKind.Noise) ? new DocumentText(this, Blocks.Where(b => b.Kind != BlockKind.Noise).ToList()) : this;

    /// <summary>"pdf", "docx", "txt", "html" or "image".</summary>
    public string Format { get; }
    public IReadOnlyList<TextBlock> Blocks { get; }
    public int PageCount { get; }
    /// <summary>Not in JSON (a worker's answer): the constructor joins it from the blocks again, so it is not sent twice.</summary>
    [JsonIgnore]
    public string FullText { get; }
    /// <summary>Things the reader noticed but could work around (a page without text, a font without a Unicode map).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The block that holds a character offset of the full text.</summary>
    public TextBlock? BlockAt(int offset)
    {
        int lo = 0, hi = Blocks.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var block = Blocks[mid];
            if (offset < block.Start) hi = mid - 1;
            else if (offset > block.End) lo = mid + 1;
            else return block;
        }
        return null;
    }
}

/// <summary>Collects blocks and gives each its offset in the full text.</summary>
public sealed class DocumentTextBuilder(string format)
{
    private readonly List<TextBlock> _blocks = [];
    private readonly List<string> _warnings = [];
    private int _length;
    private int _pageCount;

    public int Count => _blocks.Count;

    public void Add(BlockKind kind, string text, int page = 0, int headingLevel = 0)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        text = text.Replace('\n', ' ').Replace('\r', ' ');
        int start = _blocks.Count == 0 ? 0 : _length + 1;
        _blocks.Add(new TextBlock(kind, text, page, start, headingLevel));
        _length = start + text.Length;
        _pageCount = Math.Max(_pageCount, page);
    }

    public void Warn(string warning) => _warnings.Add(warning);

    public DocumentText Build(int? pageCount = null) => new(format, _blocks, pageCount ?? _pageCount, _warnings);
}
