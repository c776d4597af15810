using BulletinIngest.Extraction.Assembly;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Extraction.Roles;

/// <summary>
/// Turns one numbered item of a progress section into figures. The rules, in order:
/// <list type="number">
/// <item>Title: an amount in the item's title is the year's target (完成新增城镇就业 6000 人); a percentage there
/// is a target rate (…筛查率达 90% 以上), kept only when the body states nothing else.</item>
/// <item>Body, sentence by sentence: a completion percentage (完成全年任务的 35.14%, 总进度完成 58.33%) measures
/// the amount just before it, preferring the one a progress verb governs (已开展 21 场) or a total (合计 50 场次);
/// several parallel amounts before one percentage stay separate and the percentage stands alone. A rate
/// (保障率 99%) measures the amount right before it. Standards (不低于 740 元/月) are targets; when a
/// percentage follows only standards it applies to each.</item>
/// <item>Regions named at the start of a clause own what the clause says (平江县 41 个水源地只完成 1 个;
/// 君山区、湘阴县完成率超过 60%); bounds on completion (超过, 以上, 以下) become optional qualified figures.</item>
/// <item>Merging: the title's target joins the body figure of the same unit, or a percentage that stands alone.</item>
/// </list>
/// Plans (实施方案) state targets only: every amount is a target.
/// </summary>
public sealed class ItemFigureBuilder(RegionResolver regions, string issuingRegion, bool isPlan)
{
    private enum Role { Actual, Target }

    private sealed class Amount
    {
        public required Quantity Q;
        public required int ClauseStart;
        public required int ClauseEnd;
        public Role Role;
        public bool Governed;
        public bool Total;
        public bool ClauseFinal;
        public string? Region;
        public double? PairedTarget;
        /// <summary>The clause that stated the paired target; it names the quantity (…改造目标任务 320 户).</summary>
        public int? PairedClauseStart;
        public Quantity? PairedQuantity;
    }

    // The figures of named lists in the item being built: each is its named item's, not the title's.
    private readonly HashSet<FigureDraft> _listed = [];

    // Where the amount of each figure read from one amount stands (the mention whose cues say whether it was done in full).
    private readonly Dictionary<FigureDraft, int> _amountAt = [];

