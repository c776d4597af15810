using System.Globalization;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Learning.RoleModel;

namespace BulletinIngest.Extraction.Roles;

/// <summary>
/// Joins a target the rules read apart to the progress figure that measures it. Bulletins often state the
/// year's task with no cue word, or in an earlier sentence, before the progress: "新建配套管网46.5公里，已完成31.2公里，
/// 完成率67.1%"; "年度计划投资2.47亿元，截至12月底，完成投资2.41亿元，占年度计划的97.6%"; "将改造任务调整为21335户，…
/// 竣工20541户，竣工率为96.3%". When a lone amount (a target or a bare amount, no percent) stands close to an
/// amount done with a percent, in the same region and unit, and their ratio is the stated percent, the lone amount
/// is the target of the second, whatever words stand around them. A target the rules gave the figure whose ratio
/// disagrees with its percent (总投资3.82亿元 before the year's plan) yields to one that agrees. The stated percent is
/// the evidence, so numbers that disagree are never paired.
/// <para>When no figure holds the task, any amount of the text nearby may (<see cref="TaskMention"/>): also one the
/// roles read as no figure (将改造任务调整为21335户…竣工20541户，竣工率96.3%), a whole already counted against another
/// part (1739个子项已开工1457个、开工率83.8%，完工子项1248个、完工率71.8%), a goal in a heading. Then the ratio must
/// round to the written percentage (one unit of its last digit), as chance agreement is likelier among more numbers.
/// A percentage left alone (截至目前，完成率达100%) joins the nearby figure whose actual / target it states.</para>
/// <para>Also by consistency, scope and order: of two amounts of a sentence the percentage decides which is done
/// (<see cref="JoinByRatio"/>); a whole done in full is the target of its later-stage parts (<see cref="CountPartsAgainstWholeDone"/>);
/// a task sentence is the target of the next sentence's progress when that opens with the report's moment (<see cref="JoinTaskToProgressAfter"/>).</para>
/// </summary>
public static class TargetActualPairing
{
    /// <summary>How far (in percentage points) the ratio may be from the stated percent: the gold rule's tolerance.</summary>
    private const double Tolerance = 1.0;

    /// <summary>How far (characters) a task in another sentence is looked for: about a paragraph.</summary>
    private const int Reach = 200;

    /// <param name="amounts">every amount of the document's text, offsets into its full text as the figures'</param>
    /// <param name="text">the document's full text, the figures' offsets point into</param>
    public static List<Figure> Apply(IReadOnlyList<Figure> figures, IReadOnlyList<Quantity> amounts, string text)
    {
        var result = figures.ToList();
        JoinByRatio(result);
        for (int i = 0; i < result.Count; i++)
        {
            var done = result[i];
            if (done.Actual is not { } actual || done.Percent is not { } percent || done.Qualifier is not null) continue;
            if (done.Target is { } stated && Agrees(actual, stated, percent)) continue;
            int taskIndex = FindTask(result, i, actual, percent);
            if (taskIndex < 0)
            {
                if (TaskMention(amounts, result, done, actual, percent) is { } mention)
                    result[i] = done with
                    {
                        Target = mention.Value, Start = Math.Min(done.Start, mention.Start), Approximate = done.Approximate || mention.Approximate,
                        Why = done.Why + $"; target {mention.Value} read nearby: actual / target is the stated {percent}%",
                    };
                continue;
            }
            var task = result[taskIndex];
            result[i] = done with
            {
                Target = task.Target ?? task.Actual,
                // A bare verb (建成, 完工) names nothing: the task's words name the quantity.
                Indicator = task.Sentence == done.Sentence && (done.Indicator == done.Project || done.Indicator.Length < 4) ? task.Indicator : done.Indicator,
                Start = task.Sentence == done.Sentence ? Math.Min(task.Start, done.Start) : done.Start,
                Approximate = done.Approximate || task.Approximate,
            };
            result.RemoveAt(taskIndex);
            if (taskIndex < i) i--;
        }
        JoinLonePercents(result);
        CountPartsAgainstWholeDone(result, text);
        JoinTaskToProgressAfter(result, text);
        JoinTaskListToProgressAfter(result, text);
        JoinTaskToLaterProgress(result, text);
        JoinSharesToSentenceBefore(result, text);
        return result;
    }

