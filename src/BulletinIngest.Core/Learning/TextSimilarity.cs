namespace BulletinIngest.Learning;

public static class TextSimilarity
{
    /// <summary>Dice coefficient of the two texts' character bigram sets (spaces and quotes ignored).</summary>
    public static double Dice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    /// <summary>Share of the first text's character bigrams that the second text contains.</summary>
    public static double Containment(string part, string whole)
    {
        var x = Bigrams(part);
        if (x.Count == 0) return 0;
        var y = Bigrams(whole);
        return (double)x.Count(y.Contains) / x.Count;
    }

    /// <summary>Every run of n consecutive characters.</summary>
    public static IEnumerable<string> CharGrams(string text, int n)
    {
        for (int i = 0; i + n <= text.Length; i++) yield return text.Substring(i, n);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(c => !char.IsWhiteSpace(c) && c is not ('"' or '“' or '”' or '*')).ToArray();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < chars.Length; i++) grams.Add(new string(chars, i, 2));
        return grams;
    }
}
