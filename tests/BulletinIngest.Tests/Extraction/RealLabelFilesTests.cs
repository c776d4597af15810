using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// The hand labels of the real sets (corpus/real, every grown/gold-*.jsonl and fresh/gold*.jsonl) are well formed: every figure has the gold
/// README's keys, names a document that exists and is listed in the set's documents file, takes its numbers from that
/// document's text, carries the inconsistent flag the rule gives, and a plan's required figures are targets only.
/// A slip made while labelling (a typo in a number, a renamed file) fails here rather than skewing a score.
/// </summary>
public partial class RealLabelFilesTests
{
    private static readonly string[] Keys =
        ["doc", "region", "tier", "project", "indicator", "target", "actual", "unit", "percent", "qualifier", "optional", "inconsistent"];

    /// <summary>(gold file, documents file, folder of the texts) of each labelled real set, relative to corpus/real.</summary>
    public static TheoryData<string, string, string> Sets()
    {
        var data = new TheoryData<string, string, string> { { "gold.jsonl", "documents.jsonl", "docs" } };
        foreach (var gold in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "real", "grown"), "gold-*.jsonl").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(gold);
            data.Add("grown/" + name, "grown/" + name.Replace("gold-", "documents-"), "grown/docs");
        }
        // fresh/: set E's gold.jsonl and documents.jsonl, then each later set's gold-X.jsonl and documents-X.jsonl
        foreach (var gold in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "real", "fresh"), "gold*.jsonl").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(gold);
            data.Add("fresh/" + name, "fresh/" + name.Replace("gold", "documents"), "fresh/docs");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Labels_are_well_formed_and_their_numbers_come_from_the_text(string gold, string documents, string folder)
    {
        string real = Path.Combine(RepoPaths.Corpus, "real");
        var kinds = Lines(Path.Combine(real, documents)).ToDictionary(m => m["doc"]!.GetValue<string>(), m => m["kind"]!.GetValue<string>());
        var texts = new Dictionary<string, HashSet<double>>();
        var problems = new List<string>();
        foreach (var figure in Lines(Path.Combine(real, gold)))
        {
            string doc = figure["doc"]!.GetValue<string>();
            string where = $"{doc} {figure["indicator"]}";
            if (!figure.Select(p => p.Key).SequenceEqual(Keys)) problems.Add(where + ": keys " + string.Join(",", figure.Select(p => p.Key)));
            if (!kinds.TryGetValue(doc, out string? kind)) { problems.Add(where + ": not in " + documents); continue; }
            string path = Path.Combine(real, folder, doc);
            if (!File.Exists(path)) { problems.Add(where + ": no such document"); continue; }
            if (!texts.TryGetValue(doc, out var numbers)) texts[doc] = numbers = NumbersIn(File.ReadAllText(path));

            double? target = Number(figure, "target"), actual = Number(figure, "actual"), percent = Number(figure, "percent");
            foreach (var (key, value) in new[] { ("target", target), ("actual", actual), ("percent", percent) })
                if (value is { } v && !Scales.Any(s => numbers.Any(n => Math.Abs(v / s - n) <= 1e-9 * Math.Max(1, Math.Abs(n)))))
                    problems.Add($"{where}: {key} {v} is not in the text");
            if (target is null && actual is null && percent is null) problems.Add(where + ": no number");
            bool inconsistent = target is > 0 && actual is { } a && percent is { } p && Math.Abs(a / target.Value * 100 - p) > 1
                && !(a >= target.Value && p == 100);   // a standard level that has been met is not inconsistent
            if (inconsistent != figure["inconsistent"]!.GetValue<bool>()) problems.Add($"{where}: inconsistent should be {inconsistent}");
            if (kind == "plan" && !figure["optional"]!.GetValue<bool>() && (actual is not null || percent is not null))
                problems.Add(where + ": a plan's required figure with progress");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Gold numbers are scaled to base units: 7.3万人 → 73000, 7.28億元 → 728000000, 2.7万亿元 → 2.7e12.
    private static readonly double[] Scales = [1, 1e4, 1e8, 1e12];

    // Counts written as one Chinese numeral (两个, 十处) are labelled too.
    private static readonly Dictionary<char, double> Numerals = new()
    {
        ['一'] = 1, ['二'] = 2, ['两'] = 2, ['兩'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9, ['十'] = 10,
    };

    private static HashSet<double> NumbersIn(string text)
    {
        text = text.Normalize(System.Text.NormalizationForm.FormKC);   // full-width digits (２６) are digits
        text = SplitDecimal().Replace(text, "$1.$2");   // PDF artifacts are read as meant: 5. 42 is 5.42
        var numbers = Digits().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToHashSet();
        numbers.UnionWith(Numerals.Where(n => text.Contains(n.Key)).Select(n => n.Value));
        // A share written as a fraction (规划任务的2/3) or in words (开工率达百分百, 七成) is labelled as its percent.
        numbers.UnionWith(Fraction().Matches(text).Select(m => Math.Round(100 * double.Parse(m.Groups[1].Value) / double.Parse(m.Groups[2].Value), 2)));
        if (text.Contains("百分百")) numbers.Add(100);
        numbers.UnionWith(Numerals.Where(n => n.Value < 10 && text.Contains(n.Key + "成")).Select(n => n.Value * 10));   // 不足六成: 60 %
        return numbers;
    }

    private static double? Number(JsonObject figure, string key) => figure[key]?.GetValue<double>();

    private static IEnumerable<JsonObject> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject());

    [GeneratedRegex(@"(\d)\.\s+(\d)")]
    private static partial Regex SplitDecimal();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?<![\d/])([1-9]\d?)/([1-9]\d?)(?![\d/])")]
    private static partial Regex Fraction();
}
