using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.Pdf.Layout;

/// <summary>
/// Leaves page headers and footers out of the body: lines in the top or bottom band of a page that are a
/// page number (— 3 —, -3-, 第 3 页, 3/12, Page 3 of 12) or that repeat, digits aside, on most pages.
/// </summary>
public static partial class HeaderFooterFilter
{
    private const double MarginBand = 0.1;

    public static void Apply(IReadOnlyList<List<PageItem>> pages, IReadOnlyList<double> pageHeights)
    {
        var candidates = new List<(int Page, PageItem Item, string Key)>();
        for (int p = 0; p < pages.Count; p++)
        {
            double height = pageHeights[p];
            foreach (var item in pages[p])
                if (item.Line is { } line && (line.Bottom < MarginBand * height || line.Top > (1 - MarginBand) * height))
                    candidates.Add((p, item, Digits().Replace(Whitespace().Replace(line.Text, ""), "#")));
        }
        int pagesWithText = pages.Count(p => p.Count > 0);
        var repeated = candidates.GroupBy(c => c.Key)
            .Where(g => g.Select(c => c.Page).Distinct().Count() is var n && n >= 3 && n * 2 >= pagesWithText)
            .Select(g => g.Key).ToHashSet();
        foreach (var (page, item, key) in candidates)
            if (PageNumber().IsMatch(item.Line!.Text) || repeated.Contains(key)) pages[page].Remove(item);
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    [GeneratedRegex(@"^[\s\-—–－~·•]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*(共\s*)?\d{1,4}\s*页?)?[\s\-—–－~·•]*$|^\s*(Page|页码)\s*\d+(\s*(of|/)\s*\d+)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
