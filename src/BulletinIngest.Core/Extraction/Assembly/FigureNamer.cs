using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// Names a figure from the words around its number, as the gold labels name figures: the project is the named thing,
/// the indicator what is counted (the verb phrase with its object, the number left out).
/// <list type="bullet">
/// <item>The number's own words: its list element (建设3100个农村公共厕所、[285个旅游厕所]; 已完成小水闸新建加固5座、[塘坝扩挖10口])
/// within its clause; an element with no words of its own takes the clause's verb (建设旅游厕所).</item>
/// <item>Project, first that applies: the subject before the verb (县乡公路路面改善提升工程建成4000公里; not after a
/// leading 已完成, which governs an object); the nearest topic clause before it in its sentence part, up to a ；
/// (公租房项目，已开工442套); the subject of an earlier clause or element of that part (…开工8000公里); the thing the
/// number counts (建设100所[公办幼儿园]); the noun a clause closes on after 的 (…2.11万平方米的[全民体育健身中心]);
/// what an opening verb governs (建成[城镇保障性安居工程]5.7万套); the caller's fallback (an item's title); the indicator. Own words that open with no verb (高校毕业生就业率保持在87%)
/// name the figure themselves.</item>
/// </list>
/// Verbs (role-cues.tsv, features done and progress) count only where the jieba segmenter starts and ends a word at them,
/// so 服务 in 综合服务站 is no verb.
/// </summary>
public sealed partial class FigureNamer
{
    private readonly string _text;
    private readonly IReadOnlyList<Quantity> _numbers;
    private readonly HashSet<int> _numberStarts;

    // The places of the text: a place is the figure's region, not its name.
    private readonly RegionResolver? _regions;

    public FigureNamer(string text, RegionResolver? regions = null)
    {
        _text = text;
        _regions = regions;
        _numbers = NumberRecognizer.Find(text);
        _numberStarts = _numbers.Select(n => n.Start).ToHashSet();
    }

    /// <summary>How many characters of place names open a phrase (湘潭市已完成…: 3).</summary>
    private int LeadingPlaces(string words)
    {
        if (_regions is null) return 0;
        _regions.LeadingRegions(words, out int end);
        // Words that are only a place (甘孜为, a child's stem and a copula) are all place.
        return end == 0 && _regions.PlaceOnly(words) is not null ? words.Length : end;
    }

    /// <summary>One list element's words: its subject (if any), indicator and the thing its number counts.</summary>
    private sealed record Element(string? Subject, string Indicator, string Counted, string ClosingNoun, bool SelfNamed, bool OpensWithVerb)
    {
        /// <summary>What an opening verb governs before the number (建成[城镇保障性安居工程]5.7万套).</summary>
        public string Object { get; init; } = "";
    }

