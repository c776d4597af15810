using System.Text;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// Figures from text that is not a numbered item (news paragraphs, 、-chained narratives, sections a
/// keyword once skipped): every number is a candidate (<see cref="CandidateFinder"/>), scored for its role
/// (<see cref="RoleScorer"/>), and the roles are grouped into figures per sentence: a percentage measures
/// the nearest amount done before it (`分别A和B` in order), a goal joins the amount done of its unit
/// (`65件…已完成26件`), what stays alone is a figure of its own. Names come from <see cref="FigureNamer"/>;
/// the region from a region that opens the clause or sentence, else the paragraph's, else the document's.
/// </summary>
public sealed partial class FigureAssembler(RegionResolver regions, string issuingRegion, bool isPlan)
{
    private sealed class Slot(Candidate c, ScoredRole r)
    {
        public Candidate C { get; } = c;
        public ScoredRole R { get; } = r;
    }

    private sealed class Group
    {
        public Slot? Target, Actual, Percent;
        public bool Optional;
        public readonly List<string> How = [];
        public Slot Anchor => Actual ?? Target ?? Percent!;
        public string? Unit => Actual?.C.Q.Unit ?? Target?.C.Q.Unit;
    }

    /// <summary>The mentions scored as no figure, with the deciding features (for `bulletin text --explain`).</summary>
    public List<string> Rejected { get; } = [];

    /// <param name="taken">Starts of mentions another reader made figures of (<see cref="ProjectTally"/>): no candidates here.</param>
    public List<FigureDraft> Build(ItemUnit unit, bool itemized = false, IReadOnlySet<int>? taken = null)
    {
        string text = unit.Text.Text;
        var namer = new FigureNamer(text, regions);
        var candidates = CandidateFinder.Default.Find(text, unit.Kind, isPlan, unit.Loose && itemized, regions);
        var scored = candidates.Where(c => taken?.Contains(c.Q.Start) != true).Select(c => new Slot(c, Learning.RoleModel.RoleChoice.Score(c, text, candidates, unit.Heading))).ToList();
        foreach (var none in scored.Where(s => s.R.Role == MentionRole.None))
            Rejected.Add($"{text[none.C.Q.Start..none.C.Q.End]} in \"{text[none.C.ClauseStart..none.C.ClauseEnd]}\" ← {none.R.Explain()}");
        var figures = new List<FigureDraft>();
        foreach (var sentence in scored.GroupBy(s => s.C.SentenceStart))
            foreach (var group in Learning.Grouping.GroupingModel.Enabled
                         ? AssembleLearned(sentence.Where(s => s.R.Role != MentionRole.None).ToList(), text, candidates, unit.Heading)
                         : Assemble(sentence.Where(s => s.R.Role != MentionRole.None).ToList(), text))
                figures.Add(ToDraft(group, unit, text, namer));
        return figures;
    }

    private List<Group> Assemble(List<Slot> slots, string text)
    {
        var groups = slots.Where(s => s.R.Role == MentionRole.Actual).Select(s => new Group { Actual = s }).ToList();
        PairTasksWithDone(groups, text);
        AttachPercents(slots.Where(s => s.R.Role is MentionRole.Percent or MentionRole.Rate).ToList(), groups, text);
        foreach (var target in slots.Where(s => s.R.Role == MentionRole.Target))
        {
            // A goal joins the amount done of its unit after it (65件…已完成26件), else the one before it (完成X人，目标Y人).
            // A whole whose noun ends in the part's unit (96个小项，…的有41项) joins the part in the next clause.
            var group = groups.FirstOrDefault(g => g.Target is null && g.Actual is not null && g.Actual.C.Index > target.C.Index && !BreakdownOf(text, target.C, g.Actual.C)
                    && (g.Unit == target.C.Q.Unit || target.C.Cues.ContainsKey("pair:target-of-later") && g.Actual.C.ClauseStart == target.C.ClauseEnd)
                    && (!target.C.Cues.TryGetValue("pair:ratio-matches", out var ratio) || ratio.StartsWith(g.Actual.C.Q.Value + "/", StringComparison.Ordinal)))
                ?? groups.LastOrDefault(g => g.Target is null && g.Actual is not null && g.Actual.C.Index < target.C.Index && g.Unit == target.C.Q.Unit
                    && g.Actual.C.ClauseEnd >= target.C.ClauseStart - 1);
            if (group is null) groups.Add(group = new Group());
            else group.How.Add("goal joins the amount done of its unit");
            group.Target = target;
            ShareWhole(target, group, groups);
        }
        return groups.OrderBy(g => g.Anchor.C.Index).ToList();
    }