    public List<FigureDraft> Build(ItemUnit item)
    {
        _listed.Clear();
        _amountAt.Clear();
        string text = item.Text.Text;
        // A region's paragraph (兰山区：新建口袋公园12处…) has no title: its sentences name the projects.
        bool regionParagraph = item.LeadRegion is not null;
        int titleEnd = regionParagraph ? 0 : item.TitleEnd;
        string project = regionParagraph ? CleanName(item.ParentTitle ?? item.LeadRegion!.Canonical) : CleanName(text[..titleEnd]);
        if (project.Length == 0) return [];
        var all = NumberRecognizer.Find(text);
        var figures = new List<FigureDraft>();
        var namer = new FigureNamer(text, regions);

        var titleTargets = new List<Quantity>();
        var titlePercents = new List<Quantity>();
        // A title sentence that goes on without reporting progress (新建幼儿园 5 所，新增学位 1000 个。) states more targets.
        int targetsEnd = TitleSentenceEnd(text, titleEnd);
        foreach (var q in all.Where(q => q.Start < targetsEnd))
        {
            if (q.IsBare) continue;
            if (q.IsPercent)
            {
                if (Cues.CompletionBefore().IsMatch(ClauseBefore(text, q.Start, 0))) continue; // handled with the body
                titlePercents.Add(q);
            }
            else titleTargets.Add(q);
        }

        // Title percentages that measure completion (…平均完成度 60%以上) are read like body text.
        var body = all.Where(q => q.Start >= targetsEnd || (q.IsPercent && Cues.CompletionBefore().IsMatch(ClauseBefore(text, q.Start, 0)))).ToList();
        // The item's first sentence: where a title that is itself a target goes on listing targets (GB04's items).
        int firstSentenceEnd = text.IndexOfAny(['。', '！', '？']) is var stop and >= 0 ? stop : text.Length;
        if (isPlan) ReadPlanBody(text, titleEnd, body, titleTargets, project, figures, titleTargets.Count > 0 ? namer : null, firstSentenceEnd);
        else
        {
            ReadBody(text, body, titleTargets, project, figures, namer);
            JoinGoalSentences(figures);
        }

        // Bare numbers (已完成46) borrow the unit of the item's target.
        foreach (var f in figures.Where(f => f.Unit is null && (f.Actual is not null || f.Target is not null)))
            f.Unit = titleTargets.FirstOrDefault()?.Unit;

        // The title's targets. An item stating several (a list of targets in its title, or a plan's title and body) names each by its own words.
        bool severalTargets = titleTargets.Count > 1 || isPlan && titleTargets.Count > 0 && body.Any(q => !q.IsBare && !q.IsPercent && q.Start < firstSentenceEnd);
        foreach (var target in titleTargets)
        {
            var sameUnit = figures.Where(f => f.Region == issuingRegion && f.Unit == target.Unit && f.Target is null && f.Actual is not null).ToList();
            // As many goals of a unit as amounts done in it (目标任务：A 390万人，B 130万人。完成情况：A 430.56万人，B 133.81万人): in order.
            int ofUnit = titleTargets.Count(t => t.Unit == target.Unit);
            if (ofUnit > 1 && sameUnit.Count == ofUnit - titleTargets.TakeWhile(t => t != target).Count(t => t.Unit == target.Unit))
            {
                sameUnit[0].Target = target.Value;
                continue;
            }
            var home = sameUnit.Count == 1 || sameUnit.Any(f => f.Percent is not null)
                ? sameUnit.FirstOrDefault(f => f.Percent is not null) ?? sameUnit[0]
                : null;
            home ??= figures.FirstOrDefault(f => f.Region == issuingRegion && f.Target is null && f.Actual is null && f.Percent is not null && f.Qualifier is null && !_listed.Contains(f));
            if (home is not null)
            {
                home.Target = target.Value;
                home.Unit ??= target.Unit;
                continue;
            }
            var (name, indicator) = severalTargets ? namer.Name(target, 0, project) : (project, project);
            figures.Add(NewFigure(name, indicator, target.Start, target.End, target, Role.Target));
        }
        if (!isPlan) TakeDoneInFullAsGoal(item, figures);
        if (figures.Count == 0)
        {
            foreach (var rate in titlePercents)
            {
                var figure = NewFigure(project, project, rate.Start, rate.End, rate, Role.Target);
                figure.Optional = true;
                figures.Add(figure);
            }
        }

        if (item.Level == Numbering.Group || regionParagraph && item.ParentTitle is null) NameByOwnSentence(all, titleEnd, figures, namer);
        if (regionParagraph)
            foreach (var f in figures.Where(f => f.Region == issuingRegion)) f.Region = item.LeadRegion!.Canonical;
        if (figures.Count == 1 && item.Level != Numbering.Group && !(regionParagraph && item.ParentTitle is null)) figures[0].Indicator = project;
        foreach (var f in figures)
        {
            f.Tier = item.Tier;
            if (f.Indicator.Length == 0) f.Indicator = project;
        }
        // A title that names no project (截至11月底，…; 2014年，…) is no title: each figure is named by its own words.
        foreach (var f in figures.Where(f => NonProjectNames.Default.Rejects(f.Project)))
            if (all.FirstOrDefault(q => q.End == f.End) is { } q && namer.Name(q, 0) is var (own, indicator) && !NonProjectNames.Default.Rejects(own))
                (f.Project, f.Indicator) = (own, f.Indicator == f.Project ? indicator : f.Indicator);
        return figures;
    }

    /// <summary>
    /// An amount done in full (2项任务全部完成; 新建40公里、…维修改造70.8公里，现已全部完工) is also the goal, unless a
    /// percentage says otherwise: as the candidate path reads it (FigureAssembler.DoneInFull).
    /// </summary>
    private void TakeDoneInFullAsGoal(ItemUnit item, List<FigureDraft> figures)
    {
        var open = figures.Where(f => f is { Target: null, Actual: not null } && (f.Percent is null or 100) && _amountAt.ContainsKey(f)).ToList();
        if (open.Count == 0) return;
        var allDone = CandidateFinder.Default.Find(item.Text.Text, item.Kind, isPlan)
            .Where(FigureAssembler.DoneInFull).Select(c => c.Q.Start).ToHashSet();
        foreach (var f in open.Where(f => allDone.Contains(_amountAt[f]))) f.Target = f.Actual;
    }

    /// <summary>
    /// A goal stated in a sentence of its own (今年计划新建公共充电桩 300 个。目前已建成 210 个，…) is the target of
    /// the progress the item reports next in the same unit and region.
    /// </summary>
    private static void JoinGoalSentences(List<FigureDraft> figures)
    {
        // A goal stated as a floor (参保人数达390万人以上) is a goal too.
        foreach (var goal in figures.Where(f => f is { Target: not null, Actual: null, Percent: null, Qualifier: null or ">=" or ">", Optional: false }).ToList())
        {
            if (goal.Unit is null || goal.Unit.Contains('/') || goal.Unit == "%") continue;
            var done = figures.FirstOrDefault(f => f.Start > goal.Start && f.Region == goal.Region && f.Unit == goal.Unit && f is { Target: null, Actual: not null });
            if (done is null) continue;
            done.Target = goal.Target;
            if (done.Indicator.Length < 4) done.Indicator = goal.Indicator;
            done.Start = goal.Start;
            figures.Remove(goal);
        }
    }

