using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Learning.RoleModel;

/// <summary>
/// The role model's features (set <see cref="Name"/>): the names RoleScorer weighs (role-cues.tsv features,
/// amount/percent/bare, plan, section:*, pair:* …), each also paired with the mention's kind and with its
/// section kind (so 存在问题/下一步 sections can weigh a cue differently, as a feature, not a filter); the cue
/// word that fired each one (hashed: `f=cue`); the one or two characters on each side of the number, digits
/// folded; the jieba words before the number in its clause and the sentence's first clause (tense and verb:
/// 已/累计/完成 against 计划/力争/剩余/还需); its place in a `分别` list; and the other mentions of its clause
/// (their kinds and units, whether a percentage follows it); the words of its section's heading (存在问题 and 下一步
/// against 工作进度 and 目标任务: what the rules' section kind knew, finer); and structure: its place among the
/// sentence's mentions, whether it closes its clause or a verb follows it, whether a stated percentage is its ratio
/// to another amount of its unit; tense and time (models/rules/role-tense.tsv): the nearest plan, done, as-of and
/// pending word before and after it in its sentence with its distance, and the classes its clause holds before it;
/// whether it stands inside a quote (“兜底帮扶2500名…”, 《…》) or brackets, and in its unit's first sentence (an
/// item's title, where the task is stated) ahead of others. Characters are read without spaces (renderings differ in them).
/// </summary>
public static class RoleFeatures
{
    public const string Name = "role-features-5";
    public const int Dimension = 1 << 17;
    private static readonly FeatureHasher Hasher = new(Dimension);

