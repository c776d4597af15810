using System.Text.RegularExpressions;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Extraction.Regions;

/// <summary>A region named in a text: where, and which place it is.</summary>
public sealed record RegionMention(int Start, int End, string Written, string Canonical, string? Parent);

/// <summary>
/// Finds the regions a sentence names and resolves them in the issuing region's context. Only names that
/// stand alone count: 汨罗市人民医院 names a hospital, not the city, so a name followed by more of a
/// name is skipped. Places missing from the gazetteer (another province's counties) are still found by
/// their administrative suffix when they start a clause (XX县、XX区, and a county's towns: XX街道、XX镇).
/// A name must also end where a word ends (jieba's segmentation): 岳阳县城 is 岳阳/县城, not 岳阳县.
/// </summary>
public sealed partial class RegionResolver(Gazetteer gazetteer, Place? issuing)
{
    public Gazetteer Gazetteer => gazetteer;
    public Place? Issuing => issuing;

    /// <summary>Region names at <paramref name="index"/> of the text, longest match, or null.</summary>
    public RegionMention? MatchAt(string text, int index, bool allowBareAlias = true)
    {
        foreach (var name in gazetteer.NamesAt(text, index))
        {
            if (!EndsAWord(text, index + name.Length)) continue;
            // A national page names the provinces, its parts, by their short names (甘肃100%，河北98.9%; 吉林 is the province).
            var place = (IssuedByNation ? ProvinceOf(name) : null) ?? gazetteer.Resolve(name, issuing);
            if (place is null) continue;
            // A prefecture's bare short name (岳阳) is too often part of other names to count in sentences; a short form
            // written with its suffix (湘西自治州, 黔东南州: RegionNames.WrittenForms) is a name.
            if (!allowBareAlias && !gazetteer.IsFullName(name) && place.Level is RegionLevel.Prefecture or RegionLevel.Province
                && !RegionNames.WrittenForms(place.Name).Contains(name)) continue;
            return new RegionMention(index, index + name.Length, name, place.Name, place.Parent);
        }
        // On a national page a province's stem is a name wherever a place is read (the provinces are the nation's children).
        return IssuedByNation ? ChildStemAt(text, index) : null;
    }

    private string? _segmentedText;
    private HashSet<int> _wordEnds = [];

    /// <summary>True when a word ends at <paramref name="end"/>: always before a non-Chinese character.</summary>
    private bool EndsAWord(string text, int end)
    {
        if (end >= text.Length || !Reading.LineJoiner.IsCjkIdeograph(text[end])) return true;
        if (!ReferenceEquals(text, _segmentedText))
        {
            _wordEnds = JiebaSegmenter.Load().Cut(text).Select(t => t.End).ToHashSet();
            _segmentedText = text;
        }
        return _wordEnds.Contains(end);
    }

    /// <summary>
    /// A child of the issuing place named by its stem alone (鼓楼 for 福州市's 鼓楼区), or null. Read only where a place
    /// is expected: a stem alone is too often a word (长乐, 永泰) to count in running text.
    /// </summary>
    public RegionMention? ChildByStem(string words)
    {
        if (issuing is null) return null;
        if (IssuedByNation) return ProvinceByStem(words);
        var children = gazetteer.PlacesWithStem(words).Where(p => p.Parent == issuing.Name).ToList();
        return children.Count == 1 ? new RegionMention(0, words.Length, words, children[0].Name, children[0].Parent) : null;
    }

    /// <summary>
    /// A province named by its stem alone (河南, 内蒙古), or null: the row key of a national table by province, whatever
    /// place the bulletin is taken to be from. Read only where a place is expected, as <see cref="ChildByStem"/>.
    /// </summary>
    public RegionMention? ProvinceByStem(string words) =>
        ProvinceOf(words) is { } province ? new RegionMention(0, words.Length, words, province.Name, province.Parent) : null;

    private Place? ProvinceOf(string words)
    {
        var provinces = gazetteer.PlacesWithStem(words).Where(p => p.Level == RegionLevel.Province).ToList();
        return provinces.Count == 1 ? provinces[0] : null;
    }

    /// <summary>True on a national page (the issuing place is 全国): its parts are the provinces.</summary>
    private bool IssuedByNation => issuing?.Name == Gazetteer.Nation.Name;

    /// <summary>The region a table cell starts with (a per-county table's row head), or null.</summary>
    public RegionMention? MatchCell(string cell)
    {
        if (MatchAt(cell, 0) is { } known) return known;
        return SuffixMention(cell, 0) is { } suffixed && suffixed.End == cell.Length ? suffixed : null;
    }

