using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BulletinIngest.Analysis;

/// <summary>
/// How figures from different documents are recognised as the same project or the same place:
/// by the canonical project id when the catalog mapped one, else by the project's text with punctuation,
/// spacing and width differences removed; places by their name without the administrative suffix.
/// </summary>
public static partial class Names
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

    /// <summary>
    /// Project text compared without punctuation, spaces, width, a trailing "项目" or a trailing stated quantity:
    /// "高标准农田建设5万亩" and "高标准农田建设" are one project (the quantity is its target, which may change).
    /// </summary>
    public static string NormalizeProject(string text)
    {
        string plain = Plain(text);
        if (plain.EndsWith("项目", StringComparison.Ordinal) && plain.Length > 2) plain = plain[..^2];
        string bare = TrailingQuantity().Replace(plain, "");
        return bare.Length >= 2 ? bare : plain;
    }

    /// <summary>
    /// A place's key: its name without punctuation and administrative suffix, with the suffix's level kept, so
    /// 屈原管理区 and 屈原区 are one place (both districts) while 岳阳县 and 岳阳市 stay two.
    /// </summary>
    public static string RegionKey(string? region)
    {
        var (name, suffix) = SplitRegion(region);
        return suffix.Length == 0 ? name : $"{name}|{RegionLevel(suffix)}";
    }

    /// <summary>
    /// Whether an analyst's spelling of a place names it: the same place by <see cref="RegionKey"/>, or the bare
    /// name without a suffix (汨罗 for 汨罗市, 湘乡 for 湘乡市).
    /// </summary>
    public static bool RegionMatches(string? query, string? region) =>
        query is not null && region is not null &&
        (RegionKey(query) == RegionKey(region) || Plain(query) == SplitRegion(region).Name);

    /// <summary>The name and its administrative suffix; a suffix is only split off when two characters remain (湘乡 stays whole).</summary>
    private static (string Name, string Suffix) SplitRegion(string? region)
    {
        string plain = Plain(region ?? "");
        foreach (string suffix in RegionSuffixes)
            if (plain.Length >= suffix.Length + 2 && plain.EndsWith(suffix, StringComparison.Ordinal))
                return (plain[..^suffix.Length], suffix);
        return (plain, "");
    }

    /// <summary>Suffixes of one administrative level: every kind of district (区, 管理区, 新区, 开发区) is a 区.</summary>
    private static string RegionLevel(string suffix) => suffix switch
    {
        "自治县" => "县",
        "自治州" => "州",
        _ when suffix.EndsWith('区') && suffix != "地区" => "区",
        _ => suffix,
    };

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

    // A number with a measure word at the end of a name, after a Chinese character ("食堂6所", "就业6000人",
    // "农田5.2万亩"); not "4g5g基站", where the digits belong to the name.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\d+(?:\.\d+)?(?:万|亿|千)?(?:人次|公里|千米|平方米|人|个|所|场|家|户|套|亩|米|处|件|台|张|座|条|元|名|次|项|辆|吨|方|间|批|份|期|栋|块|口|床|头)$")]
    private static partial Regex TrailingQuantity();
}
