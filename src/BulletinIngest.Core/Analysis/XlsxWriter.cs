using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BulletinIngest.Analysis;

/// <summary>One worksheet: a header row of column names, then rows of values.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes sheets of rows to an .xlsx file, streaming each sheet (no whole-sheet DOM in memory). The header row is
/// bold, frozen and filterable; numbers are stored as numbers, booleans as booleans, text as inline strings
/// (Chinese text is kept as is; characters XML cannot hold are dropped).
/// </summary>
public static class XlsxWriter
{
    private const uint HeaderStyle = 1;

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
                Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name,
            });
        }
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0, TabSelected = selected,
        }));
        writer.WriteElement(new Columns(sheet.Columns.Select((name, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true, Width = Math.Clamp(name.Length + 4, 10, 60),
        })));

        writer.WriteStartElement(new SheetData());
        uint rowIndex = 1;
        WriteRow(writer, rowIndex++, sheet.Columns, HeaderStyle);
        foreach (var row in sheet.Rows) WriteRow(writer, rowIndex++, row, null);
        writer.WriteEndElement();

        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(sheet.Columns.Count - 1)}{Math.Max(1, rowIndex - 1)}" });
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<object?> values, uint? style)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowIndex.ToString(CultureInfo.InvariantCulture))]);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null) continue;
            var cell = ToCell(values[i]!);
            cell.CellReference = ColumnName(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
            if (style is { } s) cell.StyleIndex = s;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell ToCell(object value) => value switch
    {
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        double d when double.IsFinite(d) => Number(d.ToString("R", CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => Number(f.ToString("R", CultureInfo.InvariantCulture)),
        int or long or short or uint or ulong or decimal => Number(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(SpreadsheetText.Neutralize(value.ToString() ?? ""))) { Space = SpaceProcessingModeValues.Preserve }) },
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

    /// <summary>The minimal stylesheet Excel expects, plus a bold font for the header row.</summary>
    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        styles.Stylesheet.Save();
    }
}