    /// <summary>
    /// A point (一是就业服务扎实有效。城镇新增就业 4126 人…；新增农村劳动力转移就业 5300 多人…) is a theme, not a
    /// project: each figure after the title is named by its own words (<see cref="FigureNamer"/>, reading nothing of the
    /// title: 更新义务教育学校设备，已补充配置电脑 860 台; 家庭医生签约服务已签约 34.6 万人), the theme where they name nothing.
    /// </summary>
    private static void NameByOwnSentence(IReadOnlyList<Quantity> all, int titleEnd, List<FigureDraft> figures, FigureNamer namer)
    {
        foreach (var f in figures)
        {
            if (f.Start < titleEnd) continue;
            // The goal names the figure (困难群众临时救助目标任务 900 人次，已救助 610 人次), else the amount done, not the
            // percentage that measures them.
            var before = all.Where(q => q.Start >= titleEnd && q.End <= f.End).ToList();
            if ((before.LastOrDefault(q => !q.IsPercent && q.Value == f.Target) ?? before.LastOrDefault(q => !q.IsPercent && q.Value == f.Actual)
                 ?? before.LastOrDefault(q => q.End == f.End)) is not { } q) continue;
            var (name, indicator) = namer.Name(q, titleEnd);
            if (name.Length < 4 || NonProjectNames.Default.Rejects(name)) continue;
            string old = f.Project;
            f.Project = name;
            if (f.Indicator.Length < 4 || f.Indicator == old || name.Contains(f.Indicator, StringComparison.Ordinal)) f.Indicator = indicator;
        }
    }

    /// <summary>Where the title's statement of targets ends: the title, or its whole first sentence when that reports no progress.</summary>
    private static int TitleSentenceEnd(string text, int titleEnd)
    {
        int sentenceEnd = text.IndexOfAny(['。', '！', '？'], titleEnd);
        if (sentenceEnd < 0 || titleEnd >= text.Length || text[titleEnd] is '。' or '！' or '？') return titleEnd;
        string rest = text[titleEnd..sentenceEnd];
        return Cues.Governing().IsMatch(rest) || rest.Contains('%') || Cues.Future().IsMatch(rest) ? titleEnd : sentenceEnd;
    }

    /// <summary>
    /// A plan's targets. In the first sentence of an item whose title is itself a target (新建幼儿园5所，…), each is named
    /// by its own words (<paramref name="namer"/>); later sentences elaborate the titled project.
    /// </summary>
    private void ReadPlanBody(string text, int titleEnd, List<Quantity> body, List<Quantity> titleTargets, string project, List<FigureDraft> figures,
        FigureNamer? namer, int firstSentenceEnd)
    {
        foreach (var q in body)
        {
            if (q.IsBare) continue;
            if (titleTargets.Any(t => t.Value == q.Value && t.Unit == q.Unit)) continue;
            var (start, end) = ClauseAround(text, q.Start, titleEnd);
            var (name, indicator) = namer is not null && q.Start < firstSentenceEnd ? namer.Name(q, 0, project) : (project, Indicator(text, start, q.Start, q));
            var figure = NewFigure(name, indicator, start, end, WithPeriod(q, text[start..q.Start]), Role.Target);
            if (q.IsPercent) figure.Optional = true;
            figures.Add(figure);
        }
    }

    private void ReadBody(string text, List<Quantity> body, List<Quantity> titleTargets, string project, List<FigureDraft> figures, FigureNamer namer)
    {
        foreach (var (sentenceStart, sentenceEnd) in Sentences(text))
        {
            var inSentence = body.Where(q => q.Start >= sentenceStart && q.Start < sentenceEnd).ToList();
            // "已完成年度任务" states 100% without writing it.
            var whole = inSentence.Any(q => q.IsPercent) ? null : Cues.TaskCompleted().Match(text, sentenceStart, sentenceEnd - sentenceStart);
            if (whole is { Success: true })
            {
                int before = figures.Count;
                if (inSentence.Count > 0) ReadSentence(text, inSentence, sentenceStart, project, figures, namer);
                var done = figures.Skip(before).LastOrDefault(f => f.Percent is null && f.Actual is not null);
                if (done is not null) done.Percent = 100;
                else
                {
                    var (clauseStart, _) = ClauseAround(text, whole.Index, sentenceStart);
                    var alone = NewFigure(project, Indicator(text, clauseStart, whole.Index, null), clauseStart, whole.Index + whole.Length, null, Role.Actual);
                    alone.Percent = 100;
                    figures.Add(alone);
                }
                continue;
            }
            if (inSentence.Count == 0) continue;
            ReadSentence(text, inSentence, sentenceStart, project, figures, namer);
        }
    }

