namespace BulletinIngest.Segmentation;

/// <summary>
/// The words the full-text index stores for a text, and the FTS5 query for a search, both from the same
/// segmentation so that a query matches wherever its words occur.
/// <para>
/// A word is indexed in its finest dictionary split: jieba's tokens longer than two Han characters are split
/// again (best route that does not take the word whole), down to words of one or two characters. A query
/// is split the same way and searched as a phrase, so 托育 finds 托育服务, and 托育服务 finds it too.
/// Punctuation and spaces are not indexed.
/// </para>
/// </summary>
public sealed class JiebaSearchTokenizer(JiebaSegmenter segmenter) : ISearchTokenizer
{
    public JiebaSearchTokenizer() : this(JiebaSegmenter.Load()) { }

    public string ToSearchTokens(string text) => string.Join(' ', Terms(text).Select(t => t.Text));

    /// <summary>The indexed words of a text, with their offsets in it.</summary>
    public List<Token> Terms(string text)
    {
        var terms = new List<Token>();
        foreach (var token in segmenter.Cut(text))
        {
            if (!token.Text.Any(char.IsLetterOrDigit)) continue;
            AddFinest(text, token, terms);
        }
        return terms;
    }

    /// <summary>The FTS5 MATCH expression for a query: its words as one phrase; null when it has no words.</summary>
    public string? PhraseQuery(string query)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return null;
        return "\"" + string.Join(' ', terms.Select(t => t.Text.Replace("\"", "\"\""))) + "\"";
    }

    /// <summary>Where a query's words occur, one after another, in a text: (start, end) character spans.</summary>
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

    private void AddFinest(string text, Token token, List<Token> terms)
    {
        if (token.Text.Length <= 2 || !token.Text.All(CharClasses.IsHan))
        {
            terms.Add(token);
            return;
        }
        foreach (var part in segmenter.SplitWord(text, token.Start, token.End)) AddFinest(text, part, terms);
    }
}
