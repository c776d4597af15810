using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Extraction.Structure;

/// <summary>A numbered item of a progress section (its text without the number), or a narrative paragraph.</summary>
public sealed record ItemUnit(CompactText Text, int Level, string? Tier, SectionKind Kind, RegionMention? LeadRegion)
{
    /// <summary>
    /// For a region's paragraph under a numbered item (（三）农村危房改造。… 沂水县：完成…), that item's title; for an
    /// unnumbered paragraph after a numbered paragraph (一、保障好重点群体就业，开展…。 then 年度投资目标…), that paragraph's title.
    /// </summary>
    public string? ParentTitle { get; init; }

    /// <summary>The heading of the section the unit stands in (二、存在问题, 【工作进度】), null before the first one.</summary>
    public string? Heading { get; init; }

    /// <summary>An unnumbered paragraph outside any item (a news paragraph, an introduction): read by candidates, not as an item.</summary>
    public bool Loose { get; init; }

    /// <summary>The length of a title that was a line of its own (a chapter heading naming a project), else null.</summary>
    public int? TitleLength { get; init; }

    /// <summary>Where the title ends: the first sentence or clause break (项目名称。 or 项目名称，全市…), or the end of its own line.</summary>
    public int TitleEnd
    {
        get
        {
            if (Kind != SectionKind.Progress) return 0;
            int index = Text.Text.IndexOfAny(TitleBreaks);
            // (The title's line is measured before the item's text is cut, so it may run past a shorter text.)
            if (TitleLength is int line && (index < 0 || index > line)) return Math.Min(line, Text.Length);
            return index < 0 ? Text.Length : index;
        }
    }

    private static readonly char[] TitleBreaks = ['。', '；', ';', '，', ',', '：', ':', '！', '？'];
}

/// <summary>
/// Consecutive table rows (one table, or a table split over pages), with the tier in force before it, the
/// line just above it (a table's title names the project of a per-county table) and the title of the numbered
/// item the table belongs to (…完成情况见下表。 under （八）困难残疾人家庭无障碍改造), and the line above the title
/// (the caption, when the line just above is a unit line: 单位：亿元).
/// </summary>
public sealed record TableUnit(IReadOnlyList<TextBlock> Rows, string? Tier, string? Title, string? ItemTitle = null, string? LineBefore = null);

/// <summary>
/// Walks a document's blocks and finds its structure: sections and their kind (【工作进度】, 一、存在的问题),
/// the tier lists (（一）省级十大重点民生实事), numbered items at every level (including items run together in
/// one paragraph: …70%。2、新生儿…), narrative paragraphs with the region they are about (岳阳县：…), and tables.
/// Items continue over following unnumbered paragraphs (a sentence broken by a page).
/// </summary>
public sealed partial class Outline
{
    public List<ItemUnit> Items { get; } = [];
    public List<TableUnit> Tables { get; } = [];

    private readonly RegionResolver _regions;
    private bool _isPlan;
    private SectionKind _section = SectionKind.Progress;
    private string? _tier;
    private bool _seenTier;
    private RegionMention? _leadRegion;
    private string? _lastLine;
    private string? _lineBeforeLast;
    private readonly List<CompactText> _parts = [];
    private int _level;
    private int _lastItemNumber;
    private string? _regionParent;
    private int _tierLevel;
    private string? _itemTier;
    private readonly List<(int FirstItem, string? Heading)> _headings = [];
    private int? _titleLength;

    /// <summary>The title of the numbered paragraph (一、…，…。) the unnumbered paragraphs after it stand under, if any.</summary>
    private string? _chapterTitle;

    private Outline(RegionResolver regions) => _regions = regions;