    private void ReadSentence(string text, List<Quantity> inSentence, int sentenceStart, string project, List<FigureDraft> figures, FigureNamer namer)
    {
        {
            var completions = inSentence.Where(q => q.IsPercent && IsCompletion(text, q, sentenceStart)).ToList();
            bool sentenceHasCompletion = completions.Count > 0;
            var pending = new List<Amount>();
            var emitted = new List<Amount>();
            FigureDraft? lastRate = null;
            int sentenceEnd = inSentence[^1].End;
            var named = NamedPercentList.Find(text, inSentence, sentenceStart, sentenceEnd, regions).ToDictionary(e => e.Percent);
            var taken = new HashSet<Quantity>();
            foreach (var q in inSentence)
            {
                if (taken.Contains(q)) continue;
                // 城镇职业培训70.6%、小额贷款支持个人创业78.1%: each named item's own completion.
                // …最慢的是铁岭市(62%), 本溪(57.8%)、营口(56.6%): a place before the bracket owns the number (below), no named item.
                if (named.TryGetValue(q, out var element) && regions.PlaceBeforeBracket(text, q.Start, sentenceStart) is null)
                {
                    var listed = NewFigure(project, CleanName(element.Name), element.NameStart, q.End, null, Role.Actual);
                    listed.Percent = q.Value;
                    listed.Why = "numbered item: a named item of a list, its own completion";
                    figures.Add(listed);
                    _listed.Add(listed);
                    continue;
                }
                var (clauseStart, clauseEnd) = ClauseAround(text, q.Start, sentenceStart);
                string before = text[clauseStart..q.Start];
                if (!q.IsPercent)
                {
                    if (IsTargetAfterPercent(text, q)) continue; // taken by the percentage before it
                    var amount = ReadAmount(text, q, clauseStart, clauseEnd, before);
                    if (amount is null) continue;
                    // "41 个水源地只完成 1 个": the first amount is the whole, the second what is done.
                    var whole = pending.LastOrDefault();
                    if (whole is not null && whole.ClauseStart == clauseStart && whole.Q.Unit == q.Unit && whole.Role == Role.Actual
                        && text[whole.Q.End..q.Start].Contains("完成"))
                    {
                        pending.Remove(whole);
                        amount.PairedTarget = whole.Q.Value;
                        amount.Governed = true;
                    }
                    // "新辟、调整 12 条公交线路，已完成 3 条": an amount no progress verb governs, then in a later clause the
                    // amount of its unit already done: the first is the task the second is counted against.
                    var task = pending.LastOrDefault();
                    if (task is not null && IsTaskThenDone(task, amount, before))
                    {
                        pending.Remove(task);
                        amount.PairedTarget = task.Q.Value;
                        amount.PairedClauseStart = task.ClauseStart;
                        amount.PairedQuantity = task.Q;
                        amount.Governed = true;
                    }
                    // "全年目标 500 人，已完成 300 人": a stated target and the amount done are one figure.
                    var goal = pending.LastOrDefault(a => a.Role == Role.Target && a.Q.Unit == q.Unit && !IsStandardLevel(a.Q));
                    if (goal is not null && amount.Role == Role.Actual && amount.PairedTarget is null && amount.Region == goal.Region)
                    {
                        pending.Remove(goal);
                        amount.PairedTarget = goal.Q.Value;
                        amount.PairedClauseStart = goal.ClauseStart;
                        amount.PairedQuantity = goal.Q;
                    }
                    pending.Add(amount);
                    continue;
                }

                // Percentages.
                var owners = RegionsBefore(text, clauseStart, q.Start, sentenceStart);
                bool completion = IsCompletion(text, q, sentenceStart);
                if (owners.Count > 0)
                {
                    foreach (var region in owners)
                    {
                        var figure = NewFigure(project, project, clauseStart, q.End, null, Role.Actual);
                        figure.Region = region;
                        figure.Percent = q.Value;
                        figure.Qualifier = q.Qualifier;
                        figure.Optional = q.Qualifier is not null;
                        figures.Add(figure);
                    }
                    continue;
                }
                if (completion && RespectivelyRun(text, inSentence, q, clauseStart, clauseEnd) is { Count: > 1 } run
                    && TakeRespectively(text, run, pending, clauseStart, project, figures, namer, sentenceStart))
                {
                    taken.UnionWith(run);
                    pending.Clear();
                    continue;
                }
                if (completion)
                {
                    if (q.Qualifier is not null && pending.Count == 0)
                    {
                        var bound = NewFigure(project, Indicator(text, clauseStart, q.Start, null), clauseStart, q.End, null, Role.Actual);
                        bound.Percent = q.Value;
                        bound.Qualifier = q.Qualifier;
                        bound.Optional = true;
                        figures.Add(bound);
                        continue;
                    }
                    Bind(text, pending, q, clauseStart, project, figures, emitted);
                    pending.Clear();
                    continue;
                }
                // A rate: it measures the amount right before it, else it is a figure of its own unless a completion percentage follows.
                // A rate that names its own quantity in a clause of its own (…，实名登记高校毕业生就业率达92%) measures no amount before it.
                var last = pending.LastOrDefault();
                if (last is not null && (last.ClauseStart == clauseStart || Cues.LeadingFiller().Replace(before, "").Length <= ShortRateClause))
                {
                    var figure = FromAmount(text, last, project);
                    figure.Percent = q.Value;
                    figure.End = q.End;
                    figures.Add(figure);
                    pending.Remove(last);
                    continue;
                }
                if (sentenceHasCompletion) continue;
                bool isTarget = q.Qualifier is not null || Cues.TargetBefore().IsMatch(before);
                // A rate reached, stated alone (空气优良天数比例达到57.4%, 铁岭市(62%)), is the figure's percent, as the
                // assembler reads it; against a target rate of its own (目标90%，达到92%) it is the actual of unit %.
                if (lastRate is not null && isTarget && lastRate.Target is null)
                {
                    lastRate.Target = q.Value;
                    lastRate.Qualifier = q.Qualifier;
                    lastRate.Unit = "%";
                    (lastRate.Actual, lastRate.Percent) = (lastRate.Percent, null);
                    lastRate.End = q.End;
                    continue;
                }
                if (lastRate is not null && !isTarget && lastRate.Target is not null && lastRate.Actual is null)
                {
                    lastRate.Actual = q.Value;
                    lastRate.End = q.End;
                    continue;
                }
                lastRate = NewFigure(project, Indicator(text, clauseStart, q.Start, null), clauseStart, q.End, isTarget ? q : null, Role.Target);
                if (!isTarget) lastRate.Percent = q.Value;
                lastRate.Optional = true;
                figures.Add(lastRate);
            }
            // Amounts no percentage measured: list values stay as figures of their own; modifiers (4个镇) are
            // dropped where a percentage was bound to a neighbour in their part of the sentence (not across a ；).
            foreach (var amount in pending)
            {
                if (!amount.ClauseFinal && completions.Any(p => !Clauses.SemicolonBetween(text, p.Start, amount.Q.Start))) continue;
                figures.Add(FromAmount(text, amount, project));
            }
        }
    }