    /// <summary>A whole counted against several parts (58项…完成的有28项，占48.3%；按进度实施的有27项，占46.5%) is each one's target.</summary>
    private static void ShareWhole(Slot target, Group group, List<Group> groups)
    {
        if (!target.C.Cues.ContainsKey("pair:target-of-later")) return;
        foreach (var part in groups.Where(g => g != group && g.Target is null && g.Actual is not null && g.Actual.C.Index > target.C.Index
                     && g.Unit == target.C.Q.Unit && g.Actual.C.Q.Value <= target.C.Q.Value && g.Percent is not null))
        {
            part.Target = target;
            part.How.Add("the whole the part is counted against");
        }
    }

    /// <summary>The field of a figure a mention's role fills (a rate is a percentage).</summary>
    private static string Field(Slot s) => s.R.Role switch
    {
        MentionRole.Target => "target",
        MentionRole.Actual => "actual",
        _ => "percent",
    };

    /// <summary>
    /// The learned grouping (<see cref="Learning.Grouping.GroupingModel"/>): every two mentions of the sentence that
    /// fill different fields are scored as numbers of one figure or not; the most probable pairs join first while the
    /// figure stays consistent (one target, one actual, one percentage; a target and an actual of one unit; a mention in
    /// one figure; nothing across the end of a bracketed breakdown). A task stated bare before its amount done (both read as amounts done) is paired by the rule first.
    /// </summary>
    private List<Group> AssembleLearned(List<Slot> slots, string text, IReadOnlyList<Candidate> unit, string? heading)
    {
        var model = Learning.Grouping.GroupingModel.Default;
        var groups = slots.Where(s => s.R.Role == MentionRole.Actual).Select(s => new Group { Actual = s }).ToList();
        PairTasksWithDone(groups, text);
        groups.AddRange(slots.Where(s => s.R.Role is not MentionRole.Actual && !groups.Any(g => g.Target == s)).Select(s => new Group { Target = s.R.Role == MentionRole.Target ? s : null, Percent = s.R.Role == MentionRole.Target ? null : s }));
        var groupOf = new Dictionary<Slot, Group>();
        foreach (var g in groups) foreach (var s in Members(g)) groupOf[s] = g;
        var ordered = slots.OrderBy(s => s.C.Index).ToList();
        var own = ordered.ToDictionary(s => s, s => Learning.Grouping.GroupingFeatures.OfMention(s.C, text, unit, heading));
        var pairs = new List<(Slot A, Slot B, double P, List<string> Names)>();
        for (int i = 0; i < ordered.Count; i++)
            for (int j = i + 1; j < ordered.Count; j++)
            {
                var (a, b) = (ordered[i], ordered[j]);
                if (Field(a) == Field(b) || groupOf[a] == groupOf[b]) continue;
                // A breakdown in brackets (达到20553人（其中政府补助10236人…），完成…100.75%) is not what a number after the brackets measures.
                if (InBrackets(text, a.C, b.C.Q.Start) || BreakdownOf(text, a.C, b.C)) continue;
                var names = Learning.Grouping.GroupingFeatures.Names(a.C, Field(a), b.C, Field(b), text, unit, own[a], own[b]).ToList();
                double p = model.Together(Learning.Grouping.GroupingFeatures.Vector(names));
                if (p >= model.Threshold) pairs.Add((a, b, p, names));
            }
        foreach (var (a, b, p, names) in pairs.OrderByDescending(x => x.P).ThenBy(x => x.A.C.Index).ThenBy(x => x.B.C.Index))
        {
            Group ga = groupOf[a], gb = groupOf[b];
            if (ga == gb || !Joinable(ga, gb)) continue;
            ga.Target ??= gb.Target;
            ga.Actual ??= gb.Actual;
            ga.Percent ??= gb.Percent;
            ga.How.AddRange(gb.How);
            ga.How.Add($"{Field(a)} {Written(text, a.C)} and {Field(b)} {Written(text, b.C)} joined: p {p:0.00} ({model.Explain(names)})");
            foreach (var s in Members(gb)) groupOf[s] = ga;
            groups.Remove(gb);
        }
        foreach (var g in groups.Where(g => g.Target is not null).ToList()) ShareWhole(g.Target!, g, groups);
        foreach (var g in groups.Where(g => g is { Target: null, Actual: null }))
        {
            g.Optional = g.Percent!.R.Role == MentionRole.Rate || g.Percent.C.Q.Qualifier is not null;
            if (SecondShare(g.Percent, groups, text) is { } amount) { g.Actual = amount.Actual; g.Optional = true; g.How.Add("another share of the same amount"); }
        }
        return groups.OrderBy(g => g.Anchor.C.Index).ToList();
    }