    /// <summary>The project and indicator of the figure read at <paramref name="q"/>; nothing before <paramref name="floor"/> is read.</summary>
    public (string Project, string Indicator) Name(Quantity q, int floor, string? fallback = null)
    {
        q = _numbers.FirstOrDefault(n => n.Start == q.Start) ?? q;
        var (clauseStart, clauseEnd) = ClauseAround(q.Start, floor);
        int partStart = PartStart(q.Start, floor);
        // 企业养老、失业…保险分别净增2万人、0.4万人…: each amount after 分别 belongs to its name before it.
        // 将困难残疾人生活补贴从每人每月285元提高到每人每月295元: the standard raised is named before its old level
        // (inside the brackets it stands in, if any).
        if (Raise().Match(_text[clauseStart..q.Start]) is { Success: true } raise
            && Strip(raise.Groups["name"].Value.Split('（', '(')[^1]) is { Length: >= 2 } raised)
            return (raised, raised);
        if (Respectively(q, clauseStart, clauseEnd) is { } own) return own;
        // 开工率分别为辽宁104.6%、山西88.5%…: a rate of a list of places measures what the words before its first place name.
        if (InlineListIntro(q, clauseEnd, floor) is { } measure) return (measure, measure);
        // A ranking's value (最慢的是铁岭市(62%), 本溪(57.8%)、…) is a place's share of what the sentence before measured:
        // named as that amount is (the place is its region: RegionResolver.PlaceBeforeBracket).
        if (_regions?.PlaceBeforeBracket(_text, q.Start, clauseStart) is not null
            && _numbers.LastOrDefault(n => n.Start >= floor && n.End <= SentenceStart(q.Start, floor) && !n.IsPercent) is { } measured)
            return Name(measured, floor);
        var element = Read(q, clauseStart, clauseEnd);
        string indicator = element.Indicator;
        // Words of its own that open with no verb (高校毕业生就业率保持在87%) name the figure themselves.
        int sentenceStart = SentenceStart(q.Start, floor);
        // Own words that are only a measure (总投资, 年度计划投资) name no project: the clauses before say whose it is.
        string? project = element.Subject
            ?? (element.SelfNamed && !NonProjectNames.Default.Rejects(indicator) ? Named(element.ClosingNoun) ?? indicator : null)
            ?? Earlier(q, partStart, clauseStart)
            // A sentence that opens with its verb (…已完成投资30亿元。新启动5个改造项目) speaks of the one before;
            // one that opens with an amount and what it counts (20件民生大事，已完成3件) names itself.
            ?? (element.OpensWithVerb && partStart == sentenceStart && partStart > floor
                && !(_text[partStart..q.Start].Trim().Length == 0 && element.Counted.Length >= 2)
                ? Earlier(q, SentenceStart(partStart - 1, floor), partStart) : null)
            ?? Named(element.Counted)
            ?? Named(element.ClosingNoun)
            ?? Named(element.Object)
            ?? (fallback is { Length: >= 2 } ? fallback : null);
        // A project that is only a verb (…开工2.61万户；[竣工]2.05万户) is the one an earlier part of the sentence names.
        if (NonProjectNames.Default.Rejects(project ?? indicator) && partStart > sentenceStart)
            project = Earlier(q, sentenceStart, partStart) ?? project;
        // A figure only its measure names (年度投资目标15495万元; 完成投资71.71亿元) is of the project an earlier sentence
        // of its paragraph opens with (保障性住房、棚户区改造和房地产项目新开工及在建项目45项，…).
        if (NonProjectNames.Default.Rejects(project ?? indicator) && ParagraphTopic(sentenceStart, floor) is { } topic) project = topic;
        // An element that is only a place (完成率分别为：[长沙市]76.43%、…) is named by its list's introduction.
        if (indicator.Count(char.IsLetter) < 2 && ListHead(clauseStart, floor) is { } head)
            (project, indicator) = (project ?? head.Project, head.Indicator);
        // A number with no words of its own (…完成投资计划已过半，[达到]54.2%) measures what the clause before it names.
        // So does one whose words are only a discourse marker (娄底、邵阳…完成投资情况较好，[分别为]79.49%、…).
        if ((indicator.Count(char.IsLetter) < 2 || NonProjectNames.Default.Match(indicator)?.Kind == "discourse") && fallback is null
            && WordsBefore(clauseStart, partStart) is { } before) indicator = before;
        // Words the number has none of (13人（91月）: "（") name nothing: the fallback does.
        if (indicator.Count(char.IsLetter) < 2) indicator = fallback ?? "";
        if (project is null || project.Length < 2) project = indicator;
        if (indicator.Length < 2) indicator = project;
        return (project, indicator);
    }

