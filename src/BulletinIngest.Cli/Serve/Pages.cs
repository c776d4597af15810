using System.Globalization;
using System.Net;
using System.Text;
using BulletinIngest.Storage.Corrections;

namespace BulletinIngest.Cli.Serve;

/// <summary>A form's anti-forgery field: its name and the token the server issued for this visitor.</summary>
public sealed record FormToken(string FieldName, string Value);

/// <summary>
/// The web app's pages, server-rendered HTML in Chinese with the styles and the little script inline (no CDN, no file
/// to fetch). Every value from the database is HTML-encoded; links carry values URL-encoded.
/// </summary>
public static class Pages
{
    private static string H(object? value) => WebUtility.HtmlEncode(value switch
    {
        null => "",
        double d => Number(d),
        _ => value.ToString() ?? "",
    });

    private static string U(string? value) => Uri.EscapeDataString(value ?? "");

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static string Percent(double? value, string? qualifier = null) =>
        value is null ? "" : $"{(qualifier is null ? "" : H(qualifier))}{Number(value)}%";

    private const string Styles =
        """
        :root { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
                "Hiragino Sans GB", sans-serif; color: #1d2630; }
        body { margin: 0; background: #f6f7f9; }
        header { background: #1f3b57; color: #fff; padding: 10px 24px; display: flex; gap: 24px; align-items: baseline; }
        header a { color: #fff; text-decoration: none; } header strong { font-size: 18px; }
        main { padding: 16px 24px; max-width: 1400px; }
        h1 { font-size: 22px; margin: 8px 0 16px; } h2 { font-size: 17px; margin: 24px 0 8px; }
        table { border-collapse: collapse; background: #fff; font-size: 14px; }
        th, td { border: 1px solid #d8dde3; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #eef1f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; } .card { background: #fff; border: 1px solid #d8dde3; padding: 10px 16px; min-width: 120px; }
        .card b { display: block; font-size: 24px; }
        .lag { color: #b3261e; font-weight: bold; } .bad { background: #fdecea; } .warn { background: #fff6dd; }
        td.cell { text-align: right; min-width: 48px; } td.cell a { color: inherit; text-decoration: none; } td.cell.lagging { outline: 2px solid #b3261e; outline-offset: -2px; }
        mark { background: #ffe066; padding: 0 1px; } .source { background: #fff; border: 1px solid #d8dde3; padding: 8px 12px; white-space: pre-wrap; line-height: 1.7; }
        .block { white-space: pre-wrap; line-height: 1.7; padding: 1px 4px; } .block.noise { color: #8a94a0; } .block.heading { font-weight: bold; }
        .page { color: #8a94a0; font-size: 12px; margin-right: 6px; user-select: none; }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 12px; } label { font-size: 13px; display: flex; flex-direction: column; gap: 2px; }
        input, select { font: inherit; padding: 3px 6px; } button { font: inherit; padding: 4px 12px; cursor: pointer; }
        .pager a, .pager span { margin-right: 8px; } .muted { color: #6b7683; font-size: 13px; } .error { color: #b3261e; }
        dl.values { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; border: 1px solid #d8dde3; padding: 10px 16px; }
        dl.values dt { color: #6b7683; } dl.values dd { margin: 0; }
        .heat { margin-bottom: 16px; overflow-x: auto; } svg text { font-size: 11px; }
        """;

    /// <summary>Runs on every page: the text selection of a document page becomes the span of a figure to add.</summary>
    private const string Script =
        """
        document.documentElement.dataset.rendered = "1";
        document.addEventListener("mouseup", () => {
          const form = document.getElementById("add-figure");
          const selection = window.getSelection();
          if (!form || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
          const range = selection.getRangeAt(0);
          const blockOf = node => (node.nodeType === 1 ? node : node.parentElement).closest(".block");
          const first = blockOf(range.startContainer), last = blockOf(range.endContainer);
          if (!first || !last) return;
          const offsetIn = (block, node, offset) => {
            const text = block.querySelector(".text"); const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            let count = 0; for (let n = walker.nextNode(); n; n = walker.nextNode()) { if (n === node) return count + offset; count += n.length; }
            return offset;
          };
          form.start.value = Number(first.dataset.start) + offsetIn(first, range.startContainer, range.startOffset);
          form.end.value = Number(last.dataset.start) + offsetIn(last, range.endContainer, range.endOffset);
          document.getElementById("selected").textContent = selection.toString();
        });
        """;

