using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.TextTables;

/// <summary>What a table cell holds, as the detectors tell it: a number, a row's serial number (序号), or text.</summary>
public static partial class CellText
{
    public static bool IsNumber(string cell) => Number().IsMatch(cell.Trim());

    /// <summary>A serial number: 1–999, with the footnote star some tables put on it (9*).</summary>
    public static bool IsSerial(string cell) => Serial().IsMatch(cell.Trim());

    public static int SerialValue(string cell) => int.Parse(Serial().Match(cell.Trim()).Groups[1].Value);

    /// <summary>
    /// The header of a column of consecutive row numbers: 序号 (序號, 编号), or the rank of a ranking table (排名, 名次,
    /// 排序), whose rows are written in rank order.
    /// </summary>
    public static bool IsSerialHeader(string cell) => SerialHeader().IsMatch(WithoutGlosses(cell.Trim()));

    /// <summary>Text that writes an amount (城镇新增就业1100人), as against a plain label (县人社局).</summary>
    public static bool HasDigits(string cell) => cell.Any(char.IsAsciiDigit);

    /// <summary>A unit on a line of its own (`(%)`, `（万元）`): it belongs to the header label above it.</summary>
    public static bool IsUnitFragment(string cell) => UnitFragment().IsMatch(cell);

    /// <summary>A table's as-of note in brackets (`(截至2023年9月末)`), written between its caption and its header: no cell.</summary>
    public static bool IsAsOfNote(string line) => AsOfNote().IsMatch(line.Trim());

    /// <summary>The cell without the pinyin glosses a mirror site glues to characters (序號(hào) → 序號).</summary>
    public static string WithoutGlosses(string cell) => Gloss().Replace(cell, "");

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[(（][a-zA-Z\u00C0-\u024F]{1,8}[)）]")]
    private static partial Regex Gloss();

    [GeneratedRegex(@"^[（(](截至|截止)[^（）()]*[）)]$")]
    private static partial Regex AsOfNote();

    [GeneratedRegex(@"^(序\s*[号號]|编\s*号|編\s*號|排\s*名|名\s*次|排\s*序)$")]
    private static partial Regex SerialHeader();

    [GeneratedRegex(@"^[-+]?\d[\d,.，]*\s*[%％]?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[(（][^()（）]{1,6}[)）]$")]
    private static partial Regex UnitFragment();

    [GeneratedRegex(@"^([0-9]{1,3})[*＊]?$")]
    private static partial Regex Serial();
}