    private static IEnumerable<Slot> Members(Group g) => new[] { g.Target, g.Actual, g.Percent }.OfType<Slot>();

    /// <summary>Two groups make one figure: no field twice, a target and an actual of one unit.</summary>
    private static bool Joinable(Group a, Group b)
    {
        if (a.Target is not null && b.Target is not null || a.Actual is not null && b.Actual is not null || a.Percent is not null && b.Percent is not null) return false;
        var target = a.Target ?? b.Target;
        var actual = a.Actual ?? b.Actual;
        // A whole whose noun ends in the part's unit (96个小项，…的有41项) holds the part in the next clause.
        return target is null || actual is null || target.C.Q.Unit == actual.C.Q.Unit
            || target.C.Cues.ContainsKey("pair:target-of-later") && actual.C.ClauseStart == target.C.ClauseEnd;
    }

    /// <summary>
    /// 新建市政燃气管网60公里，已新建62.675公里; 新增优化公交线路35条，现已完成36条: an amount no progress verb
    /// governs, then in a later clause of the sentence the amount of its unit already done: the first is the task.
    /// </summary>
    private void PairTasksWithDone(List<Group> groups, string text)
    {
        for (int i = groups.Count - 1; i > 0; i--)
        {
            Candidate task = groups[i - 1].Actual!.C, done = groups[i].Actual!.C;
            if (task.Q.Unit is null || task.Q.Unit != done.Q.Unit || task.Q.Unit.Contains('/') || task.ClauseStart >= done.ClauseStart) continue;
            if (!Cues.AlreadyDone().IsMatch(text[done.ClauseStart..done.Q.Start]) || task.Cues.ContainsKey("done") || task.Cues.ContainsKey("all-done")
                || Cues.Governing().IsMatch(text[task.ClauseStart..task.Q.Start])) continue;
            if (LeadRegion(done, text) is not null) continue; // a region's own amount done (其中甲县已完成…)
            groups[i].Target = groups[i - 1].Actual;
            groups[i].How.Add("a task stated bare, then the amount of its unit already done");
            groups.RemoveAt(i - 1);
            i--;
        }
    }

    private string? LeadRegion(Candidate c, string text)
    {
        var listed = regions.LeadingRegions(Cues.LeadingFiller().Replace(text[c.ClauseStart..c.ClauseEnd], ""), out _);
        return listed.Count == 1 ? listed[0].Canonical : null;
    }

