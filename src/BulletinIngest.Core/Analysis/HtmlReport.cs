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
/// `bulletin report`: one self-contained HTML page (inline CSS and script, nothing fetched): per year a heat map
/// of projects × regions coloured by completion, the flags with their source sentences, and a summary of each
/// document. The script only filters and highlights; the page reads fully without it.
/// </summary>
public static class HtmlReport
{
    private sealed record DocumentRow(long Id, string Name, string? Region, string? Kind, long? Issue, string? IssueDate,
        string? Campaign, string Status, string? Error, string? Warnings);

    public static string Build(SqliteConnection connection, DateTime generatedAt)
    {
        var figures = AnalysisFigure.Load(connection);
        var flags = FlagAnalysis.Read(connection);
        var documents = connection.Query<DocumentRow>(
            "SELECT id, name, region, kind, issue, issue_date AS IssueDate, campaign, status, error, warnings FROM documents ORDER BY issue_date, name").ToList();
        var completion = new Comparison(figures).All().Where(r => r.Percent is not null).ToList();

        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>民生实事进度分析 · bulletin report</title>
            <style>{Css}</style></head><body>
            <h1>民生实事进度分析</h1>
            <p class="meta">{documents.Count} documents, {figures.Count} figures, {flags.Count} flags · generated {generatedAt:yyyy-MM-dd HH:mm} UTC</p>
            <nav><a href="#heatmap">Heat map</a> · <a href="#flags">Flags</a> · <a href="#documents">Documents</a></nav>
            """);
        AppendHeatMaps(html, completion);
        AppendFlags(html, flags);
        AppendDocuments(html, documents, figures, flags);
        html.Append($"<script>{Script}</script></body></html>\n");
        return html.ToString();
    }

    private static void AppendHeatMaps(StringBuilder html, IReadOnlyList<ComparisonRow> rows)
    {
        html.Append("""<section id="heatmap"><h2>Completion by project and region</h2>""");
        html.Append("""<p class="legend">Cell: completion % (the latest issue of the year); colour from red (0%) to green (100% and over); """ +
                    """<span class="lagmark">outlined</span> = behind the time-proportional schedule of its date. Hover for details.</p>""");
        if (rows.Count == 0) html.Append("<p>No progress figures yet.</p>");
        foreach (var year in rows.GroupBy(r => r.Year).OrderByDescending(g => g.Key))
        {
            // Columns by place, labelled with the spelling most figures use (屈原区 and 屈原管理区 are one column).
            var regions = year.GroupBy(r => Names.RegionKey(r.Region)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Key: g.Key, Label: g.GroupBy(r => r.Region).OrderByDescending(n => n.Count()).First().Key)).ToList();
            html.Append($"""<h3>{year.Key?.ToString(CultureInfo.InvariantCulture) ?? "undated"}</h3><div class="scroll"><table class="heat"><thead><tr><th>Project</th>""");
            foreach (var region in regions) html.Append($"<th class=\"region\">{E(region.Label)}</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var project in year.GroupBy(r => r.ProjectKey).OrderBy(g => g.First().Project, StringComparer.Ordinal))
            {
                string label = project.Key.StartsWith("id:", StringComparison.Ordinal) ? $"{project.Key[3..]} · {project.First().Project}" : project.First().Project;
                html.Append($"<tr><th class=\"project\">{E(label)}</th>");
                var byRegion = project.ToDictionary(r => Names.RegionKey(r.Region));
                foreach (var region in regions)
                    html.Append(byRegion.TryGetValue(region.Key, out var row) ? Cell(row) : "<td class=\"empty\"></td>");
                html.Append("</tr>");
            }
            html.Append("</tbody></table></div>");
        }
        html.Append("</section>");
    }

    private static string Cell(ComparisonRow row)
    {
        string text = row.Percent is { } p ? (row.Qualifier ?? "") + Number(p, 1) + "%" : "–";
        string colour = row.Percent is { } q ? $"hsl({Math.Clamp(q, 0, 100) * 1.2:0},70%,{(q > 100 ? 72 : 80)}%)" : "#eee";
        string title = $"{row.Region} · {row.Project}\n{text} as of {row.AsOf}" +
                       (row.Actual is { } a ? $"\nactual {Number(a)}{row.Unit}" : "") +
                       (row.Target is { } t ? $" of {Number(t)}{row.Unit}" + (row.TargetSource?.StartsWith("plan") == true ? " (plan)" : "") : "") +
                       (row.Schedule is { } s ? $"\nschedule {Number(s, 1)}%" : "") + $"\n{row.Doc}";
        return $"<td class=\"cell{(row.Lagging == true ? " lag" : "")}\" style=\"background:{colour}\" data-percent=\"{(row.Percent is { } v ? Number(v) : "")}\" " +
               $"data-figure=\"{row.FigureId}\" title=\"{E(title)}\">{E(text)}</td>";
    }

    private static void AppendFlags(StringBuilder html, IReadOnlyList<StoredFlag> flags)
    {
        html.Append("""<section id="flags"><h2>Flags</h2><p><label>Kind <select id="kind-filter"><option value="">all</option>""");
        foreach (var kind in flags.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal))
            html.Append($"<option>{E(kind)}</option>");
        html.Append("</select></label> <span id=\"flag-count\"></span></p>");
        if (flags.Count == 0) html.Append("<p>No flags.</p>");
        else
        {
            html.Append("<table class=\"flags\"><thead><tr><th>Severity</th><th>Kind</th><th>Region</th><th>What</th><th>Source sentences</th></tr></thead><tbody>");
            foreach (var flag in flags)
            {
                html.Append($"<tr class=\"flag {E(flag.Severity)}\" data-kind=\"{E(flag.Kind)}\" data-figures=\"{string.Join(' ', flag.Sources.Select(s => s.FigureId))}\">" +
                            $"<td>{E(flag.Severity)}</td><td>{E(flag.Kind)}</td><td>{E(flag.Region)}</td><td>{E(flag.Message)}</td><td>");
                foreach (var source in flag.Sources)
                    html.Append($"<blockquote><cite>{E(source.Doc)}{(source.Page > 0 ? $" p.{source.Page}" : "")}</cite>{E(source.Sentence)}</blockquote>");
                html.Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
    }

    private static void AppendDocuments(StringBuilder html, IReadOnlyList<DocumentRow> documents, IReadOnlyList<AnalysisFigure> figures,
        IReadOnlyList<StoredFlag> flags)
    {
        var figuresByDoc = figures.ToLookup(f => f.DocumentId);
        var flagsByDoc = flags.Where(f => f.Doc is not null).ToLookup(f => f.Doc!);
        html.Append("""<section id="documents"><h2>Documents</h2><table class="docs"><thead><tr><th>Document</th><th>Status</th><th>Region</th><th>Kind</th><th>Issue</th><th>Date</th><th>Campaign</th><th>Summary</th></tr></thead><tbody>""");
        foreach (var doc in documents)
        {
            // A suspect document was read, but too few of its numbers became figures: say so beside its summary.
            bool read = doc.Status is DocumentStatus.Ok or DocumentStatus.Suspect;
            html.Append($"<tr class=\"doc {E(doc.Status)}\"><td>{E(doc.Name)}</td><td>{E(doc.Status)}</td><td>{E(doc.Region ?? RegionNames.Unknown)}</td><td>{E(doc.Kind)}</td><td>{doc.Issue}</td><td>{E(doc.IssueDate)}</td><td>{E(doc.Campaign)}</td><td>");
            string summary = read ? Summary(doc, figuresByDoc[doc.Id].ToList(), flagsByDoc[doc.Name].Count()) : $"not read: {doc.Status}: {doc.Error}";
            var notes = new[] { doc.Status == DocumentStatus.Suspect ? $"suspect: {doc.Error}" : null, doc.Warnings?.Replace("\n", "; ") }.Where(n => n is not null);
            html.Append(E(string.Join("; ", notes.Prepend(summary))));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");
    }

    /// <summary>One line about a document: how many figures, how far along, how many behind schedule, how many flags.</summary>
    private static string Summary(DocumentRow doc, List<AnalysisFigure> figures, int flagCount)
    {
        if (doc.Kind == "plan")
            return $"plan: {figures.Count(f => f.Target is not null)} targets for {figures.Select(f => f.RegionKey).Distinct().Count()} region(s); {flagCount} flags";
        var completions = figures.Where(f => f.IsExact && f.Completion is not null).Select(f => f.Completion!.Value).Order().ToList();
        double? schedule = Comparison.Schedule(doc.IssueDate);
        int behind = schedule is { } s ? completions.Count(c => c < s) : 0;
        string median = completions.Count > 0 ? $"median completion {Number(completions[completions.Count / 2], 1)}%" : "no completion stated";
        string lag = schedule is { } sched ? $", {behind} of {completions.Count} behind the {Number(sched, 1)}% schedule" : "";
        return $"{figures.Count} figures, {figures.Select(f => f.RegionKey).Distinct().Count()} region(s), {median}{lag}; {flagCount} flags";
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Number(double value, int decimals = 4) =>
        Math.Round(value, decimals).ToString("0.####", CultureInfo.InvariantCulture);

    private const string Css = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
        h1{margin-bottom:.2em}.meta,.legend{color:#666;font-size:.9em}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;font-size:.85em;margin-bottom:1.5em}
        th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
        th.region{white-space:nowrap;font-weight:normal}
        th.project{text-align:left;font-weight:normal;max-width:28em}
        td.cell{text-align:right;white-space:nowrap;cursor:pointer}
        td.cell.lag,.lagmark{outline:2px solid #b00;outline-offset:-2px}
        td.cell.picked{box-shadow:inset 0 0 0 3px #06c}
        td.empty{background:#fafafa}
        tr.flag.error td:first-child{color:#b00;font-weight:bold}
        tr.flag.warning td:first-child{color:#a60}
        tr.flag.hit{background:#def}
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
            count.textContent = shown + ' shown';
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
