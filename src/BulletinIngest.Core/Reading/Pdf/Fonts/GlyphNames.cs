using System.Globalization;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>
/// Glyph names to Unicode (the names the standard encodings use, from the Adobe Glyph List, plus the
/// uniXXXX / uXXXX forms and ligature names joined by '_'), and the three base encodings of simple fonts
/// as Unicode tables indexed by code (U+0000 where a code is undefined).
/// </summary>
internal static class GlyphNames
{
    public static string? ToUnicode(string name)
    {
        if (Known.TryGetValue(name, out char c)) return c.ToString();
        if (name is "fi" or "fl" or "ff" or "ffi" or "ffl") return name; // ligatures read as their letters
        int dot = name.IndexOf('.');
        if (dot > 0) return ToUnicode(name[..dot]);
        if (name.Contains('_'))
        {
            var parts = name.Split('_').Select(ToUnicode).ToArray();
            return parts.All(p => p is not null) ? string.Concat(parts) : null;
        }
        if (name.StartsWith("uni", StringComparison.Ordinal) && name.Length >= 7 && (name.Length - 3) % 4 == 0)
        {
            var text = new System.Text.StringBuilder();
            for (int i = 3; i < name.Length; i += 4)
            {
                if (!int.TryParse(name.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int unit)) return null;
                text.Append((char)unit);
            }
            return text.ToString();
        }
        if (name.Length is >= 5 and <= 7 && name[0] == 'u'
            && int.TryParse(name.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int codePoint)
            && codePoint <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF)
            return char.ConvertFromUtf32(codePoint);
        return null;
    }

    /// <summary>StandardEncoding, the default of Type 1 fonts.</summary>
    public static readonly string Standard =
        "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0020\u0021\u0022\u0023\u0024\u0025\u0026\u2019\u0028\u0029\u002A\u002B\u002C\u002D\u002E\u002F"
        + "\u0030\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039\u003A\u003B\u003C\u003D\u003E\u003F"
        + "\u0040\u0041\u0042\u0043\u0044\u0045\u0046\u0047\u0048\u0049\u004A\u004B\u004C\u004D\u004E\u004F"
        + "\u0050\u0051\u0052\u0053\u0054\u0055\u0056\u0057\u0058\u0059\u005A\u005B\u005C\u005D\u005E\u005F"
        + "\u2018\u0061\u0062\u0063\u0064\u0065\u0066\u0067\u0068\u0069\u006A\u006B\u006C\u006D\u006E\u006F"
        + "\u0070\u0071\u0072\u0073\u0074\u0075\u0076\u0077\u0078\u0079\u007A\u007B\u007C\u007D\u007E\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u00A1\u00A2\u00A3\u2044\u00A5\u0192\u00A7\u00A4\u0027\u201C\u00AB\u2039\u203A\u0000\u0000"
        + "\u0000\u2013\u2020\u2021\u00B7\u0000\u00B6\u2022\u201A\u201E\u201D\u00BB\u2026\u2030\u0000\u00BF"
        + "\u0000\u0060\u00B4\u02C6\u02DC\u00AF\u02D8\u02D9\u00A8\u0000\u02DA\u00B8\u0000\u02DD\u02DB\u02C7"
        + "\u2014\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u00C6\u0000\u00AA\u0000\u0000\u0000\u0000\u0141\u00D8\u0152\u00BA\u0000\u0000\u0000\u0000"
        + "\u0000\u00E6\u0000\u0000\u0000\u0131\u0000\u0000\u0142\u00F8\u0153\u00DF\u0000\u0000\u0000\u0000";

    public static readonly string MacRoman =
        "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0020\u0021\u0022\u0023\u0024\u0025\u0026\u0027\u0028\u0029\u002A\u002B\u002C\u002D\u002E\u002F"
        + "\u0030\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039\u003A\u003B\u003C\u003D\u003E\u003F"
        + "\u0040\u0041\u0042\u0043\u0044\u0045\u0046\u0047\u0048\u0049\u004A\u004B\u004C\u004D\u004E\u004F"
        + "\u0050\u0051\u0052\u0053\u0054\u0055\u0056\u0057\u0058\u0059\u005A\u005B\u005C\u005D\u005E\u005F"
        + "\u0060\u0061\u0062\u0063\u0064\u0065\u0066\u0067\u0068\u0069\u006A\u006B\u006C\u006D\u006E\u006F"
        + "\u0070\u0071\u0072\u0073\u0074\u0075\u0076\u0077\u0078\u0079\u007A\u007B\u007C\u007D\u007E\u0000"
        + "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8"
        + "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC"
        + "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8"
        + "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u2126\u00E6\u00F8"
        + "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u0000\u00C0\u00C3\u00D5\u0152\u0153"
        + "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u00A4\u2039\u203A\u0000\u0000"
        + "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4"
        + "\u0000\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

    /// <summary>WinAnsiEncoding (Windows-1252, with the PDF's bullet for unassigned codes).</summary>
    public static readonly string WinAnsi =
        "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0020\u0021\u0022\u0023\u0024\u0025\u0026\u0027\u0028\u0029\u002A\u002B\u002C\u002D\u002E\u002F"
        + "\u0030\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039\u003A\u003B\u003C\u003D\u003E\u003F"
        + "\u0040\u0041\u0042\u0043\u0044\u0045\u0046\u0047\u0048\u0049\u004A\u004B\u004C\u004D\u004E\u004F"
        + "\u0050\u0051\u0052\u0053\u0054\u0055\u0056\u0057\u0058\u0059\u005A\u005B\u005C\u005D\u005E\u005F"
        + "\u0060\u0061\u0062\u0063\u0064\u0065\u0066\u0067\u0068\u0069\u006A\u006B\u006C\u006D\u006E\u006F"
        + "\u0070\u0071\u0072\u0073\u0074\u0075\u0076\u0077\u0078\u0079\u007A\u007B\u007C\u007D\u007E\u2022"
        + "\u20AC\u2022\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u2022\u017D\u2022"
        + "\u2022\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u2022\u017E\u0178"
        + "\u0020\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u002D\u00AE\u00AF"
        + "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF"
        + "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF"
        + "\u00D0\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF"
        + "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF"
        + "\u00F0\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FE\u00FF";