    private static void AttachPercents(List<Slot> percents, List<Group> groups, string text)
    {
        var done = new HashSet<Slot>();
        // 分别完成年度目标任务的82.3%和80.4%: the percentages of one clause go to the amounts before them, in order.
        foreach (var run in percents.GroupBy(p => p.C.ClauseStart).Where(r => r.Count() > 1))
        {
            var clause = run.First().C;
            if (!text[clause.SentenceStart..clause.Q.Start].Contains("分别", StringComparison.Ordinal)) continue;
            var before = groups.Where(g => g.Percent is null && g.Actual!.C.Index < clause.Index).ToList();
            // 城镇新增就业、新增发放创业担保贷款分别完成年计划的112.3%、234.2%: as many names before 分别 as percentages,
            // each its own name's (FigureNamer reads the names), not the amounts' of earlier clauses.
            if (NamesBeforeRespectively(text, clause) == run.Count())
            {
                foreach (var p in run)
                {
                    var own = new Group { Percent = p, Optional = p.R.Role == MentionRole.Rate || p.C.Q.Qualifier is not null };
                    own.How.Add("分别: each percentage its own name's");
                    groups.Add(own);
                    done.Add(p);
                }
                continue;
            }
            if (before.Count < run.Count()) continue;
            foreach (var (p, g) in run.Zip(before.TakeLast(run.Count())))
            {
                g.Percent = p;
                g.How.Add("分别: percentages in the order of the amounts");
                done.Add(p);
            }
        }
        foreach (var p in percents.Where(p => !done.Contains(p)))
        {
            // 城镇职业培训70.6%、小额贷款支持个人创业78.1%: each named item's own completion, no amount's.
            // 各市(州)资金到位率:金昌市 92%、庆阳市 90%: each listed place's own rate (CandidateFinder.MarkPlaceBreakdowns).
            if (p.C.Cues.ContainsKey("named-list") || p.C.Place is not null)
            {
                var item = new Group { Percent = p };
                item.How.Add(p.C.Place is null ? "a named item of a list" : "a listed place's own rate");
                groups.Add(item);
                continue;
            }
            // A breakdown in brackets (居家养老人数达到20553人（其中政府补助10236人…），完成全年目标的100.75%) is not what the percentage measures.
            var nearest = groups.LastOrDefault(g => g.Actual is not null && g.Actual.C.Index < p.C.Index && !InBrackets(text, g.Actual.C, p.C.Q.Start))
                ?? groups.LastOrDefault(g => g.Actual is not null && g.Actual.C.Index < p.C.Index);
            if (nearest is not null && FirstUnitOf(nearest, groups, text) is { } first) nearest = first;
            // A ； between them separates the projects of a list sentence (…幼兒園均已開工建設；“四好農村路”建設路基完成率100%).
            bool near = nearest is not null && !InOtherPart(text, nearest.Actual!.C, p.C)
                && (p.R.Role == MentionRole.Percent || nearest.Actual!.C.ClauseEnd >= p.C.ClauseStart - 1 || nearest.Actual.C.ClauseStart == p.C.ClauseStart);
            if (nearest is not null && near && nearest.Percent is null)
            {
                nearest.Percent = p;
                nearest.How.Add("percentage measures the nearest amount done before it");
                continue;
            }
            var alone = new Group { Percent = p, Optional = p.R.Role == MentionRole.Rate || p.C.Q.Qualifier is not null };
            if (nearest is not null && near) { alone.Actual = nearest.Actual; alone.Optional = true; alone.How.Add("another share of the same amount"); }
            groups.Add(alone);
        }
    }

