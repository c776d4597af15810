using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Structure;

/// <summary>
/// The numbering of Chinese official documents, outermost first: 一、 → （一） → 1. / 1、 → （1） → ①.
/// 一是/二是 mark points inside a paragraph; they group items (一是部分项目进展较快。1、…) rather than name projects.
/// </summary>
public static partial class Numbering
{
    public const int Chapter = 1, Section = 2, Item = 3, SubItem = 4, Point = 5, Group = 6;

    /// <summary>The marker at the start of the text: its level and length, or null.</summary>
    public static (int Level, int Length)? AtStart(string text)
    {
        var m = Marker().Match(text);
        if (!m.Success) return null;
        return (LevelOf(m), m.Length);
    }

    /// <summary>Markers inside a paragraph, after a sentence ends (…70%。2、新生儿…): index, level, length.</summary>
    /// <param name="pointsAfterSemicolons">
    /// Whether 一是/二是 after a semicolon start items: in a progress report each such point is a project
    /// (一是新建…，已完成…；二是改造…); in a plan they list parts of one item (具体有三类：一是…；二是…).
    /// </param>
    public static IEnumerable<(int Index, int Level, int Length)> Inline(string text, bool pointsAfterSemicolons = false)
    {
        foreach (Match m in InlineMarker().Matches(text))
        {
            var g = m.Groups["marker"];
            var inner = Marker().Match(g.Value);
            if (!inner.Success) continue;
            int level = LevelOf(inner);
            bool afterSentence = m.Value[0] is '。' or '！' or '？' or '!' or '?';
            if (level == Group && !afterSentence && !(pointsAfterSemicolons && m.Value[0] is '；' or ';')) continue;
            yield return (g.Index, level, g.Length);
        }
    }

    private static int LevelOf(Match m) =>
        m.Groups["chapter"].Success ? Chapter
        : m.Groups["section"].Success ? Section
        : m.Groups["item"].Success ? Item
        : m.Groups["sub"].Success ? SubItem
        : m.Groups["point"].Success ? Point
        : Group;

    [GeneratedRegex(@"^(?:(?<chapter>[一二三四五六七八九十]{1,3}、)|(?<section>[（(][一二三四五六七八九十]{1,3}[）)])|(?<sub>[（(]\d{1,2}[）)])|(?<item>\d{1,2}(?:[、．]|\.(?!\d)|\.(?=20\d\d[年届])))|(?<point>[①-⑳])|(?<group>[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,3}(?=[，、,：:]|是)[，、,：:]?))")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[。；;！？!?](?<marker>[（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)]|\d{1,2}(?:[、．]|\.(?!\d))|[①-⑳]|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,3}(?=[，、,：:]|是)[，、,：:]?)")]
    private static partial Regex InlineMarker();
}
