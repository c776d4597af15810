using DocumentFormat.OpenXml.Wordprocessing;

namespace BulletinIngest.Reading;

/// <summary>Writes a list counter in Word's number formats: 1, 一, ①, a, i, and full-width digits.</summary>
public static class NumberText
{
    private const string ChineseDigits = "零一二三四五六七八九";

    public static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.IdeographTraditional || format == NumberFormatValues.TaiwaneseCountingThousand
            || format == NumberFormatValues.JapaneseCounting || format == NumberFormatValues.IdeographDigital)
            return Chinese(value);
        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            return value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : value.ToString();
        if (format == NumberFormatValues.DecimalFullWidth || format == NumberFormatValues.DecimalFullWidth2)
            return string.Concat(value.ToString().Select(d => (char)('０' + (d - '0'))));
        if (format == NumberFormatValues.LowerLetter) return Letter(value, 'a');
        if (format == NumberFormatValues.UpperLetter) return Letter(value, 'A');
        if (format == NumberFormatValues.LowerRoman) return Roman(value).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return Roman(value);
        return value.ToString();
    }

    /// <summary>Chinese counting numerals as list numbers use them: 一 … 十, 十一, 二十一, 一百零一.</summary>
    public static string Chinese(int value)
    {
        if (value < 0 || value >= 10000) return value.ToString();
        if (value < 10) return ChineseDigits[value].ToString();
        if (value < 20) return "十" + (value % 10 == 0 ? "" : ChineseDigits[value % 10].ToString());
        if (value < 100) return ChineseDigits[value / 10] + "十" + (value % 10 == 0 ? "" : ChineseDigits[value % 10].ToString());
        if (value < 1000)
        {
            int rest = value % 100;
            return ChineseDigits[value / 100] + "百" + (rest == 0 ? "" : rest < 10 ? "零" + ChineseDigits[rest] : rest < 20 ? "一" + Chinese(rest) : Chinese(rest));
        }
        int remainder = value % 1000;
        return ChineseDigits[value / 1000] + "千" + (remainder == 0 ? "" : remainder < 100 ? "零" + Chinese(remainder) : Chinese(remainder));
    }

    private static string Letter(int value, char first)
    {
        if (value < 1) return value.ToString();
        int index = (value - 1) % 26, repeat = (value - 1) / 26 + 1;
        return new string((char)(first + index), repeat);
    }

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999) return value.ToString();
        (int Value, string Numeral)[] numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new System.Text.StringBuilder();
        foreach (var (n, numeral) in numerals)
            while (value >= n) { text.Append(numeral); value -= n; }
        return text.ToString();
    }
}
