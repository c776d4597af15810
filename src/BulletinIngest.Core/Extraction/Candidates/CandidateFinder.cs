using BulletinIngest.Extraction.Assembly;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Candidates;

/// <summary>
/// Every number mention of a unit of text becomes a candidate (nothing is filtered here): the recognizer's
/// amounts and percentages, each with its cue words (models/rules/role-cues.tsv), its kind, the section
/// kind and whether the document is a plan, and its relations to its neighbours.
/// </summary>
public sealed class CandidateFinder
{
    private sealed record Cue(string Feature, string Where, string[] Words);

    private readonly List<Cue> _cues;

    /// <summary>Words that hold a cue word without being it (公共 holds 共): masked before cues are matched.</summary>
    private readonly string[] _notCues;

    private CandidateFinder(List<Cue> cues)
    {
        _notCues = cues.Where(c => c.Feature == NotACue).SelectMany(c => c.Words).ToArray();
        _cues = cues.Where(c => c.Feature != NotACue).ToList();
        _verbs = _cues.Where(c => c.Feature is "done" or "progress").SelectMany(c => c.Words).Distinct().ToArray();
        _verbStarts = System.Buffers.SearchValues.Create(_verbs.Select(w => w[0]).Distinct().ToArray());
    }

    /// <summary>The progress verbs (features done, progress), each once, in the file's order; computed once, asked for every name.</summary>
    private readonly string[] _verbs;

    /// <summary>The characters a progress verb starts with: words without one hold no verb.</summary>
    private readonly System.Buffers.SearchValues<char> _verbStarts;

    private const string NotACue = "not-a-cue";

    /// <summary>The text with each word of <see cref="_notCues"/> blanked (same length, so offsets hold).</summary>
    private string Masked(string text)
    {
        foreach (var word in _notCues) text = text.Replace(word, new string('□', word.Length), StringComparison.Ordinal);
        return text;
    }

    private static readonly Lazy<CandidateFinder> Loaded = new(() => FromFile(ModelFiles.PathOf("rules/role-cues.tsv")));
    public static CandidateFinder Default => Loaded.Value;

    public static CandidateFinder FromFile(string path) => new(TsvFile.Read(path)
        .Select(r => new Cue(r["feature"], r["where"], r["words"].Split('|', StringSplitOptions.RemoveEmptyEntries)
            .OrderByDescending(w => w.Length).ToArray()))
        .ToList());

