using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Numbers;

/// <summary>
/// Finds the amounts in a (compacted) text: Arabic and Chinese numerals with their scale (万, 亿, 千),
/// unit, hedges and bounds, and percentages. Numbers that are not amounts are left out: dates and years,
/// ranges (1-3月份), ordinals (第3期), document numbers (〔2024〕14号), codes (4G, PM2.5, DB43), titles
/// in 《》, and numbers that qualify a name (13种, 60岁, 10千伏). A single Chinese digit (两项补贴, 三是)
/// is never taken as an amount: bulletins write such small counts in words mostly inside names.
/// </summary>
public static partial class NumberRecognizer
{
    /// <summary>
    /// The amounts in the text. The stages of one document ask about the same unit several times (its tally, the
    /// candidate finder, the item builder, the namer, coverage), so each thread remembers the answers for the last
    /// texts it was asked about; an answer is read-only and the same whoever asks.
    /// </summary>
    public static IReadOnlyList<Quantity> Find(string text)
    {
        var recent = _recent ??= new Dictionary<string, IReadOnlyList<Quantity>>(StringComparer.Ordinal);
        if (recent.TryGetValue(text, out var known)) return known;
        if (recent.Count >= RememberedTexts) recent.Clear();
        var found = Recognize(text).AsReadOnly();
        recent[text] = found;
        return found;
    }

    private const int RememberedTexts = 1024;

    [ThreadStatic] private static Dictionary<string, IReadOnlyList<Quantity>>? _recent;

    private static List<Quantity> Recognize(string text)
    {
        var results = new List<Quantity>();
        var blocked = BlockedRanges(text);
        foreach (Match match in NumberPattern().Matches(text))
        {
            if (IsBlocked(blocked, match.Index)) continue;
            var number = match.Groups["arabic"].Success ? match.Groups["arabic"] : match.Groups["chinese"];
            bool chinese = !match.Groups["arabic"].Success;
            double? value = chinese ? ChineseNumeral.Parse(number.Value) : double.Parse(number.Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            if (value is null) continue;
            if (chinese && number.Value.Length < 2) continue;
            var quantity = ReadTail(text, match.Index, number.Index + number.Length, value.Value, chinese);
            if (quantity is not null) results.Add(quantity);
        }
        return results;
    }

    private static Quantity? ReadTail(string text, int start, int numberEnd, double value, bool chinese)
    {
        // Before the number: a code letter, an ordinal, or a hedge/bound word.
        if (start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] == '第')) return null;
        if (start > 0 && text[start - 1] is '-' or '—' or '–' or '~' or '～' && start > 1 && char.IsDigit(text[start - 2])) return null;
        bool approximate = false;
        string? qualifier = null;
        int i = numberEnd;
        // A range (1-3月份, 7-14岁) is not an amount.
        if (i < text.Length && text[i] is '-' or '—' or '–' or '~' or '～' or '至' && i + 1 < text.Length && char.IsDigit(text[i + 1])) return null;
        if (i < text.Length && char.IsAsciiLetter(text[i]) && UnitTable.Match(text, i) is null) return null;
        if (i < text.Length && text[i] is '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])) return null;
        // "12.6 km": the compact text keeps the space between a number and an ASCII unit.
        if (i + 1 < text.Length && text[i] == ' ' && char.IsAsciiLetter(text[i + 1]) && UnitTable.Match(text, i + 1) is not null) i++;
        if (Approx(text, ref i)) approximate = true;
        double factor = 1;
        if (i < text.Length && text[i] is '万' or '亿')
        {
            factor = text[i] == '万' ? 1e4 : 1e8;
            i++;
        }
        // 千 scales the unit after it (3千米 is not 3 千 × 米: 千米 is a unit of its own, as 千克, 千瓦).
        else if (i < text.Length && text[i] == '千' && UnitTable.Match(text, i) is null && (UnitTable.Match(text, i + 1) is { Descriptive: false }
                 || (i + 1 < text.Length && text[i + 1] is '余' or '多' && UnitTable.Match(text, i + 2) is { Descriptive: false })))
        {
            factor = 1e3;
            i++;
        }
        if (Approx(text, ref i)) approximate = true;
        string? unit;
        if (i < text.Length && text[i] == '%')
        {
            unit = "%";
            i++;
        }
        else if (text.AsSpan(i).StartsWith("个百分点")) return null;
        else
        {
            var info = UnitTable.Match(text, i);
            if (info is { Descriptive: true }) return null;
            if (info is not null && IsDate(text, numberEnd, i, info, value)) return null;
            unit = info?.Base;
            if (info is not null) i += info.Written.Length;
            // A scaled number is an amount; what it counts is the noun after it (50万农村适龄妇女).
            if (unit is null && factor != 1) unit = CountedNouns.Default.UnitAfter(text, i);
            if (unit is null && chinese) return null;
            if (unit is null && IsDateWord(text, i)) return null;
        }
        if (text.AsSpan(i).StartsWith("左右")) { approximate = true; i += 2; }
        int end = i;
        if (text.AsSpan(i).StartsWith("以上")) { qualifier = ">="; end = i + 2; }
        else if (text.AsSpan(i).StartsWith("以下") || text.AsSpan(i).StartsWith("以内")) { qualifier = "<="; end = i + 2; }
        var before = text.AsSpan(0, start);
        if (before.EndsWith("近") || before.EndsWith("约") || before.EndsWith("大约")) approximate = true;
        if (before.EndsWith("超过") || before.EndsWith("高于") || before.EndsWith("大于") || before.EndsWith(">")) qualifier = ">";
        else if (before.EndsWith("不低于") || before.EndsWith("不少于") || before.EndsWith("≥") || before.EndsWith("不小于")) qualifier = ">=";
        else if (before.EndsWith("不高于") || before.EndsWith("不超过") || before.EndsWith("≤") || before.EndsWith("控制在")) qualifier ??= "<=";
        else if (before.EndsWith("低于") || before.EndsWith("不足") || before.EndsWith("小于") || before.EndsWith("<")) qualifier = "<";
        if (unit == "%" ) factor = 1;
        return new Quantity
        {
            Value = Quantity.Scale(value, factor),
            Unit = unit,
            Approximate = approximate,
            Qualifier = qualifier,
            Start = start,
            End = unit is null ? numberEnd : end,
            Chinese = chinese,
        };
    }

