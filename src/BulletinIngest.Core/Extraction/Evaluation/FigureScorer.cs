using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Extraction.Evaluation;

/// <summary>Counts for one document (or all): what score.py prints per document.</summary>
public sealed record DocumentScore(string Doc, int Gold, int Predicted, int Matched, int Exact, int FlagGold, int FlagGoldHit, int FlagFalse)
{
    public double Precision => Ratio(Matched, Predicted);
    public double Recall => Ratio(Matched, Gold);
    public double F1 => FigureScorer.F1(Precision, Recall);
    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>The whole score, rounded like score.py's summary line.</summary>
public sealed record ScoreSummary(int Docs, int Gold, int Predicted, int Matched, double Precision, double Recall, double F1, double ExactF1,
    double FlagRecall, double? FlagPrecision, int FlagsGold)
{
    /// <summary>The summary line exactly as score.py prints it.</summary>
    public string ToLine()
    {
        static string F(double v) => PythonFloat(v);
        return $"docs={Docs} gold={Gold} pred={Predicted} matched={Matched} precision={F(Precision)} recall={F(Recall)} f1={F(F1)} " +
               $"exact_f1={F(ExactF1)} flag_recall={F(FlagRecall)} flag_precision={(FlagPrecision is { } fp ? F(fp) : "None")} flags_gold={FlagsGold}";
    }

    /// <summary>Python's repr of a float rounded to 4 places (1.0, 0.982, 0.0).</summary>
    private static string PythonFloat(double value)
    {
        var text = value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        return text.Contains('.') ? text : text + ".0";
    }
}

public sealed record ScoreReport(ScoreSummary Summary, IReadOnlyList<DocumentScore> Documents, IReadOnlyList<ScoredFigure> Misses, IReadOnlyList<ScoredFigure> Extras);

/// <summary>
/// The referee's rules (shared/tools/score.py), so `bulletin eval` gives the same numbers: documents matched by
/// file-name stem; names, regions and units compared after folding traditional characters to simplified
/// (models/opencc/t2s_chars.tsv, score.py's t2s_chars.tsv); regions by <see cref="RegionKey"/>;
/// every number the gold figure has must be equal within 1e-6 relative; names alike (character-bigram Dice
/// of project+indicator at least 0.3); greedy one-to-one matching, required gold first, most similar names
/// first. Optional gold figures absorb matching predictions without counting.
/// </summary>
public static partial class FigureScorer
{
    /// <summary>score.py's ALIASES: the samples' short names for Hunan zones.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["经开区"] = "岳阳经济技术开发区",
        ["岳阳经开区"] = "岳阳经济技术开发区",
        ["屈原区"] = "屈原管理区",
        ["岳阳市南湖新区"] = "南湖新区",
        ["湘西州"] = "湘西土家族苗族自治州",
    };

    public static string Stem(string doc)
    {
        doc = doc.Replace('\\', '/');
        doc = doc[(doc.LastIndexOf('/') + 1)..];
        int dot = doc.IndexOf('.');
        return dot < 0 ? doc : doc[..dot];
    }

