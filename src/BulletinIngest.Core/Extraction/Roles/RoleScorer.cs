using System.Globalization;
using BulletinIngest.Extraction.Candidates;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Roles;

/// <summary>The part a number mention plays in a figure.</summary>
public enum MentionRole { None, Target, Actual, Percent, Rate }

/// <summary>A candidate's winning role, its score, and the features that decided it (weight per feature).</summary>
public sealed record ScoredRole(MentionRole Role, double Score, IReadOnlyList<(string Feature, string Cue, double Weight)> Deciding)
{
    /// <summary>The best other role and its score: how close the decision was.</summary>
    public (MentionRole Role, double Score)? RunnerUp { get; init; }

    public string Explain() => $"{Role.ToString().ToLowerInvariant()} {Score:0.##} ("
        + string.Join(", ", Deciding.Select(d => (d.Cue.Length > 0 ? $"{d.Feature}:{d.Cue}" : d.Feature) + $" {d.Weight:+0.##;-0.##}")) + ")"
        + (RunnerUp is { } r ? $" over {r.Role.ToString().ToLowerInvariant()} {r.Score:0.##}" : "");
}

/// <summary>
/// The transparent role scorer: each role's score is the sum of the weights (models/rules/role-weights.tsv)
/// of the features a mention has; the best role allowed for the mention's kind wins (amounts are targets,
/// actuals or nothing; percentages are completion percents, rates, target rates or nothing).
/// </summary>
public sealed class RoleScorer
{
    private readonly Dictionary<string, List<(MentionRole Role, double Weight)>> _weights;

    private RoleScorer(Dictionary<string, List<(MentionRole, double)>> weights) => _weights = weights;

    private static readonly Lazy<RoleScorer> Loaded = new(() => FromFile(ModelFiles.PathOf("rules/role-weights.tsv")));
    public static RoleScorer Default => Loaded.Value;

    public static RoleScorer FromFile(string path)
    {
        var weights = new Dictionary<string, List<(MentionRole, double)>>();
        foreach (var row in TsvFile.Read(path))
        {
            var role = Enum.Parse<MentionRole>(row["role"], ignoreCase: true);
            double weight = double.Parse(row["weight"], CultureInfo.InvariantCulture);
            if (!weights.TryGetValue(row["feature"], out var list)) weights[row["feature"]] = list = [];
            list.Add((role, weight));
        }
        return new RoleScorer(weights);
    }

    private static readonly MentionRole[] AmountRoles = [MentionRole.Actual, MentionRole.Target, MentionRole.None];
    private static readonly MentionRole[] PercentRoles = [MentionRole.Percent, MentionRole.Rate, MentionRole.Target, MentionRole.None];

    public ScoredRole Score(Candidate candidate)
    {
        ScoredRole? best = null;
        (MentionRole, double)? second = null;
        foreach (var role in candidate.IsPercent ? PercentRoles : AmountRoles)
        {
            double score = 0;
            var deciding = new List<(string, string, double)>();
            foreach (var (feature, cue) in candidate.Cues)
            {
                if (!_weights.TryGetValue(feature, out var list)) continue;
                foreach (var (r, w) in list)
                    if (r == role && w != 0) { score += w; deciding.Add((feature, cue, w)); }
            }
            // Ties go to the earlier role of the list: the more common reading.
            if (best is null || score > best.Score + 1e-9)
            {
                if (best is not null) second = (best.Role, best.Score);
                best = new ScoredRole(role, score, deciding);
            }
            else if (second is null || score > second.Value.Item2) second = (role, score);
        }
        return best! with { RunnerUp = second };
    }
}