    private static readonly Dictionary<string, char> Known = ParseNames(
        "A 0041 AE 00C6 Aacute 00C1 Acircumflex 00C2 Adieresis 00C4 Agrave 00C0 Aring 00C5 Atilde 00C3 B 0042 "
        + "C 0043 Ccedilla 00C7 D 0044 Delta 2206 E 0045 Eacute 00C9 Ecircumflex 00CA Edieresis 00CB "
        + "Egrave 00C8 Eth 00D0 Euro 20AC F 0046 G 0047 Gbreve 011E H 0048 I 0049 Iacute 00CD Icircumflex 00CE "
        + "Idieresis 00CF Idotaccent 0130 Igrave 00CC J 004A K 004B L 004C Lslash 0141 M 004D N 004E "
        + "Ntilde 00D1 O 004F OE 0152 Oacute 00D3 Ocircumflex 00D4 Odieresis 00D6 Ograve 00D2 Omega 2126 "
        + "Oslash 00D8 Otilde 00D5 P 0050 Q 0051 R 0052 S 0053 Scaron 0160 Scedilla 015E T 0054 Thorn 00DE "
        + "U 0055 Uacute 00DA Ucircumflex 00DB Udieresis 00DC Ugrave 00D9 V 0056 W 0057 X 0058 Y 0059 "
        + "Yacute 00DD Ydieresis 0178 Z 005A Zcaron 017D a 0061 aacute 00E1 acircumflex 00E2 acute 00B4 "
        + "adieresis 00E4 ae 00E6 agrave 00E0 ampersand 0026 apple F8FF approxequal 2248 aring 00E5 "
        + "asciicircum 005E asciitilde 007E asterisk 002A at 0040 atilde 00E3 b 0062 backslash 005C bar 007C "
        + "braceleft 007B braceright 007D bracketleft 005B bracketright 005D breve 02D8 brokenbar 00A6 "
        + "bullet 2022 c 0063 caron 02C7 ccedilla 00E7 cedilla 00B8 cent 00A2 circumflex 02C6 colon 003A "
        + "comma 002C copyright 00A9 currency 00A4 d 0064 dagger 2020 daggerdbl 2021 degree 00B0 dieresis 00A8 "
        + "divide 00F7 dollar 0024 dotaccent 02D9 dotlessi 0131 e 0065 eacute 00E9 ecircumflex 00EA "
        + "edieresis 00EB egrave 00E8 eight 0038 ellipsis 2026 emdash 2014 endash 2013 equal 003D eth 00F0 "
        + "exclam 0021 exclamdown 00A1 f 0066 five 0035 florin 0192 four 0034 fraction 2044 g 0067 gbreve 011F "
        + "germandbls 00DF grave 0060 greater 003E greaterequal 2265 guillemotleft 00AB guillemotright 00BB "
        + "guilsinglleft 2039 guilsinglright 203A h 0068 hungarumlaut 02DD hyphen 002D i 0069 iacute 00ED "
        + "icircumflex 00EE idieresis 00EF igrave 00EC infinity 221E integral 222B j 006A k 006B l 006C "
        + "less 003C lessequal 2264 logicalnot 00AC lozenge 25CA lslash 0142 m 006D macron 00AF minus 2212 "
        + "mu 00B5 multiply 00D7 n 006E nbspace 00A0 nine 0039 notequal 2260 ntilde 00F1 numbersign 0023 o 006F "
        + "oacute 00F3 ocircumflex 00F4 odieresis 00F6 oe 0153 ogonek 02DB ograve 00F2 one 0031 onehalf 00BD "
        + "onequarter 00BC ordfeminine 00AA ordmasculine 00BA oslash 00F8 otilde 00F5 p 0070 paragraph 00B6 "
        + "parenleft 0028 parenright 0029 partialdiff 2202 percent 0025 period 002E periodcentered 00B7 "
        + "perthousand 2030 pi 03C0 plus 002B plusminus 00B1 product 220F q 0071 question 003F "
        + "questiondown 00BF quotedbl 0022 quotedblbase 201E quotedblleft 201C quotedblright 201D "
        + "quoteleft 2018 quoteright 2019 quotesinglbase 201A quotesingle 0027 r 0072 radical 221A "
        + "registered 00AE ring 02DA s 0073 scaron 0161 scedilla 015F section 00A7 semicolon 003B seven 0037 "
        + "sfthyphen 00AD six 0036 slash 002F space 0020 sterling 00A3 summation 2211 t 0074 thorn 00FE "
        + "three 0033 threequarters 00BE tilde 02DC trademark 2122 two 0032 u 0075 uacute 00FA ucircumflex 00FB "
        + "udieresis 00FC ugrave 00F9 underscore 005F v 0076 w 0077 x 0078 y 0079 yacute 00FD ydieresis 00FF "
        + "yen 00A5 z 007A zcaron 017E zero 0030 ");

    private static Dictionary<string, char> ParseNames(string table)
    {
        var names = new Dictionary<string, char>(StringComparer.Ordinal);
        var parts = table.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < parts.Length; i += 2)
            names[parts[i]] = (char)int.Parse(parts[i + 1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return names;
    }
}