    /// <summary>
    /// One amount stated in two units (开工62.8万户、5028万平方米，开工率93.8%; 新开工改造小区1727个、涉及居民22.98万户，
    /// 完成年度目标任务的89.78%): the rate measures the first, the second only says how large it is. The group of the
    /// first when the amount is the second of such a pair (the two joined by 、 alone or by 、涉及, one clause, units differ), else null.
    /// </summary>
    private static Group? FirstUnitOf(Group second, List<Group> groups, string text)
    {
        var b = second.Actual!.C;
        var first = groups.LastOrDefault(g => g.Actual is not null && g.Actual.C.Index < b.Index);
        if (first is not { Percent: null } || first.Actual!.C.ClauseStart != b.ClauseStart || first.Actual.C.Index != b.Index - 1) return null;
        var a = first.Actual.C;
        if (a.Q.Unit is null || b.Q.Unit is null || a.Q.Unit == b.Q.Unit || a.Q.End > b.Q.Start) return null;
        string between = text[a.Q.End..b.Q.Start];
        return between == "、" || between.StartsWith("、涉及", StringComparison.Ordinal) ? first : null;
    }

    /// <summary>
    /// A second share of an amount already measured (完成年度任务的199%，占调整后目标的88%): the group of the nearest
    /// amount done before the percentage, in its clause or the one before, that holds a percentage already; else null.
    /// </summary>
    private static Group? SecondShare(Slot p, List<Group> groups, string text)
    {
        var nearest = groups.LastOrDefault(g => g.Actual is not null && g.Actual.C.Index < p.C.Index && !InBrackets(text, g.Actual.C, p.C.Q.Start));
        return nearest is { Percent: not null } && (nearest.Actual!.C.ClauseEnd >= p.C.ClauseStart - 1 || nearest.Actual.C.ClauseStart == p.C.ClauseStart) ? nearest : null;
    }

    /// <summary>How many names the clause lists right before the 分别 of its first percentage (A、B分别完成…的X%), no number between; 0 when it lists none.</summary>
    private static int NamesBeforeRespectively(string text, Candidate clause)
    {
        int at = clause.Q.Start <= clause.SentenceStart ? -1 : text.LastIndexOf("分别", clause.Q.Start - 1, clause.Q.Start - clause.SentenceStart, StringComparison.Ordinal);
        if (at <= clause.SentenceStart) return 0;
        int start = Math.Max(clause.SentenceStart, text.LastIndexOfAny(['，', ',', '；', ';', '：', ':'], at - 1, at - clause.SentenceStart) + 1);
        string names = text[start..at];
        if (NumberRecognizer.Find(text[start..clause.Q.Start]).Count > 0) return 0;
        var each = names.Split('、', '和', '及');
        return each.Length >= 2 && each.All(n => n.Count(char.IsLetter) >= 2) ? each.Length : 0;
    }

    /// <summary>
    /// True when a ； (the end of a list sentence's part) stands between the amount and the percentage, and the
    /// percentage's part names a thing of its own (…均已開工建設；“四好農村路”建設路基完成率100%); a bare rate after
    /// the ； (…已完成5000户；完成率80%) still measures the amount.
    /// </summary>
    private static bool InOtherPart(string text, Candidate amount, Candidate percent)
    {
        if (amount.Q.End >= percent.Q.Start) return false;
        int part = text.LastIndexOfAny(['；', ';'], percent.Q.Start - 1, percent.Q.Start - amount.Q.End);
        if (part < 0) return false;
        string own = Cues.CompletionBefore().Replace(text[(part + 1)..percent.Q.Start], "");
        return Cues.LeadingFiller().Replace(own.Trim(), "").Count(char.IsLetter) >= 2;
    }

