namespace BulletinIngest.Extraction.Numbers;

/// <summary>Parses Chinese numerals as bulletins write them: 一千二百, 两万, 十八, 三百零五, 一二〇 (digit by digit).</summary>
public static class ChineseNumeral
{
    public const string Characters = "零〇一二两三四五六七八九十百千万亿";

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static long Multiplier(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => 0,
    };

    /// <summary>The value, or null when the characters are not a well-formed numeral (十四五, 三三两两).</summary>
    public static double? Parse(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.All(c => Digit(c) >= 0) && text.Length > 1 && !text.Contains('两'))
        {
            // Digit-by-digit form (一二〇).
            long digits = 0;
            foreach (char c in text) digits = digits * 10 + Digit(c);
            return digits;
        }
        double total = 0;
        long section = 0; // below 万
        long number = -1;  // the digit waiting for its multiplier
        long lastMultiplier = 10000;
        bool lastWasZero = false;
        foreach (char c in text)
        {
            int digit = Digit(c);
            if (digit == 0) { lastWasZero = true; if (number >= 0) return null; continue; }
            if (digit > 0)
            {
                if (number >= 0) return null; // two digits in a row: not a counting numeral
                number = digit;
                continue;
            }
            long multiplier = Multiplier(c);
            if (multiplier > 0)
            {
                if (multiplier >= lastMultiplier && section > 0 && !lastWasZero) return null;
                section += (number < 0 ? 1 : number) * multiplier;
                number = -1;
                lastMultiplier = multiplier;
                lastWasZero = false;
                continue;
            }
            if (c is '万' or '亿')
            {
                section += Math.Max(number, 0);
                if (section == 0) return null;
                total = (total + section) * (c == '万' ? 1e4 : 1e8);
                section = 0;
                number = -1;
                lastMultiplier = 10000;
                continue;
            }
            return null;
        }
        if (number >= 0)
        {
            // 一千二 = 1200: a trailing digit after a multiplier counts one place lower.
            if (!lastWasZero && lastMultiplier is >= 100 and < 10000 && section > 0) number *= lastMultiplier / 10;
            section += number;
        }
        return total + section;
    }
}