    private Element Read(Quantity q, int clauseStart, int clauseEnd)
    {
        int start = ElementStart(q, clauseStart);
        string own = _text[start..q.Start].Trim();
        own = own[Math.Min(own.Length, LeadingPlaces(own))..];
        // 开工率分别为辽宁104.6%、…: the list's first key is no part of the name.
        if (_regions?.RespectiveLead(own) is { } lead) own = own[..lead.Start];
        // 已完成小水闸新建加固5座: a leading verb governs what follows; there is no subject.
        // A list under a leading verb (已完成小水闸新建加固6座、塘坝扩挖12口): each element is what the verb governs.
        string clauseHead = _text[clauseStart..start].Trim();
        clauseHead = clauseHead[Math.Min(clauseHead.Length, LeadingPlaces(clauseHead))..];
        bool opensWithVerb = LeadVerb().IsMatch(Adverbs().Replace(own, "")) || start > clauseStart && LeadVerb().IsMatch(Adverbs().Replace(clauseHead, ""));
        string words = Strip(own);
        int verb = Verb(words);
        // A verb followed by nothing but goal words (困难群众临时救助[目标任务]900人次) is part of the name, not its predicate.
        if (verb > 0 && EndsWithVerb(words) && Cues.GoalWords().IsMatch(own)) verb = -1;
        string? subject = !opensWithVerb && verb > 0 && AspectEnd().Replace(Strip(words[..verb]), "") is { Length: >= 2 } s ? s : null;
        string action = subject is not null ? words[verb..] : words;
        // A subject that names no project (区市场监管局累计完成监督抽检, 2014年共救助…) leaves the verb phrase and names nothing.
        bool spoken = subject is not null;
        if (NonProjectNames.Default.Rejects(subject)) subject = null;
        string indicator = ItemFigureBuilder.CleanName(Cues.CompletionBefore().Replace(action, "").TrimStart('已').TrimEnd('为', '达', '到', '约', '近', '了', '对'));
        // An investment done keeps its verb, as the labels name it (累计完成投资9.98亿元 → 累计完成投资).
        if (InvestmentDone().Match(own) is { Success: true } invested && indicator.EndsWith("投资", StringComparison.Ordinal)
            && !indicator.EndsWith(invested.Value, StringComparison.Ordinal))
            indicator = indicator[..^2] + invested.Value;
        string counted = Counted(q, clauseEnd);
        // A bare verb (建成200公里[农村公路]) names its quantity by the object after the number.
        // So does a verb right before it (新启动5个[改造项目]).
        if (indicator.Length <= 2 || verb < 0 || EndsWithVerb(words)) indicator = ItemFigureBuilder.CleanName(indicator + counted);
        // An element without words of its own (建设3100个农村公共厕所、285个旅游厕所) shares the clause's verb.
        if (words.Length == 0 && start > clauseStart) indicator = ItemFigureBuilder.CleanName(HeadVerb(clauseStart, start) + counted);
        // The same thing in a second unit (回迁群众0.25万户、0.89万人) keeps the first one's name.
        if (words.Length == 0 && counted.Length == 0 && _numbers.LastOrDefault(n => n.Start >= clauseStart && n.End < start) is { } first)
            return Read(first, clauseStart, clauseEnd);
        string closing = ClosingNoun(q, clauseEnd);
        bool selfNamed = !spoken && !opensWithVerb && words.Length >= 2 && verb != 0;
        string governed = verb == 0 ? words[VerbChainEnd(words)..] : "";
        return new Element(subject, indicator + closing, counted, closing, selfNamed, opensWithVerb || verb == 0 || words.Length == 0)
        {
            Object = ItemFigureBuilder.CleanName(governed),
        };
    }

    /// <summary>
    /// The name and verb of the amount at <paramref name="q"/> in a clause that lists as many names before 分别 as
    /// amounts after it (免费产前超声筛查、血清学产前筛查分别完成14.21万例、14.65万例), else null. Names too short to
    /// stand alone share the last name's head noun (企业养老、失业…、生育保险 → 失业保险).
    /// </summary>
    private (string Project, string Indicator)? Respectively(Quantity q, int clauseStart, int clauseEnd)
    {
        int at = _text.IndexOf("分别", clauseStart, q.Start - clauseStart, StringComparison.Ordinal);
        if (at < 0) return null;
        var amounts = _numbers.Where(n => n.Start > at && n.End <= clauseEnd).ToList();
        int index = amounts.FindIndex(n => n.Start == q.Start);
        string before = _text[clauseStart..at];
        before = before[Math.Min(before.Length, LeadingPlaces(before))..];
        var names = Strip(before, byKind: false).Split('、').Select(ItemFigureBuilder.CleanName).ToArray();
        if (index < 0 || amounts.Count < 2 || names.Length != amounts.Count || names.Any(n => n.Length == 0)) return null;
        int shortest = names.Min(n => n.Length);
        string head = shortest <= 2 && names[^1].Length > shortest ? names[^1][shortest..] : "";
        string name = names[index].EndsWith(head, StringComparison.Ordinal) ? names[index] : names[index] + head;
        string verb = ItemFigureBuilder.CleanName(Strip(_text[(at + 2)..amounts[0].Start]));
        // A share's base (分别完成年计划的112.3%、…) is no part of the names.
        if (verb.EndsWith('的')) verb = "";
        return name.Length < 2 ? null : (name, name + verb);
    }

