using System.Text.RegularExpressions;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>
/// Plan or bulletin, from the whole document rather than one keyword: the title's words (实施方案, 承诺…办 → plan;
/// 通报, 进展, 完成情况 → bulletin; a 关于印发《…方案》 title is the plan it sends) and how the text speaks — work
/// reported done (已完成, 截至, 完成率) against work announced (将, 力争, 拟). The cues and their weights are data,
/// models/rules/kind-cues.tsv. A plan quoted in the body (《…实施方案》) says nothing about the document that quotes
/// it. Ties and silence are a bulletin: a plan drops every actual and percent, so it has to be shown.
/// </summary>
public sealed partial class KindEvidence(IReadOnlyList<KindCue> cues)
{
    public const string FileName = "rules/kind-cues.tsv";
    private const int TitleLines = 4, TitleLength = 80, CountCap = 12;

    private static readonly Lazy<KindEvidence> Loaded = new(() => Load(ModelFiles.PathOf(FileName)));

    public static KindEvidence Default => Loaded.Value;

    public IReadOnlyList<KindCue> Cues { get; } = cues;

    public static KindEvidence Load(string path) => new(TsvFile.Read(path).Select(row => new KindCue(row["cue"],
        row["kind"] is "plan" or "bulletin" ? row["kind"] : throw new InvalidDataException($"{path}: cue {row["cue"]}: kind is plan or bulletin"),
        row["where"] == "title",
        double.Parse(row["weight"], System.Globalization.CultureInfo.InvariantCulture),
        new Regex(row["pattern"], RegexOptions.CultureInvariant), row.GetValueOrDefault("example", ""))).ToList());

    /// <summary>The kind, and the cues that decided it with their sums (for <c>bulletin text --explain</c>).</summary>
    public (string Kind, string Evidence) Decide(IReadOnlyList<string> head, string body)
    {
        double plan = 0, bulletin = 0;
        var fired = new List<string>();
        // Title cues count in title-like lines; a sentence of the text (…联合印发《…工作方案》，确定…。) is none.
        var titles = head.Take(TitleLines).Where(l => l.Length <= TitleLength && !l.Contains('。'))
            .Select(line => SentDocument().Match(line) is { Success: true } sent ? sent.Groups[1].Value : Quoted().Replace(line, "")).ToList();
        string text = Quoted().Replace(string.Join("\n", head) + "\n" + body, "");
        foreach (var cue in Cues)
        {
            int count = cue.InTitle ? titles.Count(cue.Pattern.IsMatch) : Math.Min(CountCap, cue.Pattern.Count(text));
            if (count == 0) continue;
            if (cue.Kind == "plan") plan += cue.Weight * count;
            else bulletin += cue.Weight * count;
            fired.Add($"{cue.Name}×{count}");
        }
        string kind = plan > bulletin ? "plan" : "bulletin";
        string evidence = $"plan {plan:0.0} against bulletin {bulletin:0.0}" + (fired.Count > 0 ? $" ({string.Join(", ", fired)})" : " (no cue)");
        return (kind, evidence);
    }

    /// <summary>关于印发《X》的通知: the line is the document X.</summary>
    [GeneratedRegex(@"印发《([^》]+)》")]
    private static partial Regex SentDocument();

    [GeneratedRegex(@"《[^》]*》")]
    private static partial Regex Quoted();
}

/// <summary>One line of models/rules/kind-cues.tsv: words that say a document is a plan or a bulletin.</summary>
public sealed record KindCue(string Name, string Kind, bool InTitle, double Weight, Regex Pattern, string Example);