    /// <param name="unit">every candidate of the mention's text unit (its neighbours), in text order.</param>
    /// <param name="heading">the heading of the unit's section (ItemUnit.Heading), if any.</param>
    public static IEnumerable<string> Names(Candidate c, string text, IReadOnlyList<Candidate> unit, string? heading)
    {
        string kind = c.IsPercent ? "P" : c.Q.IsBare ? "B" : "A";
        string section = c.Cues.Keys.FirstOrDefault(f => f.StartsWith("section:", StringComparison.Ordinal)) ?? "section:progress";
        yield return "kind:" + kind;
        yield return section + "|" + kind;
        foreach (var (feature, cue) in c.Cues.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return "f:" + feature;
            yield return kind + "|f:" + feature;
            yield return section + "|f:" + feature;
            if (cue.Length > 0) yield return "c:" + feature + "=" + cue;
        }
        // Spaces around numbers come and go with the rendering (PDF, web, TXT): the characters are read without them.
        string lead = Squeezed(text[c.ClauseStart..c.Q.Start]), trail = Squeezed(text[c.Q.End..c.ClauseEnd]);
        string before = Fold(lead[Math.Max(0, lead.Length - 2)..]), after = Fold(trail[..Math.Min(2, trail.Length)]);
        if (before.Length > 0) { yield return "b1:" + before[^1]; yield return "b2:" + before; }
        if (after.Length > 0) { yield return "a1:" + after[0]; yield return "a2:" + after; }
        if (c.Q.Unit is { } u) yield return "u:" + u;
        if (c.Q.Start - c.ClauseStart <= 1) yield return "clause-initial";

        // Tense and verb: the words of the clause before the number, the last one apart; the sentence's lead clause.
        var words = Words(text[c.ClauseStart..c.Q.Start]);
        foreach (var w in words.Distinct()) { yield return "w:" + w; yield return kind + "|w:" + w; }
        if (words.Count > 0) yield return "w1:" + words[^1];
        var firstClause = unit.FirstOrDefault(o => o.SentenceStart == c.SentenceStart);
        if (firstClause is not null && firstClause.ClauseStart < c.ClauseStart)
            foreach (var w in Words(text[c.SentenceStart..firstClause.ClauseEnd]).Distinct()) yield return "s:" + w;
        foreach (var w in Words(text[c.Q.End..c.ClauseEnd]).Take(3)) yield return "wa:" + w;

        foreach (var w in Words(heading ?? "").Distinct()) { yield return "h:" + w; yield return kind + "|h:" + w; }

        // 分别A和B: the place in the list after 分别 (the first is often the target, or the province's figure).
        int fenbie = text.LastIndexOf("分别", c.Q.Start, c.Q.Start - c.SentenceStart, StringComparison.Ordinal);
        if (fenbie >= 0)
        {
            int place = unit.Count(o => o.SentenceStart == c.SentenceStart && o.Q.Start > fenbie && o.Q.Start < c.Q.Start && o.IsPercent == c.IsPercent);
            yield return $"fenbie:{Math.Min(place, 3)}";
            yield return $"{kind}|fenbie:{Math.Min(place, 3)}";
        }

        // The other mentions of its clause and sentence: how many, their kinds and units, which one comes next.
        var clause = unit.Where(o => o != c && o.ClauseStart == c.ClauseStart && o.SentenceStart == c.SentenceStart).ToList();
        yield return $"clause-others:{Math.Min(clause.Count, 3)}";
        foreach (var o in clause)
        {
            string okind = o.IsPercent ? "P" : o.Q.IsBare ? "B" : "A";
            string relation = o.Q.Start < c.Q.Start ? "before" : "after";
            yield return $"o:{relation}:{okind}";
            if (!o.IsPercent && o.Q.Unit is { } ou) yield return o.Q.Unit == c.Q.Unit ? $"o:{relation}:same-unit" : $"o:{relation}:u={ou}";
        }
        var next = unit.FirstOrDefault(o => o.Index > c.Index && o.SentenceStart == c.SentenceStart);
        if (next is not null)
        {
            yield return next.IsPercent ? "next:P" : next.Q.Unit == c.Q.Unit ? "next:same-unit" : "next:A";
            if (next.ClauseStart != c.ClauseStart) yield return "next-in-later-clause";
        }
        var previous = unit.LastOrDefault(o => o.Index < c.Index && o.SentenceStart == c.SentenceStart);
        if (previous is not null) yield return previous.IsPercent ? "prev:P" : previous.Q.Unit == c.Q.Unit ? "prev:same-unit" : "prev:A";

        // Structure rather than wording: the mention's place among the sentence's mentions of its kind, whether it
        // closes its clause (完成X。) or a verb follows it (X个项目完成投资: the count is the subject), and whether
        // the sentence's percentage is this amount over another of its unit (the actual over the target).
        var sentence = unit.Where(o => o.SentenceStart == c.SentenceStart && o.IsPercent == c.IsPercent).ToList();
        int at = sentence.IndexOf(c);
        yield return sentence.Count == 1 ? "sent-pos:only" : at == 0 ? "sent-pos:first" : at == sentence.Count - 1 ? "sent-pos:last" : "sent-pos:middle";
        yield return $"{kind}|sent-pos:{Math.Min(at, 3)}/{Math.Min(sentence.Count, 4)}";
        if (!trail.Any(char.IsLetterOrDigit)) yield return "clause-final";
        else if (Extraction.Roles.Cues.Governing().IsMatch(text[c.Q.End..c.ClauseEnd])) yield return "verb-after";
        if (!c.IsPercent)
        {
            var percents = unit.Where(o => o.SentenceStart == c.SentenceStart && o.IsPercent).Select(o => o.Q.Value).ToList();
            var peers = unit.Where(o => o != c && o.SentenceStart == c.SentenceStart && !o.IsPercent && o.Q.Unit == c.Q.Unit && o.Q.Value > 0).ToList();
            bool Stated(double ratio) => percents.Any(p => Math.Abs(ratio * 100 - p) <= 1);
            if (peers.Any(o => Stated(c.Q.Value / o.Q.Value))) yield return "ratio:numerator";
            if (c.Q.Value > 0 && peers.Any(o => Stated(o.Q.Value / c.Q.Value))) yield return "ratio:denominator";
        }
        // Tense and time: the nearest word of each class before and after the number in its sentence (its distance
        // bucketed, `~` when it stands in an earlier clause), and the classes of the words in its clause before it.
        var inClause = new List<string>();
        foreach (var (tense, cueWords) in TenseWords.Value)
        {
            int nearBefore = -1, nearAfter = -1, found;
            foreach (var w in cueWords)
            {
                if (c.Q.Start > c.SentenceStart && (found = text.LastIndexOf(w, c.Q.Start - 1, c.Q.Start - c.SentenceStart, StringComparison.Ordinal)) >= 0
                    && (nearBefore < 0 || found + w.Length > nearBefore)) nearBefore = found + w.Length;
                if ((found = text.IndexOf(w, c.Q.End, c.SentenceEnd - c.Q.End, StringComparison.Ordinal)) >= 0 && (nearAfter < 0 || found < nearAfter)) nearAfter = found;
            }
            if (nearBefore >= 0)
            {
                string near = $"tb:{tense}:{Bucket(c.Q.Start - nearBefore)}{(nearBefore > c.ClauseStart ? "" : "~")}";
                yield return near;
                yield return kind + "|" + near;
                if (nearBefore > c.ClauseStart) inClause.Add(tense);
            }
            if (nearAfter >= 0) yield return $"ta:{tense}:{Bucket(nearAfter - c.Q.End)}{(nearAfter < c.ClauseEnd ? "" : "~")}";
        }
        string clauseTense = "tense:" + (inClause.Count == 0 ? "none" : string.Join("+", inClause));
        yield return clauseTense;
        yield return kind + "|" + clauseTense;

        // Inside a quote or brackets: a project's name (“兜底帮扶2500名困难群体就业”等46件), a place's share (铁岭市(62%)).
        if (Open(text, c.SentenceStart, c.Q.Start, "“《「『", "”》」』")) yield return "in-quote";
        if (Open(text, c.SentenceStart, c.Q.Start, "（(【[", "）)】]")) yield return "in-brackets";
        // The unit's first sentence ahead of others: an item's title states the task (新建和改造绿道500公里), the rest the progress.
        if (c.SentenceStart == 0) yield return unit.Any(o => o.SentenceStart > c.SentenceStart) ? "first-sentence-of-several" : "first-sentence";
    }

