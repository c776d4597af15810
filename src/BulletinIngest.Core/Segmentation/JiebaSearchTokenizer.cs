namespace BulletinIngest.Segmentation;

/// <summary>
/// The terms the full-text index stores for a text, and the FTS5 query for a search, both from the same
/// segmentation so that a query matches wherever its words occur.
/// <para>
/// The text is cut into words (jieba with the domain dictionary). A word of one or two Han characters, or one
/// with letters or digits, is a term as it is; a longer Han word is indexed by its overlapping two-character
/// pieces (岳阳经济技术开发区 → 岳阳 阳经 经济 … 发区), so that a shorter word inside it (经济, 开发区) is found
/// too. A query is cut the same way and searched as one phrase: its terms must follow one another, which holds
/// where the query's words occur in the text. Pieces never cross a word boundary, and punctuation and spaces
/// are not indexed.
/// </para>
/// </summary>
public sealed class JiebaSearchTokenizer(JiebaSegmenter segmenter) : ISearchTokenizer
{
    public JiebaSearchTokenizer() : this(JiebaSegmenter.Load()) { }

    public string ToSearchTokens(string text) => string.Join(' ', Terms(text).Select(t => t.Text));

    /// <summary>The indexed terms of a text, with their offsets in it.</summary>
    public List<Token> Terms(string text)
    {
        var terms = new List<Token>();
        foreach (var token in segmenter.Cut(text))
        {
            string word = token.Text;
            if (!word.Any(char.IsLetterOrDigit)) continue;
            if (word.Length <= 2 || !word.All(CharClasses.IsHan))
            {
                terms.Add(token);
                continue;
            }
            for (int i = 0; i + 2 <= word.Length; i++) terms.Add(new Token(word.Substring(i, 2), token.Start + i));
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
}
