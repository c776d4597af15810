using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BulletinIngest.Reading;

/// <summary>
/// Saved web pages (.html, told apart by content). Decodes the bytes (BOM, then the charset the page declares
/// in a meta tag, then detection as for text), parses with AngleSharp's HTML5 parser, keeps the article body
/// (<see cref="HtmlMainContent"/>: navigation, footers and scripts go) and reads it into blocks: h1-h6 as
/// headings, p/div text as paragraphs, each br-separated line its own block, li as list items, table rows
/// as TAB-separated cells with merged cells padded as in DOCX (the text sits in its first row and column);
/// noise lines left inside the article are Noise blocks (<see cref="NoiseRules"/>).
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    static HtmlReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public FileFormat Format => FileFormat.Html;

    public DocumentText Read(byte[] content)
    {
        var document = new HtmlParser().ParseDocument(Decode(content));
        var blocks = new List<(BlockKind Kind, string Text, int Level)>();
        if (document.Body is { } body)
        {
            var page = new HtmlMainContent(body);
            var main = page.Select();
            if (page.TitleOutside(main) is { } title && !StartsWith(main, title)) blocks.Add((BlockKind.Heading, title, 1));
            var writer = new BlockWriter(blocks, page);
            writer.Walk(main);
            writer.Flush();
        }
        // Page noise left inside the article (a 字号/打印 bar in the body) is marked as in text files, and kept.
        var noise = NoiseRules.Default.Mark(blocks.Select(b => b.Text).ToList());
        var builder = new DocumentTextBuilder("html");
        for (int i = 0; i < blocks.Count; i++)
            builder.Add(noise[i] ? BlockKind.Noise : blocks[i].Kind, blocks[i].Text, headingLevel: noise[i] ? 0 : blocks[i].Level);
        if (builder.Count == 0)
            throw new DocumentRejectedException(RejectReason.Empty, "web page has no text");
        return builder.Build(pageCount: 0);
    }

    /// <summary>The page's characters: a BOM wins, then a declared charset, then detection as for text files.</summary>
    public static string Decode(byte[] content)
    {
        if (content.Length == 0) throw new DocumentRejectedException(RejectReason.Empty, "empty file (0 bytes)");
        bool bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
                   || content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
                   || content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!bom && DeclaredEncoding(content) is { } declared)
        {
            if (declared is not UTF8Encoding) return declared.GetString(content);
            // A page declared UTF-8 that is not (saved by a tool in the local code page) is detected instead.
            try { return new UTF8Encoding(false, true).GetString(content); }
            catch (DecoderFallbackException) { }
        }
        return TxtReader.Decode(content);
    }

    /// <summary>The encoding named by &lt;meta charset&gt; or &lt;meta http-equiv content="…; charset=…"&gt; in the first 4 KB.</summary>
    public static Encoding? DeclaredEncoding(byte[] content)
    {
        string head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, 4096));
        var match = MetaCharset().Match(head);
        if (!match.Success) return null;
        string name = match.Groups[1].Value.ToLowerInvariant();
        // GB2312 and GBK pages hold GBK characters in practice; GB18030 decodes both.
        if (name is "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "cp936" or "windows-936" or "euc-cn" or "gb18030")
            name = "gb18030";
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    private static bool StartsWith(IElement main, string title) =>
        Compact(main.TextContent).StartsWith(Compact(title), StringComparison.Ordinal);

    private static string Compact(string text) => Whitespace().Replace(text, "");

    /// <summary>Collapses HTML whitespace (and no-break and ideographic spaces used as indentation) to one space.</summary>
    internal static string Clean(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"[\s\u00A0\u3000]+")]
    private static partial Regex Whitespace();

    /// <summary>Turns the content element's nodes into blocks, one line at a time.</summary>
    private sealed class BlockWriter(List<(BlockKind Kind, string Text, int Level)> blocks, HtmlMainContent content)
    {
        private readonly StringBuilder _line = new();
        private BlockKind _kind = BlockKind.Paragraph;

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text) { _line.Append(text.Data); continue; }
                if (child is not IElement element || content.IsJunk(element)) continue;
                string name = element.LocalName;
                if (name == "br") { Flush(); continue; }
                if (HeadingLevel(name) is int level and > 0)
                {
                    Flush();
                    Add(BlockKind.Heading, Clean(InlineText(element, content)), level);
                    continue;
                }
                if (element is IHtmlTableElement table && !HtmlTable.IsLayout(table))
                {
                    Flush();
                    foreach (var row in HtmlTable.Rows(table, content)) Add(BlockKind.TableRow, row, 0);
                    continue;
                }
                if (name == "li")
                {
                    Flush();
                    var outer = _kind;
                    _kind = BlockKind.ListItem;
                    Walk(element);
                    Flush();
                    _kind = outer;
                    continue;
                }
                bool block = IsBlock(name);
                if (block) Flush();
                Walk(element);
                if (block) Flush();
            }
        }

        public void Flush()
        {
            string text = Clean(_line.ToString());
            _line.Clear();
            Add(_kind, text, 0);
        }

        private void Add(BlockKind kind, string text, int level)
        {
            if (text.Length > 0) blocks.Add((kind, text, level));
        }
    }

    private static int HeadingLevel(string name) =>
        name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? name[1] - '0' : 0;

    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "section", "article", "main", "blockquote", "pre", "center", "ul", "ol", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "address", "hr",
        "header", "hgroup", "details", "summary",
    ];

    internal static bool IsBlock(string name) => BlockElements.Contains(name);

    /// <summary>An element's text with each line break and block boundary read as a space.</summary>
    internal static string InlineText(IElement element, HtmlMainContent content)
    {
        var text = new StringBuilder();
        void Append(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t) text.Append(t.Data);
                else if (child is IElement e && !content.IsJunk(e))
                {
                    bool separate = e.LocalName == "br" || IsBlock(e.LocalName);
                    if (separate) text.Append(' ');
                    Append(e);
                    if (separate) text.Append(' ');
                }
            }
        }
        Append(element);
        return text.ToString();
    }
}