    /// <summary>Where the first progress verb of role-cues.tsv (features done, progress) starts in <paramref name="words"/>, or -1.</summary>
    public int FirstVerb(string words)
    {
        int first = -1;
        if (words.AsSpan().IndexOfAny(_verbStarts) < 0) return first;
        foreach (var word in _verbs)
        {
            int at = words.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first;
    }

    /// <summary>The words of one feature of role-cues.tsv (share: 占; completion: 完成率, 计划的 …).</summary>
    public IEnumerable<string> WordsOf(string feature) => _cues.Where(c => c.Feature == feature).SelectMany(c => c.Words);

    /// <summary>True when <paramref name="words"/> hold a progress verb of role-cues.tsv.</summary>
    public bool HasVerb(string words) => FirstVerb(words) >= 0;

    /// <summary>Every progress verb of role-cues.tsv (features done, progress) in <paramref name="words"/>, leftmost first, longest first at one place.</summary>
    public IReadOnlyList<(int At, string Word)> Verbs(string words)
    {
        if (words.AsSpan().IndexOfAny(_verbStarts) < 0) return [];
        var found = new List<(int At, string Word)>();
        foreach (var word in _verbs)
            foreach (int at in Occurrences(words, word)) found.Add((at, word));
        return found.Count <= 1 ? found : found.OrderBy(v => v.At).ThenByDescending(v => v.Word.Length).ToList();
    }

    private static IEnumerable<int> Occurrences(string words, string word)
    {
        for (int at = words.IndexOf(word, StringComparison.Ordinal); at >= 0; at = words.IndexOf(word, at + 1, StringComparison.Ordinal))
            yield return at;
    }

    private const int AdjacentWindow = 10;

    /// <param name="regions">tells region names from item names in lists (长沙市76.43%、… is no named list).</param>
    public List<Candidate> Find(string text, SectionKind section, bool isPlan, bool looseInItemized = false, RegionResolver? regions = null)
    {
        var candidates = new List<Candidate>();
        var quantities = NumberRecognizer.Find(text);
        string cueText = Masked(text);
        foreach (var (sentenceStart, sentenceEnd) in Clauses.Sentences(text))
        {
            var clauses = Clauses.Of(text, sentenceStart, sentenceEnd);
            var named = NamedPercentList.Find(text, quantities, sentenceStart, sentenceEnd, regions).Select(e => e.Percent).ToHashSet();
            foreach (var q in quantities.Where(q => q.Start >= sentenceStart && q.Start < sentenceEnd))
            {
                var (clauseStart, clauseEnd) = clauses.First(c => q.Start >= c.Start && q.Start < c.End);
                var candidate = new Candidate
                {
                    Q = q, Index = candidates.Count, SentenceStart = sentenceStart, SentenceEnd = sentenceEnd,
                    ClauseStart = clauseStart, ClauseEnd = clauseEnd,
                };
                candidate.Add(q.IsPercent ? "percent" : q.IsBare ? "bare" : "amount");
                if (q.Unit?.Contains('/') == true) candidate.Add("unit:per-period", q.Unit);
                if (q.Qualifier is not null) candidate.Add("bound", q.Qualifier);
                if (q.Approximate) candidate.Add("approximate");
                if (isPlan) candidate.Add(q.IsPercent ? "plan:percent" : "plan");
                if (section != SectionKind.Progress) candidate.Add("section:" + section.ToString().ToLowerInvariant());
                if (looseInItemized) candidate.Add("loose-in-itemized");
                if (named.Contains(q)) candidate.Add("named-list");
                // A list element (其中政策文件66条、建设内容53条) starts after the number before it in its clause.
                var inClause = candidates.Where(o => o.ClauseStart == clauseStart && o.SentenceStart == sentenceStart).ToList();
                int from = inClause.Count > 0 ? inClause[^1].Q.End : clauseStart;
                int headEnd = inClause.Count > 0 ? inClause[0].Q.Start : clauseStart;
                candidate.ElementStart = ElementStart(text, from, q.Start, clauseStart);
                AddCues(candidate, cueText, from, headEnd);
                AddListHeadCues(candidate, cueText, clauses, quantities);
                candidates.Add(candidate);
            }
        }
        ShareDoneInFull(candidates, text);
        AddNeighbours(candidates, text);
        if (regions is not null) MarkPlaceBreakdowns(candidates, text, regions);
        return candidates;
    }

    /// <summary>
    /// A breakdown by place (其中市本级17条、闽侯1条、长乐市2条; 福州市本级8.5公里，鼓楼10公里、台江3公里): two or more
    /// amounts of one unit in a sentence, each named only by a place (or 本级, the issuer's own share), are the places'
    /// figures, not parts of a total to leave out. The region comes from the element (FigureAssembler.Region).
    /// So are two or more percentages each named only by a place (各市(州)资金到位率:金昌市 92%、 庆阳市 90%、…;
    /// …分别是:桂林市65.3%,崇左市60%; 依次是古田县(104.9%)、蕉城区(103.5%)): each place's rate, not shares of an amount before the list.
    /// </summary>
    private static void MarkPlaceBreakdowns(List<Candidate> candidates, string text, RegionResolver regions)
    {
        foreach (var sentence in candidates.GroupBy(c => c.SentenceStart))
        {
            var run = new List<(Candidate C, string Place)>();
            foreach (var c in sentence.Append(null))
            {
                string? place = c is { Q.IsBare: false } ? PlaceNaming(text[c.ElementStart..c.Q.Start], regions)
                    ?? (c.IsPercent ? regions.PlaceBeforeBracket(text, c.Q.Start, c.ClauseStart)?.Canonical : null) : null;
                if (place is not null && (run.Count == 0 || run[0].C.Q.Unit == c!.Q.Unit))
                {
                    run.Add((c!, place));
                    continue;
                }
                if (run.Count >= 2) MarkRun(run, candidates, text);
                run.Clear();
                if (place is not null) run.Add((c!, place));
            }
        }
    }

    private static void MarkRun(List<(Candidate C, string Place)> run, List<Candidate> candidates, string text)
    {
        // The total broken down: the nearest amount of the unit before the run, in this sentence or the one before.
        var first = run[0].C;
        int from = PreviousSentenceStart(candidates, first.SentenceStart);
        var total = candidates.LastOrDefault(o => o.ClauseStart < first.ClauseStart && o.Index < first.Index && o.Q.Unit == first.Q.Unit && !o.IsPercent && o.SentenceStart >= from);
        foreach (var (c, place) in run)
        {
            c.Place = place;
            if (c.IsPercent) continue;
            c.PartOf = total?.Q;
            c.Add("place-breakdown", text[c.ElementStart..c.Q.Start]);
        }
    }

    private static int PreviousSentenceStart(List<Candidate> candidates, int sentenceStart) =>
        candidates.Where(o => o.SentenceStart < sentenceStart).Select(o => o.SentenceStart).DefaultIfEmpty(sentenceStart).Max();

    /// <summary>The place that words name and nothing else (其中闽侯, 长乐市, 市本级 → the issuer), or null.</summary>
    private static string? PlaceNaming(string words, RegionResolver regions)
    {
        words = words.Trim(' ', '，', ',', '；', ';', '：', ':');
        if (words.StartsWith("其中", StringComparison.Ordinal)) words = words[2..].TrimStart('，', ',', '：', ':');
        if (words.EndsWith("本级", StringComparison.Ordinal))
        {
            words = words[..^2];
            if (words is "省" or "市" or "州" or "县" or "区") return regions.Issuing?.Name;
        }
        return words.Length == 0 ? null : (regions.PlaceOnly(words) ?? regions.RespectiveLead(words))?.Canonical;
    }

    private void AddCues(Candidate c, string text, int from, int headEnd)
    {
        // A list element shares its clause's head (已完成对2735家加油站、26408把加油枪): clause-wide cues read the head too.
        string head = text[c.ClauseStart..headEnd];
        string before = text[from..c.Q.Start];
        string adjacent = before.Length > AdjacentWindow ? before[^AdjacentWindow..] : before;
        string lead = Cues.LeadingFiller().Replace(before, "");
        string after = text[c.Q.End..c.ClauseEnd];
        // A cue may follow what the number counts (186条全部完工): the clause after it, up to its next number.
        string rest = after[..NumberRecognizer.Find(after).Select(q => q.Start).DefaultIfEmpty(after.Length).First()];
        // A verb after the last number of its clause governs that number (8件已提前完成), not one before another number (40件实事已完成36件).
        string tail = rest.Length == after.Length ? after : "";
        // The clauses after its own (新建40公里、…维修改造70.8公里，现已全部完工): what they say of the work holds for the
        // clause's numbers, unless it is still to come (将全部完工). later: to the sentence's end, when no number stands there;
        // following: up to the next clause that states a number (建设14个阳光儿童体育乐园，全面完成目标任务；完成2个…).
        string following = UpToNextNumber(text[c.ClauseEnd..c.SentenceEnd]);
        string later = following.Length == c.SentenceEnd - c.ClauseEnd ? following : "";
        foreach (var cue in _cues)
        {
            string? word = cue.Where switch
            {
                "adjacent" => cue.Words.FirstOrDefault(w => adjacent.Contains(w, StringComparison.Ordinal)),
                "clause" => cue.Words.FirstOrDefault(w => before.Contains(w, StringComparison.Ordinal) || head.Contains(w, StringComparison.Ordinal)),
                "lead" => cue.Words.FirstOrDefault(w => lead.StartsWith(w, StringComparison.Ordinal)),
                "after" => cue.Words.FirstOrDefault(w => after.StartsWith(w, StringComparison.Ordinal)),
                "rest" => cue.Words.FirstOrDefault(w => rest.Contains(w, StringComparison.Ordinal)),
                "tail" => cue.Words.FirstOrDefault(w => tail.Contains(w, StringComparison.Ordinal)),
                "later" => StatedDone(cue.Words, later),
                "following" => StatedDone(cue.Words, following),
                _ => null,
            };
            if (word is not null) c.Add(cue.Feature, word);
        }
        // The goal word inside a completion phrase (完成年度目标任务的82.3%) does not make the percentage a goal.
        if (c.IsPercent && c.Cues.ContainsKey("completion")) c.Cues.Remove("goal");
        // A task named after its progress verb (共完成农村改厕任务491441户) is what was done, not a goal.
        else if (c.Cues.TryGetValue("goal", out var goalWord))
        {
            int verb = FirstVerb(before);
            if (verb >= 0 && verb < before.IndexOf(goalWord, StringComparison.Ordinal)) c.Cues.Remove("goal");
        }
    }

    /// <summary>The first of <paramref name="words"/> that <paramref name="clauses"/> state with no word of what is still to come before it (将全部完工).</summary>
    private static string? StatedDone(string[] words, string clauses) =>
        words.FirstOrDefault(w => clauses.IndexOf(w, StringComparison.Ordinal) is >= 0 and var at && !Cues.Future().IsMatch(clauses[..at]));

    /// <summary>The clauses of <paramref name="clauses"/> before the first one that states a number (all of them when none does).</summary>
    private static string UpToNextNumber(string clauses)
    {
        if (NumberRecognizer.Find(clauses).FirstOrDefault() is not { } first) return clauses;
        for (int i = first.Start - 1; i >= 0; i--)
            if (Clauses.EndsClause(clauses, i)) return clauses[..(i + 1)];
        return "";
    }

    /// <summary>
    /// Parallel amounts before one statement that the work was done in full (规划的20所新建幼儿园、15万平方米新建改建义务教育学校校舍、
    /// 5万平方米…校舍已全部开工; 完成16个农民体育健身工程，建成5个全民健身路径工程，建设14个阳光儿童体育乐园，全面完成目标任务):
    /// the statement holds for each of them, not only for the last. An amount reads the done-in-full cue of the amount right
    /// after it when that is the next element of its 、 list, or, after a comma, the only number of the next clause and
    /// done in full by a clause of its own after it (all-done-later: 空白乡镇邮政局补建553个全部开工 speaks of 553 alone).
    /// Not a part (其中5所已全部完工), not money: amounts of money in a row are the stages of one budget (下达投资41.84亿元，
    /// 资金到位38亿元，完成投资37.11亿元，全面完成年度建设任务), not parallel works.
    /// </summary>
    private static void ShareDoneInFull(List<Candidate> candidates, string text)
    {
        for (int k = candidates.Count - 1; k > 0; k--)
        {
            var (c, next) = (candidates[k - 1], candidates[k]);
            if (c.SentenceStart != next.SentenceStart || !IsWork(c) || !IsWork(next) || next.Cues.ContainsKey("subset")) continue;
            if (FigureAssembler.DoneInFull(c) || c.Cues.ContainsKey("exceeded") || !FigureAssembler.DoneInFull(next)) continue;
            bool nextElement = next.ClauseStart == c.ClauseStart && next.ElementStart > next.ClauseStart;
            bool nextClause = next.ClauseStart == c.ClauseEnd && text[c.ClauseEnd - 1] is '，' or ','
                && next.Cues.ContainsKey("all-done-later") && (k + 1 == candidates.Count || candidates[k + 1].ClauseStart != next.ClauseStart);
            if (nextElement) c.Add("all-done-later", next.Cues.GetValueOrDefault("all-done-later") ?? next.Cues["all-done"]);
            else if (nextClause) c.Add("all-done-later", next.Cues["all-done-later"]);
        }
    }

    /// <summary>An amount of work (not a percentage, a bare number or money).</summary>
    private static bool IsWork(Candidate c) => !c.IsPercent && !c.Q.IsBare && c.Q.Unit != "元";

    /// <summary>
    /// Where a list element's own words start (长沙市76.43%、[衡阳市]28.85%): after the last 、 since the number
    /// before it in the clause; the clause start when the mention is not a list element.
    /// </summary>
    private static int ElementStart(string text, int from, int numberStart, int clauseStart)
    {
        if (from == clauseStart) return clauseStart;
        int mark = text.LastIndexOf('、', numberStart - 1, numberStart - from);
        return mark < 0 ? clauseStart : mark + 1;
    }

    /// <summary>
    /// A clause that introduces a list (各市州完成率分别为：长沙市76.43%、衡阳市28.85%) and states no number itself:
    /// the numbers of the clause after it read its cues as if they stood right after it.
    /// </summary>
    private void AddListHeadCues(Candidate c, string text, IReadOnlyList<(int Start, int End)> clauses, IReadOnlyList<Quantity> quantities)
    {
        int k = 0;
        while (k < clauses.Count && clauses[k].Start != c.ClauseStart) k++;
        if (k == 0 || k == clauses.Count) return;
        var (headStart, headEnd) = clauses[k - 1];
        if (text[headEnd - 1] is not ('：' or ':')) return;
        if (quantities.Any(q => q.Start >= headStart && q.Start < headEnd)) return;
        var head = new Candidate
        {
            Q = c.Q with { Start = headEnd, End = headEnd }, Index = -1, SentenceStart = c.SentenceStart, SentenceEnd = c.SentenceEnd,
            ClauseStart = headStart, ClauseEnd = headEnd,
        };
        AddCues(head, text, headStart, headStart);
        foreach (var (feature, cue) in head.Cues) c.Add(feature, cue);
    }

    /// <summary>
    /// A share or rate follows the amount in its own or the next clause (9项指标提前完成，占比60% / 开工146419套，开工率为88.1%):
    /// the percentage measures this amount, so it is a part or an amount done, not the whole of a later one.
    /// </summary>
    private static bool MeasuredBy(Candidate c, List<Candidate> later, string text) =>
        later.FirstOrDefault() is { IsPercent: true } next && next.ClauseStart <= c.ClauseEnd + 1
        && (text[c.Q.End..next.Q.Start].Contains('占') || next.Cues.ContainsKey("rate") || next.Cues.ContainsKey("completion"));

    /// <summary>
    /// 20件民生大事，已完成3件 / 民生工程项目112个小项，全面完成全年目标任务的有46项: a whole that closes a clause
    /// without a verb, and in the next clause a part of the same unit (or of the unit the whole's noun ends in)
    /// after a progress verb.
    /// </summary>
    private static bool PartInNextClause(Candidate whole, Candidate part, string text)
    {
        if (part.IsPercent || part.Q.IsBare || part.ClauseStart != whole.ClauseEnd || part.Q.Value > whole.Q.Value) return false;
        string counted = text[whole.Q.End..whole.ClauseEnd].TrimEnd('，', ',', '；', ';', '：', ':');
        if (part.Q.Unit != whole.Q.Unit && !(part.Q.Unit is { Length: > 0 } unit && counted.EndsWith(unit, StringComparison.Ordinal))) return false;
        if (counted.Length > 6 || Default.HasVerb(counted) || Cues.Governing().IsMatch(text[whole.ClauseStart..whole.Q.Start])) return false;
        return Cues.Governing().IsMatch(text[part.ClauseStart..part.Q.Start]);
    }

    /// <summary>Tolerance, in percentage points, of a part / whole that the percentage after the part states.</summary>
    private const double RatioTolerance = 0.5;

    /// <summary>A later part of the same unit whose percentage (in its own or the next clause) is part / whole.</summary>
    private static bool RatioMatches(Candidate whole, Candidate part, List<Candidate> later)
    {
        if (part.IsPercent || part.Q.IsBare || part.Q.Unit != whole.Q.Unit || part.Q.Value >= whole.Q.Value || whole.Q.Value <= 0) return false;
        var percent = later.SkipWhile(o => o != part).Skip(1).FirstOrDefault();
        return percent is { IsPercent: true } && percent.ClauseStart <= part.ClauseEnd
            && Math.Abs(part.Q.Value / whole.Q.Value * 100 - percent.Q.Value) <= RatioTolerance;
    }

    private static bool Joiner(string between) => between is "和" or "、" or "及" or "与" or "," or "，";

    /// <summary>Relations between mentions of one sentence: a goal amount counted against later, a percentage that follows.</summary>
    private static void AddNeighbours(List<Candidate> candidates, string text)
    {
        // 82.3%和80.4%: the second of a pair joined by 和/、 reads with the cues of the first.
        for (int k = 1; k < candidates.Count; k++)
        {
            var (prev, c) = (candidates[k - 1], candidates[k]);
            if (prev.ClauseStart != c.ClauseStart || prev.IsPercent != c.IsPercent) continue;
            if (Joiner(text[prev.Q.End..c.Q.Start])) foreach (var (feature, cue) in prev.Cues) c.Add(feature, cue);
            // 完成率分别为长沙市76.43%、衡阳市28.85%: an element that only names its item reads the cues the first one had next to it.
            else if (c.IsPercent && c.ElementStart > c.ClauseStart && !Default.HasVerb(text[c.ElementStart..c.Q.Start]))
                foreach (var (feature, cue) in prev.Cues.Where(p => p.Key is "completion" or "rate" or "share")) c.Add(feature, cue);
        }
        foreach (var c in candidates)
        {
            if (c.IsPercent || c.Q.IsBare) continue;
            var later = candidates.Where(o => o.Index > c.Index && o.SentenceStart == c.SentenceStart).ToList();
            // 65件民生实事已完成26件 / 87个新开工项目已开工65个: the same unit again after a progress verb, same clause.
            // 承担省定项目58项，全面完成…的有28项，占48.3%: a later part of the same unit that a share measures, too.
            // 开工4.3万套、基本建成2.7万套: amounts of a list, each after its own verb, are parallel figures, not a goal and its part.
            bool verbBefore = Default.HasVerb(text[c.ElementStart..c.Q.Start]);
            var part = later.FirstOrDefault(o => o.Q.Unit == c.Q.Unit && o.Q.Value <= c.Q.Value && !o.IsPercent
                && !(verbBefore && text[c.Q.End..o.Q.Start].StartsWith('、'))
                && (o.ClauseStart == c.ClauseStart && (Cues.Governing().IsMatch(text[c.Q.End..o.Q.Start]) || o.Cues.ContainsKey("done-after") && !o.Cues.ContainsKey("all-done"))
                    || !Cues.Governing().IsMatch(text[c.ClauseStart..c.Q.Start]) && !MeasuredBy(c, later, text) && later.SkipWhile(x => x != o).Skip(1).FirstOrDefault() is { IsPercent: true } share && share.ClauseStart <= o.ClauseEnd + 1 && text[o.Q.End..share.Q.Start].Contains('占')));
            part ??= later.FirstOrDefault(o => PartInNextClause(c, o, text));
            if (part is not null) c.Add("pair:target-of-later", text[c.Q.End..part.Q.Start]);
            // 51件民生实事项目累计完成投资…；…等46件实事已提前完成，完成率90.2%: 46/51 is the stated percentage.
            else if (later.FirstOrDefault(o => RatioMatches(c, o, later)) is { } ratioPart)
                c.Add("pair:ratio-matches", $"{ratioPart.Q.Value}/{c.Q.Value}");
            // 20个为民办实事项目累计完成投入46.3亿元: a count before the verb, another unit after it, names the subject.
            var measured = later.FirstOrDefault(o => o.ClauseStart == c.ClauseStart && !o.IsPercent && o.Q.Unit != c.Q.Unit
                && Cues.Governing().IsMatch(text[c.Q.End..o.Q.Start]) && !Cues.Governing().IsMatch(text[c.ClauseStart..c.Q.Start]));
            if (measured is not null) c.Add("pair:counts-subject", text[c.Q.End..measured.Q.Start]);
            var nextPercent = later.FirstOrDefault(o => o.IsPercent);
            // An amount of a later clause between them is the one the percentage measures (推进12件…，累计完成投资5.6亿元，占…58.2%).
            if (nextPercent is not null && later.TakeWhile(o => o != nextPercent).All(o => o.IsPercent || (o.Q.Unit != c.Q.Unit && o.ClauseStart == c.ClauseStart)))
            {
                c.Add("percent-follows", nextPercent.Q.Value + "%");
                // 省级财政补助资金下达5.4519亿元，完成年度计划的104.44%: a completion in the next clause measures this amount.
                if (nextPercent.Cues.ContainsKey("completion") && nextPercent.ClauseStart == c.ClauseEnd && later[0] == nextPercent)
                    c.Add("completion-follows", nextPercent.Cues["completion"]);
            }
        }
    }
}
