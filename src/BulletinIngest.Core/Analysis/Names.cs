using System.Globalization;
using System.Text;

namespace BulletinIngest.Analysis;

/// <summary>
/// How figures from different documents are recognised as the same project or the same place:
/// by the canonical project id when the catalog mapped one, else by the project's text with punctuation,
/// spacing and width differences removed; places by their name without the administrative suffix.
/// </summary>
public static class Names
{
    private static readonly string[] RegionSuffixes =
        ["经济技术开发区", "经开区", "高新技术产业开发区", "高新区", "管理区", "新区", "自治县", "自治州", "地区", "街道", "省", "市", "县", "区", "镇", "乡"];

    /// <summary>The key figures of one project share: "id:…" for a catalogued project, "name:…" otherwise.</summary>
    public static string ProjectKey(string? canonicalProjectId, string project, string indicator) =>
        string.IsNullOrWhiteSpace(canonicalProjectId)
            ? "name:" + NormalizeProject(DisplayName(project, indicator))
            : "id:" + canonicalProjectId.Trim();

    public static string DisplayName(string project, string indicator) =>
        string.IsNullOrWhiteSpace(indicator) || indicator == project ? project : $"{project} / {indicator}";

    /// <summary>Project text compared without punctuation, spaces, width or a trailing "项目".</summary>
    public static string NormalizeProject(string text)
    {
        string plain = Plain(text);
        return plain.EndsWith("项目", StringComparison.Ordinal) && plain.Length > 2 ? plain[..^2] : plain;
    }

    /// <summary>A place's name without punctuation and administrative suffix: 屈原管理区, 屈原区 → 屈原.</summary>
    public static string RegionKey(string? region)
    {
        string plain = Plain(region ?? "");
        foreach (string suffix in RegionSuffixes)
            if (plain.Length > suffix.Length && plain.EndsWith(suffix, StringComparison.Ordinal))
                return plain[..^suffix.Length];
        return plain;
    }

    public static bool SameRegion(string? a, string? b) => a is not null && b is not null && RegionKey(a) == RegionKey(b);

    /// <summary>The share of the query's character bigrams found in the name, numbers left out of both, 0 to 1.</summary>
    public static double Coverage(string query, string name)
    {
        var wanted = Bigrams(WithoutNumbers(NormalizeProject(query)));
        var found = Bigrams(WithoutNumbers(NormalizeProject(name)));
        return wanted.Count == 0 ? 0 : (double)wanted.Count(found.Contains) / wanted.Count;
    }

    private static string WithoutNumbers(string text) => new(text.Where(c => !char.IsAsciiDigit(c)).ToArray());

    private static HashSet<string> Bigrams(string text)
    {
        if (text.Length < 2) return text.Length == 0 ? [] : [text];
        var grams = new HashSet<string>();
        for (int i = 0; i + 1 < text.Length; i++) grams.Add(text.Substring(i, 2));
        return grams;
    }

    /// <summary>NFKC (full-width → half-width), lower case, letters and digits only.</summary>
    private static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
