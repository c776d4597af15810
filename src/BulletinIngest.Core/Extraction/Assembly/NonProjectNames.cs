using System.Text.RegularExpressions;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>A kind of words that never name a figure's project (a date, a period, the issuing body, a bare verb), from models/rules/non-project-names.tsv.</summary>
public sealed record NonProjectName(string Kind, Regex Pattern, string Example);

/// <summary>
/// The words <see cref="FigureNamer"/> passes over when it looks for a project: 截至11月底, 2024年前三季度, 据统计,
/// 区市场监管局, 新建或改造. A pattern matches the whole candidate, so a name that only opens with such words
/// (2014年棚户区改造) is not rejected by it.
/// </summary>
public sealed class NonProjectNames(IReadOnlyList<NonProjectName> rules)
{
    public const string FileName = "rules/non-project-names.tsv";

    private static readonly Lazy<NonProjectNames> Loaded = new(() => Load(ModelFiles.PathOf(FileName)));

    public static NonProjectNames Default => Loaded.Value;

    public IReadOnlyList<NonProjectName> Rules { get; } = rules;

    public static NonProjectNames Load(string path) =>
        new(TsvFile.Read(path).Select(row => new NonProjectName(row["kind"],
            new Regex($"^(?:{row["pattern"]})$", RegexOptions.CultureInvariant), row.GetValueOrDefault("example", ""))).ToList());

    /// <summary>The rule that rejects <paramref name="name"/> as a project (its surrounding punctuation ignored), or null.</summary>
    public NonProjectName? Match(string name)
    {
        string words = name.Trim().Trim('，', ',', '：', ':', '；', ';', '。', '、', '“', '”', '"', ' ');
        var recent = _recent.Value!;
        if (recent.TryGetValue(words, out var known)) return known;
        if (recent.Count >= RememberedNames) recent.Clear();
        return recent[words] = Rules.FirstOrDefault(r => r.Pattern.IsMatch(words));
    }

    // The namer, the item builder and the programme ask about the same names again and again (each figure of a unit,
    // every pass over a document's figures), and each answer is up to ~25 interpreted regexes: each thread remembers
    // its last answers.
    private const int RememberedNames = 1024;
    private readonly ThreadLocal<Dictionary<string, NonProjectName?>> _recent = new(() => new(StringComparer.Ordinal));

    public bool Rejects(string? name) => name is not null && Match(name) is not null;
}