    /// <summary>A completion percentage finds the amount it measures among those since the last one.</summary>
    private void Bind(string text, List<Amount> pending, Quantity percent, int clauseStart, string project, List<FigureDraft> figures, List<Amount> emitted)
    {
        // Right after a region's own amount (其中，甲县完成 420 户，完成率 93.3%) the percentage is that region's.
        string? owner = pending.Count > 0 ? pending[^1].Region : null;
        var local = pending.Where(a => a.Region == owner).ToList();
        if (local.Count > 0 && local.All(a => a.Role == Role.Target))
        {
            foreach (var standard in local)
            {
                var figure = FromAmount(text, standard, project);
                figure.Percent = percent.Value;
                figures.Add(figure);
            }
            return;
        }
        // A goal named next to the amount done (新增就业 3560 人，完成年度目标 5000 人的 71.2%) is its target, not a candidate.
        var goals = local.Where(a => a.Role == Role.Target && !IsStandardLevel(a.Q)).ToList();
        var candidates = local.Count > goals.Count ? local.Except(goals).ToList() : local;
        Amount? chosen = null;
        var totals = candidates.Where(a => a.Total).ToList();
        if (totals.Count > 0) chosen = totals[^1];
        else
        {
            var pool = candidates.Where(a => a.Governed).ToList();
            if (pool.Count == 0) pool = candidates;
            if (pool.Count == 1) chosen = pool[0];
            // Several amounts each closing a clause (新建污水管网 2.1 公里、改造污水管网 1.2 公里，…) are parallel
            // indicators: the percentage is the item's. Otherwise the last one is what it measures.
            else if (pool.Count > 1 && !pool.All(a => a.ClauseFinal)) chosen = pool[^1];
        }
        if (chosen is null)
        {
            // Nothing (or a list of parallel amounts) before it: the percentage stands alone.
            int start = pending.Count > 0 ? pending[0].ClauseStart : clauseStart;
            var alone = NewFigure(project, Indicator(text, start, percent.Start, null), start, percent.End, null, Role.Actual);
            alone.Percent = percent.Value;
            figures.Add(alone);
            foreach (var amount in pending) figures.Add(FromAmount(text, amount, project));
            return;
        }
        var goal = chosen.Role == Role.Actual && chosen.PairedTarget is null ? goals.LastOrDefault(g => g.Q.Unit == chosen.Q.Unit) : null;
        if (goal is not null) chosen.PairedTarget = goal.Q.Value;
        var bound = FromAmount(text, chosen, project);
        bound.Percent = percent.Value;
        bound.End = percent.End;
        if (bound.Target is null && TargetInParentheses(text, percent.End, bound.Unit) is { } stated)
        {
            bound.Target = stated.Value;
            bound.End = stated.End;
        }
        figures.Add(bound);
        foreach (var other in pending.Where(a => a != chosen && a != goal && (a.ClauseFinal || a.Region is not null)))
            figures.Add(FromAmount(text, other, project));
    }