    /// <summary>
    /// A sentence of amounts, then the very next sentence gives percentages and no amount of its own: the percentages
    /// are those amounts' shares, in order (上半年完成投资2.3亿元，／占年度投资计划的42.4%; 任务目标是棚改开工8264套，棚改安置房建成6985套。
    /// 截至目前，全市棚改项目开工率100%，棚改安置房基本建成率100%). One amount takes the first percentage; as many
    /// amounts as percentages pair in order; any other count is left apart. A figure with a target and an actual takes
    /// only the percentage its ratio rounds to. Not across table rows (a row's cells are no sentence of prose). Each
    /// percentage must say it is a share of a task (<see cref="StatesShareOf"/>): a rate of something else (普及率, 增长) stays apart.
    /// </summary>
    private static void JoinSharesToSentenceBefore(List<Figure> figures, string text)
    {
        for (int i = 0; i < figures.Count; i++)
        {
            if (i > 0 && figures[i - 1].Sentence == figures[i].Sentence) continue; // the sentence's figures from its first
            int amountsEnd = i;
            while (amountsEnd < figures.Count && figures[amountsEnd].Sentence == figures[i].Sentence) amountsEnd++;
            int sharesEnd = amountsEnd;
            while (sharesEnd < figures.Count && figures[sharesEnd].Sentence == figures[amountsEnd].Sentence) sharesEnd++;
            var amounts = figures.GetRange(i, amountsEnd - i);
            var shares = figures.GetRange(amountsEnd, sharesEnd - amountsEnd);
            if (shares.Count == 0 || !amounts.All(f => f is { Percent: null, Qualifier: null } && (f.Target ?? f.Actual) is not null)
                || !shares.All(f => f is { Target: null, Actual: null, Percent: not null, Qualifier: null })
                || amounts.Count != shares.Count
                || amounts.Any(f => f.Unit is null || f.Unit.Contains('%') || f.Unit.Contains('/'))
                || amounts.Concat(shares).Any(f => f.Region != amounts[0].Region || IsTableRow(f.Sentence))
                || !NextSentence(text, amounts[^1].End, shares[0].Start)
                || shares.Any(f => NamedInBrackets(text, f))) continue;
            var joined = amounts.Select((f, k) => (Amount: f, Share: shares[k])).ToList();
            if (joined.Any(j => j.Amount is { Target: { } t, Actual: { } a } && !RoundsTo(a, t, j.Share.Percent!.Value)
                || !StatesShareOf(text, j.Share, j.Amount))) continue;
            foreach (var (amount, share) in joined)
                figures[figures.IndexOf(amount)] = amount with
                {
                    Percent = share.Percent, End = share.End,
                    Why = amount.Why + $"; percent {share.Percent}% in the next sentence, which states no amount of its own",
                };
            foreach (var (_, share) in joined) figures.Remove(share);
            i = amountsEnd - 1;
        }
    }

    /// <summary>
    /// A percentage in brackets right after a name (现代服务业发展工程(80.16%)): a ranking's value of its own thing, not
    /// a share of the amounts before.
    /// </summary>
    private static bool NamedInBrackets(string text, Figure share)
    {
        if (share.End > text.Length) return false;
        int at = share.End;
        while (at > share.Start && (char.IsAsciiDigit(text[at - 1]) || text[at - 1] is '.' or '%' or '％')) at--;
        return at - 2 >= share.Start && text[at - 1] is '(' or '（' && char.IsLetter(text[at - 2]);
    }

