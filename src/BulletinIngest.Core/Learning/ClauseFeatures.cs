using System.Text;
using System.Text.RegularExpressions;

namespace BulletinIngest.Learning;

/// <summary>
/// What the clause classifier looks at: character bigrams and trigrams of the clause with every number
/// folded to one symbol (so "1200 台" and "45 个" read alike), the words and units around each number,
/// the bigrams of its section heading, and a few shape facts (opens a numbered item, has a percentage,
/// states a date, how many numbers). With a word splitter, the clause's words too.
/// </summary>
public static partial class ClauseFeatures
{
    /// <summary>Names the feature set stored in the model; bump it when the features change.</summary>
    public const string SetName = "clause-features-1";

    private const char NumberSymbol = 'N';

    public static IEnumerable<string> Extract(string clause, string? heading, Func<string, IEnumerable<string>>? words = null)
    {
        string text = Fold(clause);
        foreach (var gram in CharGrams(text, 2)) yield return "c2:" + gram;
        foreach (var gram in CharGrams(text, 3)) yield return "c3:" + gram;

        for (int i = text.IndexOf(NumberSymbol); i >= 0; i = text.IndexOf(NumberSymbol, i + 1))
        {
            yield return "before:" + Window(text, i - 2, 2);
            yield return "before1:" + Window(text, i - 1, 1);
            yield return "after:" + Window(text, i + 1, 2);
            yield return "after1:" + Window(text, i + 1, 1);
        }

        string headingText = Fold(heading ?? "");
        string lastHeading = headingText.Split('/').Last();
        foreach (var gram in CharGrams(lastHeading, 2)) yield return "h2:" + gram;
        foreach (var gram in CharGrams(headingText, 2)) yield return "hp2:" + gram;
        if (headingText.Length == 0) yield return "no-heading";

        int numbers = text.Count(c => c == NumberSymbol);
        yield return "numbers:" + Math.Min(numbers, 4);
        yield return "length:" + Math.Min(text.Length / 15, 6);
        if (ClauseSplitter.StartsItem(clause)) yield return "item-start";
        if (text.Contains('%')) yield return "percent";
        if (DatePattern().IsMatch(text)) yield return "date";
        if (text.Contains("完成全年任务") || text.Contains("完成率") || text.Contains("进度")) yield return "progress-word";

        if (words is not null)
            foreach (var word in words(clause).Where(w => w.Length > 0 && !w.All(char.IsWhiteSpace)))
                yield return "w:" + Fold(word);
    }

    /// <summary>Numbers to one symbol, spaces and markup removed, full-width letters to ASCII.</summary>
    public static string Fold(string text)
    {
        string plain = NumberValues.NormalizeDigits(text).Replace("**", "");
        plain = NumberPattern().Replace(plain, NumberSymbol.ToString());
        var folded = new StringBuilder(plain.Length);
        foreach (char c in plain)
        {
            if (char.IsWhiteSpace(c)) continue;
            folded.Append(c switch { '（' => '(', '）' => ')', '，' => ',', '：' => ':', '；' => ';', '％' => '%', _ => c });
        }
        return folded.ToString();
    }

    private static IEnumerable<string> CharGrams(string text, int n)
    {
        for (int i = 0; i + n <= text.Length; i++) yield return text.Substring(i, n);
    }

    private static string Window(string text, int start, int length)
    {
        int from = Math.Max(0, start), to = Math.Min(text.Length, start + length);
        return from >= to ? "^" : text[from..to];
    }

    [GeneratedRegex(@"\d+(?:\s?\.\s?\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"N月N?日|N月至N日|N年N月")]
    private static partial Regex DatePattern();
}
