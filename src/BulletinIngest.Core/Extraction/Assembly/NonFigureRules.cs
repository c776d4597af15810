using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Learning;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// A kind of number that is no progress figure, from models/rules/non-figures.tsv, with the clause it must match and,
/// when given, the units it applies to (a campaign's size is a count of 件/项/个, never 10万平方米) or, with
/// <paramref name="ExceptUnits"/>, the units it does not apply to (`!%`: a bracketed amount is a detail, a bracketed rate
/// often the figure's own percent).
/// </summary>
public sealed record NonFigureRule(string Name, Regex Pattern, string Example, IReadOnlySet<string>? Units = null, bool ExceptUnits = false)
{
    public bool AppliesTo(string? unit) =>
        Units is null || (ExceptUnits ? unit is null || !Units.Contains(unit) : unit is not null && Units.Contains(unit));
}

/// <summary>
/// The last filter of extraction: a figure whose one number is no progress — a difference in percentage points
/// (高出…10.83个百分点), the size of the whole campaign (推出10件惠民实事, 实事项目共20项) — is dropped, and said so in
/// the document's rejected list. Only figures with a single number are judged: a second number (65件…已完成26件)
/// makes a figure of it.
/// </summary>
public sealed class NonFigureRules(IReadOnlyList<NonFigureRule> rules)
{
    public const string FileName = "rules/non-figures.tsv";
    public const string Marker = "〈N〉";

    private static readonly Lazy<NonFigureRules> Loaded = new(() => Load(ModelFiles.PathOf(FileName)));

    public static NonFigureRules Default => Loaded.Value;

    public IReadOnlyList<NonFigureRule> Rules { get; } = rules;

    public static NonFigureRules Load(string path)
    {
        var rules = new List<NonFigureRule>();
        foreach (var row in TsvFile.Read(path))
        {
            string pattern = row.GetValueOrDefault("pattern", ""), units = row.GetValueOrDefault("units", "");
            if (!pattern.Contains(Marker, StringComparison.Ordinal))
                throw new InvalidDataException($"{path}: rule {row.GetValueOrDefault("rule")}: its pattern has no {Marker}");
            bool except = units.StartsWith('!');
            if (except) units = units[1..];
            rules.Add(new NonFigureRule(row["rule"], new Regex(pattern, RegexOptions.CultureInvariant), row.GetValueOrDefault("example", ""),
                units.Length > 0 ? units.Split('|').ToHashSet() : null, except));
        }
        return new NonFigureRules(rules);
    }

    /// <summary>The rule a clause (its number written 〈N〉, in <paramref name="unit"/>) matches, or null.</summary>
    public NonFigureRule? Match(string markedClause, string? unit = null) =>
        Rules.FirstOrDefault(r => r.AppliesTo(unit) && r.Pattern.IsMatch(markedClause));

    /// <summary>
    /// The figures of <paramref name="figures"/> that no rule rejects; each rejected one is added to
    /// <paramref name="rejected"/> with its rule. <paramref name="text"/> is the text the figures' offsets point into.
    /// </summary>
    public List<Figure> Keep(string text, IEnumerable<Figure> figures, List<string> rejected)
    {
        var kept = new List<Figure>();
        foreach (var figure in figures)
        {
            if (MarkedClause(text, figure) is { } clause && Match(clause, figure.Percent is not null ? "%" : figure.Unit) is { } rule)
                rejected.Add($"figure {clause.Replace(Marker, Number(figure))} ← not a figure: {rule.Name}");
            else
                kept.Add(figure);
        }
        return kept;
    }

    private static string Number(Figure f) => $"{f.Target ?? f.Actual ?? f.Percent}{(f.Percent is not null ? "%" : f.Unit)}";

    /// <summary>The clause of a figure's only number, with that number written 〈N〉; null for other figures.</summary>
    private static string? MarkedClause(string text, Figure figure)
    {
        double?[] values = [figure.Target, figure.Actual, figure.Percent];
        if (values.Count(v => v is not null) != 1 || figure.End > text.Length || figure.Start >= figure.End) return null;
        double value = values.First(v => v is not null)!.Value;
        int start = figure.Start, end = figure.End;
        while (start > 0 && !Clauses.EndsClause(text, start - 1)) start--;
        while (end < text.Length && !Clauses.EndsClause(text, end)) end++;
        string clause = text[start..end];
        var number = NumberRecognizer.Find(clause).LastOrDefault(q => q.End <= figure.End - start && q.Start >= figure.Start - start
            && Quantity.Same(q.Value, value));
        return number is null ? null : clause[..number.Start] + Marker + clause[number.End..];
    }
}