    /// <summary>
    /// The regions listed at the start of a clause (岳阳县、临湘市、汨罗市完成率…), with where the list ends;
    /// empty when the clause does not start with a standalone region name.
    /// </summary>
    public IReadOnlyList<RegionMention> LeadingRegions(string clause, out int listEnd)
    {
        var found = new List<RegionMention>();
        // "其中" opens a breakdown (其中汉寿县78.6%、临澧县75.2%): the list starts after it.
        int i = clause.StartsWith("其中", StringComparison.Ordinal) ? 2 : 0;
        listEnd = 0;
        while (i < clause.Length)
        {
            var mention = MatchAt(clause, i, allowBareAlias: false) ?? SuffixMention(clause, i);
            if (mention is null) break;
            // A district written after its city (南宁市西乡塘区, 鄂州市梁子湖区) is the district.
            if (mention.End < clause.Length && MatchAt(clause, mention.End, allowBareAlias: false) is { } part && part.Parent == mention.Canonical)
                mention = part with { Start = mention.Start, Written = clause[mention.Start..part.End] };
            int after = mention.End;
            if (after < clause.Length && !IsListBoundary(clause, after)) break;
            found.Add(mention);
            listEnd = after;
            i = after;
            while (i < clause.Length && clause[i] is '、' or '和' or '及' or ',' or '，' or ' ') i++;
        }
        return found;
    }

    /// <summary>
    /// The places a clause opens with, joined by 、, 和 or 及 (娄底、邵阳、永州完成投资情况较好; 宁夏和海南): full names, aliases, places known by their
    /// suffix, or the issuing place's children by their stems; the last may have more words after it. Empty when none.
    /// </summary>
    public IReadOnlyList<RegionMention> ListedPlaces(string clause)
    {
        var found = new List<RegionMention>();
        for (int i = 0; i < clause.Length;)
        {
            var mention = MatchAt(clause, i) ?? SuffixMention(clause, i) ?? ChildStemAt(clause, i);
            if (mention is null) break;
            found.Add(mention);
            if (mention.End >= clause.Length || clause[mention.End] is not ('、' or '和' or '及')) break;
            i = mention.End + 1;
        }
        return found;
    }

    /// <summary>
    /// The one place <paramref name="words"/> name and nothing else: a name (长乐市), or a child of the issuing place by its
    /// stem (闽侯), maybe with a copula before the value that follows (甘孜为235.4%、成都为183.5%); else null. Read where
    /// a value's own words are looked at, so a stem must be the whole of them.
    /// </summary>
    public RegionMention? PlaceOnly(string words)
    {
        var listed = LeadingRegions(words, out int end);
        if (listed.Count == 1 && end >= words.Length) return listed[0];
        if (ChildByStem(words) is { } child) return child;
        return Copulas.FirstOrDefault(w => words.Length > w.Length && words.EndsWith(w, StringComparison.Ordinal)) is { } copula
            && PlaceOnly(words[..^copula.Length]) is { } place ? place with { End = words.Length } : null;
    }

    /// <summary>
    /// The place that ends words after 分别为 or 分别是 (开工率分别为辽宁104.6%、山西88.5%…): the first key of the list that
    /// follows, its start in <see cref="RegionMention.Start"/>; else null.
    /// </summary>
    public RegionMention? RespectiveLead(string words)
    {
        foreach (var marker in RespectiveMarkers)
            if (words.LastIndexOf(marker, StringComparison.Ordinal) is var at and >= 0 && at + marker.Length < words.Length
                && PlaceOnly(words[(at + marker.Length)..]) is { } place)
                return place with { Start = at + marker.Length, End = words.Length };
        return null;
    }

    private static readonly string[] RespectiveMarkers = ["分别为", "分别是"];

    /// <summary>Words between a place and its value that say only "is" (甘孜为235.4%, 成都达到183.5%).</summary>
    private static readonly string[] Copulas = ["为", "是", "达到", "达"];

    /// <summary>A child of the issuing place written by its stem at <paramref name="index"/>, ending a word (邵阳、), or null.</summary>
    private RegionMention? ChildStemAt(string text, int index)
    {
        for (int length = Math.Min(MaxStemLength, text.Length - index); length >= 2; length--)
            if (EndsAWord(text, index + length) && ChildByStem(text.Substring(index, length)) is { } child)
                return child with { Start = index, End = index + length };
        return null;
    }

    /// <summary>
    /// The place that opens a clause as the subject of what the clause reports though more words follow it (海南省重点项目建设…
    /// 完成投资666亿元, 从江县“整县推进”任务数为…, 西安市辖区省级重点项目…): a full name that ends a word, not followed by a word
    /// that names an institution (汨罗市人民医院, 海南省发改委: models/rules/institution-ends.tsv); else null.
    /// </summary>
    public RegionMention? OpeningPlace(string clause)
    {
        if (MatchAt(clause, 0, allowBareAlias: false) is not { } place || !gazetteer.IsFullName(place.Written)) return null;
        if (place.End >= clause.Length || IsListBoundary(clause, place.End)) return place;
        // The next two words (凯里市|人民|医院): an institution's name is often cut in two.
        var next = JiebaSegmenter.Load().Cut(clause).SkipWhile(t => t.Start < place.End).Take(2).ToList();
        return next is [var first, ..] && first.Start == place.End
            && next.Any(t => InstitutionEnds.Value.Any(w => t.Text.EndsWith(w, StringComparison.Ordinal))) ? null : place;
    }