    /// <summary>
    /// The name a list's introduction gives its elements (各市州完成率分别为： → 完成率), with the project of the sentence
    /// before it (全省共完成农村改厕任务491441户。→ 农村改厕); null unless the clause at <paramref name="clauseStart"/>
    /// follows a clause that ends with a colon, or is a later element of a list of places that does
    /// (…分别是:桂林市65.3%,崇左市60%,[贵港市]59.1%). A ranking's words (进度居前的3个市 → 进度: list-ranking-words.tsv)
    /// say how the places were picked, not what their rates measure.
    /// </summary>
    private (string? Project, string Indicator)? ListHead(int clauseStart, int floor)
    {
        clauseStart = PlaceListStart(clauseStart, floor);
        if (clauseStart - 1 <= floor || _text[clauseStart - 1] is not ('：' or ':')) return null;
        var (introStart, _) = ClauseAround(clauseStart - 2, floor);
        string intro = ItemFigureBuilder.CleanName(ListScope().Replace(ListVerb().Replace(Strip(_text[introStart..(clauseStart - 1)]), ""), ""));
        int ranked = RankingWords.Value.Select(w => intro.IndexOf(w, StringComparison.Ordinal)).Where(at => at >= 2).DefaultIfEmpty(-1).Min();
        if (ranked >= 2) intro = ItemFigureBuilder.CleanName(intro[..ranked]);
        // 从开工率看，…前5位的市州分别是：the clause before the introduction says what the rates measure.
        if (introStart - 1 > floor && _text[introStart - 1] is ',' or '，' && ClauseAround(introStart - 2, floor) is var (viewStart, _)
            && LooksAt().Match(_text[viewStart..(introStart - 1)].Trim()) is { Success: true } view)
            intro = view.Groups["measure"].Value;
        if (intro.Count(char.IsLetter) < 2) return null;
        int sentenceStart = SentenceStart(introStart, floor);
        var before = _numbers.LastOrDefault(n => n.Start >= floor && n.End <= sentenceStart && !n.IsPercent);
        return (before is null ? null : Name(before, floor).Project, intro);
    }

    /// <summary>从开工率看, 从完成率来看: what a ranking after it is by.</summary>
    [GeneratedRegex(@"^从(?<measure>[\u4e00-\u9fff]{2,8}?)(?:情况)?来?看$")]
    private static partial Regex LooksAt();

