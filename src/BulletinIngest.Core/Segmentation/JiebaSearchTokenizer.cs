namespace BulletinIngest.Segmentation;

/// <summary>A word the full-text index stores for a text, and where it is in that text.</summary>
public readonly record struct SearchTerm(string Text, int Start, int End);

/// <summary>
/// The terms the full-text index stores for a text, and the FTS5 query for a search, both from the same
/// segmentation so that a query matches wherever its words occur.
/// <list type="number">
/// <item>Spaces between two Han characters are dropped first: they are layout (letter-spaced titles, PDF line
/// joins like 完成全 年任务), never word breaks in Chinese. TABs, which separate table cells, stay.</item>
/// <item>The text is cut into words (jieba with the domain dictionary); punctuation and spaces are dropped.</item>
/// <item>A word of one or two Han characters, or one with letters or digits, is a term as it is; a longer Han word
/// is indexed by its overlapping two-character pieces (屈原管理区 → 屈原 原管 管理 理区), so that a shorter word
/// inside it (管理区) is found too. Pieces never cross a word boundary.</item>
/// </list>
/// A query gets its terms the same way and is searched as one phrase: its terms must follow one another.
/// </summary>
public sealed class JiebaSearchTokenizer(JiebaSegmenter segmenter) : ISearchTokenizer
{
    public JiebaSearchTokenizer() : this(JiebaSegmenter.Load()) { }

    public string ToSearchTokens(string text) => string.Join(' ', Terms(text).Select(t => t.Text));

    /// <summary>The indexed terms of a text, with their spans in it.</summary>
    public List<SearchTerm> Terms(string text)
    {
        var (joined, origin) = JoinHanAcrossSpaces(text);
        var terms = new List<SearchTerm>();
        foreach (var token in segmenter.Cut(joined))
        {
            string word = token.Text;
            if (!word.Any(char.IsLetterOrDigit)) continue;
            if (word.Length <= 2 || !word.All(CharClasses.IsHan))
            {
                terms.Add(new SearchTerm(word, origin[token.Start], origin[token.End - 1] + 1));
                continue;
            }
            for (int i = token.Start; i + 2 <= token.End; i++)
                terms.Add(new SearchTerm(joined.Substring(i, 2), origin[i], origin[i + 1] + 1));
        }
        return terms;
    }

    /// <summary>The FTS5 MATCH expression for a query: its terms as one phrase; null when it has none.</summary>
    public string? PhraseQuery(string query)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return null;
        return "\"" + string.Join(' ', terms.Select(t => t.Text.Replace("\"", "\"\""))) + "\"";
    }

    /// <summary>Where a query's terms occur one after another in a text: (start, end) character spans.</summary>
    public List<(int Start, int End)> FindPhrase(string text, string query)
    {
        var wanted = Terms(query);
        var terms = Terms(text);
        var spans = new List<(int, int)>();
        if (wanted.Count == 0) return spans;
        for (int i = 0; i + wanted.Count <= terms.Count; i++)
        {
            int k = 0;
            while (k < wanted.Count && string.Equals(terms[i + k].Text, wanted[k].Text, StringComparison.OrdinalIgnoreCase)) k++;
            if (k < wanted.Count) continue;
            spans.Add((terms[i].Start, terms[i + k - 1].End));
            i += k - 1;
        }
        return spans;
    }

    /// <summary>The text without spaces between Han characters, and for each of its characters the original offset.</summary>
    private static (string Joined, int[] Origin) JoinHanAcrossSpaces(string text)
    {
        var joined = new System.Text.StringBuilder(text.Length);
        var origin = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (IsLayoutSpace(text[i]) && joined.Length > 0 && CharClasses.IsHan(joined[^1]))
            {
                int next = i;
                while (next < text.Length && IsLayoutSpace(text[next])) next++;
                if (next < text.Length && CharClasses.IsHan(text[next]))
                {
                    i = next - 1;
                    continue;
                }
            }
            origin[joined.Length] = i;
            joined.Append(text[i]);
        }
        return (joined.ToString(), origin);
    }

    private static bool IsLayoutSpace(char c) => c is ' ' or '\u3000' or '\u00A0';
}