    /// <summary>
    /// True when <paramref name="part"/> is an amount of <paramref name="whole"/>'s unit in brackets opened after it, with no
    /// done word (role-tense.tsv's class done) before it there: a breakdown of the whole (投资计划12676万元（中央新增投资4600万元）),
    /// never its amount done, whatever the part's own cue words (新增) say.
    /// </summary>
    private static bool BreakdownOf(string text, Candidate whole, Candidate part)
    {
        if (whole.Q.IsPercent || part.Q.IsPercent || whole.Q.Unit is null || whole.Q.Unit != part.Q.Unit || part.Q.Start < whole.Q.End) return false;
        if (!part.InBrackets(text) || whole.InBrackets(text)) return false;
        int open = text.LastIndexOfAny(['（', '('], part.Q.Start);
        if (open < whole.Q.End) return false;
        var inside = text.AsSpan(open, part.Q.Start - open);
        foreach (var word in Learning.RoleModel.RoleFeatures.TenseWordsOf("done"))
            if (inside.Contains(word, StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>True when the mention stands inside brackets that close before <paramref name="until"/>.</summary>
    private static bool InBrackets(string text, Candidate c, int until) =>
        c.InBrackets(text) && text.IndexOfAny(['）', ')'], c.Q.End, Math.Max(0, until - c.Q.End)) >= 0;

    private FigureDraft ToDraft(Group g, ItemUnit unit, string text, FigureNamer namer)
    {
        var anchor = g.Anchor.C;
        // A goal stated in a clause of its own (计划今年改造农村危房300户；…已改造126户) names the quantity best.
        // Not a goal the share names (已竣工13498户，占今年88641户任务数的15.23%; 已超额完成…目标任务(12000公里)): the amount does.
        var named = g.Target is { } goal && g.Actual is { } done && goal.C.ClauseStart != done.C.ClauseStart
            && !ShareOfGoal().IsMatch(text[goal.C.ClauseStart..goal.C.Q.Start]) ? goal.C : anchor;
        // A place's share of a total (其中…鼓楼10公里) is named as the total is.
        var (project, indicator) = namer.Name(named.PartOf ?? named.Q, 0, unit.ParentTitle);
        int start = new[] { g.Target, g.Actual, g.Percent }.Where(s => s is not null).Min(s => s!.C.ClauseStart);
        int end = new[] { g.Target, g.Actual, g.Percent }.Where(s => s is not null).Max(s => s!.C.Q.End);
        var why = new StringBuilder();
        foreach (var (name, slot) in new[] { ("target", g.Target), ("actual", g.Actual), ("percent", g.Percent) })
            if (slot is not null) why.Append($"{name} {Written(text, slot.C)} ← {slot.R.Explain()}; ");
        why.Append(g.How.Count > 0 ? string.Join("; ", g.How) : "alone in its sentence");
        bool hedged = new[] { g.Target, g.Actual, g.Percent }.Any(s => s is not null && (s.C.Q.Approximate || s.C.Q.Qualifier is not null));
        return new FigureDraft
        {
            Region = Region(anchor, text, unit),
            Tier = unit.Tier,
            Project = project,
            Indicator = indicator,
            Target = g.Target?.C.Q.Value ?? AllDone(g),
            Actual = g.Actual?.C.Q.Value,
            Unit = g.Unit,
            Percent = g.Percent?.C.Q.Value,
            Qualifier = g.Percent?.C.Q.Qualifier,
            Approximate = hedged,
            Optional = g.Optional || hedged || unit.Kind != SectionKind.Progress,
            Start = start,
            End = end,
            Why = why.ToString(),
        };
    }

    /// <summary>An amount done in full (已全部完成625个, 186条全部完工) is also the goal, unless a percentage says otherwise.</summary>
    private static double? AllDone(Group g) =>
        g.Actual is { } done && DoneInFull(done.C) && (g.Percent is null || g.Percent.C.Q.Value == 100) ? done.C.Q.Value : null;

    /// <summary>
    /// Whether the mention's all-done cues (role-cues.tsv) say the work it counts was done in full: the amount is also the goal.
    /// all-done-later (现已全部完工 in a later clause) is a feature of its own, so it does not change what all-done weighs.
    /// A goal exceeded (超额完成年度目标任务, feature exceeded) was less than the amount: the amount is not also the goal.
    /// </summary>
    public static bool DoneInFull(Candidate c) => (c.Cues.ContainsKey("all-done") || c.Cues.ContainsKey("all-done-later")) && !c.Cues.ContainsKey("exceeded");

    /// <summary>A clause that states a goal only as what an amount is a share of or exceeded (占今年…, 已超额完成…目标).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(已|均)?(超额)?(完成|占)")]
    private static partial System.Text.RegularExpressions.Regex ShareOfGoal();

    private static string Written(string text, Candidate c) => text[c.Q.Start..c.Q.End];

    private string Region(Candidate c, string text, ItemUnit unit)
    {
        if (c.Place is not null) return c.Place;
        if (regions.PlaceBeforeBracket(text, c.Q.Start, c.ClauseStart) is { } ranked) return ranked.Canonical;
        if (RespectivePlace(c, text) is { } respective) return respective;
        // A list element names its own region (完成率分别为：长沙市76.43%、[衡阳市]28.85%), then its clause or sentence.
        foreach (int from in new[] { c.ElementStart, c.ClauseStart, c.SentenceStart })
        {
            string clause = Cues.LeadingFiller().Replace(text[from..c.ClauseEnd], "");
            var listed = regions.LeadingRegions(clause, out _);
            if (listed.Count == 1) return listed[0].Canonical;
            if (from == c.ClauseStart && PartPlace(c, text) is { } led) return led;
        }
        // A place that opens the clause or sentence as the subject of more words (海南省重点项目建设…完成投资666亿元).
        foreach (int from in new[] { c.ClauseStart, c.SentenceStart })
            if (regions.OpeningPlace(Cues.LeadingFiller().Replace(text[from..c.ClauseEnd], "")) is { } opening) return opening.Canonical;
        return unit.LeadRegion?.Canonical ?? issuingRegion;
    }

    /// <summary>
    /// The place of a value after 分别 that the places listed before it give in order (娄底、邵阳、永州完成投资情况较好，分别为
    /// 79.49%、75.34%、75.30%): as many places, in its clause or the one before, as values after 分别; else null.
    /// </summary>
    private string? RespectivePlace(Candidate c, string text)
    {
        int at = text[c.ClauseStart..c.Q.Start].LastIndexOf("分别", StringComparison.Ordinal);
        if (at < 0) return null;
        at += c.ClauseStart;
        var values = NumberRecognizer.Find(text[at..c.ClauseEnd]).Where(q => q.IsPercent == c.Q.IsPercent).ToList();
        int index = values.FindIndex(q => q.Start == c.Q.Start - at);
        if (index < 0 || values.Count < 2) return null;
        var places = regions.ListedPlaces(Cues.LeadingFiller().Replace(text[c.ClauseStart..at], ""));
        if (places.Count < 2 && Clauses.Of(text, c.SentenceStart, c.ClauseStart) is [.., var (start, end)])
        {
            places = regions.ListedPlaces(Cues.LeadingFiller().Replace(text[start..end], ""));
            // …任务量在40万套以上的有陕西、重庆、黑龙江，开工率分别为…: the places close the clause before, after 有 or 是.
            int introducer = text[start..end].LastIndexOfAny(['有', '是']);
            if (places.Count < 2 && introducer >= 0) places = regions.ListedPlaces(text[(start + introducer + 1)..end]);
        }
        return places.Count == values.Count ? places[index].Canonical : null;
    }

    /// <summary>
    /// A sentence of parts each led by a place (巢湖市新建3所，目前完工4所；肥东县新建3所，目前完工3所): a clause that names no
    /// place is the place's that opens the nearest earlier clause of its part, unless it speaks as the issuer (全市, 我县); else null.
    /// </summary>
    private string? PartPlace(Candidate c, string text)
    {
        // A sentence of two or more parts: a ； before its last character.
        if (!Clauses.SemicolonBetween(text, c.SentenceStart, c.SentenceEnd - 1) || Metadata.RegionEvidence.SelfReference().IsMatch(text[c.ClauseStart..c.Q.Start]))
            return null;
        string? place = null;
        foreach (var (start, end) in Clauses.Of(text, Clauses.PartStart(text, c.SentenceStart, c.ClauseStart), c.ClauseStart))
        {
            var listed = regions.LeadingRegions(Cues.LeadingFiller().Replace(text[start..end], ""), out _);
            if (listed.Count > 0) place = listed.Count == 1 ? listed[0].Canonical : null;
        }
        return place;
    }
}
