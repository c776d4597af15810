using System.Globalization;
using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>
/// What the whole document says about its kind (plan or bulletin), measured as shares rather than one keyword: the
/// title's words (a 关于印发《…方案》 title is the plan it sends), the share of the number-bearing clauses that report
/// work done (已, 累计, 截至) against work announced (将, 力争, 拟), the share of amounts read as done or as planned by
/// the words just before them, the dates of a report (截至), the quoted 《…方案》 a bulletin cites. The cues are data,
/// models/rules/kind-cues.tsv; how much each counts is learned (<see cref="KindModel"/>, models/kind.model).
/// A plan quoted in the body (《…实施方案》) is removed from the text the clause and text cues read.
/// </summary>
public sealed partial class KindEvidence(IReadOnlyList<KindCue> cues)
{
    public const string FileName = "rules/kind-cues.tsv";
    private const int TitleLines = 4, TitleLength = 80, CountCap = 12;
    /// <summary>A line this short is a column or a masthead (工作进展, 工作动态, 都市快报), not the title of the text below it.</summary>
    private const int ColumnLength = 4;
    /// <summary>How far before a number its cue words are looked for (where = before), within its clause.</summary>
    private const int BeforeChars = 8;
    /// <summary>The text read: enough for a long bulletin, bounded for a yearbook (each cue is a share, not a sum).</summary>
    public const int TextChars = 20000;

    private static readonly Lazy<KindEvidence> Loaded = new(() => Load(ModelFiles.PathOf(FileName)));

    public static KindEvidence Default => Loaded.Value;

    public IReadOnlyList<KindCue> Cues { get; } = cues;

    /// <summary>The cues' names, wheres and patterns: a kind model trained on other cues refuses to load.</summary>
    public string FeatureSet => "kind:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Cues.Select(c => $"{c.Name}\t{c.Where}\t{c.Pattern}")))))[..10];

    public static KindEvidence Load(string path) => new(TsvFile.Read(path).Select(row => new KindCue(row["cue"],
        row["where"] is "title" or "clause" or "before" or "text" or "quoted" ? row["where"]
            : throw new InvalidDataException($"{path}: cue {row["cue"]}: where is title, clause, before, text or quoted"),
        new Regex(row["pattern"], RegexOptions.CultureInvariant), row.GetValueOrDefault("example", ""))).ToList());

    /// <summary>
    /// Each cue's value (0..1) on a document: <paramref name="head"/> its first blocks (the title among them),
    /// <paramref name="text"/> its whole text; both simplified.
    /// </summary>
    public double[] Measure(IReadOnlyList<string> head, string text)
    {
        var titles = Titles(head);
        var quotes = Quoted().Matches(text).Select(m => m.Value).ToList();
        string unquoted = Quoted().Replace(text.Length > TextChars ? text[..TextChars] : text, "");
        var quantities = NumberRecognizer.Find(unquoted).OrderBy(q => q.Start).ToList();
        // The clauses that hold a number, and for each number the words just before it in its clause.
        var numbered = new List<string>();
        var before = new List<string>();
        int next = 0;
        foreach (var (sentenceStart, sentenceEnd) in Clauses.Sentences(unquoted))
            foreach (var (start, end) in Clauses.Of(unquoted, sentenceStart, sentenceEnd))
            {
                while (next < quantities.Count && quantities[next].Start < start) next++;
                bool any = false;
                for (int q = next; q < quantities.Count && quantities[q].Start < end; q++)
                {
                    any = true;
                    int from = Math.Max(start, quantities[q].Start - BeforeChars);
                    before.Add(unquoted[from..quantities[q].Start]);
                }
                if (any) numbered.Add(unquoted[start..end]);
            }
        return Cues.Select(cue => cue.Where switch
        {
            "title" => titles.Any(cue.Pattern.IsMatch) ? 1.0 : 0.0,
            "quoted" => quotes.Any(cue.Pattern.IsMatch) ? 1.0 : 0.0,
            "clause" => Share(numbered, cue.Pattern),
            "before" => Share(before, cue.Pattern),
            _ => Math.Log(1 + CountUpToCap(cue.Pattern, unquoted)) / Math.Log(1 + CountCap),
        }).ToArray();
    }

    /// <summary>
    /// The title-like lines among the first blocks: more than 4 and at most 80 characters and no 。 (a sentence of the text, …联合印发
    /// 《…工作方案》，确定…。, is none); a 关于印发《X》 line is the document X, other quotes are removed.
    /// </summary>
    private static List<string> Titles(IReadOnlyList<string> head) => head.Take(TitleLines)
        .Where(line => line.Length is > ColumnLength and <= TitleLength && !line.Contains('。'))
        .Select(line => SentDocument().Match(line) is { Success: true } sent ? sent.Groups[1].Value : Quoted().Replace(line, ""))
        .ToList();

    /// <summary>How often the text matches, counted up to the cap only (the value is the same past it).</summary>
    private static int CountUpToCap(Regex pattern, string text)
    {
        int count = 0;
        foreach (var _ in pattern.EnumerateMatches(text))
            if (++count == CountCap) break;
        return count;
    }

    private static double Share(List<string> parts, Regex pattern) =>
        parts.Count == 0 ? 0 : (double)parts.Count(pattern.IsMatch) / parts.Count;

    /// <summary>The values, for the explanation: a cue's value as a share (0.25) or a yes (1).</summary>
    public static string Format(double value) => value.ToString(value is 0 or 1 ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>关于印发《X》的通知: the line is the document X.</summary>
    [GeneratedRegex(@"印发《([^》]+)》")]
    private static partial Regex SentDocument();

    [GeneratedRegex(@"《[^》]*》")]
    private static partial Regex Quoted();
}

/// <summary>
/// One line of models/rules/kind-cues.tsv: words that speak for one kind or the other, and where they are counted
/// (title: a title line matches; clause: the share of number-bearing clauses; before: the share of numbers with the
/// words just before them; text: how often, capped; quoted: a 《…》 quote matches).
/// </summary>
public sealed record KindCue(string Name, string Where, Regex Pattern, string Example);
