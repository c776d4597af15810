namespace BulletinIngest.Extraction.Text;

/// <summary>
/// The stage's sentence and clause splitter (compact text). A sentence ends at 。！？ or a line break;
/// a clause also at ，；：(full or half width). A comma between digits (1,200) splits nothing. A sentence's parts are what
/// its semicolons separate, each of one or more clauses (巢湖市新建3所，目前完工4所；肥东县新建3所，目前完工3所。).
/// </summary>
public static class Clauses
{
    public static bool EndsSentence(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n';

    public static bool EndsClause(string text, int i) =>
        EndsSentence(text[i]) || text[i] is '，' or '；' or ';' or '：' or ':'
        || (text[i] == ',' && !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])));

    /// <summary>True when a ；(full or half width) stands between two offsets: a new part of the sentence.</summary>
    public static bool SemicolonBetween(string text, int a, int b) => text.AsSpan(Math.Min(a, b), Math.Abs(a - b)).IndexOfAny('；', ';') >= 0;

    public static bool EndsPart(char c) => EndsSentence(c) || c is '；' or ';';

    /// <summary>Where the part of the sentence that holds <paramref name="index"/> starts: after the last semicolon before it.</summary>
    public static int PartStart(string text, int sentenceStart, int index)
    {
        int i = index - 1;
        while (i >= sentenceStart && !EndsPart(text[i])) i--;
        return i + 1;
    }

    /// <summary>Sentences of <paramref name="text"/> as (start, end), the closing mark included.</summary>
    public static List<(int Start, int End)> Sentences(string text) => Split(text, 0, text.Length, (t, i) => EndsSentence(t[i]));

    /// <summary>Clauses of text[start..end] as (start, end), the closing mark included.</summary>
    public static List<(int Start, int End)> Of(string text, int start, int end) => Split(text, start, end, EndsClause);

    private static List<(int, int)> Split(string text, int start, int end, Func<string, int, bool> breaks)
    {
        var parts = new List<(int, int)>();
        int from = start;
        for (int i = start; i < end; i++)
        {
            if (!breaks(text, i)) continue;
            parts.Add((from, i + 1));
            from = i + 1;
        }
        if (from < end) parts.Add((from, end));
        return parts;
    }
}