    /// <summary>
    /// The percentages of one clause after 分别, from <paramref name="first"/> on, each joined to the one before by 、和及
    /// (分别完成目标任务的111.6%、123.1%); empty when no 分别 stands before the first.
    /// </summary>
    private static List<Quantity> RespectivelyRun(string text, List<Quantity> inSentence, Quantity first, int clauseStart, int clauseEnd)
    {
        if (!text[clauseStart..first.Start].Contains("分别", StringComparison.Ordinal)) return [];
        var run = new List<Quantity> { first };
        foreach (var q in inSentence.SkipWhile(q => q != first).Skip(1))
        {
            if (!q.IsPercent || q.Start >= clauseEnd || text[run[^1].End..q.Start] is not ("、" or "和" or "及")) break;
            run.Add(q);
        }
        return run;
    }

    /// <summary>
    /// 新增有效灌面11.16万亩，新增节水灌面11.45万亩，分别完成目标任务的111.6%、123.1%: a 分别 run's percentages measure the
    /// amounts done before them, in order (the last as many); with no amount before them (城镇新增就业、失业人员再就业
    /// 分别完成年目标的188%、136.6%) each is the completion of the name it stands for (<see cref="FigureNamer"/>). Any other
    /// count is left to <see cref="Bind"/>: false.
    /// </summary>
    private bool TakeRespectively(string text, List<Quantity> run, List<Amount> pending, int clauseStart, string project, List<FigureDraft> figures,
        FigureNamer namer, int sentenceStart)
    {
        var done = pending.Where(a => a.Role == Role.Actual).ToList();
        if (done.Count > 0 && done.Count < run.Count) return false;
        if (done.Count == 0)
        {
            foreach (var p in run)
            {
                var (name, indicator) = namer.Name(p, sentenceStart, project);
                var alone = NewFigure(name, indicator, clauseStart, p.End, null, Role.Actual);
                alone.Percent = p.Value;
                alone.Qualifier = p.Qualifier;
                figures.Add(alone);
            }
            foreach (var amount in pending) figures.Add(FromAmount(text, amount, project));
            return true;
        }
        var measured = done.TakeLast(run.Count).ToList();
        foreach (var (amount, p) in measured.Zip(run))
        {
            var figure = FromAmount(text, amount, project);
            figure.Percent = p.Value;
            figure.Qualifier = p.Qualifier;
            figure.End = p.End;
            figures.Add(figure);
        }
        foreach (var other in pending.Where(a => !measured.Contains(a) && (a.ClauseFinal || a.Region is not null))) figures.Add(FromAmount(text, other, project));
        return true;
    }

    /// <summary>The task stated bare (改造 17 所…) and, in a later clause, the amount of its unit already done (已完成 5 所).</summary>
    private static bool IsTaskThenDone(Amount task, Amount done, string doneBefore) =>
        task is { Role: Role.Actual, Governed: false, Total: false, PairedTarget: null } && done is { Role: Role.Actual, PairedTarget: null }
        && task.Q.Unit is not null && task.Q.Unit == done.Q.Unit && !IsStandardLevel(task.Q)
        && task.ClauseStart < done.ClauseStart && task.Region == done.Region
        && Cues.AlreadyDone().IsMatch(doneBefore);

    /// <summary>True for the amount of "…75%（年度目标 12 个）", which the percentage's figure takes as its target.</summary>
    private static bool IsTargetAfterPercent(string text, Quantity q)
    {
        int open = text.LastIndexOfAny(['（', '('], Math.Max(0, q.Start - 1));
        if (open <= 0 || text[open - 1] != '%' || text.IndexOfAny(['）', ')'], open, q.Start - open) >= 0) return false;
        return Cues.TargetBefore().IsMatch(text[(open + 1)..q.Start]);
    }

    /// <summary>A target stated in parentheses right after a percentage: 完成全年任务的 75%（目标 36 个）.</summary>
    private static Quantity? TargetInParentheses(string text, int after, string? unit)
    {
        if (after >= text.Length || text[after] is not ('（' or '(')) return null;
        int close = text.IndexOfAny(['）', ')'], after);
        if (close < 0) return null;
        string inside = text[(after + 1)..close];
        if (!Cues.TargetBefore().IsMatch(inside[..Math.Max(0, inside.IndexOfAny("0123456789".ToCharArray()))])) return null;
        var q = NumberRecognizer.Find(inside).FirstOrDefault(x => !x.IsPercent && !x.IsBare && (unit is null || x.Unit == unit));
        return q is null ? null : q with { Start = q.Start + after + 1, End = q.End + after + 1 };
    }

