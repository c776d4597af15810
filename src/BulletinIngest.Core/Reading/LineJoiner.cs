using System.Text.RegularExpressions;

namespace BulletinIngest.Reading;

/// <summary>A line of a text file after markup is read: its kind and text; Blank for an empty line.</summary>
public sealed record SourceLine(BlockKind Kind, string Text, int HeadingLevel)
{
    public static readonly SourceLine Blank = new(BlockKind.Paragraph, "", 0);
    public bool IsBlank => Text.Length == 0;
}

/// <summary>
/// Undoes the line breaks that PDF extraction and OCR put in the middle of sentences. A paragraph or list
/// line is continued by the next non-blank line (at most one blank line between) when the line does not
/// end a sentence, fills a whole printed line, and the next line is a plain paragraph that starts with a
/// Chinese character. Official-document field lines (报：, 发：, 抄送：, 附件1：) are never joined, nor a line
/// that ends with a full date (an issuing body's signature: …办公室　2024年10月15日) or a next line that opens
/// with a heading number (一、, （二）): those end and start blocks, however wide the line.
/// </summary>
public static partial class LineJoiner
{
    // Chinese official documents print 28 characters a line; a line this wide was cut by the page edge.
    private const double FullLineWidth = 23;
    private const string SentenceEnds = "。；：！？”」）;:!?";

    public static IEnumerable<SourceLine> Join(IReadOnlyList<SourceLine> lines)
    {
        SourceLine? pending = null;
        // The last printed line of the pending block: whether it filled the line decides, not the block's whole width.
        string lastLine = "";
        int blanksSincePending = 0;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                blanksSincePending++;
                continue;
            }
            if (pending is not null && blanksSincePending <= 1 && Continues(pending, lastLine, line))
            {
                pending = pending with { Text = pending.Text + line.Text };
                lastLine = line.Text;
                blanksSincePending = 0;
                continue;
            }
            if (pending is not null) yield return pending;
            pending = line;
            lastLine = line.Text;
            blanksSincePending = 0;
        }
        if (pending is not null) yield return pending;
    }

    private static bool Continues(SourceLine previous, string previousLine, SourceLine next)
    {
        if (previous.Kind is not (BlockKind.Paragraph or BlockKind.ListItem)) return false;
        if (next.Kind != BlockKind.Paragraph) return false;
        if (SentenceEnds.Contains(previous.Text[^1])) return false;
        if (!IsCjkIdeograph(next.Text[0])) return false;
        if (FieldLabel().IsMatch(previous.Text) || FieldLabel().IsMatch(next.Text)) return false;
        if (FullDateEnd().IsMatch(previous.Text) || HeadingNumber().IsMatch(next.Text)) return false;
        return VisualWidth(previousLine) >= FullLineWidth;
    }

    /// <summary>Width in full-width characters: CJK and full-width forms count 1, others 1/2.</summary>
    public static double VisualWidth(string text)
    {
        double width = 0;
        foreach (char c in text) width += c >= 0x2E80 ? 1 : 0.5;
        return width;
    }

    public static bool IsCjkIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    [GeneratedRegex(@"(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*(印发)?\s*$")]
    private static partial Regex FullDateEnd();

    [GeneratedRegex(@"^\s*([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"^\s*(报|发|抄送|抄报|说明|附件\s*\d*)\s*[:：]")]
    private static partial Regex FieldLabel();
}
