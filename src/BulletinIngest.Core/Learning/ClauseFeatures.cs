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
    public const string SetName = "clause-features-3";

    private const char NumberSymbol = 'N';

    public static IEnumerable<string> Extract(string clause, string? heading, Func<string, IEnumerable<string>>? words = null)
    {
        string text = Fold(clause);
        foreach (var gram in TextSimilarity.CharGrams(text, 2)) yield return "c2:" + gram;
        foreach (var gram in TextSimilarity.CharGrams(text, 3)) yield return "c3:" + gram;

        for (int i = text.IndexOf(NumberSymbol); i >= 0; i = text.IndexOf(NumberSymbol, i + 1))
        {
            yield return "before:" + Window(text, i - 2, 2);
            yield return "before1:" + Window(text, i - 1, 1);
            yield return "after:" + Window(text, i + 1, 2);
            yield return "after1:" + Window(text, i + 1, 1);
        }

        // Only the nearest two headings: higher ones are mostly the document's own title.
        var headings = (heading ?? "").Split(" / ", StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToList();
        string last = headings.LastOrDefault() ?? "", parent = headings.Count > 1 ? headings[^2] : "";
        foreach (var gram in TextSimilarity.CharGrams(last, 2)) yield return "h2:" + gram;
        foreach (var gram in TextSimilarity.CharGrams(parent, 2)) yield return "hp2:" + gram;
        if (headings.Count == 0) yield return "no-heading";

        // Shape of the clause, alone and combined (a linear model cannot combine features by itself).
        int numbers = Math.Min(text.Count(c => c == NumberSymbol), 4);
        bool item = ClauseSplitter.StartsItem(clause), percent = text.Contains('%'), row = clause.Contains('\t');
        bool counted = CountedNumber().IsMatch(text);
        yield return "numbers:" + numbers;
        yield return "length:" + Math.Min(text.Length / 15, 6);
        yield return $"shape:{(item ? "item" : "")}{(row ? "row" : "")}{(percent ? "%" : "")}{(counted ? "unit" : "")}";
        yield return $"numbers:{numbers}{(percent ? "%" : "")}";
        if (item) yield return "item-start";
        if (row) yield return "table-row";
        if (percent) yield return "percent";
        if (counted) yield return "counted";
        if (DatePattern().IsMatch(text)) yield return "date";

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

    private static string Window(string text, int start, int length)
    {
        int from = Math.Max(0, start), to = Math.Min(text.Length, start + length);
        return from >= to ? "^" : text[from..to];
    }

    [GeneratedRegex(@"\d+(?:\s?\.\s?\d+)?")]
    private static partial Regex NumberPattern();

    /// <summary>A number with a unit of things done or aimed at: 人, 个, 户, 万元, 公里 ...</summary>
    [GeneratedRegex(@"N(?:万|亿)?(?:人次|人|个|户|所|场|家|台|套|座|条|处|件|张|项|元|亩|方|公里|千米|米|栋|单|篇|次)")]
    private static partial Regex CountedNumber();

    [GeneratedRegex(@"N月N?日|N月至N日|N年N月")]
    private static partial Regex DatePattern();
}