    private static readonly Lazy<List<(string Tense, string[] Words)>> TenseWords = new(() =>
        TsvFile.Read(ModelFiles.PathOf("rules/role-tense.tsv")).Select(row => (row["class"], row["words"].Split('|'))).ToList());

    /// <summary>The words of one tense class of models/rules/role-tense.tsv (plan, done, asof …).</summary>
    public static IEnumerable<string> TenseWordsOf(string tense) => TenseWords.Value.Where(t => t.Tense == tense).SelectMany(t => t.Words);

    private static string Bucket(int distance) => distance <= 0 ? "0" : distance <= 3 ? "1-3" : distance <= 9 ? "4-9" : "10+";

    /// <summary>Whether one of <paramref name="opens"/> opens between start and end and none of <paramref name="closes"/> closes it after.</summary>
    private static bool Open(string text, int start, int end, string opens, string closes)
    {
        if (end <= start) return false;
        int open = text.LastIndexOfAny(opens.ToCharArray(), end - 1, end - start);
        return open >= 0 && text.IndexOfAny(closes.ToCharArray(), open, end - open) < 0;
    }

    public static SparseVector Vector(Candidate c, string text, IReadOnlyList<Candidate> unit, string? heading) => Hasher.Vectorize(Names(c, text, unit, heading));

    /// <summary>The jieba words of a span, digits folded, punctuation left out.</summary>
    private static List<string> Words(string span) => span.Length == 0 ? []
        : JiebaSegmenter.Load().Cut(span).Select(t => Fold(t.Text)).Where(w => w.Any(char.IsLetter)).ToList();

    private static string Squeezed(string s) => string.Concat(s.Where(ch => !char.IsWhiteSpace(ch)));

    private static string Fold(string s) => new(s.Select(ch => char.IsDigit(ch) ? 'N' : ch).ToArray());
}
