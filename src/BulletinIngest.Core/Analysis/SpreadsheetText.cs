using System.Globalization;

namespace BulletinIngest.Analysis;

/// <summary>
/// Text for spreadsheet cells that Excel or LibreOffice will not run as a formula (OWASP "CSV injection"):
/// a text starting with = + - @ (or a TAB or CR, which some importers strip first) gets a leading apostrophe.
/// Numbers are not text and stay numbers; a text that is just a signed number ("-5", "+3.5") is left as it is.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralize(string text)
    {
        if (text.Length == 0 || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r')) return text;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return text;
        return "'" + text;
    }
}
