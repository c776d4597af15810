using System.Text.RegularExpressions;
using BulletinIngest.Reading;

namespace BulletinIngest.Learning;

/// <summary>
/// A clause that states at least one number (list numbering does not count), with the section heading
/// it sits under and where it is in the document's full text.
/// </summary>
public sealed record NumberClause(string Text, string Heading, int Start, int End, int Page, BlockKind BlockKind);

/// <summary>
/// Splits a document into clauses at sentence ends (。；！？) — a table row is one clause — and keeps those
/// that state a number (a table row keeps its TABs between cells). Tracks the headings above each clause: 【…】 section titles, markdown headings,
/// （一）/一、 parts and short "1. 类别" lines, so a clause knows it is in 工作进度 or in 部门动态.
/// </summary>
public static partial class ClauseSplitter
{
    public static IReadOnlyList<NumberClause> Split(DocumentText document)
    {
        var clauses = new List<NumberClause>();
        var headings = new List<(int Rank, string Text)>();
        foreach (var block in document.Blocks)
        {
            string heading = string.Join(" / ", headings.Select(h => h.Text));
            int? rank = HeadingRank(block);
            if (block.Kind == BlockKind.TableRow)
                AddIfNumbered(clauses, block.Text, heading, block.Start, block.End, block);
            else
                foreach (var (start, end) in SentenceSpans(block.Text))
                    AddIfNumbered(clauses, block.Text[start..end].Trim(), heading, block.Start + start, block.Start + end, block);
            if (rank is { } r)
            {
                headings.RemoveAll(h => h.Rank >= r);
                headings.Add((r, block.Text.Trim()));
            }
        }
        return clauses;
    }

    /// <summary>True when the clause states a number other than its own list numbering.</summary>
    public static bool StatesNumber(string clause) =>
        ItemMarker().Replace(NumberValues.NormalizeDigits(clause), "").Any(char.IsAsciiDigit);

    /// <summary>True when the clause opens a numbered item ("（3）", "2、", "3.").</summary>
    public static bool StartsItem(string clause) => ItemMarker().IsMatch(NumberValues.NormalizeDigits(clause));

    private static void AddIfNumbered(List<NumberClause> clauses, string text, string heading, int start, int end, TextBlock block)
    {
        if (text.Length > 0 && StatesNumber(text))
            clauses.Add(new NumberClause(text, heading, start, end, block.Page, block.Kind));
    }

    private static IEnumerable<(int Start, int End)> SentenceSpans(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('。' or '；' or ';' or '！' or '？' or '!' or '?')) continue;
            yield return (start, i + 1);
            start = i + 1;
        }
        if (start < text.Length) yield return (start, text.Length);
    }

    /// <summary>How high a heading-like block stands (1 highest), or null for body text.</summary>
    private static int? HeadingRank(TextBlock block)
    {
        string text = block.Text.Trim();
        if (SectionTitle().IsMatch(text)) return 1;
        if (block.Kind == BlockKind.Heading) return Math.Max(1, block.HeadingLevel);
        if (text.Length > 40 || text.Contains('。')) return null;
        if (PartTitle().IsMatch(text)) return 7;
        if (text.Length <= 25 && CategoryTitle().IsMatch(text) && !StatesNumber(text)) return 8;
        return null;
    }

    [GeneratedRegex(@"^\s*(?:[-•·]\s*)?(?:\*\*)?\s*(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[、.．](?!\d)|[①-⑳])")]
    private static partial Regex ItemMarker();

    [GeneratedRegex(@"^【[^】]{1,20}】$")]
    private static partial Regex SectionTitle();

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])")]
    private static partial Regex PartTitle();

    [GeneratedRegex(@"^\d{1,2}\s*[、.．]\s*\S")]
    private static partial Regex CategoryTitle();
}
