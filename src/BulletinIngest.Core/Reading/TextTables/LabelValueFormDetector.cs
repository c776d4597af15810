using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Tables;

namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Report cards flattened one field per line: a two-column table of labels and values (a project's monthly card:
/// 项目名称 / its name / 任务 / the task / 进展情况 / the progress / 存在困难和问题 / 无 / 进度是否滞后 / 否) copied as text,
/// each label on its own line, perhaps wrapped over short lines (项 目 / 名 称), each value on the lines after it:
/// <code>
/// 项 目 / 名 称 / 建设街旁公园100处 / 我市 / 任务 / 建设街旁公园30处 / 进 展 / 情 况 / 已建成32处。 / 存 在 / 困 难 / 和问题 / 无
/// </code>
/// A label is a short line (or run of short fragments) that ends in a word of the table header vocabulary
/// (models/rules/table-headers.tsv, the one the table builder reads headers by), and what precedes the word is at most
/// a place word (我市任务). A card opens with a project label and has a target or progress label; it becomes one
/// table, its labels the header and its values one row, so the table builder reads it as any row. Cards follow each
/// other (a card per project, a title line between): before the next card's project label the last value is one line,
/// and the lines left between are the next card's title, read as a paragraph.
/// </summary>
public sealed partial class LabelValueFormDetector : ITableDetector
{
    private const int MinLabels = 3;
    // A label is short; a fragment of a wrapped label shorter still (项 目, 和问题).
    private const int MaxLabel = 8;
    private const int MaxFragment = 3;
    private const int MaxFragments = 3;
    // A value runs over a few lines at most; further on without a label the card has ended.
    private const int MaxValueLines = 2;

    private readonly HeaderVocabulary _vocabulary;

    public LabelValueFormDetector(HeaderVocabulary? vocabulary = null) => _vocabulary = vocabulary ?? HeaderVocabulary.Default;

    public IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines)
    {
        var cells = new List<(int Line, string Text)>();
        for (int i = 0; i < lines.Count; i++)
            if (Space().Replace(lines[i], "") is { Length: > 0 } text) cells.Add((i, lines[i].Trim(' ', '\u3000', '\t')));
        int k = 0;
        while (k < cells.Count)
        {
            if (LabelAt(cells, k) is not { Role: ColumnRole.Name } opening || ReadCard(cells, k, opening) is not { } card) { k++; continue; }
            yield return card.Claim;
            k = card.Next;
        }
    }

    private sealed record Label(string Text, ColumnRole Role, int Fragments);

    private sealed record Card(TableClaim Claim, int Next);

    /// <summary>The card whose project label opens at cell <paramref name="start"/>, or null when its fields do not make one.</summary>
    private Card? ReadCard(List<(int Line, string Text)> cells, int start, Label opening)
    {
        var labels = new List<string>();
        var values = new List<string>();
        var roles = new List<ColumnRole>();
        var label = opening;
        int k = start;
        int last = k;
        while (true)
        {
            labels.Add(label.Text);
            roles.Add(label.Role);
            int from = k + label.Fragments;
            if (from >= cells.Count) return null; // a label with no value
            // The value goes on to the next label; only a project's name is never empty (a label right after another
            // is the next field: 存在困难和问题 / 进度是否滞后 / 否).
            int to = label.Role == ColumnRole.Name ? from + 1 : from;
            Label? next = null;
            while (to < cells.Count && to - from <= MaxValueLines && (next = LabelAt(cells, to)) is null) to++;
            bool nextCard = next is { Role: ColumnRole.Name } || next is null;
            // The last field of a card has a one-line value; the lines after it belong to what follows.
            if (nextCard) to = Math.Min(from + 1, cells.Count);
            values.Add(string.Concat(cells.Skip(from).Take(to - from).Select(c => c.Text)));
            last = to - 1;
            if (nextCard || to >= cells.Count) break;
            label = next!;
            k = to;
        }
        if (labels.Count < MinLabels || !roles.Contains(ColumnRole.Target) && !roles.Contains(ColumnRole.Progress)) return null;
        if (!values.Any(v => v.Any(char.IsAsciiDigit))) return null;
        var claim = new TableClaim("label-value", cells[start].Line, cells[last].Line, [labels, values], 0.6);
        return new Card(claim, last + 1);
    }

    /// <summary>
    /// The label that starts at cell <paramref name="k"/>: one short line, or a run of short fragments (项 目 / 名 称),
    /// the longest run that makes a label; null when none does.
    /// </summary>
    private Label? LabelAt(List<(int Line, string Text)> cells, int k)
    {
        string joined = "";
        Label? found = null;
        for (int n = 1; n <= MaxFragments && k + n <= cells.Count; n++)
        {
            string fragment = Space().Replace(cells[k + n - 1].Text, "");
            if (n > 1 && fragment.Length > MaxFragment || !Plain().IsMatch(fragment)) break;
            joined += fragment;
            if (joined.Length > MaxLabel) break;
            if (RoleOf(joined) is { } role && role != ColumnRole.None) found = new Label(joined, role, n);
        }
        return found;
    }

    /// <summary>
    /// The role of a label: it ends in a header word, what comes before its words is at most a place (我市任务), and
    /// between them at most a joining character (存在困难和问题).
    /// </summary>
    private ColumnRole? RoleOf(string text)
    {
        text = text.TrimEnd('：', ':');
        var words = _vocabulary.Words(text).ToList();
        if (words.Count == 0 || words[^1].Start + words[^1].Length != text.Length) return null;
        string before = text[..words[0].Start];
        if (before.Length > 0 && !PlaceWord().IsMatch(before)) return null;
        int between = text.Length - before.Length - words.Sum(w => w.Length);
        return between <= 1 ? words[^1].Role : null;
    }

    [GeneratedRegex(@"^[我全本][省市县区州旗]$")]
    private static partial Regex PlaceWord();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Space();

    // A label's characters: Chinese without digits or sentence marks (a trailing colon allowed: 项目名称：).
    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}+[：:]?$")]
    private static partial Regex Plain();
}
