using System.Globalization;
using System.Text.RegularExpressions;

namespace BulletinIngest.Learning;

/// <summary>
/// The numbers a piece of text states, each as written and scaled by a following 万/亿
/// ("17.14 万人次" gives 17.14 and 171400). PDF gaps inside decimals ("5. 42") are closed.
/// Used to find which clause holds a labeled figure's numbers.
/// </summary>
public static partial class NumberValues
{
    public static IReadOnlyList<double> In(string text)
    {
        var values = new List<double>();
        foreach (Match match in Number().Matches(NormalizeDigits(text)))
        {
            string digits = match.Groups["n"].Value.Replace(" ", "").Replace(",", "").Replace('．', '.');
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) continue;
            values.Add(value);
            if (match.Groups["scale"].Value == "万") values.Add(value * 1e4);
            else if (match.Groups["scale"].Value == "亿") values.Add(value * 1e8);
        }
        return values;
    }

    public static bool Contains(IReadOnlyList<double> values, double wanted) =>
        values.Any(v => Math.Abs(v - wanted) <= 1e-6 * Math.Max(1, Math.Abs(wanted)));

    /// <summary>Full-width digits and points as ASCII.</summary>
    public static string NormalizeDigits(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９' or '．')) return text;
        return string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c == '．' ? '.' : c));
    }

    [GeneratedRegex(@"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\s?\.\s?\d+)?)\s*(?<scale>万|亿)?")]
    private static partial Regex Number();
}