    private static bool Approx(string text, ref int i)
    {
        if (i < text.Length && text[i] is '余' or '多') { i++; return true; }
        return false;
    }

    /// <summary>3月, 4月份, 12月底: a month, not 91 月 of rehabilitation.</summary>
    private static bool IsDate(string text, int numberEnd, int unitStart, UnitInfo unit, double value)
    {
        if (unit.Written != "月") return false;
        return value is >= 1 and <= 12 && value == Math.Floor(value);
    }

    private static bool IsDateWord(string text, int i) =>
        i < text.Length && text[i] is '月' or '日' or '年' or '时' or '点' or '号';

    /// <summary>Ranges of the text inside 《》 or 〔〕 brackets: titles and document numbers.</summary>
    private static List<(int Start, int End)> BlockedRanges(string text)
    {
        var ranges = new List<(int, int)>();
        foreach (Match m in BracketPattern().Matches(text)) ranges.Add((m.Index, m.Index + m.Length));
        return ranges;
    }

    private static bool IsBlocked(List<(int Start, int End)> ranges, int index) =>
        ranges.Any(r => index >= r.Start && index < r.End);

    // [0-9], not \d: \d takes every script's digits (᮰, ٣), which double.Parse refuses.
    [GeneratedRegex(@"(?<arabic>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9.])|[0-9]+(?:\.[0-9]+)?)|(?<chinese>[零〇一二两三四五六七八九十百千万亿]+)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|（牵头[^）]*）|\(牵头[^)]*\)")]
    private static partial Regex BracketPattern();
}