    private Amount? ReadAmount(string text, Quantity q, int clauseStart, int clauseEnd, string before)
    {
        if (q.IsBare && !before.EndsWith("完成", StringComparison.Ordinal)) return null;
        var perPeriod = WithPeriod(q, before);
        bool perPerson = perPeriod != q || (q.Unit == "元" && Cues.PerPerson().IsMatch(before));
        q = perPeriod;
        // Under a progress label (完成情况：…参保人数达430.56万人以上) an amount is what was done, even as a floor.
        bool standard = !IsUnderLabel(text, clauseStart, Cues.ProgressLabel())
                        && (perPerson || q.Qualifier is not null || Cues.TargetBefore().IsMatch(before) || IsStatedGoal(before) || IsUnderLabel(text, clauseStart, Cues.GoalLabel())
                            || (q.Unit?.Contains('/') == true && IsListedAfterStandard(text, q, clauseStart)));
        string clause = text[clauseStart..clauseEnd];
        if (!standard && Cues.Future().IsMatch(clause)) return null;
        var leading = regions.LeadingRegions(Cues.LeadingFiller().Replace(text[clauseStart..clauseEnd], ""), out _);
        string? region = leading.Count > 0 && leading[0].Canonical != issuingRegion ? leading[0].Canonical : null;
        int after = q.End;
        bool clauseFinal = after >= clauseEnd || text[after] is '、' or '，' or ',' or '；' or ';' or '。' or '）' or ')' or '（' or '(';
        return new Amount
        {
            Q = perPerson && q.Unit == "元" ? q with { Unit = "元/人" } : q,
            ClauseStart = clauseStart,
            ClauseEnd = clauseEnd,
            Role = standard ? Role.Target : Role.Actual,
            Governed = Cues.Governing().IsMatch(before),
            Total = Cues.Total().IsMatch(before),
            ClauseFinal = clauseFinal,
            Region = region,
        };
    }

    /// <summary>A clause that opens with the plan or goal (全县计划更新改造燃气管道 420 公里): its amount is a target.</summary>
    private bool IsStatedGoal(string before)
    {
        string rest = Cues.LeadingFiller().Replace(before, "");
        regions.LeadingRegions(rest, out int regionsEnd);
        return Cues.GoalLead().IsMatch(Cues.LeadingFiller().Replace(rest[regionsEnd..], ""));
    }

    /// <summary>每人每月 200 元, 每生每天 5 元: a standard per month/day/year; the person is left out (元/月).</summary>
    private static Quantity WithPeriod(Quantity q, string before)
    {
        var perPeriod = q.Unit == "元" ? Cues.PerPeriod().Match(before) : null;
        return perPeriod is { Success: true }
            ? q with { Unit = "元/" + (perPeriod.Groups["period"].Value is "日" ? "天" : perPeriod.Groups["period"].Value) }
            : q;
    }

    /// <summary>
    /// A clause of a sentence opened by a label (<see cref="Cues.GoalLabel"/>, <see cref="Cues.ProgressLabel"/>): 年度目标：改造老旧小区 36 个，新建公园 2 个；完成：…), also a label
    /// run into the item's title (促进城乡就业目标任务：全年提供有效就业岗位14万个，城镇新增就业13万人).
    /// </summary>
    private static bool IsUnderLabel(string text, int clauseStart, System.Text.RegularExpressions.Regex label)
    {
        int sentenceStart = text.LastIndexOfAny(['。', '！', '？', '；', ';'], Math.Max(0, clauseStart - 1)) + 1;
        int colon = text.LastIndexOfAny(['：', ':'], Math.Max(0, clauseStart - 1));
        if (colon < 1 || colon < sentenceStart) return false;
        int labelStart = colon < 2 ? 0 : text.LastIndexOfAny(ClauseBreaks, colon - 1) + 1;
        return label.IsMatch(text[labelStart..colon]);
    }

    /// <summary>A level per month/year/person (700 元/月) is a standard, not a count of work to do.</summary>
    private static bool IsStandardLevel(Quantity q) => q.Unit?.Contains('/') == true || q.IsPercent;

    /// <summary>The second of "分别不低于740元/月和485元/月" is a standard like the first.</summary>
    private static bool IsListedAfterStandard(string text, Quantity q, int clauseStart)
    {
        string before = text[clauseStart..q.Start];
        return before.Contains("分别") && Cues.StandardWord().IsMatch(before);
    }

    private FigureDraft FromAmount(string text, Amount amount, string project)
    {
        string indicator = Indicator(text, amount.ClauseStart, amount.Q.Start, amount.Q);
        // "…改造目标任务 320 户，已完工 198 户": the goal's clause names what was done, not the verb (完工).
        if (amount.PairedClauseStart is { } goalClause && indicator.Length < 4
            && Indicator(text, goalClause, amount.PairedQuantity!.Start, amount.PairedQuantity) is { Length: >= 4 } named)
            indicator = named;
        var figure = NewFigure(project, indicator, amount.ClauseStart, amount.Q.End, amount.Q, amount.Role);
        _amountAt[figure] = amount.Q.Start;
        if (amount.PairedTarget is { } whole) figure.Target = whole;
        if (amount.Region is not null) figure.Region = amount.Region;
        return figure;
    }

    private FigureDraft NewFigure(string project, string indicator, int start, int end, Quantity? q, Role role)
    {
        var figure = new FigureDraft
        {
            Region = issuingRegion,
            Project = project,
            Indicator = indicator,
            Start = start,
            End = end,
        };
        if (q is null) return figure;
        if (role == Role.Target) figure.Target = q.Value;
        else figure.Actual = q.Value;
        figure.Unit = q.Unit;
        figure.Approximate = q.Approximate;
        figure.Qualifier = q.Qualifier;
        return figure;
    }

