using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;

namespace BulletinIngest.Extraction.Candidates;

/// <summary>
/// A list of named items each with its own percentage, joined by 、 (农村劳动力转移培训人数17.2%、城镇职业培训70.6%,
/// 城镇就业率(103.5%)、零就业家庭安置率(100%)): every percentage is the completion of the item named right before
/// it, not a rate of the sentence's subject nor an amount in %. Lists of regions (长沙市76.43%、衡阳市28.85%) are
/// the region readers' and are not returned.
/// </summary>
public static class NamedPercentList
{
    /// <summary>One element: the percentage and the name before it (where that starts in the text).</summary>
    public sealed record Element(Quantity Percent, string Name, int NameStart);

    private const int ShortestName = 2;
    private const int LongestName = 30;

    /// <summary>The elements of the named lists among <paramref name="quantities"/> of the sentence [start, end).</summary>
    public static List<Element> Find(string text, IReadOnlyList<Quantity> quantities, int start, int end, RegionResolver? regions)
    {
        var inSentence = quantities.Where(q => q.Start >= start && q.Start < end).ToList();
        var found = new List<Element>();
        var run = new List<Element>();
        for (int k = 0; k < inSentence.Count; k++)
        {
            var q = inSentence[k];
            int from = k > 0 ? inSentence[k - 1].End : start;
            var element = q.IsPercent ? Read(text, from, q, regions) : null;
            bool linked = element is not null && run.Count > 0 && from == run[^1].Percent.End && JoinedBy(text[from..element.NameStart]);
            if (!linked)
            {
                Close(run, found, regions);
                run.Clear();
            }
            if (element is not null) run.Add(element);
        }
        Close(run, found, regions);
        // 有城镇职业培训(70.6%)等5项指标达到平均进度: one bracketed element that stands for the 等 list.
        foreach (var q in inSentence.Where(q => q.IsPercent && found.All(e => e.Percent != q) && BracketedBeforeDeng(text, q)))
        {
            int k = inSentence.IndexOf(q);
            if (Read(text, k > 0 ? inSentence[k - 1].End : start, q, regions) is { } single) found.Add(single);
        }
        return found;
    }

    private static bool BracketedBeforeDeng(string text, Quantity q) =>
        q.Start > 0 && text[q.Start - 1] is '(' or '（' && text.AsSpan(q.End).TrimStart(' ') is [')' or '）', '等', ..];

    /// <summary>
    /// A run of two or more elements is a named list, unless every name reads as a place, known or by its suffix
    /// (其中浦口街道80%、沩山镇45%: towns); one place-like name among items (…、送文化下乡96%) is an item.
    /// </summary>
    private static void Close(List<Element> run, List<Element> found, RegionResolver? regions)
    {
        if (run.Count < 2) return;
        if (regions is not null && run.All(e => { regions.LeadingRegions(e.Name, out int end); return end >= e.Name.Length; })) return;
        found.AddRange(run);
    }

    /// <summary>Between two elements: a closing bracket at most, then 、.</summary>
    private static bool JoinedBy(string between) => between.Trim(')', '）', ' ') == "、";

    private static Element? Read(string text, int from, Quantity percent, RegionResolver? regions)
    {
        string words = text[from..percent.Start];
        int cut = Math.Max(words.LastIndexOfAny(['、', '，', ',', '；', ';', '：', ':', '。']), -1) + 1;
        int nameStart = from + cut;
        string name = words[cut..];
        // 城镇就业率(103.5%): the percentage in brackets after its name.
        name = name.TrimEnd('(', '（', ' ');
        // 有城镇就业率(…)、…等11项指标完成: the existential verb opening the list is not part of the first name.
        if (name.StartsWith('有')) { name = name[1..]; nameStart++; }
        if (name.Length is < ShortestName or > LongestName || name.Any(char.IsAsciiDigit)) return null;
        if (name.IndexOfAny(['(', '（']) > name.IndexOfAny([')', '）'])) return null;
        if (Cues.CompletionBefore().IsMatch(name)) return null;
        // A known place (长沙市76.43%) is a region's figure.
        if (regions?.MatchAt(name, 0, allowBareAlias: false) is { } place && place.End >= name.Length) return null;
        // A place right before the bracket (有兴宁(74.50%)、平远(71.76%)) makes it a ranking of places, not of items.
        if (regions?.PlaceBeforeBracket(text, percent.Start, from) is not null) return null;
        return new Element(percent, name, nameStart);
    }
}