    /// <summary>
    /// score.py's region_key: two names are the same place when their keys are equal (after folding traditional
    /// characters, dropping the ethnic names of autonomous divisions, shortening zones and removing the suffix).
    /// </summary>
    public static string RegionKey(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        name = Punctuation().Replace(TraditionalChinese.ToSimplified(name), "");
        name = Aliases.GetValueOrDefault(name, name);
        name = RegionNames.WithoutEthnicNames(name);
        foreach (var (longForm, shortForm) in RegionNames.ZoneForms)
            if (name.EndsWith(longForm, StringComparison.Ordinal) && name.Length > longForm.Length)
                name = name[..^longForm.Length] + shortForm;
        foreach (var suffix in RegionNames.Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                return name[..^suffix.Length];
        // 黔东南州, 恩施州: an autonomous prefecture's short form (score.py: three characters or more).
        return name.EndsWith('州') && CodePoints(name) >= 3 ? name[..^1] : name;
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    public static HashSet<string> Bigrams(string? text)
    {
        text = Punctuation().Replace(TraditionalChinese.ToSimplified(text ?? ""), "");
        var result = new HashSet<string>(StringComparer.Ordinal);
        // score.py slices Python strings by code point; so do we.
        var points = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int length = char.IsSurrogatePair(text, i) ? 2 : 1;
            points.Add(text.Substring(i, length));
            i += length;
        }
        if (points.Count < 2)
        {
            if (points.Count == 1) result.Add(points[0]);
            return result;
        }
        for (int i = 0; i < points.Count - 1; i++) result.Add(points[i] + points[i + 1]);
        return result;
    }

    public static string NameOf(ScoredFigure figure) => NameOf(figure.Project, figure.Indicator);

    /// <summary>The name the referee compares: the project, and the indicator after it when it says something else.</summary>
    public static string NameOf(string? project, string? indicator)
    {
        project ??= "";
        indicator ??= "";
        return indicator.Length == 0 || indicator == project ? project : project + indicator;
    }

    public static double Dice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    private static bool Same(double? a, double? b) =>
        a is not null && b is not null && Math.Abs(a.Value - b.Value) <= Math.Max(1e-9, 1e-6 * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)));

    /// <summary>The name similarity when a prediction may stand for a gold figure, else null.</summary>
    public static double? Compatible(ScoredFigure gold, ScoredFigure predicted)
    {
        if (RegionKey(gold.Region) != RegionKey(predicted.Region)) return null;
        if (gold.Target is not null && !Same(gold.Target, predicted.Target)) return null;
        if (gold.Actual is not null && !Same(gold.Actual, predicted.Actual)) return null;
        if (gold.Percent is not null && !Same(gold.Percent, predicted.Percent)) return null;
        double similarity = Dice(NameOf(gold), NameOf(predicted));
        return similarity >= 0.3 ? similarity : null;
    }

    public static bool Exact(ScoredFigure gold, ScoredFigure predicted)
    {
        if (gold.Target is null && predicted.Target is not null) return false;
        if (gold.Actual is null && predicted.Actual is not null) return false;
        if (gold.Percent is null && predicted.Percent is not null) return false;
        bool hasNumber = gold.Target is not null || gold.Actual is not null;
        return !hasNumber || TraditionalChinese.ToSimplified(gold.Unit ?? "").Trim() == TraditionalChinese.ToSimplified(predicted.Unit ?? "").Trim();
    }

    public static List<(int Gold, int Predicted)> MatchDocument(IReadOnlyList<ScoredFigure> golds, IReadOnlyList<ScoredFigure> predictions)
    {
        var pairs = new List<(bool Optional, double NegSimilarity, int Gold, int Predicted)>();
        for (int g = 0; g < golds.Count; g++)
            for (int p = 0; p < predictions.Count; p++)
                if (Compatible(golds[g], predictions[p]) is { } similarity)
                    pairs.Add((golds[g].Optional, -similarity, g, p));
        // Python sorts tuples: optional (False first), then -similarity, then indices.
        pairs.Sort((a, b) =>
        {
            int c = a.Optional.CompareTo(b.Optional);
            if (c != 0) return c;
            c = a.NegSimilarity.CompareTo(b.NegSimilarity);
            if (c != 0) return c;
            c = a.Gold.CompareTo(b.Gold);
            return c != 0 ? c : a.Predicted.CompareTo(b.Predicted);
        });
        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        var matches = new List<(int, int)>();
        foreach (var (_, _, g, p) in pairs)
        {
            if (usedGold.Contains(g) || usedPredicted.Contains(p)) continue;
            usedGold.Add(g);
            usedPredicted.Add(p);
            matches.Add((g, p));
        }
        return matches;
    }

    public static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    /// <summary>Scores predictions against gold, over the gold's documents (or all documents of either).</summary>
    public static ScoreReport Score(IReadOnlyList<ScoredFigure> gold, IReadOnlyList<ScoredFigure> predicted, bool onlyGoldDocs = true)
    {
        var goldByDoc = gold.GroupBy(f => Stem(f.Doc)).ToDictionary(g => g.Key, g => g.ToList());
        var predictedByDoc = predicted.GroupBy(f => Stem(f.Doc)).ToDictionary(g => g.Key, g => g.ToList());
        var docs = (onlyGoldDocs ? goldByDoc.Keys : goldByDoc.Keys.Union(predictedByDoc.Keys)).Order(StringComparer.Ordinal).ToList();
        var perDoc = new List<DocumentScore>();
        var misses = new List<ScoredFigure>();
        var extras = new List<ScoredFigure>();
        foreach (var doc in docs)
        {
            var golds = goldByDoc.GetValueOrDefault(doc) ?? [];
            var preds = predictedByDoc.GetValueOrDefault(doc) ?? [];
            var matches = MatchDocument(golds, preds);
            int hit = 0, exact = 0, flagGoldHit = 0, flagFalse = 0;
            foreach (var (g, p) in matches)
            {
                if (golds[g].Optional) continue;
                hit++;
                if (Exact(golds[g], preds[p])) exact++;
                if (golds[g].Inconsistent) { if (preds[p].Inconsistent) flagGoldHit++; }
                else if (preds[p].Inconsistent) flagFalse++;
            }
            var matchedGold = matches.Select(m => m.Gold).ToHashSet();
            var matchedPredicted = matches.Select(m => m.Predicted).ToHashSet();
            int absorbed = matches.Count(m => golds[m.Gold].Optional);
            flagFalse += preds.Where((p, i) => p.Inconsistent && !matchedPredicted.Contains(i)).Count();
            misses.AddRange(golds.Where((g, i) => !matchedGold.Contains(i) && !g.Optional));
            extras.AddRange(preds.Where((_, i) => !matchedPredicted.Contains(i)));
            perDoc.Add(new DocumentScore(doc, golds.Count(g => !g.Optional), preds.Count - absorbed, hit, exact,
                golds.Count(g => g.Inconsistent && !g.Optional), flagGoldHit, flagFalse));
        }
        int totalGold = perDoc.Sum(d => d.Gold), totalPredicted = perDoc.Sum(d => d.Predicted), totalHit = perDoc.Sum(d => d.Matched);
        int totalExact = perDoc.Sum(d => d.Exact), flagGold = perDoc.Sum(d => d.FlagGold);
        int flagHit = perDoc.Sum(d => d.FlagGoldHit), flagged = flagHit + perDoc.Sum(d => d.FlagFalse);
        double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        double precision = Ratio(totalHit, totalPredicted), recall = Ratio(totalHit, totalGold);
        var summary = new ScoreSummary(docs.Count, totalGold, totalPredicted, totalHit,
            Round(precision), Round(recall), Round(F1(precision, recall)),
            Round(F1(Ratio(totalExact, totalPredicted), Ratio(totalExact, totalGold))),
            Round(Ratio(flagHit, flagGold)), flagged > 0 ? Round(Ratio(flagHit, flagged)) : null, flagGold);
        return new ScoreReport(summary, perDoc, misses, extras);
    }

    /// <summary>Python's round(x, 4): round half to even on the binary value.</summary>
    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven);

    [GeneratedRegex(@"[\s\u3000“”""'‘’「」『』《》〈〉()（）\[\]【】,，。.;；:：、!！?？\-—_*·]+")]
    private static partial Regex Punctuation();
}