    private static readonly Lazy<string[]> InstitutionEnds =
        new(() => Learning.TsvFile.Column(ModelFiles.PathOf("rules/institution-ends.tsv"), "word").ToArray());

    /// <summary>
    /// The place written right before the bracket a number stands in (最慢的是葫芦岛市(37.3%), 本溪(57.8%)、营口(56.6%)):
    /// a ranking's value is that place's, wherever the place stands in its clause; null when none ends at the bracket
    /// or it would start before <paramref name="floor"/>.
    /// </summary>
    public RegionMention? PlaceBeforeBracket(string text, int numberStart, int floor)
    {
        int open = numberStart - 1;
        if (open <= floor || text[open] is not ('(' or '（')) return null;
        for (int start = Math.Max(floor, open - MaxPlaceLength); start <= open - 2; start++)
            if (MatchAt(text, start) is { } place && place.End == open) return place;
        // A child of the issuing place written by its stem alone (本溪(57.8%) in 辽宁省's bulletin, 兴宁(43.90%) in 梅州市's):
        // a ranking names its places as the page's readers say them; the stem must begin a word (有|兴宁, not 永|兴宁).
        for (int start = Math.Max(floor, open - MaxStemLength); start <= open - 2; start++)
            if ((start == floor || EndsAWord(text, start)) && ChildByStem(text[start..open]) is { } child)
                return child with { Start = start, End = open };
        return null;
    }

    /// <summary>The longest stem looked for before a bracket (呼和浩特, 乌鲁木齐 are 4).</summary>
    private const int MaxStemLength = 4;

    /// <summary>The longest place name looked for before a bracket (内蒙古自治区, 黔东南苗族侗族自治州 are 6 and 10).</summary>
    private const int MaxPlaceLength = 10;

    /// <summary>True when a region name ending at <paramref name="index"/> stands alone (not 汨罗市人民医院).</summary>
    public static bool IsListBoundary(string text, int index)
    {
        char c = text[index];
        if (c is '、' or ',' or '，' or ' ' or '和' or '及' or '：' or ':') return true;
        if (char.IsDigit(c)) return true;
        var rest = text.AsSpan(index);
        foreach (var word in Boundaries)
            if (rest.StartsWith(word)) return true;
        return false;
    }

    private static readonly string[] Boundaries =
        ["完成", "已", "只", "仅", "共", "总", "进度", "累计", "新增", "达", "为", "实现", "超", "均", "各", "全",
         // the work a place reports (肥东县新建3所，目前完工3所)
         "新建", "改扩建", "改建", "扩建", "开工", "建成", "竣工", "完工"];

    /// <summary>A place the gazetteer lacks, known by its suffix (XX县, XX街道), standing alone at <paramref name="index"/>.</summary>
    public RegionMention? SuffixAt(string text, int index) => SuffixMention(text, index);

    private RegionMention? SuffixMention(string text, int index)
    {
        var match = SuffixPattern().Match(text, index);
        if (!match.Success || match.Index != index) return null;
        string name = match.Value;
        if (index + name.Length < text.Length && !IsListBoundary(text, index + name.Length)) return null;
        if (CommonNouns.Any(noun => name.EndsWith(noun, StringComparison.Ordinal)) || name.StartsWith("其中", StringComparison.Ordinal)) return null;
        return new RegionMention(index, index + name.Length, name, name, issuing?.Level == RegionLevel.Prefecture ? issuing.Name : issuing?.Parent);
    }

    /// <summary>True for a word that ends like a district but is not one (社区, 城区, 全县), also where a division bears that name.</summary>
    public static bool IsCommonNoun(string name) => CommonNouns.Contains(name);

    // Words that end like a district but are not one (棚户区 GN04; 贫困地区 D11, 其他地区 GD11: a 地区 the gazetteer lacks is
    // no division, the former prefectures named so are its aliases).
    private static readonly string[] CommonNouns =
        ["社区", "城区", "棚户区", "地区", "园区", "景区", "山区", "库区", "辖区", "片区", "校区", "小区", "湖区", "矿区", "街区", "市区", "郊区",
         "灾区", "老区", "特区", "全区", "我区", "本区", "各区", "该区", "县区", "全县", "我县", "本县", "各县", "该县", "分区", "服务区", "示范区",
         "乡镇", "城镇", "集镇", "村镇", "小镇", "城乡", "全镇", "各镇", "本镇", "该镇", "全乡", "各乡", "本乡", "各街道", "全街道", "本街道"];

    [GeneratedRegex(@"\G(?:[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗)|[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))")]
    private static partial Regex SuffixPattern();
}