    /// <summary>
    /// The percentage's clause says it is a share of a task: a share or completion word of role-cues.tsv (占年度投资计划的,
    /// 完成率), or a rate of the stage the amount counts (棚改开工8264套 … 棚改项目开工率100%: the verb before 率 is in the amount's words).
    /// </summary>
    private static bool StatesShareOf(string text, Figure share, Figure amount)
    {
        if (share.End > text.Length || amount.End > text.Length) return false;
        string clause = text[share.Start..share.End], counted = text[amount.Start..amount.End];
        var cues = Candidates.CandidateFinder.Default;
        if (cues.WordsOf("share").Concat(cues.WordsOf("completion")).Any(w => clause.Contains(w, StringComparison.Ordinal))) return true;
        int rate = clause.LastIndexOf('率');
        return rate > 0 && cues.Verbs(clause).Any(v => v.At + v.Word.Length == rate && counted.Contains(v.Word, StringComparison.Ordinal));
    }

    /// <summary>
    /// The second offset is in the sentence right after the first's: exactly one sentence end (a run of 。！？；) between,
    /// on one line; or no sentence end, the line broken after a clause's comma (上半年完成投资2.3亿元，／占…). A sentence
    /// end then a line break is a new paragraph (the next item of a list), no continuation.
    /// </summary>
    private static bool NextSentence(string text, int from, int to)
    {
        if (from >= to || to > text.Length) return false;
        var between = text.AsSpan(from, to - from);
        int ends = 0;
        for (int k = 0; k < between.Length; k++)
            if (IsSentenceEnd(between[k]) && (k == 0 || !IsSentenceEnd(between[k - 1]))) ends++;
        int lineBreak = between.IndexOf('\n');
        if (lineBreak < 0) return ends == 1;
        var line = between[..lineBreak].TrimEnd();
        return ends == 0 && line.Length > 0 && line[^1] is '，' or ',';
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or ';';

    private static bool IsTableRow(string sentence) => sentence.Contains('\t') || sentence.Contains('|');

    /// <summary>
    /// A task stated in a sentence of its own, then the next sentence opens with the report's moment and gives the amount
    /// of its unit done (開建保障性住房5萬套。目前，太原市已經新開工建設保障性安居工程20621套): the task is that amount's target.
    /// Only the very next figure, only the next sentence, and only a lone target and a lone amount done.
    /// </summary>
    private static void JoinTaskToProgressAfter(List<Figure> figures, string text)
    {
        for (int i = 0; i + 1 < figures.Count; i++)
        {
            var (task, done) = (figures[i], figures[i + 1]);
            if (task is not { Target: { } target, Actual: null, Percent: null, Qualifier: null } || done is not { Target: null, Actual: not null, Qualifier: null }) continue;
            if (task.Region != done.Region || task.Unit is null || task.Unit != done.Unit || task.Unit.Contains('/') || done.Start < task.End || done.Start > text.Length) continue;
            if (done.Percent is { } stated && !RoundsTo(done.Actual.Value, target, stated)) continue;
            // A task among other tasks of its unit is a list's (JoinTaskListToProgressAfter's), not the next amount's.
            if (figures.Any(f => f != task && f.Sentence == task.Sentence && f.Unit == task.Unit && f is { Target: not null, Actual: null })) continue;
            int end = text.IndexOfAny(['。', '；', '！', '？'], task.End, Math.Min(text.Length, done.Start + 1) - task.End);
            if (end < 0 || text.IndexOfAny(['。', '；', '！', '？', '\n'], end + 1, done.Start - end - 1) >= 0) continue;
            // The done figure's span may open at the moment word itself (目前累计完成投资4622万元): read the sentence's opening.
            var next = text.AsSpan(end + 1).TrimStart();
            bool opensWithMoment = false;
            // The words that date a progress report (截至, 目前): class asof of models/rules/role-tense.tsv.
            foreach (var word in RoleFeatures.TenseWordsOf("asof")) opensWithMoment |= next.StartsWith(word, StringComparison.Ordinal);
            if (!opensWithMoment) continue;
            figures[i + 1] = done with { Target = target, Start = task.Start, Why = done.Why + $"; target {target} the task stated in the sentence before" };
            figures.RemoveAt(i);
        }
    }

    /// <summary>
    /// A sentence of tasks only, then the very next sentence of as many amounts done only, unit by unit in the same order:
    /// the progress restates the plan's breakdown, each amount done against its task (国家下达投资计划126763万元(中央新增投资46000万元…)。
    /// 目前累计完成投资46227万元(新增中央投资29569万元…); 计划投资204361.35万元,其中:中央31510.64万元,…。已到位资金198490.58万元,其中:中央23007万元,…).
    /// At least two of each (one and one is <see cref="JoinTaskToProgressAfter"/>'s), not table rows, a percentage only where the ratio states it.
    /// </summary>
    private static void JoinTaskListToProgressAfter(List<Figure> figures, string text)
    {
        for (int i = 0; i < figures.Count; i++)
        {
            if (i > 0 && figures[i - 1].Sentence == figures[i].Sentence) continue; // the sentence's figures from its first
            int tasksEnd = i;
            while (tasksEnd < figures.Count && figures[tasksEnd].Sentence == figures[i].Sentence) tasksEnd++;
            int donesEnd = tasksEnd;
            while (donesEnd < figures.Count && figures[donesEnd].Sentence == figures[tasksEnd].Sentence) donesEnd++;
            var tasks = figures.GetRange(i, tasksEnd - i);
            var dones = figures.GetRange(tasksEnd, donesEnd - tasksEnd);
            if (tasks.Count < 2 || tasks.Count != dones.Count || IsTableRow(tasks[0].Sentence) || IsTableRow(dones[0].Sentence)) continue;
            if (!tasks.All(f => f is { Target: > 0, Actual: null, Percent: null, Qualifier: null }) || !dones.All(f => f is { Target: null, Actual: not null, Qualifier: null })) continue;
            var pairs = tasks.Zip(dones).ToList();
            if (pairs.Any(p => p.First.Unit is null || p.First.Unit != p.Second.Unit || p.First.Region != p.Second.Region
                || p.Second.Percent is { } stated && !RoundsTo(p.Second.Actual!.Value, p.First.Target!.Value, stated))) continue;
            if (!NextSentence(text, tasks[^1].End, dones[0].Start)) continue;
            foreach (var (task, done) in pairs)
                figures[figures.IndexOf(done)] = done with { Target = task.Target, Why = done.Why + $"; target {task.Target} the task in the same place of the sentence before's list" };
            figures.RemoveRange(i, tasks.Count);
            i--;
        }
    }

    /// <summary>How alike a task's name and its progress's must be (bigram Dice): the scorer's measure of one figure.</summary>
    private const double AlikeNames = 0.3;

    /// <summary>
    /// A task stated in a sentence of its own, then in a later sentence nearby the amount of its unit done, named alike
    /// (计划全年新实施农村公路安全生命防护工程5万公里…。截至7月底，全国已实施农村公路安全生命防护工程4.7万公里; 规划建设公办幼儿园61所。
    /// …已建成56所公办幼儿园): the task is that amount's target. The first lone amount done of the unit after the task takes it,
    /// unless another task of the unit stands between (it is that one's) or its percentage disagrees with the ratio. Not a
    /// task among others of its unit in its sentence (a list of goals, restated one by one later), not a part in brackets
    /// (投资计划126763万元(中央新增投资46000万元…)), not across a ；only (the next item of one sentence).
    /// </summary>
    private static void JoinTaskToLaterProgress(List<Figure> figures, string text)
    {
        var cues = Candidates.CandidateFinder.Default;
        for (int i = 0; i < figures.Count; i++)
        {
            var task = figures[i];
            if (task is not { Target: { } target, Actual: null, Percent: null, Qualifier: null, Optional: false } || target <= 0) continue;
            if (task.Unit is null || task.Unit.Contains('/') || task.Unit.Contains('%') || task.End > text.Length || InBrackets(text, task.End)) continue;
            if (figures.Any(f => f != task && f.Sentence == task.Sentence && f.Unit == task.Unit && f is { Target: not null, Actual: null } && !InBrackets(text, f.End))) continue;
            for (int j = i + 1; j < figures.Count; j++)
            {
                var done = figures[j];
                if (done.Start - task.End > 2 * Reach) break;
                if (done.Region != task.Region || done.Unit != task.Unit) continue;
                if (done.Target is not null && InBrackets(text, done.End)) continue; // a part of the task
                if (done.Target is not null) break; // another task of the unit, or a figure whole already: the later amounts are its
                if (done is not { Actual: { } actual, Qualifier: null } || done.Start < task.End || InBrackets(text, done.End)) continue;
                if (done.Percent is { } stated && !RoundsTo(actual, target, stated)) break;
                if (text.IndexOfAny(['。', '！', '？', '\n'], task.End, done.Start - task.End) < 0) continue;
                if (!cues.HasVerb(text[done.Start..done.End]) || Evaluation.FigureScorer.Dice(NameOf(task), NameOf(done)) < AlikeNames) continue;
                figures[j] = done with { Target = target, Why = done.Why + $"; target {target} the task stated before, named alike" };
                figures.RemoveAt(i);
                i--;
                break;
            }
        }
    }

    /// <summary>The offset stands inside brackets opened in its sentence (a part of the amount before: …(中央新增投资46000万元).</summary>
    private static bool InBrackets(string text, int at)
    {
        for (int k = Math.Min(at, text.Length) - 1; k >= 0; k--)
        {
            if (text[k] is '（' or '(') return true;
            if (text[k] is '）' or ')' or '。' or '！' or '？' or '；' or ';' or '\n') return false;
        }
        return false;
    }

    private static string NameOf(Figure f) => Evaluation.FigureScorer.NameOf(f.Project, f.Indicator);

    /// <summary>
    /// A whole done in full at one stage, then in its sentence the parts of it at a later stage
    /// (今年建设的404户已全部开工，其中：完成主体348户，封顶261户，完工179户; 90公里公交专用道已全部立项，其中19公里已开工建设):
    /// the whole is each part's target. A part is a lone amount done of the whole's unit, after it and smaller, said to be
    /// of it (其中 between) or counting the same noun (115个小区…全部开工，34个小区已经完工); another thing counted in the unit
    /// (45所义务教育学校已经全部开工，…24所中职学校打造特色专业) is no part.
    /// </summary>
    private static void CountPartsAgainstWholeDone(List<Figure> figures, string text)
    {
        foreach (var whole in figures.Where(f => f is { Target: { } t, Actual: { } a, Percent: null } && Quantity.Same(t, a)).ToList())
            for (int j = 0; j < figures.Count; j++)
            {
                var part = figures[j];
                if (part is not { Target: null, Actual: { } done } || part.Sentence != whole.Sentence || part.Start < whole.End) continue;
                if (part.Region != whole.Region || part.Unit is null || part.Unit != whole.Unit || part.Qualifier is not null || part.End > text.Length) continue;
                if (done >= whole.Target!.Value || part.Percent is { } stated && !RoundsTo(done, whole.Target.Value, stated)) continue;
                if (!text.AsSpan(whole.End, part.End - whole.End).Contains("其中", StringComparison.Ordinal) && !SameNounAfter(text, whole.End, part.End)) continue;
                figures[j] = part with
                {
                    Target = whole.Target, Start = Math.Min(part.Start, whole.Start),
                    Why = part.Why + $"; target {whole.Target} the whole done in full at an earlier stage, of which this is a part",
                };
            }
    }

    /// <summary>
    /// Two amounts of one sentence read apart, one with a percentage: whichever of the two the percentage states as
    /// a share of the other is the amount done, the other its target, whatever roles the words gave them
    /// (募集见习岗位325个 完成330个，完成率101.54%; 实现新增就业21.89万人，完成全年23万人目标任务的95.17%;
    /// 完成投资6447万元，占项目总投入10342万元的62.33%).
    /// </summary>
    private static void JoinByRatio(List<Figure> figures)
    {
        for (int i = 0; i < figures.Count; i++)
        {
            var measured = figures[i];
            if (measured.Percent is not { } percent || measured.Qualifier is not null || OneAmount(measured) is not { } mine) continue;
            int best = -1, bestDistance = int.MaxValue;
            bool mineIsTarget = false;
            for (int j = 0; j < figures.Count; j++)
            {
                var lone = figures[j];
                if (j == i || lone.Percent is not null || lone.Qualifier is not null || OneAmount(lone) is not { } theirs) continue;
                if (lone.Sentence != measured.Sentence || lone.Region != measured.Region || !SameCountedUnit(lone.Unit, measured.Unit)) continue;
                // An amount after the percentage is the next figure's (已完成52公里，完成率65%，新建80公里).
                if (lone.Start >= measured.End) continue;
                bool theirsDone = RoundsTo(theirs, mine, percent), mineDone = RoundsTo(mine, theirs, percent);
                // Equal amounts (100%) or a ratio either way round (rounding near 100%) say nothing of which is done.
                if (theirsDone == mineDone || Quantity.Same(mine, theirs)) continue;
                int distance = Gap(measured, lone.Start, lone.End);
                if (distance >= bestDistance) continue;
                (best, bestDistance, mineIsTarget) = (j, distance, theirsDone);
            }
            if (best < 0) continue;
            var other = figures[best];
            double otherAmount = OneAmount(other)!.Value;
            var (target, actual) = mineIsTarget ? (mine, otherAmount) : (otherAmount, mine);
            var (done, task) = mineIsTarget ? (other, measured) : (measured, other);
            figures[i] = measured with
            {
                // The amount done names the figure; a bare verb (开展, 完成) names nothing, the task's words do.
                Project = done.Project, Indicator = done.Indicator == done.Project || done.Indicator.Length < 4 ? task.Indicator : done.Indicator,
                Target = target, Actual = actual,
                Start = Math.Min(measured.Start, other.Start), End = Math.Max(measured.End, other.End),
                Approximate = measured.Approximate || other.Approximate,
                Why = measured.Why + $"; {otherAmount} joined: the percentage {percent}% states {actual} / {target}",
            };
            figures.RemoveAt(best);
            if (best < i) i--;
        }
    }

    /// <summary>The two characters after two counts are the same noun (115个[小区], 34个[小区]).</summary>
    private static bool SameNounAfter(string text, int wholeEnd, int partEnd) =>
        wholeEnd + 2 <= text.Length && partEnd + 2 <= text.Length && text.AsSpan(wholeEnd, 2).SequenceEqual(text.AsSpan(partEnd, 2))
        && char.IsLetter(text[wholeEnd]);

    /// <summary>The figure's one amount (its target or its actual, not both), when it is positive.</summary>
    private static double? OneAmount(Figure f) =>
        (f.Target is null) == (f.Actual is null) ? null : (f.Target ?? f.Actual) is > 0 and var v ? v : null;

    /// <summary>One unit, or a count and its count of times (人 and 人次: 开展培训8000人次，完成2579人); no rate unit.</summary>
    private static bool SameCountedUnit(string? a, string? b) =>
        a is not null && b is not null && !a.Contains('/') && !b.Contains('/')
        && (a == b || a + "次" == b || b + "次" == a);

    /// <summary>done / task rounds to the written percentage (one unit of its last digit).</summary>
    private static bool RoundsTo(double done, double task, double percent) =>
        Math.Abs(done / task * 100 - percent) <= LastDigit(percent);

    /// <summary>
    /// The nearest amount of the figure's unit, in its sentence or close by, not the actual itself, whose ratio
    /// rounds to the percentage; null when none does.
    /// </summary>
    private static Quantity? TaskMention(IReadOnlyList<Quantity> amounts, List<Figure> figures, Figure done, double actual, double percent)
    {
        if (done.Unit is null || done.Unit.Contains('/')) return null;
        Quantity? best = null;
        int bestDistance = int.MaxValue;
        foreach (var q in amounts)
        {
            if (q.IsPercent || q.IsBare || q.Unit != done.Unit || q.Qualifier is not null) continue;
            // The actual's own mention, or its value restated: an amount done in full (100%) is no evidence of a task.
            if (Quantity.Same(q.Value, actual)) continue;
            int distance = Gap(done, q.Start, q.End);
            if (distance > Reach || distance >= bestDistance) continue;
            if (q.Value <= 0 || !RoundsTo(actual, q.Value, percent)) continue;
            // An amount done that its own percentage measures (新开工8000公里、建成4000公里，分别占…80%、50%) is no one's task.
            if (figures.Any(f => f.Percent is not null && f.Actual is { } other && Quantity.Same(other, q.Value) && q.Start >= f.Start && q.Start < f.End)) continue;
            (best, bestDistance) = (q, distance);
        }
        return best;
    }

    /// <summary>
    /// A percentage alone (no amount) joins the nearest figure of its region with a target and an actual and no
    /// percentage whose ratio rounds to it: the percentage stated apart from the amounts it measures
    /// (新建停车泊位目标任务2000个，已建成1700个。截至目前，完成率达85%).
    /// </summary>
    private static void JoinLonePercents(List<Figure> figures)
    {
        for (int i = 0; i < figures.Count; i++)
        {
            var alone = figures[i];
            if (alone is not { Target: null, Actual: null, Percent: { } percent, Qualifier: null }) continue;
            int best = -1, bestDistance = int.MaxValue;
            for (int j = 0; j < figures.Count; j++)
            {
                var f = figures[j];
                if (j == i || f.Percent is not null || f.Target is not { } target || f.Actual is not { } actual || f.Region != alone.Region) continue;
                int distance = Gap(alone, f.Start, f.End);
                // Every amount done in full (target = actual) states 100%: that is no evidence of which one a percentage measures.
                if (distance > Reach || distance >= bestDistance || target <= 0 || Quantity.Same(actual, target)) continue;
                if (!RoundsTo(actual, target, percent)) continue;
                (best, bestDistance) = (j, distance);
            }
            if (best < 0) continue;
            figures[best] = figures[best] with
            {
                Percent = percent, End = Math.Max(figures[best].End, alone.End),
                Why = figures[best].Why + $"; percent {percent}% stated apart: it is actual / target",
            };
            figures.RemoveAt(i);
            i--;
        }
    }

    /// <summary>One unit of the percentage's last written digit (96.3 → 0.1, 60 → 1), at most the gold rule's tolerance.</summary>
    private static double LastDigit(double percent)
    {
        string written = percent.ToString("R", CultureInfo.InvariantCulture);
        int point = written.IndexOf('.');
        return point < 0 ? Tolerance : Math.Min(Tolerance, Math.Pow(10, -(written.Length - point - 1)));
    }

    /// <summary>The characters between a figure and a span of the text: 0 when they overlap.</summary>
    private static int Gap(Figure figure, int start, int end) => Math.Max(0, Math.Max(figure.Start - end, start - figure.End));

    private static bool Agrees(double actual, double target, double percent) =>
        target > 0 && Math.Abs(actual / target * 100 - percent) <= Tolerance;

    /// <summary>The nearest lone amount of the same region and unit, close by (before it, or soon after: 完成任务3.1公里，完成率103.33%…下达任务3公里), whose ratio the percent states.</summary>
    private static int FindTask(List<Figure> figures, int doneIndex, double actual, double percent)
    {
        var done = figures[doneIndex];
        int best = -1, bestDistance = int.MaxValue;
        for (int j = 0; j < figures.Count; j++)
        {
            var task = figures[j];
            if (j == doneIndex) continue;
            int distance = Gap(done, task.Start, task.End);
            if (task.Sentence != done.Sentence && distance > Reach || distance >= bestDistance) continue;
            if (task.Region != done.Region || task.Unit is null || task.Unit != done.Unit || task.Unit.Contains('/')) continue;
            if (task.Percent is not null || task.Qualifier is not null || (task.Target is null) == (task.Actual is null)) continue;
            if (task.Sentence == done.Sentence && task.Start >= done.Start && task.End > done.End) continue;
            if (!Agrees(actual, (task.Target ?? task.Actual)!.Value, percent)) continue;
            (best, bestDistance) = (j, distance);
        }
        return best;
    }
}
