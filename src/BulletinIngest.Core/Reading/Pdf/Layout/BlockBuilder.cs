using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>
/// Turns the pages' reading-order items into blocks: table rows stay one block each (cells joined by TAB);
/// text lines are grouped into paragraphs, list items (a leading bullet, dropped) and headings (larger than
/// the body text, or a short line all in bold). A line continues the block before it when that block's last
/// line runs to the right margin (or stops short only because the line's first word did not fit), the style
/// matches, the vertical gap is a normal line gap (or a page break lies between), the line is not indented
/// as a new paragraph, and it does not open a numbered item ("（3）", "2.", "一、") after a finished sentence.
/// </summary>
public sealed partial class BlockBuilder
{
    private const string Bullets = "•●▪◦■□◆◇";
    private const string SentenceEnds = "。；：！？」』”）;:!?";
    private const int MaxHeadingLength = 80;

    private readonly DocumentTextBuilder _output;
    private readonly double _bodySize, _bodyLeft, _bodyRight, _linePitch;
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
        _linePitch = LinePitch(pages, _bodySize);
        _headingSizes = lines.Where(l => l.Text.Length <= MaxHeadingLength).Select(l => l.Size).Where(s => s >= 1.06 * _bodySize).Distinct().OrderDescending().ToList();
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
            // Paragraph spacing: a baseline step clearly wider than the body's usual one.
            double step = line.Baseline - last.Baseline;
            if (step > _linePitch * last.Size / _bodySize + 0.25 * last.Size || step < 0.5 * last.Size) return false;
        }
        bool sentenceEnded = SentenceEnds.Contains(last.Text.TrimEnd()[^1]);
        if (sentenceEnded && NumberedItem().IsMatch(line.Text)) return false;
        bool reachesMargin = last.Right >= _bodyRight - 2 * last.Size
                             || (!sentenceEnded && _bodyRight - last.Right < FirstWordWidth(line) + last.Size);
        if (!reachesMargin) return false;

        double tolerance = 0.5 * line.Size;
        if (block.ContinuationX is { } known) return Math.Abs(line.X - known) <= tolerance;
        if (block.BulletTextX is { } textX) return Math.Abs(line.X - textX) <= tolerance || line.X <= _bodyLeft + tolerance;
        bool firstLineIndented = block.FirstLine.X > _bodyLeft + tolerance;
        return firstLineIndented ? line.X < block.FirstLine.X - tolerance : line.X <= block.FirstLine.X + tolerance;
    }

    /// <summary>
    /// Width of what the previous line could not fit: the line's first Latin word or number, or its first
    /// character with the punctuation that may not be parted from it (a closing mark may not start a line,
    /// an opening mark may not end one).
    /// </summary>
    private static double FirstWordWidth(TextLine line)
    {
        var letters = line.Letters.SkipWhile(l => l.IsWhitespace).ToList();
        if (letters.Count == 0) return 0;
        int end;
        if (!Cjk.StartsWithCjk(letters[0].Text)) end = Math.Max(1, letters.TakeWhile(l => !l.IsWhitespace && !Cjk.StartsWithCjk(l.Text)).Count());
        else
        {
            end = 1;
            while (end < letters.Count && (Opening.Contains(letters[end - 1].Text[0]) || Opening.Contains(letters[end].Text[0]) || Closing.Contains(letters[end].Text[0])))
                end++;
        }
        return letters[end - 1].Right - letters[0].X;
    }

    private const string Opening = "“‘（《【「『〔(";
    private const string Closing = "，。、；：！？”’）》】」』〕,.;:!?)";

    private int HeadingLevel(TextLine line)
    {
        int bySize = _headingSizes.IndexOf(line.Size);
        if (bySize >= 0 && line.Text.Trim().Length is > 0 and <= MaxHeadingLength) return bySize + 1;
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

    /// <summary>
    /// The body's line spacing: the smallest baseline step between consecutive body lines that is common
    /// (many short paragraphs make the paragraph step the most frequent one).
    /// </summary>
    private static double LinePitch(IReadOnlyList<List<PageItem>> pages, double bodySize)
    {
        var steps = new List<double>();
        foreach (var page in pages)
            for (int i = 1; i < page.Count; i++)
                if (page[i - 1].Line is { } above && page[i].Line is { } below
                    && Math.Abs(above.Size - bodySize) < 0.5 && Math.Abs(below.Size - bodySize) < 0.5)
                {
                    double step = below.Baseline - above.Baseline;
                    if (step > 0.8 * bodySize && step < 3 * bodySize) steps.Add(Math.Round(step));
                }
        if (steps.Count == 0) return 1.5 * bodySize;
        int common = Math.Max(2, steps.Count / 10);
        return steps.GroupBy(s => s).Where(g => g.Count() >= common).Select(g => g.Key).DefaultIfEmpty(steps.Min()).Min();
    }

    private static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }

    /// <summary>
    /// A numbered item opening a line: （3）, (3), 3., 一、, （一）, 第三条. "3、" is left out on purpose: in running
    /// text it numbers points inside one paragraph.
    /// </summary>
    [GeneratedRegex(@"^\s*([（(]\s*[0-9一二三四五六七八九十]+\s*[）)]|[0-9]{1,2}\s*[.．]|[一二三四五六七八九十]+\s*、|第[一二三四五六七八九十0-9]+[章节条部分])")]
    private static partial Regex NumberedItem();

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
