using System.Text.RegularExpressions;
using BulletinIngest.Analysis;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BulletinIngest.Tests.Analysis;

/// <summary>The workbook and the HTML page, written by the real program and opened by real readers.</summary>
public sealed class ExportAndReportTests : IDisposable
{
    private readonly SyntheticArchive _archive = new();

    public ExportAndReportTests()
    {
        SyntheticSeries.Fill(_archive);
        _archive.Store.Dispose();
        Assert.Equal(0, CliProcess.Run("flags", "--refresh", "--db", _archive.DatabasePath).ExitCode);
    }

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void The_xlsx_export_has_figures_flags_and_comparison_sheets_with_frozen_headers_numbers_and_chinese_text()
    {
        string path = Path.Combine(_archive.Folder, "analysis.xlsx");
        // --all-files: every stored figure, also those of the issue-2 bulletin's second file (its PDF rendering).
        var export = CliProcess.Run("export", "--format", "xlsx", "--all-files", "--out", path, "--db", _archive.DatabasePath);
        Assert.True(export.ExitCode == 0, export.Error);

        using (var document = SpreadsheetDocument.Open(path, false))
        {
            // Valid against the Office Open XML schema (element order, styles, conditional formats), as Excel wants it.
            var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(invalid);
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["figures", "lagging", "flags", "comparison", "grid 2025"], sheets.Select(s => s.Name!.Value));
            var rowsBySheet = sheets.ToDictionary(s => s.Name!.Value!, s => Rows((WorksheetPart)workbook.GetPartById(s.Id!)));

            foreach (var sheet in sheets)
            {
                var pane = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Pane>().Single();
                Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
                Assert.Equal("A2", pane.TopLeftCell!.Value);
            }

            var figures = rowsBySheet["figures"];
            Assert.Equal(ExportCommandColumns, figures[0].Select(c => c.Text));
            int target = Array.IndexOf(ExportCommandColumns, "target"), project = Array.IndexOf(ExportCommandColumns, "project"),
                inconsistent = Array.IndexOf(ExportCommandColumns, "inconsistent");
            var oldTowns = figures.Skip(1).First(r => r[project].Text == "改造城镇老旧小区");
            Assert.True(oldTowns[target].IsNumber);
            Assert.Equal("10", oldTowns[target].Text);
            Assert.True(oldTowns[inconsistent].IsBoolean);
            Assert.Equal(1 + 25, figures.Count);   // header + the 25 synthetic figures

            Assert.Contains(rowsBySheet["flags"].Skip(1), r => r.Any(c => c.Text.Contains("石门县 新增城镇就业 went backwards")));
            var comparison = rowsBySheet["comparison"];
            Assert.Equal(AnalysisWorkbook.ComparisonColumns, comparison[0].Select(c => c.Text));
            int region = Array.IndexOf(AnalysisWorkbook.ComparisonColumns, "region"), asOf = Array.IndexOf(AnalysisWorkbook.ComparisonColumns, "as_of");
            Assert.Contains(comparison.Skip(1), r => r[region].Text == "桃源县" && r[0].IsNumber);
            // Dates are dates (a day number with a date format), not text.
            var comparisonPart = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "comparison").Id!);
            var dateCell = comparisonPart.Worksheet.Descendants<Cell>().First(c => c.CellReference == XlsxWriter.ColumnName(asOf) + "2");
            Assert.Null(dateCell.DataType);
            var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)dateCell.StyleIndex!.Value);
            Assert.Equal("yyyy-mm-dd", workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
                .Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value);
            // Lagging rows are coloured, and the grid is a project × region colour scale.
            Assert.Contains(comparisonPart.Worksheet.Descendants<Formula>(), f => f.Text.Contains("=TRUE"));
            var grid = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "grid 2025").Id!);
            Assert.Single(grid.Worksheet.Descendants<ColorScale>());
            Assert.Equal(["project_id", "project"], rowsBySheet["grid 2025"][0].Take(2).Select(c => c.Text));
            Assert.Contains("石门县", rowsBySheet["grid 2025"][0].Select(c => c.Text));
            Assert.Contains(rowsBySheet["lagging"].Skip(1), r => r.Any(c => c.Text == "石门县"));
        }

        // LibreOffice, where installed, opens it too: every sheet to UTF-8 CSV (filter options: comma, quote,
        // UTF-8, from line 1, …, all sheets).
        if (FindOnPath("soffice") is { } soffice)
        {
            string outDir = Directory.CreateDirectory(Path.Combine(_archive.Folder, "libreoffice")).FullName;
            var convert = CliProcess.RunProgram(soffice,
            [
                $"-env:UserInstallation={new Uri(Path.Combine(_archive.Folder, "lo-profile")).AbsoluteUri}", "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outDir, path,
            ], 180);
            Assert.True(convert.ExitCode == 0, convert.Output + convert.Error);
            Assert.Contains("改造城镇老旧小区", File.ReadAllText(Path.Combine(outDir, "analysis-figures.csv")));
            Assert.Contains("went backwards", File.ReadAllText(Path.Combine(outDir, "analysis-flags.csv")));
            string comparisonCsv = File.ReadAllText(Path.Combine(outDir, "analysis-comparison.csv"));
            Assert.Contains("2025,,1,青川市,,新增城镇就业,name:新增城镇就业,20000", comparisonCsv);
            Assert.Contains("2025-06-30", comparisonCsv);   // the date format shows the day as written
        }
    }

    [Fact]
    public void The_report_is_one_self_contained_chinese_page_that_renders_in_headless_chromium()
    {
        using (var store = BulletinIngest.Storage.BulletinStore.Open(_archive.DatabasePath))
            store.SaveFailure(new BulletinIngest.Storage.SourceFile(Path.Combine(_archive.Folder, "030_broken.pdf"), "00", 10),
                "pdf", "corrupt", "not a PDF file: no %PDF- header (damaged or mislabelled)");
        string path = Path.Combine(_archive.Folder, "report.html");
        var report = CliProcess.Run("report", "--out", path, "--db", _archive.DatabasePath);
        Assert.True(report.ExitCode == 0, report.Error);
        string html = File.ReadAllText(path);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        int cells = Regex.Matches(html, @"<td class=""cell").Count;
        Assert.True(cells >= 10, $"{cells} heat-map cells");
        Assert.Contains("已完成1200人", html);   // a flag's source sentence

        foreach (var heading in new[] { "概况", "完成情况热力图", "项目走势", "问题标记", "简报与文件", "问题文件" })
            Assert.Contains($"<h2>{heading}</h2>", html);
        // One heat map per city and year, the city first and its counties as columns.
        Assert.Contains("<h3>青川市 · 2025 年</h3>", html);
        var columns = Regex.Match(html, @"<h3>青川市 · 2025 年</h3>.*?</thead>").Value;
        Assert.Matches("<th>项目</th><th class=\"region\">青川市</th>", columns);
        Assert.Contains("<th class=\"region\">石门县</th>", columns);   // 桃源县 has no percent: no column
        // 石门县's employment over its two issues: a line with two points.
        var chart = Regex.Match(html, @"<figure class=""chart""><figcaption>新增城镇就业</figcaption>.*?</figure>").Value;
        Assert.Matches(@"<polyline [^>]*points=""[\d.]+,[\d.]+ [\d.]+,[\d.]+""", chart);
        // Every stored flag once; the issue-2 flag names both files of its bulletin.
        var stored = CliProcess.Run("flags", "--format", "json", "--db", _archive.DatabasePath);
        int storedFlags = System.Text.Json.JsonDocument.Parse(stored.Output).RootElement.GetArrayLength();
        Assert.Equal(storedFlags, Regex.Matches(html, @"<tr class=""flag ").Count);
        Assert.Contains("同一简报共 2 个文件：012_issue2.txt、012_issue2.pdf", html);
        // The document that could not be read, with its reason.
        Assert.Matches(@"<tr class=""problem""><td>030_broken.pdf</td><td>未能读取（corrupt）</td><td>not a PDF file", html);
        Assert.Contains("落后于时间进度", html);

        string profile = Directory.CreateDirectory(Path.Combine(_archive.Folder, "chromium-profile")).FullName;
        var dom = CliProcess.RunProgram(Chromium(), [.. ChromiumOptions(profile), "--dump-dom", new Uri(path).AbsoluteUri], 120);
        Assert.True(dom.ExitCode == 0, dom.Error);
        // The page's script ran to its end and saw every heat-map cell.
        Assert.Contains($"data-rendered=\"{cells}\"", dom.Output);
        Assert.Contains("class=\"cell", dom.Output);
        Assert.Contains($"显示 {storedFlags} 条", dom.Output);
    }

    /// <summary>
    /// The heading is drawn in Chinese glyphs, not tofu: a screenshot of the report and one of the same page with the
    /// heading's characters replaced by unassigned code points (which every font draws as its missing-glyph box)
    /// must differ in the heading band, which must hold ink. Without a CJK font both show the same boxes.
    /// </summary>
    [Fact]
    public void The_report_heading_shows_chinese_glyphs_in_a_headless_chromium_screenshot()
    {
        string path = Path.Combine(_archive.Folder, "report.html");
        Assert.Equal(0, CliProcess.Run("report", "--out", path, "--db", _archive.DatabasePath).ExitCode);
        string html = File.ReadAllText(path);
        const string heading = "民生实事进度报告";
        string tofu = new(Enumerable.Range(0x2FE0, heading.Length).Select(c => (char)c).ToArray()); // unassigned in Unicode 16
        string tofuPath = Path.Combine(_archive.Folder, "tofu.html");
        File.WriteAllText(tofuPath, html.Replace($"<h1 id=\"title\">{heading}</h1>", $"<h1 id=\"title\">{tofu}</h1>"));
        Assert.NotEqual(html, File.ReadAllText(tofuPath));

        var page = Screenshot(path, "page");
        var boxes = Screenshot(tofuPath, "tofu");
        // The heading band: the body's top margin (1.5em) and the h1 (2em) lie within the first 90 pixels.
        const int bandTop = 10, bandBottom = 90, bandWidth = 600;
        int ink = 0, differing = 0;
        for (int y = bandTop; y < bandBottom; y++)
        for (int x = 0; x < bandWidth; x++)
        {
            if (page.Grey(x, y) < 128) ink++;
            if (Math.Abs(page.Grey(x, y) - boxes.Grey(x, y)) > 64) differing++;
        }
        Assert.True(ink > 400, $"{ink} dark pixels in the heading band: the heading is not drawn");
        Assert.True(differing > 400, $"{differing} pixels differ from tofu boxes: the heading is drawn as missing-glyph boxes (no CJK font?)");
    }

    private PngImage Screenshot(string htmlPath, string name)
    {
        string png = Path.Combine(_archive.Folder, name + ".png");
        string profile = Directory.CreateDirectory(Path.Combine(_archive.Folder, "chromium-" + name)).FullName;
        var run = CliProcess.RunProgram(Chromium(),
            [.. ChromiumOptions(profile), "--hide-scrollbars", "--window-size=1000,700", $"--screenshot={png}", new Uri(htmlPath).AbsoluteUri], 120);
        Assert.True(run.ExitCode == 0 && File.Exists(png), run.Error);
        return PngImage.Read(png);
    }

    private static string Chromium() => FindOnPath("chromium") ?? throw new InvalidOperationException(
        "chromium is not installed (Debian: apt-get install chromium; scripts/test.sh installs it)");

    private static string[] ChromiumOptions(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
    ];

    private static readonly string[] ExportCommandColumns = BulletinIngest.Cli.Commands.ExportCommand.Columns;

    private sealed record CellText(string Text, bool IsNumber, bool IsBoolean);

    private static List<CellText[]> Rows(WorksheetPart part) =>
        part.Worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new List<CellText>();
            foreach (var cell in row.Elements<Cell>())
            {
                int column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column) cells.Add(new CellText("", false, false));
                var type = cell.DataType?.Value;
                string text = type == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
                cells.Add(new CellText(text, type is null && double.TryParse(text, out _), type == CellValues.Boolean));
            }
            return cells.ToArray();
        }).ToList();

    private static int ColumnIndex(string reference)
    {
        int index = 0;
        foreach (char c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
