using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BulletinIngest.Reading;

/// <summary>
/// Word documents through DocumentFormat.OpenXml: body paragraphs and tables in order (headers, footers
/// and footnotes are other parts and stay out), headings from paragraph styles, automatic numbering
/// rendered as text, table rows as TAB-separated cells with merged cells keeping later cells in their columns.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    /// <summary>Above this much inflated XML a package is treated as a zip bomb.</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;
    private const int MaxCompressionRatio = 200;

    public FileFormat Format => FileFormat.Docx;

    public DocumentText Read(byte[] content)
    {
        GuardPackage(content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException(RejectReason.Corrupt, "DOCX package has no document body");
            var builder = new DocumentTextBuilder("docx");
            var styles = new StyleLookup(word.MainDocumentPart!.StyleDefinitionsPart);
            var numbering = new ListNumbering(word.MainDocumentPart.NumberingDefinitionsPart?.Numbering, styles);
            foreach (var element in BodyElements(body))
            {
                if (element is Paragraph paragraph) AddParagraph(builder, paragraph, styles, numbering);
                else if (element is Table table) AddTable(builder, table);
            }
            if (builder.Count == 0) throw new DocumentRejectedException(RejectReason.Empty, "DOCX document has no text");
            return builder.Build(pageCount: 0);
        }
        // A package with a missing or misnamed part fails inside the OpenXml SDK with these.
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException
                                          or InvalidOperationException or KeyNotFoundException or UriFormatException or ArgumentException)
        {
            throw new DocumentRejectedException(RejectReason.Corrupt, $"damaged DOCX package: {Describe(error)}", error);
        }
    }

    /// <summary>The first sentence of the SDK's message, and of its cause when it only says "see inner exception".</summary>
    private static string Describe(Exception error)
    {
        static string First(string message) => message.Split(". ", 2)[0].TrimEnd('.');
        return error.InnerException is { } inner && error.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase)
            ? $"{First(error.Message)} ({First(inner.Message)})"
            : First(error.Message);
    }

    /// <summary>Word nests elements a dozen levels deep; the SDK builds its tree recursively, so thousands overflow the stack.</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>
    /// Refuses packages whose parts inflate to absurd sizes, before anything inflates them, and XML parts that
    /// nest elements past <see cref="MaxXmlDepth"/>, read as a stream before the SDK builds a tree of them.
    /// </summary>
    private static void GuardPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                bool suspiciousRatio = entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxCompressionRatio
                                       && entry.Length > 16 * 1024 * 1024;
                if (total > MaxInflatedBytes || suspiciousRatio)
                    throw new DocumentRejectedException(RejectReason.TooLarge,
                        $"DOCX too large or a zip bomb: {entry.FullName} inflates to {entry.Length / (1024 * 1024)} MB " +
                        $"from {Math.Max(1, entry.CompressedLength / 1024)} KB");
            }
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
                CheckXmlDepth(entry);
        }
        catch (InvalidDataException error)
        {
            throw new DocumentRejectedException(RejectReason.Corrupt, $"damaged zip container: {error.Message}", error);
        }
    }

    private static void CheckXmlDepth(ZipArchiveEntry entry)
    {
        try
        {
            using var reader = System.Xml.XmlReader.Create(entry.Open(), new System.Xml.XmlReaderSettings
            {
                DtdProcessing = System.Xml.DtdProcessing.Prohibit,
                IgnoreComments = true,
                IgnoreWhitespace = true,
            });
            while (reader.Read())
                if (reader.Depth > MaxXmlDepth)
                    throw new DocumentRejectedException(RejectReason.Corrupt,
                        $"damaged or hostile DOCX: {entry.FullName} nests elements more than {MaxXmlDepth} deep");
        }
        catch (Exception error) when (error is System.Xml.XmlException or InvalidDataException)
        {
            // A malformed or undecodable part: the SDK reports it if it reads the part (only parts it uses matter).
        }
    }

    /// <summary>Paragraphs and tables of the body in order, looking inside content controls.</summary>
    private static IEnumerable<OpenXmlElement> BodyElements(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table) yield return child;
            else if (child is SdtBlock sdt && sdt.SdtContentBlock is { } sdtContent)
                foreach (var inner in BodyElements(sdtContent)) yield return inner;
        }
    }

    private static void AddParagraph(DocumentTextBuilder builder, Paragraph paragraph, StyleLookup styles, ListNumbering numbering)
    {
        string text = ParagraphText(paragraph).Trim();
        string? styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        int headingLevel = styles.HeadingLevel(styleId, paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value);
        string? label = numbering.NextLabel(paragraph, styleId);
        if (text.Length == 0) return;
        if (headingLevel > 0) builder.Add(BlockKind.Heading, (label ?? "") + text, 0, headingLevel);
        else if (label is not null) builder.Add(BlockKind.ListItem, label + text);
        else if (numbering.IsBulleted(paragraph, styleId) || styles.IsListStyle(styleId)) builder.Add(BlockKind.ListItem, text);
        else builder.Add(BlockKind.Paragraph, text);
    }

    /// <summary>The visible text of a paragraph: runs and inserted text, not deleted text or field codes.</summary>
    private static string ParagraphText(OpenXmlElement paragraph)
    {
        var text = new StringBuilder();
        AppendVisibleText(paragraph, text);
        return text.ToString();
    }

    private static void AppendVisibleText(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar or Break or CarriageReturn: text.Append(' '); break;
                case NoBreakHyphen: text.Append('-'); break;
                case Deleted or DeletedRun or DeletedText or FieldCode: break;
                // A nested table inside a paragraph-level container is read as a table, not as run text.
                case Paragraph or Table when element is not TableCell: break;
                default: if (child.HasChildren) AppendVisibleText(child, text); break;
            }
        }
    }

    private static void AddTable(DocumentTextBuilder builder, Table table)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                // A vertically merged continuation cell shows nothing; its text is in the cell above.
                bool mergedFromAbove = properties?.VerticalMerge is { } merge
                                       && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                cells.Add(mergedFromAbove ? "" : CellText(cell));
                int span = properties?.GridSpan?.Val?.Value ?? 1;
                for (int i = 1; i < span; i++) cells.Add("");
            }
            if (cells.Any(c => c.Length > 0)) builder.Add(BlockKind.TableRow, string.Join('\t', cells));
        }
    }

    /// <summary>A cell's paragraphs joined by a space; spaces inside the cell are kept as written.</summary>
    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.Descendants<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0));

    /// <summary>
    /// Paragraph styles by id: heading levels, list styles and style-level numbering, following basedOn.
    /// Read with a streaming XML reader: template style parts are large and only a few fields matter.
    /// </summary>
    private sealed class StyleLookup
    {
        private sealed record StyleInfo(string Name, string? BasedOn, int? OutlineLevel, int? NumId, int? NumLevel);

        private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        private readonly Dictionary<string, StyleInfo> _byId = [];

        public StyleLookup(StyleDefinitionsPart? part)
        {
            if (part is null) return;
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
            string? id = null, name = null, basedOn = null;
            int? outline = null, numId = null, numLevel = null;
            while (xml.Read())
            {
                if (xml.NamespaceURI != W) continue;
                if (xml.NodeType == System.Xml.XmlNodeType.Element)
                {
                    string? value = xml.GetAttribute("val", W);
                    switch (xml.LocalName)
                    {
                        case "style":
                            id = xml.GetAttribute("styleId", W); name = basedOn = null; outline = numId = numLevel = null;
                            if (xml.IsEmptyElement) Save();
                            break;
                        case "name": name = value; break;
                        case "basedOn": basedOn = value; break;
                        case "outlineLvl": outline = ParseInt(value); break;
                        case "numId": numId = ParseInt(value); break;
                        case "ilvl": numLevel = ParseInt(value); break;
                    }
                }
                else if (xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.LocalName == "style") Save();
            }

            void Save()
            {
                if (id is not null) _byId.TryAdd(id, new StyleInfo(name ?? id, basedOn, outline, numId, numLevel));
                id = null;
            }
        }

        private static int? ParseInt(string? value) => int.TryParse(value, out int n) ? n : null;

        public int HeadingLevel(string? styleId, int? outlineLevel)
        {
            if (outlineLevel is >= 0 and < 9) return outlineLevel.Value + 1;
            foreach (var style in Chain(styleId))
            {
                string name = style.Name.ToLowerInvariant().Replace(" ", "");
                if (name == "title") return 1;
                if (name.StartsWith("heading") && int.TryParse(name["heading".Length..], out int level)) return level;
                if (style.OutlineLevel is >= 0 and < 9) return style.OutlineLevel.Value + 1;
            }
            return 0;
        }

        public bool IsListStyle(string? styleId) =>
            Chain(styleId).FirstOrDefault()?.Name.StartsWith("List", StringComparison.OrdinalIgnoreCase) == true;

        /// <summary>The list a style numbers its paragraphs with: (numId, level).</summary>
        public (int NumId, int Level)? StyleNumbering(string? styleId)
        {
            foreach (var style in Chain(styleId))
                if (style.NumId is int numId) return (numId, style.NumLevel ?? 0);
            return null;
        }

        private IEnumerable<StyleInfo> Chain(string? styleId)
        {
            // basedOn chains are short; the depth limit guards against cycles in damaged files.
            for (int depth = 0; depth < 16 && styleId is not null && _byId.TryGetValue(styleId, out var style); depth++)
            {
                yield return style;
                styleId = style.BasedOn;
            }
        }
    }

    /// <summary>
    /// Renders automatic list numbers ("（一）", "1.", "(1)") the way Word shows them, keeping one counter
    /// per list and level; bullets render as nothing.
    /// </summary>
    private sealed class ListNumbering(Numbering? numbering, StyleLookup styles)
    {
        private readonly Dictionary<(int NumId, int Level), int> _counters = [];

        public bool IsBulleted(Paragraph paragraph, string? styleId) =>
            Level(paragraph, styleId) is { } level && level.Definition.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet;

        public string? NextLabel(Paragraph paragraph, string? styleId)
        {
            if (Level(paragraph, styleId) is not { } level) return null;
            var format = level.Definition.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
            if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None) return null;

            var key = (level.NumId, level.Index);
            _counters[key] = _counters.TryGetValue(key, out int current) ? current + 1 : level.Start(level.Index);
            foreach (var deeper in _counters.Keys.Where(k => k.NumId == level.NumId && k.Level > level.Index).ToList())
                _counters.Remove(deeper);

            string pattern = level.Definition.LevelText?.Val?.Value ?? $"%{level.Index + 1}.";
            for (int i = 0; i <= level.Index; i++)
            {
                var levelFormat = level.Abstract.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == i)?.NumberingFormat?.Val?.Value
                                  ?? NumberFormatValues.Decimal;
                int value = _counters.TryGetValue((level.NumId, i), out int v) ? v : level.Start(i);
                pattern = pattern.Replace($"%{i + 1}", NumberText.Format(value, levelFormat));
            }
            return pattern;
        }

        private ResolvedLevel? Level(Paragraph paragraph, string? styleId)
        {
            if (numbering is null) return null;
            var direct = paragraph.ParagraphProperties?.NumberingProperties;
            var fromStyle = styles.StyleNumbering(styleId);
            int? numId = direct?.NumberingId?.Val?.Value ?? fromStyle?.NumId;
            if (numId is null or 0) return null;
            int index = direct?.NumberingLevelReference?.Val?.Value ?? fromStyle?.Level ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            int? abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levelDefinition = definition?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == index);
            if (definition is null || levelDefinition is null) return null;
            return new ResolvedLevel(numId.Value, index, definition, levelDefinition, instance!);
        }

        private sealed record ResolvedLevel(int NumId, int Index, AbstractNum Abstract, Level Definition, NumberingInstance Instance)
        {
            public int Start(int levelIndex)
            {
                var overrideStart = Instance.Elements<LevelOverride>()
                    .FirstOrDefault(o => o.LevelIndex?.Value == levelIndex)?.StartOverrideNumberingValue?.Val?.Value;
                return overrideStart ?? Abstract.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == levelIndex)
                    ?.StartNumberingValue?.Val?.Value ?? 1;
            }
        }
    }
}