    public static Outline Read(DocumentText document, RegionResolver regions, bool isPlan = false)
    {
        var outline = new Outline(regions) { _isPlan = isPlan };
        var blocks = document.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind == BlockKind.TableRow)
            {
                string? itemTitle = outline.OpenItemTitle();
                string? itemTier = itemTitle is null ? outline._tier : outline._itemTier;
                outline.Flush();
                var rows = new List<TextBlock>();
                while (i < blocks.Count && blocks[i].Kind == BlockKind.TableRow) rows.Add(blocks[i++]);
                i--;
                outline.Tables.Add(new TableUnit(rows, itemTier, outline._lastLine, itemTitle, outline._lineBeforeLast));
                continue;
            }
            outline.Add(blocks[i]);
        }
        outline.Flush();
        // Each unit learns the heading of its section (the role model reads it).
        for (int h = 0; h < outline._headings.Count; h++)
        {
            int end = h + 1 < outline._headings.Count ? outline._headings[h + 1].FirstItem : outline.Items.Count;
            for (int k = outline._headings[h].FirstItem; k < end; k++) outline.Items[k] = outline.Items[k] with { Heading = outline._headings[h].Heading };
        }
        return outline;
    }

    private void Add(TextBlock block)
    {
        var compact = CompactText.From(block.Text, block.Start);
        // A table's caption may stand above its as-of note and a flattened table's stray borders: (截至9月末), `|`.
        if (!StrayBorder().IsMatch(compact.Text) && !Reading.TextTables.CellText.IsAsOfNote(compact.Text))
        {
            _lineBeforeLast = _lastLine;
            _lastLine = compact.Text;
        }
        // A section title glued to the end of the previous paragraph (PDF extraction lost the line break).
        var glued = GluedBracketHeading().Match(compact.Text);
        if (glued.Success)
        {
            AddCompact(compact.Slice(0, glued.Index), block);
            AddCompact(compact.Slice(glued.Index, compact.Length), block);
            return;
        }
        AddCompact(compact, block);
    }

    private void AddCompact(CompactText compact, TextBlock block)
    {
        string text = compact.Text;
        if (text.Length == 0) return;

        var bracket = BracketHeading().Match(text);
        if (bracket.Success)
        {
            StartSection(SectionClassifier.Classify(bracket.Groups[1].Value) ?? SectionKind.Progress, null, bracket.Value);
            var rest = compact.Slice(bracket.Length, compact.Length);
            if (rest.Length > 0) AddText(rest, block);
            return;
        }
        var marker = Numbering.AtStart(text);
        if (marker is { Level: Numbering.Chapter })
        {
            // A chapter number before a whole paragraph (一、截至12月底，…人，完成全年目标的109.4%；…) numbers an item, not a heading.
            bool paragraph = text.Length > 40 && text.IndexOfAny(['。', '，', ',', '；', ';']) is >= 0 and var stop && stop < text.Length - 1;
            var kind = SectionClassifier.Classify(text);
            StartSection(paragraph ? SectionKind.Progress : kind ?? SectionKind.Progress, SectionClassifier.Tier(text[marker.Value.Length..]),
                paragraph ? null : text);
            // A chapter that names a project by its amount (二、10万平方米老旧小区改造项目; 二、新建、改扩建公办幼儿园150所) is an item:
            // its title states the target and the paragraphs under it continue it.
            // (A progress word that only ends a project's name, …改造项目, does not make it a section title.)
            if (!paragraph && (kind is null || kind == SectionKind.Progress && ProjectNameEnd().IsMatch(text))
                && NumberRecognizer.Find(text[marker.Value.Length..]).Any(q => !q.IsBare))
            {
                AddText(compact, block);
                _titleLength = compact.Length - marker.Value.Length;
                return;
            }
            // Its sentences name their own projects (扶持547人成功创业…；居家养老人数达到…): read as candidates.
            if (paragraph)
            {
                var chapter = new ItemUnit(compact.Slice(marker.Value.Length, compact.Length), 0, _tier, SectionKind.Progress, null) { Loose = true };
                Items.Add(chapter);
                // Its title (一、保障好重点群体就业，…) is what the unnumbered paragraphs under it report on (年度投资目标…).
                string title = chapter.Text.Text[..chapter.TitleEnd].Trim();
                _chapterTitle = title.Count(char.IsLetter) >= 2 ? title : null;
            }
            return;
        }
        // A tier list heading ((一)省级十大重点民生实事) starts project progress even where a section title was lost.
        if (_section == SectionKind.Narrative && marker is { Level: Numbering.Section } && text.Length <= 30
            && (SectionClassifier.Tier(text[marker.Value.Length..]) is not null || SectionClassifier.Classify(text) == SectionKind.Progress))
            StartSection(SectionKind.Progress, null, text);
        if (marker is null && (block.Kind == BlockKind.Heading || IsShortHeading(text)))
        {
            var kind = SectionClassifier.Classify(text);
            if (kind is not null && (block.Kind == BlockKind.Heading || _section != SectionKind.Narrative))
            {
                StartSection(kind.Value, SectionClassifier.Tier(text), text);
                return;
            }
            if (block.Kind == BlockKind.Heading)
            {
                Flush();
                return;
            }
        }
        // "5. 60周岁以上…": compacting read the item number and the amount after it as one decimal (5.60).
        if (marker is null && SpacedItemNumber().Match(block.Text) is { Success: true } spaced
            && int.Parse(spaced.Groups[1].Value) == _lastItemNumber + 1 && text.StartsWith(spaced.Groups[1].Value + ".", StringComparison.Ordinal))
        {
            AddText(compact, block, (Numbering.Item, spaced.Groups[1].Length + 1));
            return;
        }
        AddText(compact, block);
    }

    private void AddText(CompactText compact, TextBlock block, (int Level, int Length)? marker = null)
    {
        if (_section != SectionKind.Progress)
        {
            Flush();
            if (LeadName().IsMatch(compact.Text)) _leadRegion = LeadRegion(compact.Text);
            Items.Add(new ItemUnit(compact, 0, _tier, _section, _leadRegion));
            return;
        }

        string text = compact.Text;
        var starts = new List<(int Index, int Level, int Length)>();
        if ((marker ?? Numbering.AtStart(text)) is { } first) starts.Add((0, first.Level, first.Length));
        starts.AddRange(Numbering.Inline(text, pointsAfterSemicolons: !_isPlan));
        // An unnumbered paragraph that opens with a region (兰山区：新建口袋公园12处，完成率100%。) reports that region's progress.
        if (starts.Count == 0 && LeadRegion(text) is { } region)
        {
            _regionParent = OpenItemTitle() ?? _regionParent;
            Flush();
            int colon = region.End + 1;
            Items.Add(new ItemUnit(compact.Slice(colon, compact.Length), Numbering.Item, _tier, SectionKind.Progress, region) { ParentTitle = _regionParent });
            return;
        }
        if (starts.Count > 0) _regionParent = null;
        int firstStart = starts.Count == 0 ? text.Length : starts[0].Index;
        if (firstStart > 0 && _parts.Count > 0) _parts.Add(compact.Slice(0, firstStart));
        // No item is open: the paragraph is read on its own, never dropped.
        else if (firstStart > 0) Items.Add(new ItemUnit(compact.Slice(0, firstStart), 0, _tier, SectionKind.Progress, null) { Loose = true, ParentTitle = _chapterTitle });
        for (int k = 0; k < starts.Count; k++)
        {
            var (index, level, length) = starts[k];
            int end = k + 1 < starts.Count ? starts[k + 1].Index : text.Length;
            Flush();
            var piece = compact.Slice(index + length, end);
            string? tier = SectionClassifier.Tier(piece.Text);
            if (tier is not null) { _tier = tier; _seenTier = true; _tierLevel = level; }
            // A sibling of tier headings (（一）省级… （二）市级… （三）县重点…) without a tier word is the county's own list;
            // items under a chapter that named the tier (一、省级… then （一）…) are not.
            else if (level is Numbering.Section && _seenTier && _tierLevel == Numbering.Section && _tier != "县级" && LooksLikeList(piece.Text)) _tier = "县级";
            _level = level;
            _itemTier = _tier;
            if (level == Numbering.Item && int.TryParse(text.AsSpan(index, length - 1), out int number)) _lastItemNumber = number;
            _parts.Add(piece);
        }
        // An item whose number heads a line of its own ((一)省重点项目, then 我市共1项…) is titled by that line.
        if (starts is [(0, _, _)] && _parts is [var only] && only.Text.Count(char.IsLetter) >= 2 && IsShortHeading(only.Text)) _titleLength = only.Length;
    }

    /// <summary>The region a paragraph is about when it opens with its name and a colon (岳阳县：…), else null.</summary>
    private RegionMention? LeadRegion(string text)
    {
        var lead = LeadName().Match(text);
        if (!lead.Success) return null;
        string name = lead.Groups[1].Value;
        return _regions.MatchAt(name, 0) is { } m && m.End == name.Length ? m
            : RegionSuffix().IsMatch(name) ? new RegionMention(0, name.Length, name, name, null)
            : null;
    }

    /// <summary>A section-level heading without a tier word after the tier lists is the county's own list.</summary>
    private static bool LooksLikeList(string text) => !text.Contains('。') || text.IndexOf('。') > 12;

    private void StartSection(SectionKind kind, string? tier, string? heading)
    {
        Flush();
        _chapterTitle = null;
        _headings.Add((Items.Count, heading));
        _section = kind;
        _leadRegion = null;
        _regionParent = null;
        _tier = tier;
        _seenTier = tier is not null;
        _tierLevel = Numbering.Chapter;
    }

    /// <summary>The title of the numbered item still being read, if any.</summary>
    private string? OpenItemTitle()
    {
        if (_parts.Count == 0 || _section != SectionKind.Progress || _level == 0) return null;
        var item = new ItemUnit(CompactText.Concat(_parts), _level, _itemTier, SectionKind.Progress, null) { TitleLength = _titleLength };
        string title = item.Text.Text[..item.TitleEnd].Trim();
        return title.Length >= 2 ? title : null;
    }

    private void Flush()
    {
        if (_parts.Count == 0) return;
        var text = CompactText.Concat(_parts);
        _parts.Clear();
        if (text.Length > 0) Items.Add(new ItemUnit(text, _level, _itemTier, SectionKind.Progress, null) { TitleLength = _titleLength });
        _titleLength = null;
    }

    private static bool IsShortHeading(string text) => text.Length <= 24 && !text.Contains('。') && !text.Contains('，') && !text.Contains(',');

    [GeneratedRegex(@"^\s*([0-9]{1,2})[.．]\s+[0-9]")]
    private static partial Regex SpacedItemNumber();

    [GeneratedRegex(@"^[【\[]([^】\]]{1,12})[】\]]")]
    private static partial Regex BracketHeading();

    [GeneratedRegex(@"(?<=[。；！？])[【\[][^】\]]{1,12}[】\]]")]
    private static partial Regex GluedBracketHeading();

    [GeneratedRegex(@"^([\u4e00-\u9fff]{2,12})[：:]")]
    private static partial Regex LeadName();

    [GeneratedRegex(@"(项目|工程)$")]
    private static partial Regex ProjectNameEnd();

    [GeneratedRegex(@"(县|区|市|旗)$")]
    private static partial Regex RegionSuffix();

    [GeneratedRegex(@"^[|｜\s]+$")]
    private static partial Regex StrayBorder();
}
