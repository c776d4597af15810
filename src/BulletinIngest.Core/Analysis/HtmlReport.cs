using System.Globalization;
using System.Net;
using System.Text;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Analysis;

/// <summary>
/// `bulletin report`: one self-contained HTML page in Chinese (inline CSS, SVG and script, nothing fetched): a summary,
/// one heat map per city and year (its counties as columns), a line chart per project across issues, the flags, the
/// bulletins with the files they came in, and the documents with problems. Each bulletin counts once (its counted
/// file, Storage/BulletinGrouping.cs). The script only filters and highlights; the page reads fully without it.
/// </summary>
public static class HtmlReport
{
    private sealed record DocumentRow(long Id, string Name, string? Region, string? ParentRegion, string? Kind, long? Issue,
        string? IssueDate, string Status, string? Error, string? Warnings);

    private sealed record BulletinRow(long Id, long? DocumentId, string? Region, string? Kind, long? Issue, string? IssueDate,
        long Files, string FileNames);

    /// <summary>Flag kinds as the analysts call them.</summary>
    private static readonly Dictionary<string, string> FlagKindNames = new()
    {
        [FlagKinds.PercentMismatch] = "完成率与实际/目标不符",
        [FlagKinds.OverHundredUnfinished] = "超过100%但仍在推进",
        [FlagKinds.OverTargetUnderHundred] = "超过目标但完成率不足100%",
        [FlagKinds.WentBackwards] = "后一期数字倒退",
        [FlagKinds.TargetChanged] = "目标前后不一",
        [FlagKinds.PlanTargetMismatch] = "与实施方案目标不符",
        [FlagKinds.DuplicateConflict] = "同一文件内数字矛盾",
        [FlagKinds.TotalMismatch] = "分项之和与总数不符",
    };

    private static readonly Dictionary<string, string> SeverityNames = new()
    {
        [Severity.Error] = "错误", [Severity.Warning] = "警告", [Severity.Info] = "提示",
    };

