using System.Globalization;
using System.Text.RegularExpressions;

namespace BulletinIngest.Analysis.Flags;

/// <summary>
/// How precisely a number was written: half a unit of its last digit, in base units. "1.3万亩" stored as 13000
/// may be anything from 12500 to 13500; "23.1%" from 23.05 to 23.15. A whole number written in full ("6000人")
/// is a count and taken as exact. Found by locating the number in the figure's source sentence; a number not
/// found there is taken as exact, a percent as rounded to its own last digit.
/// </summary>
public static partial class StatedPrecision
{
    public static double HalfUnit(double value, string sentence, bool isPercent = false)
    {
        foreach (Match match in WrittenNumber().Matches(sentence))
        {
            if (isPercent != match.Groups["pct"].Success) continue;
            string digits = Regex.Replace(match.Groups["num"].Value, @"[\s,，]", "");
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double written)) continue;
            double scale = match.Groups["scale"].Value switch { "亿" => 1e8, "万" => 1e4, "千" => 1e3, _ => 1 };
            if (!Same(written * scale, value)) continue;
            int decimals = Decimals(digits);
            return isPercent || decimals > 0 || scale > 1 ? 0.5 * Math.Pow(10, -decimals) * scale : 0;
        }
        return isPercent ? 0.5 * Math.Pow(10, -Decimals(value.ToString("R", CultureInfo.InvariantCulture))) : 0;
    }

    private static int Decimals(string digits)
    {
        int dot = digits.IndexOf('.');
        return dot < 0 || digits.Contains('E') ? 0 : digits.Length - dot - 1;
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= Math.Max(1e-9, 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b)));

    // PDF text may split a number ("73. 05", "5. 42 万"); thousands separators are read through.
    [GeneratedRegex(@"(?<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\s?\.\s?\d+)?)\s?(?:(?<pct>[%％])|(?<scale>亿|万|千))?")]
    private static partial Regex WrittenNumber();
}