    private bool IsCompletion(string text, Quantity q, int sentenceStart)
    {
        var (clauseStart, _) = ClauseAround(text, q.Start, sentenceStart);
        // 完成年度目标任务 5000 人的 71.2%, 完成年度计划（24 公里）的 77.5%: the goal's amount sits inside the cue.
        return Cues.CompletionBefore().IsMatch(Cues.AmountInCue().Replace(Cues.PercentRunBefore().Replace(text[clauseStart..q.Start], ""), ""));
    }

    /// <summary>Regions that own a percentage: listed at the start of its clause, and in region-only clauses just before.</summary>
    private List<string> RegionsBefore(string text, int clauseStart, int percentStart, int sentenceStart)
    {
        if (regions.PlaceBeforeBracket(text, percentStart, sentenceStart) is { } ranked)
            return ranked.Canonical == issuingRegion ? [] : [ranked.Canonical];
        // The region right before the percentage owns it (其中汉寿县78.6%、临澧县75.2%), with the regions
        // chained to it by 、，和 (君山区、湘阴县完成率超过60%).
        var mentions = new List<RegionMention>();
        for (int i = sentenceStart; i < percentStart;)
        {
            // Places the gazetteer lacks (a county's towns: 浦口街道) count where a list item starts.
            var mention = regions.MatchAt(text, i, allowBareAlias: false)
                          ?? (i == sentenceStart || text[i - 1] is '，' or ',' or '、' or '：' or ':' || text.AsSpan(0, i).EndsWith("其中") ? regions.SuffixAt(text, i) : null);
            if (mention is null || (mention.End < text.Length && !RegionResolver.IsListBoundary(text, mention.End))) { i++; continue; }
            mentions.Add(mention);
            i = mention.End;
        }
        int owner = mentions.FindLastIndex(m => !text[m.End..percentStart].Any(char.IsDigit) && text.IndexOfAny(['；', ';', '。'], m.End, percentStart - m.End) < 0);
        if (owner < 0) return [];
        var found = new List<string> { mentions[owner].Canonical };
        for (int k = owner - 1; k >= 0; k--)
        {
            string gap = text[mentions[k].End..mentions[k + 1].Start];
            if (gap.Any(c => c is not ('、' or '，' or ',' or '和' or '及' or ' '))) break;
            found.Insert(0, mentions[k].Canonical);
        }
        return found.Where(r => r != issuingRegion).Distinct().ToList();
    }

    /// <summary>The longest clause before a rate that still speaks of the amount before it (开工率达, 完工率为).</summary>
    private const int ShortRateClause = 5;

    private static readonly char[] ClauseBreaks = ['，', ',', '；', ';', '：', ':', '。', '！', '？'];

    private static (int Start, int End) ClauseAround(string text, int index, int floor)
    {
        int start = index <= 0 ? 0 : text.LastIndexOfAny(ClauseBreaks, Math.Max(0, index - 1)) + 1;
        if (start < floor) start = floor;
        int end = text.IndexOfAny(ClauseBreaks, index);
        return (start, end < 0 ? text.Length : end);
    }

    private static string ClauseBefore(string text, int index, int floor)
    {
        var (start, _) = ClauseAround(text, index, floor);
        return text[start..index];
    }

    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' or '!' or '?')
            {
                yield return (start, i + 1);
                start = i + 1;
            }
        }
        if (start < text.Length) yield return (start, text.Length);
    }

    /// <summary>The indicator an amount measures: its clause before it, without the filler words; else the words after it.</summary>
    private static string Indicator(string text, int clauseStart, int amountStart, Quantity? q)
    {
        string before = Cues.LeadingFiller().Replace(text[clauseStart..amountStart], "");
        // A list's later element (建成85个“口袋公园”、[7条]“网红”街区) is named by its own words, not by the elements before it.
        if (NumberRecognizer.Find(before).LastOrDefault(n => !n.IsBare) is { } previous
            && before.IndexOfAny(['、', '和', '及'], previous.End) is >= 0 and var separator)
            before = before[(separator + 1)..];
        before = Cues.CompletionBefore().Replace(before, "");
        before = Cues.GoalWords().Replace(before, "");
        before = Cues.StandardTail().Replace(before, "");
        before = before.TrimEnd('为', '达', '约', '近', '共', '了');
        if (before.Length >= 2) return CleanName(before);
        if (q is null) return "";
        int end = text.IndexOfAny(ClauseBreaks, q.End);
        string after = text[q.End..(end < 0 ? text.Length : end)];
        return CleanName(after.Split('、')[0]);
    }

    public static string CleanName(string name) =>
        name.Trim().TrimEnd('。', '，', ',', '；', ';', '：', ':', '、', ' ').TrimStart('、', '，', ',', ' ', '：', ':');
}