    public static string Build(SqliteConnection connection, DateTime generatedAt)
    {
        var figures = AnalysisFigure.Load(connection);
        var flags = FlagAnalysis.Read(connection);
        var documents = connection.Query<DocumentRow>(
            """
            SELECT id, name, region, parent_region AS ParentRegion, kind, issue, issue_date AS IssueDate, status, error, warnings
            FROM documents ORDER BY issue_date, name
            """).ToList();
        var bulletins = connection.Query<BulletinRow>(
            """
            SELECT id, document_id AS DocumentId, region, kind, issue, issue_date AS IssueDate, files, file_names AS FileNames
            FROM bulletins ORDER BY issue_date, region, id
            """).ToList();
        var completion = new Comparison(figures).All().Where(r => r.Percent is not null).ToList();
        var cities = new CityOfFigure(figures, documents.ToDictionary(d => d.Id, d => d.ParentRegion));
        var problems = DocumentsWithProblems(documents).ToList();

        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>民生实事进度报告</title>
            <style>{Css}</style></head><body>
            <h1 id="title">民生实事进度报告</h1>
            <p class="meta">生成于 {generatedAt:yyyy-MM-dd HH:mm} (UTC)</p>
            <nav><a href="#summary">概况</a> · <a href="#heatmap">完成情况热力图</a> · <a href="#trends">项目走势</a> · <a href="#flags">问题标记</a> · <a href="#bulletins">简报与文件</a> · <a href="#problems">问题文件</a></nav>
            """);
        AppendSummary(html, bulletins, documents, figures, completion, cities, flags, problems.Count);
        AppendHeatMaps(html, completion, cities);
        AppendTrends(html, figures);
        AppendFlags(html, flags);
        AppendBulletins(html, bulletins);
        AppendProblems(html, problems);
        html.Append($"<script>{Script}</script></body></html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<BulletinRow> bulletins, IReadOnlyList<DocumentRow> documents,
        IReadOnlyList<AnalysisFigure> figures, IReadOnlyList<ComparisonRow> completion, CityOfFigure cities, IReadOnlyList<StoredFlag> flags, int problemCount)
    {
        long files = bulletins.Sum(b => b.Files);
        html.Append("""<section id="summary"><h2>概况</h2><ul class="summary">""");
        html.Append($"<li><b>{bulletins.Count}</b> 份简报（来自 <b>{files}</b> 个文件；同一简报的多个文件只计一次，取数字覆盖最全的文件），" +
                    $"共收录 <b>{documents.Count}</b> 个文件</li>");
        html.Append($"<li><b>{figures.Count}</b> 条进度数字，涉及 <b>{figures.Select(f => f.RegionKey).Distinct().Count()}</b> 个地区、" +
                    $"<b>{figures.Select(f => f.ProjectKey).Distinct().Count()}</b> 个项目</li>");
        var lagging = Lagging.Find(figures);
        html.Append($"<li><b>{lagging.Count}</b> 个项目落后于时间进度（共 {completion.Count} 个有完成率的项目）</li>");
        html.Append($"<li><b>{flags.Count}</b> 个问题标记：{E(string.Join("，", flags.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{KindName(g.Key)} {g.Count()}")))}</li>");
        html.Append($"<li><b>{problemCount}</b> 个文件有问题（未能读取、存疑或地区未知）</li></ul>");

        if (lagging.Count > 0)
        {
            html.Append("<h3>落后于时间进度的项目（按地区）</h3><table class=\"lagging\"><thead><tr><th>市州</th><th>地区</th><th>落后项目数</th><th>有完成率的项目</th><th>落后最多的项目</th></tr></thead><tbody>");
            var byRegion = completion.GroupBy(r => (City: cities.Of(r.FigureId), Region: r.Region))
                .Select(g => (g.Key.City, g.Key.Region, Rows: g.ToList(), Behind: g.Where(r => r.Lagging == true).OrderBy(r => r.Percent - r.Schedule).ToList()))
                .Where(g => g.Behind.Count > 0)
                .OrderByDescending(g => g.Behind.Count).ThenBy(g => g.City, StringComparer.Ordinal).ThenBy(g => g.Region, StringComparer.Ordinal);
            foreach (var region in byRegion)
            {
                string worst = string.Join("；", region.Behind.Take(3).Select(r => $"{r.Project} {Number(r.Percent!.Value, 1)}%（时间进度 {Number(r.Schedule!.Value, 1)}%）"));
                html.Append($"<tr><td>{E(region.City)}</td><td>{E(region.Region)}</td><td class=\"n\">{region.Behind.Count}</td><td class=\"n\">{region.Rows.Count}</td><td>{E(worst)}</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
    }

    private static void AppendHeatMaps(StringBuilder html, IReadOnlyList<ComparisonRow> rows, CityOfFigure cities)
    {
        html.Append("""<section id="heatmap"><h2>完成情况热力图</h2>""");
        html.Append("""<p class="legend">每个市州每年一张图：行是项目，列是市本级和所辖县市区；格内为当年最新一期的完成率，颜色由红（0%）到绿（100% 及以上）；""" +
                    """<span class="lagmark">红框</span>表示落后于该期日期的时间进度。项目和地区都按平均完成率从低到高排列。鼠标悬停看详情，点击看相关问题标记。</p>""");
        if (rows.Count == 0) html.Append("<p>还没有进度数字。</p>");
        foreach (var map in HeatMaps.Build(rows, cities))
        {
            string yearText = map.Year is { } y ? $"{y} 年" : "日期不明";
            html.Append($"""<h3>{E(map.City)} · {E(yearText)}</h3><div class="scroll"><table class="heat"><thead><tr><th>项目</th>""");
            foreach (var region in map.Regions) html.Append($"<th class=\"region\">{E(region.Label)}</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var project in map.Rows)
            {
                html.Append($"<tr><th class=\"project\">{E(ProjectLabel(project.ProjectKey, project.Project))}</th>");
                foreach (var cell in project.Cells) html.Append(cell is null ? "<td class=\"empty\"></td>" : Cell(cell));
                html.Append("</tr>");
            }
            html.Append("</tbody></table></div>");
        }
        html.Append("</section>");
    }

    private static string ProjectLabel(string projectKey, string name) =>
        projectKey.StartsWith("id:", StringComparison.Ordinal) ? $"{projectKey[3..]} · {name}" : name;

    private static string Cell(ComparisonRow row)
    {
        string text = row.Percent is { } p ? (row.Qualifier ?? "") + Number(p, 1) + "%" : "–";
        string colour = row.Percent is { } q ? $"hsl({Math.Clamp(q, 0, 100) * 1.2:0},70%,{(q > 100 ? 72 : 80)}%)" : "#eee";
        string title = $"{row.Region} · {row.Project}\n完成率 {text}（{row.AsOf}）" +
                       (row.Actual is { } a ? $"\n已完成 {Number(a)}{row.Unit}" : "") +
                       (row.Target is { } t ? $"，目标 {Number(t)}{row.Unit}" + (row.TargetSource?.StartsWith("plan") == true ? "（实施方案）" : "") : "") +
                       (row.Schedule is { } s ? $"\n时间进度 {Number(s, 1)}%" : "") + $"\n{row.Doc}";
        return $"<td class=\"cell{(row.Lagging == true ? " lag" : "")}\" style=\"background:{colour}\" data-percent=\"{(row.Percent is { } v ? Number(v) : "")}\" " +
               $"data-figure=\"{row.FigureId}\" title=\"{E(title)}\">{E(text)}</td>";
    }

    /// <summary>
    /// A small line chart per project stated in two or more issues: completion over the issue dates, one line per
    /// region and year (cumulative figures start again each year), the 100% line dashed.
    /// </summary>
    private static void AppendTrends(StringBuilder html, IReadOnlyList<AnalysisFigure> figures)
    {
        var points = figures.Where(f => !f.IsPlan && f.Completion is not null && f.IssueDate is not null && DateOf(f.IssueDate) is not null)
            .GroupBy(f => (f.ProjectKey, f.RegionKey, f.IssueDate))
            .Select(g => g.OrderBy(f => (f.IsExact ? 0 : 2) + (f.Optional ? 1 : 0)).First()) // one figure a region and issue
            .ToList();
        var projects = points.GroupBy(f => f.ProjectKey).Where(g => g.Select(f => f.IssueDate).Distinct().Count() >= 2)
            .OrderBy(g => g.First().DisplayName, StringComparer.Ordinal).ToList();
        html.Append("""<section id="trends"><h2>项目走势</h2>""");
        html.Append("""<p class="legend">有两期及以上数据的项目：横轴为简报日期，纵轴为完成率；每条线是一个地区的一年，虚线为 100%。只有一期数据的项目见热力图。</p>""");
        if (projects.Count == 0) html.Append("<p>还没有哪个项目出现在两期以上的简报中。</p>");
        html.Append("<div class=\"charts\">");
        foreach (var project in projects) html.Append(Chart(project.Key, project.ToList()));
        html.Append("</div></section>");
    }

    private static readonly string[] LineColours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    private static string Chart(string projectKey, IReadOnlyList<AnalysisFigure> points)
    {
        const double width = 300, height = 140, left = 34, right = 8, top = 8, bottom = 22;
        var dates = points.Select(p => DateOf(p.IssueDate)!.Value).ToList();
        DateTime first = dates.Min(), last = dates.Max();
        double span = Math.Max(1, (last - first).TotalDays);
        double yMax = Math.Max(100, Math.Ceiling(points.Max(p => p.Completion!.Value) / 20) * 20);
        double X(DateTime d) => left + (d - first).TotalDays / span * (width - left - right);
        double Y(double percent) => top + (1 - Math.Clamp(percent, 0, yMax) / yMax) * (height - top - bottom);

        var svg = new StringBuilder();
        svg.Append($"<figure class=\"chart\"><figcaption>{E(ProjectLabel(projectKey, points[0].DisplayName))}</figcaption>");
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">");
        svg.Append($"<line x1=\"{left}\" y1=\"{P(Y(0))}\" x2=\"{width - right}\" y2=\"{P(Y(0))}\" class=\"axis\"/>");
        svg.Append($"<line x1=\"{left}\" y1=\"{P(Y(100))}\" x2=\"{width - right}\" y2=\"{P(Y(100))}\" class=\"full\"/>");
        svg.Append($"<text x=\"{left - 4}\" y=\"{P(Y(100) + 4)}\" class=\"tick\" text-anchor=\"end\">100%</text>");
        svg.Append($"<text x=\"{left - 4}\" y=\"{P(Y(0) + 4)}\" class=\"tick\" text-anchor=\"end\">0</text>");
        svg.Append($"<text x=\"{left}\" y=\"{height - 6}\" class=\"tick\">{first:yyyy-MM-dd}</text>");
        if (last > first) svg.Append($"<text x=\"{width - right}\" y=\"{height - 6}\" class=\"tick\" text-anchor=\"end\">{last:yyyy-MM-dd}</text>");
        var regions = points.GroupBy(p => p.RegionKey).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var legend = new StringBuilder("<div class=\"chart-legend\">");
        for (int i = 0; i < regions.Count; i++)
        {
            string colour = LineColours[i % LineColours.Length];
            foreach (var line in regions[i].GroupBy(p => p.Year))
            {
                var ordered = line.OrderBy(p => p.IssueDate, StringComparer.Ordinal).ToList();
                if (ordered.Count > 1)
                    svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', ordered.Select(p => $"{P(X(DateOf(p.IssueDate)!.Value))},{P(Y(p.Completion!.Value))}"))}\"/>");
                foreach (var p in ordered)
                    svg.Append($"<circle cx=\"{P(X(DateOf(p.IssueDate)!.Value))}\" cy=\"{P(Y(p.Completion!.Value))}\" r=\"3\" fill=\"{colour}\">" +
                               $"<title>{E($"{p.Region} {p.IssueDate}：{Number(p.Completion!.Value, 1)}%（{p.Doc}）")}</title></circle>");
            }
            legend.Append($"<span><i style=\"background:{colour}\"></i>{E(regions[i].First().Region)}</span>");
        }
        svg.Append("</svg>");
        return svg + legend.ToString() + "</div></figure>";
    }

    private static void AppendFlags(StringBuilder html, IReadOnlyList<StoredFlag> flags)
    {
        html.Append("""<section id="flags"><h2>问题标记</h2><p><label>类别 <select id="kind-filter"><option value="">全部</option>""");
        foreach (var kind in flags.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal))
            html.Append($"<option value=\"{E(kind)}\">{E(KindName(kind))}</option>");
        html.Append("</select></label> <span id=\"flag-count\"></span></p>");
        if (flags.Count == 0) html.Append("<p>没有问题标记。</p>");
        else
        {
            html.Append("<table class=\"flags\"><thead><tr><th>级别</th><th>类别</th><th>地区</th><th>说明</th><th>原文</th></tr></thead><tbody>");
            foreach (var flag in flags)
            {
                html.Append($"<tr class=\"flag {E(flag.Severity)}\" data-kind=\"{E(flag.Kind)}\" data-figures=\"{string.Join(' ', flag.Sources.Select(s => s.FigureId))}\">" +
                            $"<td>{E(SeverityNames.GetValueOrDefault(flag.Severity, flag.Severity))}</td><td>{E(KindName(flag.Kind))}</td><td>{E(flag.Region)}</td><td>{E(flag.Message)}</td><td>");
                foreach (var source in flag.Sources)
                    html.Append($"<blockquote><cite>{E(source.Doc)}{(source.Page > 0 ? $" 第 {source.Page} 页" : "")}</cite>{E(source.Sentence)}</blockquote>");
                if (flag.Files.Count > 1) html.Append($"<p class=\"files\">同一简报共 {flag.Files.Count} 个文件：{E(string.Join("、", flag.Files))}</p>");
                html.Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
    }

    private static void AppendBulletins(StringBuilder html, IReadOnlyList<BulletinRow> bulletins)
    {
        html.Append("""<section id="bulletins"><h2>简报与文件</h2><p class="legend">同一简报的不同文件（TXT、DOCX、PDF、不同编码）只计一次：计入的是数字覆盖最全的文件（加粗），其余文件也已存入数据库。</p>""");
        html.Append("<table class=\"docs\"><thead><tr><th>地区</th><th>类型</th><th>期数</th><th>日期</th><th>文件</th></tr></thead><tbody>");
        foreach (var bulletin in bulletins)
        {
            var names = bulletin.FileNames.Split('\n');
            string kind = bulletin.Kind switch { "plan" => "实施方案", "bulletin" => "简报", _ => bulletin.Kind ?? "" };
            html.Append($"<tr><td>{E(bulletin.Region ?? RegionNames.Unknown)}</td><td>{E(kind)}</td><td class=\"n\">{bulletin.Issue}</td><td>{E(bulletin.IssueDate)}</td>" +
                        $"<td><b>{E(names[0])}</b>{(names.Length > 1 ? "、" + E(string.Join("、", names.Skip(1))) : "")}</td></tr>");
        }
        html.Append("</tbody></table></section>");
    }

    /// <summary>A document an analyst should look at, and why.</summary>
    private sealed record Problem(string Name, string What, string Reason);

    private static IEnumerable<Problem> DocumentsWithProblems(IEnumerable<DocumentRow> documents)
    {
        foreach (var doc in documents)
        {
            bool read = doc.Status is DocumentStatus.Ok or DocumentStatus.Suspect;
            if (!read) yield return new Problem(doc.Name, $"未能读取（{doc.Status}）", doc.Error ?? "");
            else if (doc.Status == DocumentStatus.Suspect) yield return new Problem(doc.Name, "存疑：数字覆盖不足", doc.Error ?? "");
            if (read && doc.Region is null) yield return new Problem(doc.Name, "地区未知", doc.Warnings?.Replace("\n", "；") ?? "");
        }
    }

    private static void AppendProblems(StringBuilder html, IReadOnlyList<Problem> problems)
    {
        html.Append("""<section id="problems"><h2>问题文件</h2>""");
        if (problems.Count == 0) html.Append("<p>所有文件都已读取，地区都已确定。</p>");
        else
        {
            html.Append("<table class=\"docs\"><thead><tr><th>文件</th><th>问题</th><th>原因</th></tr></thead><tbody>");
            foreach (var problem in problems)
                html.Append($"<tr class=\"problem\"><td>{E(problem.Name)}</td><td>{E(problem.What)}</td><td>{E(problem.Reason)}</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
    }

    private static string KindName(string kind) => FlagKindNames.GetValueOrDefault(kind, kind);

    private static DateTime? DateOf(string? date) =>
        DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string P(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals = 4) =>
        Math.Round(value, decimals).ToString("0.####", CultureInfo.InvariantCulture);

    // Fonts with Chinese glyphs on macOS (PingFang, Hiragino), Windows (Microsoft YaHei, SimHei) and Linux (Noto/Source
    // Han, WenQuanYi), each family by its English and its Chinese name, before the generic family.
    private const string Css = """
        body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","微软雅黑","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","思源黑体","WenQuanYi Zen Hei","文泉驿正黑","WenQuanYi Micro Hei","SimHei","黑体",sans-serif;margin:1.5em;color:#222}
        h1{margin-bottom:.2em}.meta,.legend{color:#666;font-size:.9em}
        ul.summary{line-height:1.7}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;font-size:.85em;margin-bottom:1.5em}
        th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
        td.n{text-align:right}
        table.lagging td:nth-child(-n+2){white-space:nowrap}
        th.region{white-space:nowrap;font-weight:normal}
        th.project{text-align:left;font-weight:normal;max-width:28em}
        td.cell{text-align:right;white-space:nowrap;cursor:pointer}
        td.cell.lag,.lagmark{outline:2px solid #b00;outline-offset:-2px}
        td.cell.picked{box-shadow:inset 0 0 0 3px #06c}
        td.empty{background:#fafafa}
        .charts{display:flex;flex-wrap:wrap;gap:12px}
        figure.chart{margin:0;border:1px solid #ddd;padding:6px;width:300px}
        figure.chart figcaption{font-size:.85em;margin-bottom:4px}
        svg .axis{stroke:#999}svg .full{stroke:#999;stroke-dasharray:3 3}svg .tick{font-size:10px;fill:#666}
        .chart-legend{font-size:.75em;color:#444}.chart-legend span{margin-right:8px;white-space:nowrap}
        .chart-legend i{display:inline-block;width:10px;height:3px;margin-right:3px;vertical-align:middle}
        tr.flag.error td:first-child{color:#b00;font-weight:bold}
        tr.flag.warning td:first-child{color:#a60}
        tr.flag.hit{background:#def}
        p.files{color:#666;font-size:.85em;margin:.2em 0}
        blockquote{margin:.2em 0;padding-left:.5em;border-left:3px solid #ccc}
        cite{display:block;color:#666;font-style:normal;font-size:.85em}
        """;

    // Filters flags by kind, and on a heat-map click highlights the flags about that figure.
    // Marks the page rendered (data-rendered = heat-map cells) so a headless check can see the script ran.
    private const string Script = """
        (function () {
          var cells = document.querySelectorAll('td.cell');
          var rows = document.querySelectorAll('tr.flag');
          var count = document.getElementById('flag-count');
          function show(kind) {
            var shown = 0;
            rows.forEach(function (row) {
              var visible = !kind || row.getAttribute('data-kind') === kind;
              row.style.display = visible ? '' : 'none';
              if (visible) shown++;
            });
            count.textContent = '显示 ' + shown + ' 条';
          }
          document.getElementById('kind-filter').addEventListener('change', function (e) { show(e.target.value); });
          cells.forEach(function (cell) {
            cell.addEventListener('click', function () {
              var id = cell.getAttribute('data-figure');
              cells.forEach(function (c) { c.classList.toggle('picked', c === cell); });
              rows.forEach(function (row) {
                row.classList.toggle('hit', (' ' + row.getAttribute('data-figures') + ' ').indexOf(' ' + id + ' ') >= 0);
              });
            });
          });
          show('');
          document.documentElement.setAttribute('data-rendered', String(cells.length));
        })();
        """;
}
