using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace BulletinIngest.Reading;

/// <summary>
/// Where a government web page keeps its article. Junk is left out wherever it sits: scripts, styles,
/// nav/footer/aside, form controls, and elements whose id or class names a menu, breadcrumb, share bar or
/// footer. The article is the element an id/class (content, article, zoom, TRS_Editor, …) or tag
/// (article, main) marks, the one with the most text, narrowed to a marked element inside it that holds
/// most of that text (the body without the title and info bar); without marks, the element whose own
/// paragraphs hold the most text.
/// </summary>
public sealed partial class HtmlMainContent
{
    private readonly int _bodyLength;
    private readonly Dictionary<IElement, bool> _junk = [];
    private readonly Dictionary<IElement, int> _length = [];

    public HtmlMainContent(IElement body)
    {
        Body = body;
        _bodyLength = body.TextContent.Length;
    }

    public IElement Body { get; }

    private static readonly HashSet<string> JunkTags =
        ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "footer", "aside",
         "input", "select", "option", "button", "textarea", "label", "head", "title", "meta", "link"];

    /// <summary>Junk wherever it sits, unless it holds most of the page (a wrapper misnamed "nav-content").</summary>
    public bool IsJunk(IElement element)
    {
        if (_junk.TryGetValue(element, out bool known)) return known;
        bool junk = JunkTags.Contains(element.LocalName)
                    || (element.LocalName == "header" && element.Closest("article, main") is null)
                    || (JunkName().IsMatch(Names(element)) && element.TextContent.Length * 2 < _bodyLength);
        return _junk[element] = junk;
    }

    public IElement Select()
    {
        var body = Body;
        var marked = body.QuerySelectorAll("*").Where(IsMarked).Where(e => !InJunk(e)).ToList();
        if (marked.Count == 0) return ParagraphRichest(body) ?? body;
        var best = marked.MaxBy(TextLength)!;
        while (true)
        {
            int length = TextLength(best);
            var inner = marked.Where(e => e != best && best.Contains(e) && TextLength(e) >= 0.5 * length).MaxBy(Depth);
            if (inner is null) break;
            best = inner;
        }
        return TextLength(best) > 0 ? best : body;
    }

    /// <summary>
    /// The article title when the page gives it above the content, outside it: its h1, else the nearest h2 or
    /// *title* element before the body (a sidebar's or list's titles come after it or are junk).
    /// </summary>
    public string? TitleOutside(IElement main)
    {
        var all = Body.QuerySelectorAll("*").ToList();
        var before = all.Take(all.IndexOf(main))
            .Where(e => (e.LocalName is "h1" or "h2" || TitleName().IsMatch(Names(e))) && !e.Contains(main) && !InJunk(e))
            .Select(e => (e.LocalName, Text: HtmlReader.Clean(HtmlReader.InlineText(e, this))))
            .Where(t => t.Text.Length is >= 4 and <= 100).ToList();
        return before.Where(t => t.LocalName == "h1").Select(t => t.Text).FirstOrDefault() ?? before.Select(t => t.Text).LastOrDefault();
    }

    private static bool IsMarked(IElement element) =>
        element.LocalName is "article" or "main" || ContentName().IsMatch(Names(element));

    private bool InJunk(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (IsJunk(e)) return true;
        return false;
    }

    private static string Names(IElement element) => $"{element.Id} {element.ClassName}";

    /// <summary>Text outside junk, whitespace not counted.</summary>
    private int TextLength(IElement element)
    {
        if (_length.TryGetValue(element, out int known)) return known;
        int length = 0;
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text) length += text.Data.Count(c => !char.IsWhiteSpace(c));
            else if (node is IElement child && !IsJunk(child)) length += TextLength(child);
        }
        return _length[element] = length;
    }

    private static int Depth(IElement element)
    {
        int depth = 0;
        for (var e = element.ParentElement; e is not null; e = e.ParentElement) depth++;
        return depth;
    }

    /// <summary>The element whose direct text and paragraph children hold the most text.</summary>
    private IElement? ParagraphRichest(IElement body)
    {
        var scored = body.QuerySelectorAll("*").Where(e => !InJunk(e))
            .Select(e => (Element: e, Own: e.ChildNodes.Sum(n => n switch
            {
                IText t => t.Data.Trim().Length,
                IElement c when c.LocalName is "p" or "br" or "span" or "font" or "strong" or "b" => TextLength(c),
                _ => 0,
            })))
            .Where(x => x.Own > 0).ToList();
        return scored.Count == 0 ? null : scored.MaxBy(x => x.Own).Element;
    }

    /// <summary>id/class words of navigation and page furniture (当前位置 bars are "position"/"location"/"dqwz").</summary>
    [GeneratedRegex(@"(?:^|[\s_-])(?:nav|navbar|menu|submenu|footer|foot|share|bdshare|breadcrumbs?|crumbs?|sidebar|toolbar|print|related|copyright|topbar|banner|position|location|dqwz|weizhi)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex JunkName();

    [GeneratedRegex(@"title", RegexOptions.IgnoreCase)]
    private static partial Regex TitleName();

    [GeneratedRegex(@"content|article|zoom|trs_editor|detail|main[_-]?text|news[_-]?text|con[_-]?text|wenzhang|zhengwen|\bzw\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContentName();
}
