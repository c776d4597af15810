namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>
/// Turns the pages' reading-order items into blocks: table rows stay one block each (cells joined by TAB);
/// text lines are grouped into paragraphs, list items (a leading bullet, dropped) and headings (larger than
/// the body text, or a short line all in bold). A line continues the block before it when that block's last
/// line runs to the right margin, the style matches, the vertical gap is a normal line gap (or a page break
/// lies between) and the line is not indented as a new paragraph.
/// </summary>
public sealed class BlockBuilder
{
    private const string Bullets = "•●▪◦■□◆◇";
    private const string SentenceEnds = "。；：！？」』”）;:!?";

    private readonly DocumentTextBuilder _output;
    private readonly double _bodySize, _bodyLeft, _bodyRight;
    private readonly List<double> _headingSizes;
    private Block? _current;

    private BlockBuilder(DocumentTextBuilder output, IReadOnlyList<List<PageItem>> pages)
    {
        _output = output;
        var lines = pages.SelectMany(p => p).Select(i => i.Line).OfType<TextLine>().ToList();
        _bodySize = lines.Count == 0 ? 12 : lines.GroupBy(l => l.Size).OrderByDescending(g => g.Sum(l => l.Text.Length)).First().Key;
        var body = lines.Where(l => Math.Abs(l.Size - _bodySize) < 0.5).ToList();
        _bodyLeft = body.Count == 0 ? 0 : body.GroupBy(l => Math.Round(l.X)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        _bodyRight = body.Count == 0 ? 0 : Percentile(body.Select(l => l.Right), 0.9);
        _headingSizes = lines.Select(l => l.Size).Where(s => s >= 1.15 * _bodySize).Distinct().OrderDescending().ToList();
    }

    public static void Build(DocumentTextBuilder output, IReadOnlyList<List<PageItem>> pages)
    {
        var builder = new BlockBuilder(output, pages);
        PageItem? previous = null;
        foreach (var item in pages.SelectMany(p => p))
        {
            builder.Add(item, previous);
            previous = item;
        }
        builder.Flush();
    }

    private void Add(PageItem item, PageItem? previous)
    {
        if (item.Cells is { } cells)
        {
            Flush();
            _output.Add(BlockKind.TableRow, string.Join('\t', cells), item.Page);
            return;
        }
        var line = item.Line!;
        string text = line.Text.Trim();
        bool bullet = text.Length > 1 && Bullets.Contains(text[0]);
        if (_current is not null && previous?.Line is { } last && !bullet && Continues(_current, last, line, pageBreak: previous.Page != item.Page))
        {
            _current.Text = Cjk.Join(_current.Text, text);
            _current.ContinuationX ??= line.X;
            _current.LastLine = line;
            return;
        }
        Flush();
        int level = HeadingLevel(line);
        var kind = bullet ? BlockKind.ListItem : level > 0 ? BlockKind.Heading : BlockKind.Paragraph;
        double? bulletTextX = bullet ? line.Letters.Where(l => !l.IsWhitespace).Skip(1).Select(l => (double?)l.X).FirstOrDefault() : null;
        _current = new Block(kind, bullet ? text[1..].TrimStart() : text, item.Page, level, line, bulletTextX);
    }

    private bool Continues(Block block, TextLine last, TextLine line, bool pageBreak)
    {
        if (Math.Abs(line.Size - last.Size) > 0.15 * last.Size) return false;
        if (block.Kind == BlockKind.Heading && line.Bold != last.Bold) return false;
        if (!pageBreak)
        {
            double gap = line.Top - last.Bottom;
            if (gap > 1.2 * last.Size || gap < -0.5 * last.Size) return false;
        }
        bool reachesMargin = last.Right >= _bodyRight - 2 * last.Size
                             || (last.Right >= _bodyRight - 4 * last.Size && !SentenceEnds.Contains(last.Text.TrimEnd()[^1]));
        if (!reachesMargin) return false;

        double tolerance = 0.8 * line.Size;
        if (block.ContinuationX is { } known) return Math.Abs(line.X - known) <= tolerance;
        if (block.BulletTextX is { } textX) return Math.Abs(line.X - textX) <= tolerance || line.X <= _bodyLeft + tolerance;
        bool firstLineIndented = block.FirstLine.X > _bodyLeft + line.Size;
        return firstLineIndented ? line.X < block.FirstLine.X - tolerance : line.X <= block.FirstLine.X + tolerance;
    }

    private int HeadingLevel(TextLine line)
    {
        int bySize = _headingSizes.IndexOf(line.Size);
        if (bySize >= 0 && line.Text.Trim().Length > 0) return bySize + 1;
        bool shortBoldLine = line.Bold && Math.Abs(line.Size - _bodySize) < 0.5 && line.Right < _bodyRight - 3 * line.Size
                             && line.Text.Trim().Length <= 40 && !SentenceEnds.Contains(line.Text.TrimEnd()[^1]);
        return shortBoldLine ? _headingSizes.Count + 1 : 0;
    }

    private void Flush()
    {
        if (_current is null) return;
        _output.Add(_current.Kind, _current.Text, _current.Page, _current.Kind == BlockKind.Heading ? _current.Level : 0);
        _current = null;
    }

    private static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }

    private sealed class Block(BlockKind kind, string text, int page, int level, TextLine firstLine, double? bulletTextX)
    {
        public BlockKind Kind { get; } = kind;
        public string Text { get; set; } = text;
        public int Page { get; } = page;
        public int Level { get; } = level;
        public TextLine FirstLine { get; } = firstLine;
        public TextLine LastLine { get; set; } = firstLine;
        public double? BulletTextX { get; } = bulletTextX;
        /// <summary>Where the block's second and later lines start, once seen.</summary>
        public double? ContinuationX { get; set; }
    }
}
