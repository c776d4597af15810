using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// The document's own summary of its programme: a count of projects (the whole: `20件民生实事`, `10个方面100件实事`,
/// `20项民心工程涉及的48项具体工作`) and, in the same or a later paragraph, the counts of them at a stage (the parts:
/// `…等11件民生实事项目已提前完成`, `已完成26件，完成率40%`, `其余97件实事均已完成`). Each part becomes one figure: the
/// whole as target (the project named as the text writes the whole), the part as actual, its share as percent; a
/// completed count is required, another stage optional. The mentions it uses are taken, so the prose and item paths
/// do not make figures of them again; a whole no part is counted against is a programme's size, no figure (in a
/// bulletin), and is left out with its reason. Words: models/rules/project-tallies.tsv.
/// </summary>
public sealed class ProjectTally
{
    /// <summary>How far (percentage points) a stated share may be from part/whole and still be the part's share (rounding: 11/20 is 55%, 1/3 33.3%).</summary>
    private const double ShareTolerance = 1.0;

    private readonly Dictionary<string, string[]> _words;

    private ProjectTally(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        _words = rows.GroupBy(r => r["kind"]).ToDictionary(g => g.Key,
            g => g.SelectMany(r => r["words"].Split('|', StringSplitOptions.RemoveEmptyEntries)).OrderByDescending(w => w.Length).ToArray());

    private static readonly Lazy<ProjectTally> Loaded = new(() => new ProjectTally(TsvFile.Read(ModelFiles.PathOf("rules/project-tallies.tsv"))));
    public static ProjectTally Default => Loaded.Value;

    /// <summary>How far (characters of the document) a part may stand from the whole it is counted against.</summary>
    private const int WholeReach = 600;

    /// <summary>The longest modifier between a count and its programme noun (20件[重点]民生实事, 10项[民生实事]项目).</summary>
    private const int NounReach = 6;

    /// <param name="Fields">The count of fields or kinds its name starts with (10个方面 of 10个方面100件实事), taken with it.</param>
    private sealed record Whole(ItemUnit Unit, Quantity Q, int SourceStart, string Phrase, Quantity? Fields = null)
    {
        public bool Counted { get; set; }
    }

    /// <summary>What <see cref="Read"/> found: per text unit, its tally figures and the mentions they took.</summary>
    public sealed class Reading
    {
        public Dictionary<ItemUnit, List<FigureDraft>> Figures { get; } = [];
        private readonly Dictionary<ItemUnit, List<Quantity>> _taken = [];
        public List<string> Rejected { get; } = [];

        /// <summary>The starts of the unit's taken mentions.</summary>
        public IReadOnlySet<int> TakenIn(ItemUnit unit) => _taken.TryGetValue(unit, out var taken) ? taken.Select(q => q.Start).ToHashSet() : new HashSet<int>();
        public IEnumerable<FigureDraft> FiguresOf(ItemUnit unit) => Figures.TryGetValue(unit, out var figures) ? figures : [];

        internal void Take(ItemUnit unit, Quantity q)
        {
            if (!_taken.TryGetValue(unit, out var taken)) _taken[unit] = taken = [];
            taken.Add(q);
        }

        /// <summary>The drafts that use no taken mention (a number equal to one taken inside the draft's span).</summary>
        public List<FigureDraft> Without(ItemUnit unit, List<FigureDraft> drafts)
        {
            if (!_taken.TryGetValue(unit, out var taken)) return drafts;
            return drafts.Where(d => !taken.Any(q => q.Start >= d.Start && q.Start < Math.Max(d.End, d.Start + 1)
                && new[] { d.Target, d.Actual, d.Percent }.Any(v => v is { } n && Quantity.Same(n, q.Value)))).ToList();
        }
    }

    /// <summary>The tallies of a document's text units, read in order (a part may count against a whole of an earlier paragraph).</summary>
    public Reading Read(IReadOnlyList<ItemUnit> units, string issuingRegion, bool isPlan)
    {
        var reading = new Reading();
        var wholes = new List<Whole>();
        foreach (var unit in units)
        {
            string text = unit.Text.Text;
            var quantities = NumberRecognizer.Find(text);
            foreach (var (sentenceStart, sentenceEnd) in Clauses.Sentences(text))
            {
                var clauses = Clauses.Of(text, sentenceStart, sentenceEnd);
                for (int k = 0; k < clauses.Count; k++)
                {
                    var (clauseStart, clauseEnd) = clauses[k];
                    var inClause = quantities.Where(q => q.Start >= clauseStart && q.Start < clauseEnd).ToList();
                    for (int i = 0; i < inClause.Count; i++)
                    {
                        var q = inClause[i];
                        if (!IsCount(q)) continue;
                        var next = i + 1 < inClause.Count ? inClause[i + 1] : null;
                        var previous = i > 0 ? inClause[i - 1] : null;
                        string after = text[q.End..(next?.Start ?? clauseEnd)];
                        string before = text[(previous?.End ?? clauseStart)..q.Start];
                        var (nounStart, nounEnd) = Noun(after, text[clauseStart..clauseEnd]);
                        // 决定实施重点民生实事20件: the programme named before its count.
                        int namedBefore = nounEnd < 0 && !Has("done", after) ? ProgrammeBefore(before) : -1;
                        // 有一定进度的实事项目11个: a stage before the programme's name makes the count a part.
                        if (namedBefore >= 0 && before[..namedBefore].EndsWith('的') && StatusIn(before[..namedBefore]) is not null) namedBefore = -1;
                        if (namedBefore >= 0) (nounStart, nounEnd) = (0, 0);
                        bool wholeShaped = nounEnd >= 0;
                        string rest = after[Math.Max(nounEnd, 0)..];
                        // A stage after the noun is the count's own unless another amount follows it (65件…已完成26件, 51件…累计完成投资192亿元).
                        // A mark right after the count (已开工1457个、开工率83.8%) leaves its stage to the words before it.
                        string? status = next is not null && !next.IsPercent || rest.Length == 0 || IsPunctuation(rest[0]) ? null : StatusIn(rest);
                        string? stage = status is null ? null : AfterPhrase(rest);
                        if (status is null && StatusBefore(before, wholeShaped) is { } lead)
                            (status, stage) = (lead, BeforePhrase(before, lead));
                        int sourceStart = unit.Text.SourceOffset(q.Start);
                        bool all = status == "done" && Has("all", before + after);
                        // 20项民心工程涉及的48项具体工作 / 16项工程类民生实事: a list within the programme, a whole of its own.
                        var owner = wholes.LastOrDefault();
                        bool breakdown = owner is not null && owner.Unit == unit && ReferenceEquals(owner.Q, previous) && before.EndsWith('的');
                        bool subProgramme = wholeShaped && Has("sub-programme", after[..nounStart]);
                        string ownPhrase = breakdown ? owner!.Phrase
                            : namedBefore >= 0 ? text[(q.Start - before.Length + namedBefore)..q.End]
                            : wholeShaped ? NamePhrase(text, q, previous, nounEnd, clauseStart) : text[q.Start..q.End];
                        // 新启动5个改造项目: a count of something else than the programme's projects is no part of it.
                        if (status is not null && !wholeShaped && !breakdown && !StageFollows(after)) continue;
                        if ((status is null || breakdown || subProgramme) && !all)
                        {
                            if (wholeShaped || breakdown) wholes.Add(new Whole(unit, q, sourceStart, ownPhrase, FieldsBefore(text, q, previous, ownPhrase)));
                            continue;
                        }
                        var whole = breakdown || subProgramme ? null : wholes.LastOrDefault(w => w.Q.Value >= q.Value && sourceStart - w.SourceStart <= WholeReach && SameKind(w, q, after));
                        // 20个建制村…项目已完工15个: a part with a whole of its own before it in its clause is that one's, the prose's figure.
                        if (whole is not null && !ReferenceEquals(whole.Q, previous) && previous is { IsPercent: false } own && own.Unit == q.Unit && own.Value >= q.Value) continue;
                        // 29项为民办实事…如期完成 / 6项任务均已完成: one count that is both the whole and the part.
                        if (whole is null && !(all && (wholeShaped || breakdown))) continue;
                        // 我省20项民心工程取得重要进展: the whole restated with a stage, not a count at that stage.
                        if (whole is not null && status != "done" && Quantity.Same(whole.Q.Value, q.Value) && !Has("all", before + after))
                        {
                            if (wholeShaped) wholes.Add(new Whole(unit, q, sourceStart, ownPhrase));
                            continue;
                        }
                        // 其余17件按进度推进中: the rest still under way is left to the prose, which reads it as no figure.
                        if (status != "done" && Has("remainder", before)) continue;
                        // 有19项完成进度在75%以上: a count by a bound on the rate its items reached is no count at a stage; the prose reads it.
                        if (status == "how-far" && next is { IsPercent: true, Qualifier: not null }) continue;
                        var share = ShareAfter(text, quantities, q, clauses, k);
                        // 等10项完成率100% (of 45): a rate that is not the part's share of the whole is the items' own rate, no count at a stage.
                        if (status == "how-far" && share is not null && whole is not null && Math.Abs(q.Value / whole.Q.Value * 100 - share.Value) > ShareTolerance) continue;
                        string project = whole?.Phrase ?? ownPhrase;
                        string indicator = stage is { Length: > 0 } ? stage : status!;
                        bool mixed = Has("mixed", before + after);
                        var draft = new FigureDraft
                        {
                            Region = unit.LeadRegion?.Canonical ?? issuingRegion,
                            Tier = unit.Tier,
                            Project = project,
                            Indicator = indicator,
                            Target = whole?.Q.Value ?? q.Value,
                            Actual = q.Value,
                            Unit = q.Unit,
                            Percent = share?.Value,
                            Approximate = q.Approximate,
                            Optional = status != "done" || mixed || q.Approximate,
                            Start = whole is not null && whole.Unit == unit && whole.Q.Start < clauseStart ? whole.Q.Start : clauseStart,
                            End = share?.End ?? q.End,
                            Why = $"project tally: whole {(whole is null ? "the part itself (all done)" : whole.Phrase)}, part {text[q.Start..q.End]} {status} ({indicator})"
                                  + (share is null ? "" : $", share {text[share.Start..share.End]}"),
                        };
                        if (!reading.Figures.TryGetValue(unit, out var figures)) reading.Figures[unit] = figures = [];
                        figures.Add(draft);
                        reading.Take(unit, q);
                        if (share is not null) reading.Take(unit, share);
                        if (whole is null) continue;
                        whole.Counted = true;
                        reading.Take(whole.Unit, whole.Q);
                        if (whole.Fields is not null) reading.Take(whole.Unit, whole.Fields);
                    }
                }
            }
        }
        // 大力实施20项民生工程: in a bulletin the programme's size alone states no progress (a plan's is its target).
        if (!isPlan)
            foreach (var whole in wholes.Where(w => !w.Counted))
            {
                reading.Take(whole.Unit, whole.Q);
                if (whole.Fields is not null) reading.Take(whole.Unit, whole.Fields);
                reading.Rejected.Add($"{whole.Unit.Text.Text[whole.Q.Start..whole.Q.End]} in \"{whole.Phrase}\" ← a programme's count of projects with no count at a stage (ProjectTally)");
            }
        return reading;
    }

    private bool IsCount(Quantity q) => q.Unit is { } unit && _words["count-unit"].Contains(unit);

    private bool Has(string kind, string words) => _words[kind].Any(w => words.Contains(w, StringComparison.Ordinal));

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || c is '、' or '，' or '。' or '；' or '：';

    /// <summary>
    /// Where the programme noun after a count starts and ends (件重点[民生实事]), or (-1, -1): a programme word within a
    /// few characters, or a sub-unit word right after the count when its clause names a programme (民生工程项目112个[小项]).
    /// </summary>
    private (int Start, int End) Noun(string after, string clause)
    {
        (int Start, int End) best = (-1, -1);
        foreach (var word in _words["programme"])
        {
            int at = after.IndexOf(word, StringComparison.Ordinal);
            if (at < 0 || at > NounReach || after[..at].Any(c => IsPunctuation(c) || char.IsAsciiDigit(c)) || StatusIn(after[..at]) is not null) continue;
            if (at + word.Length > best.End) best = (at, at + word.Length);
        }
        if (best.End >= 0) return best;
        foreach (var word in _words["sub-unit"])
            if (after.StartsWith(word, StringComparison.Ordinal) && _words["programme"].Any(p => clause.Contains(p, StringComparison.Ordinal)))
                return (0, word.Length);
        return (-1, -1);
    }

    /// <summary>
    /// The whole's words: the count through its noun, with a count of fields or kinds just before it (10个方面100件实事);
    /// a sub-unit's count with the programme before it in its clause (15项民生实事、40个项目).
    /// </summary>
    private string NamePhrase(string text, Quantity q, Quantity? previous, int nounEnd, int clauseStart)
    {
        int start = previous is not null && previous.End >= q.Start - 3 && !text[previous.End..q.Start].Any(IsPunctuation) ? previous.Start : q.Start;
        if (_words["programme"].Any(p => text.AsSpan(q.End, nounEnd).Contains(p, StringComparison.Ordinal))) return text[start..(q.End + nounEnd)];
        int from = Math.Max(clauseStart, start - NameReach);
        if (start == from) return text[start..(q.End + nounEnd)];
        var programme = _words["programme"].Select(p => (At: text.LastIndexOf(p, start - 1, start - from, StringComparison.Ordinal), p.Length))
            .Where(m => m.At >= 0).OrderByDescending(m => m.At).ThenByDescending(m => m.Length).FirstOrDefault();
        if (programme.Length == 0) return text[start..(q.End + nounEnd)];
        int programmeStart = previous is not null && previous.End == programme.At ? previous.Start : programme.At;
        return text[programmeStart..(programme.At + programme.Length)] + text[q.End..(q.End + nounEnd)];
    }

    private static Quantity? FieldsBefore(string text, Quantity q, Quantity? previous, string phrase) =>
        previous is not null && phrase.StartsWith(text[previous.Start..previous.End], StringComparison.Ordinal) ? previous : null;

    /// <summary>How far before a sub-unit's count its programme may be named (15项民生实事、40个项目).</summary>
    private const int NameReach = 16;

    /// <summary>Where a programme word ends the words before a count (重点民生实事[20件], 共确定为民办实事项目[27个]), or -1.</summary>
    private int ProgrammeBefore(string before)
    {
        string trimmed = before.TrimEnd('共', '计', '有', '达');
        return _words["programme"].Where(p => trimmed.EndsWith(p, StringComparison.Ordinal)).Select(p => trimmed.Length - p.Length).DefaultIfEmpty(-1).Min();
    }

    /// <summary>A part counts against a whole of its unit, or of the unit its noun ends in (112个小项…46项); 个项目 against any.</summary>
    private bool SameKind(Whole whole, Quantity part, string after) =>
        whole.Q.Unit == part.Unit || part.Unit is { } unit && whole.Phrase.EndsWith(unit, StringComparison.Ordinal)
        || part.Unit == "个" && (after.StartsWith("项目", StringComparison.Ordinal) || whole.Phrase.EndsWith("项目", StringComparison.Ordinal));

    /// <summary>After a count, with its sub-unit noun (个[项目]已完成), a stage or a mark: the count is the programme's own.</summary>
    private bool StageFollows(string after)
    {
        string rest = _words["sub-unit"].FirstOrDefault(w => after.StartsWith(w, StringComparison.Ordinal)) is { } noun ? after[noun.Length..] : after;
        return rest.Length == 0 || IsPunctuation(rest[0]) || StatusIn(rest[..Math.Min(rest.Length, 6)]) is not null;
    }

    /// <summary>done, not-done, how-far, status or null: the stage the words state (部分完成 is not done though it holds 完成).</summary>
    private string? StatusIn(string words)
    {
        if (Has("how-far", words)) return "how-far";
        if (Has("not-done", words)) return "not-done";
        if (Has("done", words)) return "done";
        return Has("status", words) ? "status" : null;
    }

    /// <summary>
    /// The stage stated before a count (已完成26件, 全面完成全年目标任务的有46项, 推进正常19项), not a verb that qualifies
    /// the programme itself (组织实施的33项民生工程, 大力实施20项民生工程: a progress verb before a whole is its description).
    /// </summary>
    private string? StatusBefore(string before, bool wholeShaped)
    {
        string trimmed = before.TrimEnd('共', '计', '达', '了');
        var status = StatusIn(trimmed);
        // 全部兑现承诺的28件民生实事: a done stage qualifies the count; 组织实施的33项民生工程: another describes the programme.
        if (trimmed.EndsWith('的') && !trimmed.EndsWith("的有", StringComparison.Ordinal)) return status == "done" ? status : null;
        return wholeShaped && status == "status" ? null : status;
    }

    private const string StagePrefix = "已提前超额全部率先如期均正";

    /// <summary>The stage written after the part's noun (11件民生实事项目[已提前完成]), without a leading 有/等/中.</summary>
    private string AfterPhrase(string rest)
    {
        rest = rest.TrimStart('有', '等', '中', '”', '"', '）', ')');
        return Short(_words["sub-unit"].FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal)) is { } noun ? rest[noun.Length..] : rest);
    }

    /// <summary>The stage written before the part (民生实事[已完成]26件, [全面完成全年目标任务的]有46项), from its first stage word.</summary>
    private string BeforePhrase(string before, string status)
    {
        var kinds = status is "not-done" or "how-far" ? new[] { status } : new[] { "done", "status" };
        int from = kinds.SelectMany(k => _words[k]).Select(w => before.IndexOf(w, StringComparison.Ordinal)).Where(at => at >= 0).DefaultIfEmpty(0).Min();
        while (from > 0 && StagePrefix.Contains(before[from - 1])) from--;
        return Short(before[from..].TrimEnd('有').TrimEnd('的'));
    }

    private static string Short(string phrase)
    {
        phrase = phrase.Trim().TrimEnd('，', ',', '；', ';', '。', '：', ':', '、');
        return phrase.Length > 20 ? phrase[..20] : phrase;
    }

    /// <summary>A percentage after the part, in its clause or the next, with a share word before it (完成率90.2%, 占48.3%).</summary>
    private Quantity? ShareAfter(string text, IReadOnlyList<Quantity> quantities, Quantity part, List<(int Start, int End)> clauses, int k)
    {
        int reach = k + 1 < clauses.Count ? clauses[k + 1].End : clauses[k].End;
        var next = quantities.FirstOrDefault(o => o.Start >= part.End);
        if (next is null || !next.IsPercent || next.Start >= reach) return null;
        return Has("share", text[part.End..next.Start]) ? next : null;
    }
}