    /// <summary>
    /// The name a list of places and their rates gives its elements when its introduction opens the clause of its first
    /// place (开工率分别为辽宁104.6%、山西88.5%，江苏63.7%; 竣工率低于全市平均水平的有兴宁(43.90%)、丰顺(27.39%)): the words
    /// before that place, the list verb and ranking words (list-ranking-words.tsv) left out; null unless
    /// <paramref name="q"/> is one of at least two such rates and the introduction names something.
    /// </summary>
    private string? InlineListIntro(Quantity q, int clauseEnd, int floor)
    {
        if (!q.IsPercent || _regions is null) return null;
        var rates = _numbers.Where(n => n.Start >= PartStart(q.Start, floor) && n.End <= clauseEnd).ToList();
        int at = rates.FindIndex(n => n.Start == q.Start);
        if (at < 0) return null;
        // The list: back from q and on past it while each rate follows a place alone (、山西88.5%，江苏63.7%).
        int first = at, last = at;
        while (first > 0 && rates[first - 1].IsPercent && OnlyPlaces(Between(rates[first - 1], rates[first]))) first--;
        while (last + 1 < rates.Count && rates[last + 1].IsPercent && OnlyPlaces(Between(rates[last], rates[last + 1]))) last++;
        if (last == first) return null;
        var (openingStart, _) = ClauseAround(rates[first].Start, floor);
        if (first > 0 && rates[first - 1].End > openingStart) return null;
        string opening = _text[openingStart..rates[first].Start].TrimEnd('(', '（', ' ');
        int place = PlaceAtEnd(opening);
        if (place < 2) return null;
        string intro = ItemFigureBuilder.CleanName(ListScope().Replace(ListVerb().Replace(Strip(opening[..place]), ""), ""));
        int ranked = RankingWords.Value.Select(w => intro.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        // An introduction that is only how the places were picked (最慢的是铁岭市(62%)、…) names nothing.
        if (ranked >= 0) intro = ranked < 2 ? "" : ItemFigureBuilder.CleanName(intro[..ranked]);
        return intro.Count(char.IsLetter) >= 2 && !NonProjectNames.Default.Rejects(intro) ? intro : null;
    }

    /// <summary>The words between two rates of a list (）、丰顺（), brackets, separators and spaces left out.</summary>
    private string Between(Quantity a, Quantity b) =>
        _text[a.End..b.Start].TrimStart(')', '）', ' ', '、', ',', '，').TrimEnd('(', '（', ' ');

    /// <summary>True when <paramref name="words"/> are places and nothing else (丰顺, 山西, 南宁市西乡塘区).</summary>
    private bool OnlyPlaces(string words) =>
        words.Length >= 2 && _regions!.ListedPlaces(words) is [.., var place] && place.End == words.Length;

    /// <summary>
    /// Where the places that close <paramref name="words"/> start (开工率分别为[辽宁], …的有[兴宁]; a district after its
    /// city, [南宁市西乡塘区], is one place), or -1.
    /// </summary>
    private int PlaceAtEnd(string words)
    {
        for (int i = 0; i <= words.Length - 2; i++)
            if (OnlyPlaces(words[i..])) return i >= 2 && PlaceAtEnd(words[..i]) is >= 0 and var before ? before : i;
        return -1;
    }

    private static readonly Lazy<string[]> RankingWords =
        new(() => Learning.TsvFile.Column(ModelFiles.PathOf("rules/list-ranking-words.tsv"), "word").ToArray());

    /// <summary>
    /// Where the list of places the clause at <paramref name="clauseStart"/> belongs to starts: back over the earlier
    /// clauses of its sentence that are, like it, only a place and its percentage, joined by commas.
    /// </summary>
    private int PlaceListStart(int clauseStart, int floor)
    {
        int start = clauseStart;
        while (start - 1 > floor && _text[start - 1] is ',' or '，')
        {
            var (previous, _) = ClauseAround(start - 2, floor);
            if (previous >= start - 1 || !IsPlaceElement(previous, start - 1)) break;
            start = previous;
        }
        return start;
    }

    /// <summary>True when [start, end) is one place and its percentage (崇左市60%, 本溪(57.8%)) and nothing else.</summary>
    private bool IsPlaceElement(int start, int end)
    {
        var inside = _numbers.Where(n => n.Start >= start && n.End <= end).ToList();
        if (inside is not [{ IsPercent: true } rate]) return false;
        string words = _text[start..rate.Start].Trim().TrimEnd('(', '（');
        return words.Length >= 2 && LeadingPlaces(words) >= words.Length && _text[rate.End..end].Trim(')', '）', ' ').Length == 0;
    }

    /// <summary>
    /// Where the number's own words start: after the amount before it in its clause (and after a 、和及与 that ends that
    /// amount's element), unless that amount qualifies this one's name (投资500万元以上的项目150个); right at the number
    /// when it follows a 、 of a list of names (65岁以上老年人、4.5万名…).
    /// </summary>
    private int ElementStart(Quantity q, int clauseStart)
    {
        var previous = _numbers.LastOrDefault(n => n.Start >= clauseStart && n.End <= q.Start);
        if (previous is null || previous.IsBare || previous.End == q.Start || Qualifies().IsMatch(_text[previous.End..q.Start]))
            return q.Start > clauseStart && _text[q.Start - 1] == '、' ? q.Start : clauseStart;
        // A verb right after the amount before (投资1000万元修建…) starts this element; else it starts after the
        // separator that closes what that amount counts (3100个农村公共厕所、285个…).
        string between = _text[previous.End..q.Start];
        if (Verb(between) == 0) return previous.End;
        return previous.End + between.IndexOfAny(['、', '和', '及', '与']) + 1;
    }

    /// <summary>
    /// What the nearest earlier clause of the sentence part names: a topic clause (公租房项目，已开工442套), else the
    /// subject of its nearest element that has one (安置楼新开工21.8万平方米，竣工11.57万平方米; …建成4000公里、开工8000公里).
    /// </summary>
    private string? Earlier(Quantity q, int partStart, int clauseStart)
    {
        // A frame (育才护苗工程中，…) names what the whole part reports on.
        foreach (var (start, end) in Clauses.Of(_text, partStart, clauseStart))
            if (Frame().IsMatch(_text[start..end]) && Topic(start, end) is { } framed) return framed.EndsWith('中') ? framed[..^1] : framed.EndsWith("方面") ? framed[..^2] : framed;
        foreach (var earlier in _numbers.Where(n => n.Start >= clauseStart && n.End <= q.Start).Reverse())
            if (Read(earlier, clauseStart, q.Start).Subject is { } inClause) return inClause;
        foreach (var (start, end) in Clauses.Of(_text, partStart, clauseStart).AsEnumerable().Reverse())
        {
            if (Topic(start, end) is { } topic) return topic;
            foreach (var earlier in _numbers.Where(n => n.Start >= start && n.End <= end).Reverse())
                if (Read(earlier, start, end).Subject is { } subject) return subject;
        }
        return null;
    }

    /// <summary>
    /// The clause text[start..end] as a topic, when it states no amount and names a thing (not a date, a discourse
    /// marker, a list's introduction such as 这十件民生实事是：, nor work done): its quoted name when it has one.
    /// </summary>
    private string? Topic(int start, int end)
    {
        string clause = _text[start..end];
        // A clause that announces how a thing stands (…发布了各县(市)、区截止到10月底的公办园建设情况) names that thing.
        if (ReportedState().Match(clause) is { Success: true } reported && Named(Strip(reported.Groups["thing"].Value)) is { } thing) return thing;
        if (!StatesNoAmount(clause) || ListIntroduction().IsMatch(clause)) return null;
        var quoted = Quoted().Match(clause);
        // A clause that reports work done (涉及的47个县已全部开工建设) is no topic; a tally of the projects it names
        // (重点建设项目共计196个) reports none.
        if (!quoted.Success && Cues.Governing().IsMatch(ProjectTallyEnd().Replace(clause, ""))) return null;
        string topic = quoted.Success ? quoted.Groups[1].Value : Strip(clause);
        return topic.Length is >= 2 and <= 30 && !NonProjectNames.Default.Rejects(topic) ? topic : null;
    }

    /// <summary>
    /// What the nearest of the (up to three) sentences before <paramref name="sentenceStart"/> opens with: the topic of its
    /// first clause that is more than a filler or a date, else the subject of that clause's first amount (…项目新开工及在建项目45项), when it names a project
    /// (项目, 工程, 实事) or opens the unit; null when the nearest one that opens with a name names none.
    /// </summary>
    private string? ParagraphTopic(int sentenceStart, int floor)
    {
        int end = sentenceStart;
        for (int back = 0; back < 3 && end - 1 > floor; back++)
        {
            int start = SentenceStart(end - 1, floor);
            // Its first clause that says something (not 其中，nor 截至目前，).
            var first = Clauses.Of(_text, start, end).FirstOrDefault(c => Named(Strip(_text[c.Start..c.End])) is not null);
            if (first.End > first.Start)
            {
                var named = Topic(first.Start, first.End)
                    ?? _numbers.Where(n => n.Start >= first.Start && n.End <= first.End).Select(n => Read(n, first.Start, first.End).Subject).FirstOrDefault(s => s is not null);
                // Only a project's name carries over a sentence (…改造和房地产项目), not any words a sentence opens with;
                // the unit's first sentence (a numbered item's title: 一、保障好重点群体就业，…) names its project.
                if (named is not null) return ProjectNoun().IsMatch(named) || start == floor ? named : null;
            }
            end = start;
        }
        return null;
    }

    /// <summary>The words of the clause before <paramref name="clauseStart"/> in its sentence part, when it states no number; else null.</summary>
    private string? WordsBefore(int clauseStart, int partStart)
    {
        if (clauseStart - 2 < partStart) return null;
        var (start, end) = ClauseAround(clauseStart - 2, partStart);
        return _numbers.Any(n => n.Start >= start && n.End <= end) ? null : Named(Strip(_text[start..end]));
    }

    private static string? Named(string words) => words.Length >= 2 && words.Any(char.IsLetter) && !NonProjectNames.Default.Rejects(words) ? words : null;

    /// <summary>
    /// A clause whose numbers, if any, only count the projects it names (20件重点民生实事落地见效, 15个民生工程), with no
    /// verb before them (新启动4个项目的房屋征收工作 states progress).
    /// </summary>
    private static bool StatesNoAmount(string clause)
    {
        string words = clause.TrimEnd('，', ',', '；', ';', '：', ':', '。', ' ');
        var numbers = NumberRecognizer.Find(words);
        // The count may close the clause after the projects it counts (预备重点项目17项，完成投资…).
        return numbers.All(q => q.Unit is "件" or "项" or "个" or "类" or "批" or "宗"
                && (q.End < words.Length && char.IsLetter(words[q.End]) || q.End == words.Length && ProjectNounEnd().IsMatch(words[..q.Start])))
            && (numbers.Count == 0 || Verb(words[..numbers[0].Start]) < 0);
    }

    /// <summary>What a number counts when its clause goes on (完成对2735家[加油站]): the words after it up to a break or the next number.</summary>
    private string Counted(Quantity q, int clauseEnd)
    {
        int end = q.End;
        while (end < clauseEnd && !Clauses.EndsClause(_text, end) && _text[end] is not ('、' or '的' or '和') && !_numberStarts.Contains(end)) end++;
        return ItemFigureBuilder.CleanName(_text[q.End..end]);
    }

    /// <summary>The noun a clause closes on after its last number and a 的 (…加油枪的[计量检定]).</summary>
    private string ClosingNoun(Quantity q, int clauseEnd)
    {
        string rest = _text[q.End..clauseEnd];
        int of = rest.LastIndexOf('的');
        if (of < 0 || rest.IndexOfAny("0123456789".ToCharArray(), of) >= 0) return "";
        string noun = ItemFigureBuilder.CleanName(rest[(of + 1)..]);
        return noun.Length is >= 2 and <= 12 ? noun : "";
    }

    /// <summary>The verb a clause opens its list with (建设 of 建设3100个…、285个…), or "".</summary>
    private string HeadVerb(int clauseStart, int elementStart)
    {
        var first = _numbers.FirstOrDefault(n => n.Start >= clauseStart);
        string head = Strip(_text[clauseStart..(first is not null && first.Start < elementStart ? first.Start : elementStart)]);
        return Verbs(head).Select(v => v.Word).FirstOrDefault() ?? "";
    }

    /// <summary>
    /// Where the first progress verb that is a whole word (by the segmenter) starts, or -1. A verb that heads a
    /// project noun (改造项目, 建设工程) is part of a name.
    /// </summary>
    private static int Verb(string words) => Verbs(words).Select(v => v.At).DefaultIfEmpty(-1).First();

    private static bool EndsWithVerb(string words) => Verbs(words).Any(v => v.At + v.Word.Length >= words.Length - 1);

    private static IEnumerable<(int At, string Word)> Verbs(string words)
    {
        if (words.Length == 0) yield break;
        var verbs = CandidateFinder.Default.Verbs(words);
        if (verbs.Count == 0) yield break;  // most words hold no verb: no need to cut them
        var tokens = JiebaSegmenter.Load().Cut(words);
        var starts = tokens.Select(t => t.Start).ToHashSet();
        var ends = tokens.Select(t => t.End).ToHashSet();
        foreach (var (at, word) in verbs)
            if (starts.Contains(at) && ends.Contains(at + word.Length) && !NameNoun().IsMatch(words[(at + word.Length)..]))
                yield return (at, word);
    }

    private (int Start, int End) ClauseAround(int index, int floor)
    {
        int start = index;
        while (start > floor && !Clauses.EndsClause(_text, start - 1)) start--;
        int end = index;
        while (end < _text.Length && !Clauses.EndsClause(_text, end)) end++;
        return (start, end);
    }

    private int SentenceStart(int index, int floor)
    {
        int start = index;
        while (start > floor && !Clauses.EndsSentence(_text[start - 1])) start--;
        return start;
    }

    /// <summary>A sentence part (<see cref="Clauses.PartStart"/>): a ； separates the projects of a list sentence.</summary>
    private int PartStart(int index, int floor) => Clauses.PartStart(_text, floor, index);

    /// <summary>The words of a name: amounts (48件民生实事), scope and time words, goal words and quotes left out.</summary>
    /// <param name="byKind">Whether names listed as examples of a kind are named by the kind (<see cref="Category"/>).</param>
    private static string Strip(string words, bool byKind = true)
    {
        foreach (var q in NumberRecognizer.Find(words).Reverse()) words = words.Remove(q.Start, q.End - q.Start);
        string s = Cues.GoalWords().Replace(Cues.LeadingFiller().Replace(RegionLead().Replace(words.Trim(), ""), ""), "");
        s = RegionLead().Replace(s, "");
        s = Adverbs().Replace(Cues.LeadingFiller().Replace(s, ""), "");
        string name = ItemFigureBuilder.CleanName(s.Trim('“', '”', '"', ' ').TrimStart('对', '为'));
        return byKind ? Category(name) : name;
    }

    /// <summary>
    /// Names listed as examples of a kind (太和城遗址、杨杰将军故居等文物修缮; 新建和改造福山郊野公园福道、…和步道等城市绿道共计)
    /// are named by the kind after 等, a leading verb kept (新建和改造城市绿道), a closing 共计 left out.
    /// </summary>
    private static string Category(string words)
    {
        words = TotalEnd().Replace(words, "");
        int etc = words.LastIndexOf('等');
        if (etc < 0 || words.Length - etc - 1 < 2 || !char.IsLetter(words[etc + 1]) || words.IndexOf('、') is var comma && (comma < 0 || comma > etc)) return words;
        // The verb chain that governs the list (新建和改造) stays.
        int lead = VerbChainEnd(words[..etc]);
        return words[..lead] + words[(etc + 1)..];
    }

    /// <summary>Where the verbs that open <paramref name="words"/> end (新建和改造 of 新建和改造城市绿道: 5), or 0.</summary>
    internal static int VerbChainEnd(string words)
    {
        int lead = 0;
        foreach (var (at, word) in Verbs(words))
        {
            if (at > lead + 1 || at == lead + 1 && words[lead] is not ('和' or '或' or '及' or '、')) break;
            lead = at + word.Length;
        }
        return lead;
    }

    /// <summary>Adverbs that open a verb phrase (全面建成, 继续实施): no subject. 重点 before a project noun names a kind of project (重点建设项目).</summary>
    [GeneratedRegex(@"^(全面|继续|积极|加快|进一步|大力|着力|稳步|持续|深入|扎实|切实|率先|基本|重点(?!(建设)?(项目|工程))|全力|提前|计划|拟|将|新(?=启动|开工|实施|改造))+")]
    private static partial Regex Adverbs();

    [GeneratedRegex(@"(项目|工程|实事)")]
    private static partial Regex ProjectNoun();

    [GeneratedRegex(@"(共计|合计|总计)$")]
    private static partial Regex TotalEnd();

    /// <summary>Words that end in what a count of projects counts (…在建项目, 民生实事).</summary>
    [GeneratedRegex(@"(项目|工程|实事)(共计|共有|共|合计)?$")]
    private static partial Regex ProjectNounEnd();

    /// <summary>The tally that closes a clause naming projects (…项目共计196个，): its 共计 governs no amount done.</summary>
    [GeneratedRegex(@"(?<=(项目|工程|实事))(共计|共有|共|合计)[0-9.]+[件项个类批宗][，,；;：:。]?$")]
    private static partial Regex ProjectTallyEnd();

    [GeneratedRegex(@"^(项目|工程|工作|行动|任务|资金|中心|站)")]
    private static partial Regex NameNoun();

    [GeneratedRegex(@"^(已经|已|完成了?|累计|共计|合计|共)")]
    private static partial Regex LeadVerb();

    /// <summary>Between two amounts of one name: the first qualifies it (500万元以上的项目) or is its old level (从500元提高到600元).</summary>
    [GeneratedRegex(@"^(的|以上|以下|左右|及以上|多|余)|^(提高|提升|增加|上调|调整|增至)?(到|至)$")]
    private static partial Regex Qualifies();

    [GeneratedRegex(@"(?<=..)(中|方面)[，,：:]$")]
    private static partial Regex Frame();

    [GeneratedRegex(@"(是|为|包括|如下|主要有|有|如)[：:]$")]
    private static partial Regex ListIntroduction();

    /// <summary>The words that introduce a list's elements (分别为, 如下): not part of their name.</summary>
    [GeneratedRegex(@"(分别|依次)?(是|为|有|包括|如下|主要有)?[：:]?$")]
    private static partial Regex ListVerb();

    /// <summary>The verb of an investment done, right before its amount.</summary>
    [GeneratedRegex(@"(累计)?完成(固定资产)?投资(额)?$")]
    private static partial Regex InvestmentDone();

    /// <summary>Aspect words between a subject and its verb (太原市已经新开工…): not part of the subject.</summary>
    [GeneratedRegex(@"(已经|已|均|正在|全部)+新?$")]
    private static partial Regex AspectEnd();

    /// <summary>A standard raised from its old level to the amount that follows (…补贴从每人每月285元提高到每人每月).</summary>
    [GeneratedRegex(@"^(?<name>[^从]{2,40}?)从[^，,；;。]*?(提高|提升|提标|上调|增加)(到|至)[^，,；;。]{0,20}$")]
    private static partial Regex Raise();

    /// <summary>The places a list goes through (各市州, 各县市区): not part of its elements' name.</summary>
    [GeneratedRegex(@"^各(市州|县市区|县区|市|县|区|乡镇|街道|地)+")]
    private static partial Regex ListScope();

    [GeneratedRegex(@"[“""‘]([^”""’]{2,30})[”""’]")]
    private static partial Regex Quoted();

    /// <summary>The thing whose state a clause announces: the words after its last 的 before a closing 情况 (…的公办园建设情况).</summary>
    [GeneratedRegex(@"的(?<thing>[^的，,。；;：:]{2,20})情况[，,：:；;]?$")]
    private static partial Regex ReportedState();

    [GeneratedRegex(@"^(截至|截止)[^，,]{0,12}?(底|末|日|止|前)|^(据介绍|统计显示|最新数据显示|数据显示|记者获悉|据统计|经初步统计|根据[^，,]{0,15}(情况|报告|数据|统计))|^(我省|我市|我县|我区|本市|本县|本区|全国|全省|全州|全盟|全旗)")]
    private static partial Regex RegionLead();
}