    public static string Layout(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{H(title)} · 民生实事数据</title><style>{Styles}</style></head>
        <body><header><strong>民生实事数据</strong><a href="/">概览</a><a href="/figures">数据</a><a href="/projects">项目</a><a href="/documents">文件</a><a href="/corrections">更正</a></header>
        <main><h1>{H(title)}</h1>
        {body}
        </main><script>{Script}</script></body></html>
        """;

    public static string Error(string message) => Layout("出错了", $"<p class=\"error\">{H(message)}</p><p><a href=\"javascript:history.back()\">返回</a></p>");

    public static string Overview(Overview o)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"cards\">");
        foreach (var (label, value) in new[] { ("简报", o.Bulletins), ("文件", o.Files), ("已读取", o.Readable), ("数据条目", o.Figures), ("问题标记", o.FlagsByKind.Values.Sum()),
                     ("滞后项目", o.Lagging.Count), ("待查文件", o.Problems.Count), ("分析员更正", o.Corrections) })
            html.Append($"<div class=\"card\">{H(label)}<b>{value}</b></div>");
        html.Append("</div>");

        html.Append("<h2>问题标记</h2><table><tr><th>类型</th><th>数量</th></tr>");
        foreach (var (kind, count) in o.FlagsByKind)
            html.Append($"<tr><td><a href=\"/figures?flag={U(kind)}\">{H(kind)}</a></td><td class=\"num\">{count}</td></tr>");
        html.Append("</table>");

        html.Append("<h2>滞后项目（按地区，完成率低于时间进度）</h2>");
        foreach (var region in o.Lagging.GroupBy(l => l.Region).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append($"<h3>{H(region.Key)}（{region.Count()} 项）</h3><table><tr><th>项目</th><th>完成率</th><th>时间进度</th><th>差距</th><th>截至</th></tr>");
            foreach (var l in region)
                html.Append($"<tr><td><a href=\"/figures/{l.FigureId}\">{H(l.Project)}</a></td><td class=\"num\">{Percent(l.Percent)}</td>" +
                            $"<td class=\"num\">{Percent(l.Schedule)}</td><td class=\"num lag\">{Number(l.Gap)} 个百分点</td><td>{H(l.AsOf)}</td></tr>");
            html.Append("</table>");
        }
        if (o.Lagging.Count == 0) html.Append("<p class=\"muted\">没有滞后项目。</p>");

        html.Append("<h2>待查文件</h2>");
        html.Append(DocumentTable(o.Problems));

        html.Append("<h2>完成率热力图（按市，县市区为列）</h2>");
        foreach (var map in o.HeatMaps)
        {
            html.Append($"<div class=\"heat\"><h3>{H(map.City)}{(map.Year is { } year ? $" · {year}" : "")}</h3><table><tr><th>项目</th>");
            foreach (var region in map.Regions) html.Append($"<th>{H(region.Label)}</th>");
            html.Append("</tr>");
            foreach (var row in map.Rows)
            {
                html.Append($"<tr><td><a href=\"/project?key={U(row.ProjectKey)}\">{H(row.Project)}</a></td>");
                foreach (var cell in row.Cells)
                    html.Append(cell is null ? "<td class=\"cell\"></td>"
                        : $"<td class=\"cell{(cell.Lagging == true ? " lagging" : "")}\" style=\"background:{HeatColour(cell.Percent!.Value)}\"><a href=\"/figures/{cell.FigureId}\">{Number(cell.Percent!.Value)}</a></td>");
                html.Append("</tr>");
            }
            html.Append("</table></div>");
        }
        return Layout("概览", html.ToString());
    }

    /// <summary>Red at 0 %, yellow at 50 %, green at 100 % and above.</summary>
    private static string HeatColour(double percent) =>
        $"hsl({(Math.Clamp(percent, 0, 100) * 1.2).ToString("0", CultureInfo.InvariantCulture)}, 70%, 82%)";

    public static string Figures(FigurePage page, string query, IReadOnlyList<string> flagKinds)
    {
        var f = page.Filter;
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" method=\"get\" action=\"/figures\">");
        html.Append(Field("地区（含下辖）", "region", f.Region) + Field("项目", "project", f.Project) + Field("年份", "year", f.Year?.ToString()) +
                    Field("期数", "issue", f.Issue?.ToString()) + Field("全文检索", "q", f.Q) + Field("判定者", "decided_by", f.DecidedBy));
        html.Append("<label>问题标记<select name=\"flag\"><option value=\"\">（全部）</option>");
        foreach (var kind in flagKinds) html.Append($"<option{(kind == f.Flag ? " selected" : "")}>{H(kind)}</option>");
        html.Append("</select></label>");
        html.Append($"<label>可疑文件<input type=\"checkbox\" name=\"suspect\" value=\"true\"{(f.Suspect ? " checked" : "")}></label>");
        html.Append($"<input type=\"hidden\" name=\"sort\" value=\"{H(f.Sort)}\"><input type=\"hidden\" name=\"desc\" value=\"{(f.Descending ? "true" : "false")}\">");
        html.Append("<button type=\"submit\">筛选</button></form>");
        html.Append($"<p><span id=\"total\" data-total=\"{page.Total}\">共 {page.Total} 条</span> · 下载当前结果：" +
                    $"<a href=\"/figures.csv?{H(query)}\">CSV</a> · <a href=\"/figures.xlsx?{H(query)}\">XLSX</a></p>");

        string SortLink(string column, string label)
        {
            bool desc = f.Sort == column && !f.Descending;
            string link = QueryWith(query, ("sort", column), ("desc", desc ? "true" : "false"), ("page", "1"));
            return $"<th><a href=\"/figures?{H(link)}\">{H(label)}{(f.Sort == column ? (f.Descending ? " ▼" : " ▲") : "")}</a></th>";
        }
        html.Append("<table id=\"figures\"><tr>" + SortLink("id", "编号") + SortLink("region", "地区") + SortLink("project", "项目") +
                    SortLink("target", "目标") + SortLink("actual", "完成") + "<th>单位</th>" + SortLink("percent", "完成率") + SortLink("date", "日期") +
                    SortLink("doc", "文件") + SortLink("decided_by", "判定者") + "<th>标记</th></tr>");
        foreach (var x in page.Figures)
            html.Append($"<tr class=\"{(x.Inconsistent ? "bad" : x.DocStatus == "suspect" ? "warn" : "")}\"><td><a href=\"/figures/{x.Id}\">{x.Id}</a></td>" +
                        $"<td>{H(x.Region)}</td><td>{H(Analysis.Names.DisplayName(x.Project, x.Indicator))}</td><td class=\"num\">{Number(x.Target)}</td>" +
                        $"<td class=\"num\">{Number(x.Actual)}</td><td>{H(x.Unit)}</td><td class=\"num\">{Percent(x.Percent, x.Qualifier)}</td>" +
                        $"<td>{H(x.IssueDate)}</td><td><a href=\"/documents/{x.DocumentId}\">{H(x.Doc)}</a></td><td>{H(x.DecidedBy)}</td>" +
                        $"<td class=\"num\">{(x.Flags > 0 ? x.Flags.ToString() : "")}</td></tr>");
        html.Append("</table><p class=\"pager\">");
        for (int p = 1; p <= page.Pages; p++)
            html.Append(p == f.Page ? $"<span>第 {p} 页</span>" : $"<a href=\"/figures?{H(QueryWith(query, ("page", p.ToString())))}\">{p}</a>");
        html.Append("</p>");
        return Layout("数据", html.ToString());
    }

    private static string Field(string label, string name, string? value) =>
        $"<label>{H(label)}<input name=\"{name}\" value=\"{H(value)}\" size=\"12\"></label>";

    /// <summary>The page's query string with some parameters replaced.</summary>
    private static string QueryWith(string query, params (string Name, string Value)[] replace)
    {
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !replace.Any(r => p.StartsWith(r.Name + "=", StringComparison.Ordinal))).ToList();
        pairs.AddRange(replace.Select(r => $"{r.Name}={U(r.Value)}"));
        return string.Join('&', pairs);
    }

    public static string Figure(FigureDetail d, FormToken token)
    {
        var f = d.Figure;
        var html = new StringBuilder();
        html.Append("<dl class=\"values\">");
        void Row(string label, string value) => html.Append($"<dt>{H(label)}</dt><dd>{value}</dd>");
        Row("地区", $"{H(f.Region)}{(d.Tier is null ? "" : $"（{H(d.Tier)}）")}");
        Row("项目", H(f.Project) + (f.Indicator != f.Project ? $" / {H(f.Indicator)}" : ""));
        Row("规范项目", f.CanonicalProjectId is null ? "<span class=\"muted\">无</span>"
            : $"<a href=\"/project?key={U(Analysis.Names.ProjectKey(f.CanonicalProjectId, f.Project, f.Indicator))}\">{H(f.CanonicalProjectId)}</a>");
        Row("目标", $"{Number(f.Target)} {H(f.Unit)}");
        Row("完成", $"{Number(f.Actual)} {H(f.Unit)}");
        Row("完成率", Percent(f.Percent, f.Qualifier) + (f.Inconsistent ? " <span class=\"lag\">（与完成/目标不符）</span>" : ""));
        Row("判定者", H(f.DecidedBy) + (d.Confidence is { } c ? $"（置信度 {Number(c)}）" : ""));
        Row("来源", $"<a href=\"/documents/{f.DocumentId}\">{H(f.Doc)}</a>，{(f.Page > 0 ? $"第 {f.Page} 页" : "无页码")}，字符 {f.Start}–{f.End}，{H(f.IssueDate)}");
        html.Append("</dl>");

        html.Append("<h2>原文</h2><div class=\"source\" id=\"source\">");
        foreach (var block in d.Context)
        {
            string text = block.Text;
            if (block.End >= f.Start && block.Start <= f.End)
            {
                int from = Math.Clamp(f.Start - block.Start, 0, text.Length), to = Math.Clamp(f.End - block.Start, from, text.Length);
                html.Append($"<div><span class=\"page\">p{block.Page}</span>{H(text[..from])}<mark>{H(text[from..to])}</mark>{H(text[to..])}</div>");
            }
            else html.Append($"<div><span class=\"page\">p{block.Page}</span>{H(text)}</div>");
        }
        html.Append("</div>");

        html.Append("<h2>为何取这些数</h2>");
        html.Append(d.Why is null ? "<p class=\"muted\">编号条目规则（条目规则，无逐数说明）。</p>" : $"<pre class=\"source\">{H(d.Why)}</pre>");

        html.Append("<h2>问题标记</h2>");
        if (d.Flags.Count == 0) html.Append("<p class=\"muted\">无。</p>");
        else
        {
            html.Append("<table><tr><th>级别</th><th>类型</th><th>说明</th><th>涉及条目</th></tr>");
            foreach (var flag in d.Flags)
                html.Append($"<tr><td>{H(flag.Severity)}</td><td>{H(flag.Kind)}</td><td>{H(flag.Message)}</td><td>" +
                            string.Join(" ", flag.FigureIds.Select(id => $"<a href=\"/figures/{id}\">{id}</a>")) + "</td></tr>");
            html.Append("</table>");
        }

        html.Append("<h2>所在通报的文件</h2>").Append(DocumentTable(d.Files));

        html.Append("<h2>更正</h2>");
        html.Append(CorrectionTable(d.Corrections));
        html.Append($"<form method=\"post\" action=\"/figures/{f.Id}/correct\" id=\"correct\" class=\"filters\">{Hidden(token)}");
        // Values exactly as stored (round-trip format), so a field left as it is changes nothing.
        html.Append(Field("目标", "target", CorrectionBook.Number(f.Target)) + Field("完成", "actual", CorrectionBook.Number(f.Actual)) +
                    Field("完成率", "percent", CorrectionBook.Number(f.Percent)) +
                    Field("单位", "unit", f.Unit) + Field("地区", "region", f.Region) + Field("规范项目", "project", f.CanonicalProjectId) +
                    Field("原因", "why", "") + Field("更正人", "by", ""));
        html.Append("<button type=\"submit\">保存更正</button></form>");
        html.Append($"<form method=\"post\" action=\"/figures/{f.Id}/drop\" id=\"drop\" class=\"filters\">{Hidden(token)}" +
                    Field("原因", "why", "") + Field("更正人", "by", "") + "<button type=\"submit\">删除此条（不是进度数据）</button></form>");
        return Layout($"数据条目 {f.Id}", html.ToString());
    }

    private static string Hidden(FormToken token) => $"<input type=\"hidden\" name=\"{H(token.FieldName)}\" value=\"{H(token.Value)}\">";

    public static string CorrectionTable(IReadOnlyList<CorrectionItem> corrections, bool withFigures = false)
    {
        if (corrections.Count == 0) return "<p class=\"muted\">尚无更正。</p>";
        var html = new StringBuilder("<table class=\"corrections\"><tr><th>时间</th><th>更正人</th><th>内容</th><th>原因</th><th>状态</th>" +
                                     (withFigures ? "<th>条目</th>" : "") + "</tr>");
        foreach (var c in corrections)
        {
            string figure = withFigures && c.FigureId is { } id ? $"<a href=\"/figures/{id}\">{id}</a>" : "";
            html.Append($"<tr class=\"{(c.Status == CorrectionStatus.Orphaned ? "bad" : "")}\"><td>{H(c.MadeAt)}</td><td>{H(c.MadeBy)}</td><td>{H(c.Description)}</td>" +
                        $"<td>{H(c.Why)}</td><td>{(c.Status == CorrectionStatus.Orphaned ? "失效（原文已变）" : "已应用")}</td>{(withFigures ? $"<td>{figure}</td>" : "")}</tr>");
        }
        return html.Append("</table>").ToString();
    }

    public static string DocumentTable(IReadOnlyList<DocumentItem> documents)
    {
        if (documents.Count == 0) return "<p class=\"muted\">无。</p>";
        var html = new StringBuilder("<table class=\"documents\"><tr><th>文件</th><th>状态</th><th>原因 / 提示</th><th>地区</th><th>期数</th><th>日期</th><th>数字</th><th>已用</th><th>条目</th></tr>");
        foreach (var d in documents)
        {
            string reason = string.Join("；", new[] { d.Error, d.Warnings?.ReplaceLineEndings("；") }.Where(r => !string.IsNullOrEmpty(r)));
            html.Append($"<tr class=\"{(d.Status is "ok" ? "" : d.Status == "suspect" ? "warn" : "bad")}\"><td><a href=\"/documents/{d.Id}\">{H(d.Name)}</a></td>" +
                        $"<td>{H(StatusName(d.Status))}</td><td>{H(reason)}</td><td>{H(d.Region ?? "未知")}</td><td>{H(d.Issue)}</td><td>{H(d.IssueDate)}</td>" +
                        $"<td class=\"num\">{H(d.NumberMentions)}</td><td class=\"num\">{H(d.MentionsUsed)}</td><td class=\"num\">{H(d.FigureCount)}</td></tr>");
        }
        return html.Append("</table>").ToString();
    }

    private static string StatusName(string status) => status switch
    {
        "ok" => "正常",
        "suspect" => "可疑",
        _ => "失败：" + status,
    };

    public static string Documents(IReadOnlyList<DocumentItem> documents) =>
        Layout("文件", "<p class=\"muted\">失败的、可疑的和地区不明的排在前面。</p>" + DocumentTable(documents));

    public static string Document(DocumentItem d, IReadOnlyList<TextBlockItem> blocks, FormToken token)
    {
        var html = new StringBuilder(DocumentTable([d]));
        if (d.RegionEvidence is not null) html.Append($"<p class=\"muted\">地区依据：{H(d.RegionEvidence)}</p>");
        html.Append("<h2>补录漏掉的数据</h2><p class=\"muted\">在下方原文中用鼠标选中该数据的文字，再填写数值。</p>");
        html.Append($"<form method=\"post\" action=\"/documents/{d.Id}/add\" id=\"add-figure\" class=\"filters\">{Hidden(token)}" +
                    "<input type=\"hidden\" name=\"start\"><input type=\"hidden\" name=\"end\"><label>选中的文字<span id=\"selected\" class=\"muted\">（未选）</span></label>" +
                    Field("地区", "region", d.Region) + Field("项目名称", "name", "") + Field("目标", "target", "") + Field("完成", "actual", "") +
                    Field("完成率", "percent", "") + Field("单位", "unit", "") + Field("规范项目", "project", "") + Field("原因", "why", "") + Field("更正人", "by", "") +
                    "<button type=\"submit\">补录</button></form>");
        html.Append("<h2>读取的原文</h2><div class=\"source\" id=\"text\">");
        foreach (var b in blocks)
            html.Append($"<div class=\"block {H(b.Kind)}\" data-start=\"{b.Start}\"><span class=\"page\">p{b.Page}</span><span class=\"text\">{H(b.Text)}</span></div>");
        html.Append("</div>");
        return Layout($"文件：{d.Name}", html.ToString());
    }

    public static string Projects(IReadOnlyList<ProjectItem> projects)
    {
        var html = new StringBuilder("<table><tr><th>项目</th><th>地区数</th><th>条目数</th></tr>");
        foreach (var p in projects)
            html.Append($"<tr><td><a href=\"/project?key={U(p.Key)}\">{H(p.Name)}</a> <span class=\"muted\">{H(p.Key)}</span></td><td class=\"num\">{p.Regions}</td><td class=\"num\">{p.Figures}</td></tr>");
        return Layout("项目", html.Append("</table>").ToString());
    }

    public static string Project(ProjectDetail p)
    {
        var html = new StringBuilder($"<p class=\"muted\">{H(p.Key)}</p><h2>各地区（最近一期，同级比较）</h2>");
        html.Append("<table><tr><th>上级</th><th>排名</th><th>地区</th><th>目标</th><th>完成</th><th>单位</th><th>完成率</th><th>时间进度</th><th>截至</th></tr>");
        foreach (var r in p.Regions)
            html.Append($"<tr><td>{H(r.Peers)}</td><td class=\"num\">{r.Rank}</td><td><a href=\"/figures/{r.FigureId}\">{H(r.Region)}</a></td><td class=\"num\">{Number(r.Target)}</td>" +
                        $"<td class=\"num\">{Number(r.Actual)}</td><td>{H(r.Unit)}</td><td class=\"num{(r.Lagging == true ? " lag" : "")}\">{Percent(r.Percent)}</td>" +
                        $"<td class=\"num\">{Percent(r.Schedule)}</td><td>{H(r.AsOf)}</td></tr>");
        html.Append("</table><h2>历期完成率</h2>").Append(LineChart(p.Issues));
        return Layout($"项目：{p.Name}", html.ToString());
    }

    private static readonly string[] SeriesColours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];

    /// <summary>Completion over issue dates, one line a region, as inline SVG.</summary>
    public static string LineChart(IReadOnlyList<ProjectSeries> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0) return "<p class=\"muted\">没有带日期的完成率。</p>";
        var dates = points.Select(p => DateTime.ParseExact(p.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        DateTime first = dates.Min(), last = dates.Max();
        double span = Math.Max(1, (last - first).TotalDays), top = Math.Max(100, points.Max(p => p.Percent));
        const int width = 640, height = 240, left = 40, right = 150, bottom = 30, topMargin = 10;
        string X(string date) => (left + (DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) - first).TotalDays / span * (width - left - right)).ToString("0.0", CultureInfo.InvariantCulture);
        string Y(double percent) => (topMargin + (1 - percent / top) * (height - topMargin - bottom)).ToString("0.0", CultureInfo.InvariantCulture);
        var svg = new StringBuilder($"<svg class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"历期完成率\">");
        foreach (int tick in new[] { 0, 50, 100 })
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(tick)}\" y2=\"{Y(tick)}\" stroke=\"#d8dde3\"/><text x=\"4\" y=\"{Y(tick)}\">{tick}%</text>");
        svg.Append($"<text x=\"{left}\" y=\"{height - 8}\">{first:yyyy-MM-dd}</text><text x=\"{width - right - 70}\" y=\"{height - 8}\">{last:yyyy-MM-dd}</text>");
        for (int i = 0; i < series.Count; i++)
        {
            string colour = SeriesColours[i % SeriesColours.Length];
            var s = series[i];
            svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', s.Points.Select(p => $"{X(p.Date)},{Y(p.Percent)}"))}\"/>");
            foreach (var p in s.Points)
                svg.Append($"<a href=\"/figures/{p.FigureId}\"><circle cx=\"{X(p.Date)}\" cy=\"{Y(p.Percent)}\" r=\"3.5\" fill=\"{colour}\"><title>{H(s.Region)} {H(p.Date)} {Number(p.Percent)}%</title></circle></a>");
            svg.Append($"<text x=\"{width - right + 10}\" y=\"{topMargin + 14 * (i + 1)}\" fill=\"{colour}\">{H(s.Region)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public static string Corrections(IReadOnlyList<CorrectionItem> corrections) =>
        Layout("更正", "<p class=\"muted\">与 <code>bulletin correct</code> 同一份记录（数据库 corrections 表与 corrections.tsv），每次重新导入后自动重新应用。</p>" +
                       CorrectionTable(corrections, withFigures: true));
}
