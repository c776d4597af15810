using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BulletinIngest.Analysis;

/// <summary>
/// One worksheet: a header row of column names, then rows of values. With <paramref name="ColourScaleFrom"/>, the
/// numbers from that column on are coloured red (0 %) → yellow → green (100 %): a grid of completion.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows, int? ColourScaleFrom = null);

/// <summary>
/// Writes sheets of rows to an .xlsx file, streaming each sheet (no whole-sheet DOM in memory). The header row is
/// bold, frozen and filterable; columns are as wide as their first rows; numbers are numeric cells, booleans
/// boolean cells, text inline strings (Chinese kept as is; characters XML cannot hold are dropped). Columns are
/// formatted by their name (<see cref="PercentColumns"/>, <see cref="DateColumns"/>), and rows that lag or carry
/// an error or warning are coloured.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Columns that hold a percent (0-100, as the database stores it): written as a fraction with a percent format.</summary>
    public static readonly HashSet<string> PercentColumns = ["percent", "schedule", "gap", "percent_a", "percent_b", "percent_change", "completion"];
    /// <summary>Columns that hold a day (yyyy-MM-dd): written as Excel dates.</summary>
    public static readonly HashSet<string> DateColumns = ["as_of", "issue_date", "date", "as_of_a", "as_of_b"];

    private const uint HeaderStyle = 1, PercentStyle = 2, DateStyle = 3;
    private const uint RedFormat = 0, YellowFormat = 1;
    /// <summary>Rows measured for column widths (the sheet is streamed after them).</summary>
    private const int MeasuredRows = 200;

    public static void Write(string path, IEnumerable<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        AddStyles(workbookPart);
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(worksheetPart, sheet, selected: sheetId == 1);
            sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = SheetName(sheet.Name),
            });
        }
        workbookPart.Workbook.Save();
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        string safe = new(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray());
        return safe.Length > 31 ? safe[..31] : safe;
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, bool selected)
    {
        var columns = sheet.Columns;
        using var rows = sheet.Rows.GetEnumerator();
        var measured = new List<IReadOnlyList<object?>>();
        while (measured.Count < MeasuredRows && rows.MoveNext()) measured.Add(rows.Current);

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0, TabSelected = selected,
        }));
        writer.WriteElement(new Columns(columns.Select((name, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true, Width = Width(name, measured.Select(r => i < r.Count ? r[i] : null)),
        })));

        var styles = columns.Select((c, i) => sheet.ColourScaleFrom is { } from && i >= from || PercentColumns.Contains(c) ? PercentStyle
            : DateColumns.Contains(c) ? DateStyle : (uint?)null).ToArray();
        writer.WriteStartElement(new SheetData());
        uint rowIndex = 1;
        WriteRow(writer, rowIndex++, columns, _ => HeaderStyle, header: true);
        foreach (var row in measured) WriteRow(writer, rowIndex++, row, i => styles[i]);
        while (rows.MoveNext()) WriteRow(writer, rowIndex++, rows.Current, i => styles[i]);
        writer.WriteEndElement();

        string last = ColumnName(columns.Count - 1);
        uint lastRow = Math.Max(2, rowIndex - 1);
        writer.WriteElement(new AutoFilter { Reference = $"A1:{last}{Math.Max(1, rowIndex - 1)}" });
        foreach (var formatting in Highlights(sheet, last, lastRow)) writer.WriteElement(formatting);
        writer.WriteEndElement();
    }

    /// <summary>Lagging rows red; flags red for an error, yellow for a warning; a completion grid coloured red → green.</summary>
    private static IEnumerable<ConditionalFormatting> Highlights(XlsxSheet sheet, string lastColumn, uint lastRow)
    {
        string rows = $"A2:{lastColumn}{lastRow}";
        int priority = 1;
        int lagging = IndexOf(sheet.Columns, "lagging"), severity = IndexOf(sheet.Columns, "severity"), gap = IndexOf(sheet.Columns, "gap");
        if (lagging >= 0) yield return Rule(rows, $"${ColumnName(lagging)}2=TRUE", RedFormat, priority++);
        if (gap >= 0 && lagging < 0) yield return Rule(rows, $"${ColumnName(gap)}2>0", RedFormat, priority++);
        if (severity >= 0)
        {
            yield return Rule(rows, $"${ColumnName(severity)}2=\"error\"", RedFormat, priority++);
            yield return Rule(rows, $"${ColumnName(severity)}2=\"warning\"", YellowFormat, priority++);
        }
        if (sheet.ColourScaleFrom is { } from && from < sheet.Columns.Count)
            yield return new ConditionalFormatting(new ConditionalFormattingRule(new ColorScale(
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "0" },
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "0.5" },
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "1" },
                new Color { Rgb = "FFF8696B" }, new Color { Rgb = "FFFFEB84" }, new Color { Rgb = "FF63BE7B" }))
            {
                Type = ConditionalFormatValues.ColorScale, Priority = priority,
            })
            {
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{ColumnName(from)}2:{lastColumn}{lastRow}" },
            };
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++) if (columns[i] == name) return i;
        return -1;
    }

    private static ConditionalFormatting Rule(string range, string formula, uint format, int priority) =>
        new(new ConditionalFormattingRule(new Formula(formula)) { Type = ConditionalFormatValues.Expression, FormatId = format, Priority = priority })
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        };

    /// <summary>Wide enough for the header and the measured cells (a CJK character counts two), 8 to 60.</summary>
    private static double Width(string header, IEnumerable<object?> values)
    {
        int widest = DisplayWidth(header) + 3;   // room for the filter button
        foreach (var value in values)
        {
            string text = value switch
            {
                null => "",
                double d => d.ToString("0.##", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            widest = Math.Max(widest, DisplayWidth(text.Split('\n')[0]) + 1);
        }
        return Math.Clamp(widest, 8, 60);
    }

    private static int DisplayWidth(string text) => text.Sum(c => c >= 0x2E80 ? 2 : 1);

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<object?> values, Func<int, uint?> style, bool header = false)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowIndex.ToString(CultureInfo.InvariantCulture))]);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null) continue;
            uint? s = style(i);
            var cell = header ? ToCell(values[i]!) : s switch
            {
                PercentStyle when AsDouble(values[i]) is { } p => Number((p / 100).ToString("R", CultureInfo.InvariantCulture)),
                DateStyle when values[i] is string text && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    => Number((day - new DateTime(1899, 12, 30)).TotalDays.ToString(CultureInfo.InvariantCulture)),
                _ => ToCell(values[i]!),
            };
            cell.CellReference = ColumnName(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
            if (s is { } applied && (header || cell.DataType is null)) cell.StyleIndex = applied;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static double? AsDouble(object? value) => value switch
    {
        double d when double.IsFinite(d) => d,
        int or long or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static Cell ToCell(object value) => value switch
    {
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        double d when double.IsFinite(d) => Number(d.ToString("R", CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => Number(f.ToString("R", CultureInfo.InvariantCulture)),
        int or long or short or uint or ulong or decimal => Number(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        System.Collections.IEnumerable list and not string => Text(string.Join(" ", list.Cast<object?>())),
        _ => Text(value.ToString() ?? ""),
    };

    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(SpreadsheetText.Neutralize(text))) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(string text) => new() { CellValue = new CellValue(text) };

    /// <summary>"A", "B", … "Z", "AA" for a 0-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) name.Insert(0, (char)('A' + (n - 1) % 26));
        return name.ToString();
    }

    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
            : text;

    /// <summary>The stylesheet: a bold header, a percent and a date format, and the red and yellow fills of the highlights.</summary>
    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 4 },
            new DifferentialFormats(
                Highlight("FF9C0006", "FFFFC7CE"),
                Highlight("FF9C5700", "FFFFEB9C")) { Count = 2 });
        styles.Stylesheet.Save();
    }

    private static DifferentialFormat Highlight(string font, string fill) => new(
        new Font(new Color { Rgb = font }),
        new Fill(new PatternFill(new BackgroundColor { Rgb = fill }) { PatternType = PatternValues.Solid }));
}
