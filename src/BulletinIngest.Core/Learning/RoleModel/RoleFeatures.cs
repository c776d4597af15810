using BulletinIngest.Extraction.Candidates;

namespace BulletinIngest.Learning.RoleModel;

/// <summary>
/// The role model's features (set <see cref="Name"/>): the names RoleScorer weighs (role-cues.tsv features,
/// amount/percent/bare, plan, section:*, pair:* …), each also paired with the mention's kind; the cue word that
/// fired each one (hashed: `f=cue`); and the one or two characters on each side of the number, digits folded.
/// </summary>
public static class RoleFeatures
{
    public const string Name = "role-features-1";
    public const int Dimension = 1 << 16;
    private static readonly FeatureHasher Hasher = new(Dimension);

    public static IEnumerable<string> Names(Candidate c, string text)
    {
        string kind = c.IsPercent ? "P" : c.Q.IsBare ? "B" : "A";
        yield return "kind:" + kind;
        foreach (var (feature, cue) in c.Cues.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return "f:" + feature;
            yield return kind + "|f:" + feature;
            if (cue.Length > 0) yield return "c:" + feature + "=" + cue;
        }
        string before = Fold(text[Math.Max(c.ClauseStart, c.Q.Start - 2)..c.Q.Start]);
        string after = Fold(text[c.Q.End..Math.Min(c.ClauseEnd, c.Q.End + 2)]);
        if (before.Length > 0) { yield return "b1:" + before[^1]; yield return "b2:" + before; }
        if (after.Length > 0) { yield return "a1:" + after[0]; yield return "a2:" + after; }
        if (c.Q.Unit is { } unit) yield return "u:" + unit;
        if (c.Q.Start - c.ClauseStart <= 1) yield return "clause-initial";
    }

    public static SparseVector Vector(Candidate c, string text) => Hasher.Vectorize(Names(c, text));

    private static string Fold(string s) => new(s.Select(ch => char.IsDigit(ch) ? 'N' : ch).ToArray());
}
