using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Learning.RoleModel;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Learning.Grouping;

/// <summary>
/// The grouping model's features (set <see cref="Name"/>) of two mentions of one sentence, the earlier first, each with
/// the field it would fill (target, actual, percent): the pair of fields; how far apart they stand (characters,
/// clauses, other mentions between, and of which fields); the punctuation and the jieba words between them (，；、和
/// 分别 其中 …); whether a region or a breakdown starts between them (the candidates' Place); units (same, one bare)
/// and the magnitude ratio of two amounts; whether a percentage of the sentence is their ratio (actual / target),
/// or the pair is a percentage and an amount whose ratio to another amount of the sentence it states; each mention's
/// cue features and last word before it (the role model's own, <see cref="RoleFeatures"/>), with its field and side.
/// </summary>
public static class GroupingFeatures
{
    public const string Name = "grouping-features-3";
    public const int Dimension = 1 << 16;
    private static readonly FeatureHasher Hasher = new(Dimension);

    /// <summary>The role features a pair reads of each of its mentions: the cue features, the word before, the characters beside.</summary>
    private static readonly string[] MentionPrefixes = ["f:", "w1:", "b1:", "a1:", "kind:", "clause-final", "verb-after", "fenbie:"];

    /// <summary>The role features of one mention that its pairs read (computed once a mention).</summary>
    public static string[] OfMention(Candidate c, string text, IReadOnlyList<Candidate> unit, string? heading) =>
        RoleFeatures.Names(c, text, unit, heading).Where(n => MentionPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))).Distinct().ToArray();

    /// <param name="a">the earlier mention, filling field <paramref name="fa"/></param>
    /// <param name="own">each mention's <see cref="OfMention"/> features</param>
    public static IEnumerable<string> Names(Candidate a, string fa, Candidate b, string fb, string text, IReadOnlyList<Candidate> unit,
        IReadOnlyList<string> ownA, IReadOnlyList<string> ownB)
    {
        string fields = fa + ">" + fb;
        yield return "fields:" + fields;
        int gap = Math.Max(0, b.Q.Start - a.Q.End);
        string chars = gap <= 2 ? "0-2" : gap <= 6 ? "3-6" : gap <= 15 ? "7-15" : gap <= 30 ? "16-30" : gap <= 60 ? "31-60" : "61+";
        yield return "gap:" + chars;
        yield return fields + "|gap:" + chars;
        // A breakdown in brackets between them (达到12053人（其中政府补助6236人，自费5817人），完成…100.4%) does not stand between.
        var between = unit.Where(o => o.SentenceStart == a.SentenceStart && o.Index > a.Index && o.Index < b.Index && !o.InBrackets(text)).ToList();
        int clauses = between.Select(o => o.ClauseStart).Append(b.ClauseStart).Where(s => s > a.ClauseStart).Distinct().Count();
        yield return fields + "|clauses:" + Math.Min(clauses, 3);
        yield return fields + "|between:" + Math.Min(between.Count, 3);
        foreach (var o in between) yield return fields + "|between-" + (o.IsPercent ? "P" : o.Q.Unit == a.Q.Unit ? "same-unit-as-a" : o.Q.Unit == b.Q.Unit ? "same-unit-as-b" : "A");

        string span = text[a.Q.End..b.Q.Start];
        foreach (char ch in span.Where(ch => "，,；;、。：:（）()".Contains(ch)).Distinct()) { yield return "punct:" + ch; yield return fields + "|punct:" + ch; }
        foreach (var w in Words(span).Distinct().Take(12)) { yield return "bw:" + w; yield return fields + "|bw:" + w; }
        int fenbie = text.LastIndexOf("分别", a.Q.Start, a.Q.Start - a.SentenceStart, StringComparison.Ordinal);
        if (fenbie >= 0) yield return fields + "|after-fenbie";

        // A breakdown in brackets (达到20553人（其中政府补助10236人、自费10317人），完成…100.75%) is no part of the figure around it.
        bool ba = a.InBrackets(text), bb = b.InBrackets(text);
        if (ba || bb) yield return fields + "|bracketed:" + (ba ? "a" : "-") + (bb ? "b" : "-") + (ba && bb && text.IndexOfAny(['）', ')'], a.Q.End, b.Q.Start - a.Q.End) < 0 ? "-same" : "");
        if (a.Place != b.Place) yield return fields + (a.Place is null || b.Place is null ? "|one-placed" : "|places-differ");
        if (a.PartOf is not null || b.PartOf is not null) yield return fields + "|breakdown:" + (a.PartOf is null ? "-" : "a") + (b.PartOf is null ? "-" : "b");

        if (!a.IsPercent && !b.IsPercent)
        {
            yield return fields + (a.Q.Unit == b.Q.Unit ? "|same-unit" : a.Q.Unit is null || b.Q.Unit is null ? "|one-bare" : "|units-differ");
            if (a.Q.Value > 0 && b.Q.Value > 0)
            {
                double log = Math.Log10(b.Q.Value / a.Q.Value);
                string ratio = log < -1 ? "b<<a" : log < -0.05 ? "b<a" : log <= 0.05 ? "b=a" : log <= 1 ? "b>a" : "b>>a";
                yield return fields + "|magnitude:" + ratio;
                var percents = unit.Where(o => o.SentenceStart == a.SentenceStart && o.IsPercent).Select(o => o.Q.Value).ToList();
                var (target, actual) = fa == "actual" ? (b, a) : (a, b);
                if (percents.Any(p => Math.Abs(actual.Q.Value / target.Q.Value * 100 - p) <= 1)) yield return fields + "|ratio-stated";
            }
        }
        else if (a.IsPercent != b.IsPercent)
        {
            var (amount, percent) = a.IsPercent ? (b, a) : (a, b);
            var others = unit.Where(o => o != amount && o.SentenceStart == a.SentenceStart && !o.IsPercent && o.Q.Unit == amount.Q.Unit && o.Q.Value > 0);
            bool explains = others.Any(o => Math.Abs(amount.Q.Value / o.Q.Value * 100 - percent.Q.Value) <= 1 || Math.Abs(o.Q.Value / Math.Max(amount.Q.Value, 1e-9) * 100 - percent.Q.Value) <= 1);
            if (explains) yield return fields + "|percent-is-a-ratio-of-it";
            // Is a nearer amount of the same field between them (the percentage measures the nearest)?
            if (between.Any(o => !o.IsPercent)) yield return fields + "|amount-between";
        }
        foreach (var n in ownA) yield return fa + ">" + n;
        foreach (var n in ownB) yield return fb + "<" + n;
    }

    public static SparseVector Vector(Candidate a, string fa, Candidate b, string fb, string text, IReadOnlyList<Candidate> unit,
        IReadOnlyList<string> ownA, IReadOnlyList<string> ownB) => Hasher.Vectorize(Names(a, fa, b, fb, text, unit, ownA, ownB));

    public static SparseVector Vector(IEnumerable<string> names) => Hasher.Vectorize(names);

    /// <summary>One feature name's slot (for explaining a decision).</summary>
    public static SparseVector Hash(string name) => Hasher.Vectorize([name]);

    private static List<string> Words(string span) => span.Length == 0 ? []
        : JiebaSegmenter.Load().Cut(span).Select(t => new string(t.Text.Select(ch => char.IsDigit(ch) ? 'N' : ch).ToArray())).Where(w => w.Any(char.IsLetter)).ToList();
}
