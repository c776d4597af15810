using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage.Corrections;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Cli.Serve;

/// <summary>A figure as the web app lists it: typed values, its document, and whether flags concern it.</summary>
public sealed class FigureItem
{
    public long Id { get; init; }
    public string Region { get; init; } = "";
    public string Project { get; init; } = "";
    public string Indicator { get; init; } = "";
    public string? CanonicalProjectId { get; init; }
    public double? Target { get; init; }
    public double? Actual { get; init; }
    public string? Unit { get; init; }
    public double? Percent { get; init; }
    public string? Qualifier { get; init; }
    public bool Approximate { get; init; }
    public bool Inconsistent { get; init; }
    public string DecidedBy { get; init; } = "";
    public long DocumentId { get; init; }
    public string Doc { get; init; } = "";
    public string DocStatus { get; init; } = "";
    public string? IssueDate { get; init; }
    public int? Issue { get; init; }
    public int Page { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public string Sentence { get; init; } = "";
    public int Flags { get; init; }
}

/// <summary>The figures page's filters, all optional. Sort is a column name from <see cref="ServeData.SortColumns"/>, never SQL.</summary>
public sealed record FigureFilter(string? Region = null, string? Project = null, int? Year = null, int? Issue = null, string? Flag = null,
    string? DecidedBy = null, bool Suspect = false, string? Q = null, string Sort = "id", bool Descending = false, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record FigurePage(FigureFilter Filter, int Total, int Pages, IReadOnlyList<FigureItem> Figures);

/// <summary>A stored document with its status, reason, metadata and coverage.</summary>
public sealed class DocumentItem
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Path { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Error { get; init; }
    public string? Format { get; init; }
    public int? Pages { get; init; }
    public string? Region { get; init; }
    public string? Kind { get; init; }
    public int? Issue { get; init; }
    public string? IssueDate { get; init; }
    public int? NumberMentions { get; init; }
    public int? MentionsUsed { get; init; }
    public int? FigureCount { get; init; }
    public string? Warnings { get; init; }
    public string? RegionEvidence { get; init; }
}

/// <summary>A block of a document's text as read, with its page and offsets.</summary>
public sealed class TextBlockItem
{
    public int Seq { get; init; }
    public string Kind { get; init; } = "";
    public int Page { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public string Text { get; init; } = "";
}

public sealed record FlagItem(long Id, string Kind, string Severity, string Message, string? Doc, string? Region, IReadOnlyList<long> FigureIds);

public sealed record CorrectionItem(string Id, string MadeAt, string MadeBy, string? Why, string Action, string? Field, string? OldValue,
    string? NewValue, string Status, long? FigureId, string Description);

public sealed record FigureDetail(FigureItem Figure, string? Tier, string? Why, double? Confidence, IReadOnlyList<DocumentItem> Files,
    IReadOnlyList<TextBlockItem> Context, IReadOnlyList<FlagItem> Flags, IReadOnlyList<CorrectionItem> Corrections);

/// <summary>A project behind its time-proportional schedule in one region, with the gap in percentage points.</summary>
public sealed record LaggingItem(string Project, string ProjectKey, string Region, double Percent, double Schedule, double Gap, string? AsOf, long FigureId);

public sealed record Overview(int Bulletins, int Files, int Readable, int Figures, int Corrections, IReadOnlyDictionary<string, int> FlagsByKind,
    IReadOnlyList<LaggingItem> Lagging, IReadOnlyList<DocumentItem> Problems, IReadOnlyList<HeatMap> HeatMaps);

public sealed record ProjectRegionRow(int Rank, string Region, string Peers, double? Target, double? Actual, string? Unit, double? Percent,
    string? AsOf, double? Schedule, bool? Lagging, long FigureId);
public sealed record ProjectPoint(string Date, double Percent, long FigureId);
public sealed record ProjectSeries(string Region, IReadOnlyList<ProjectPoint> Points);
public sealed record ProjectDetail(string Key, string Name, IReadOnlyList<ProjectRegionRow> Regions, IReadOnlyList<ProjectSeries> Issues);
public sealed record ProjectItem(string Key, string Name, int Figures, int Regions);

/// <summary>
/// What the web app's pages and API read, over a read-only connection. Every value from a request goes into a
/// query as a parameter; sort columns come from a fixed table.
/// </summary>
public sealed class ServeData(SqliteConnection connection, JiebaSearchTokenizer tokenizer)
{
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["id"] = "f.id", ["region"] = "f.region", ["project"] = "f.project", ["target"] = "f.target", ["actual"] = "f.actual",
        ["percent"] = "f.percent", ["date"] = "d.issue_date", ["doc"] = "d.name", ["decided_by"] = "f.decided_by",
    };

    private const string FigureColumns =
        """
        f.id, f.region, f.project, f.indicator, f.canonical_project_id AS CanonicalProjectId, f.target, f.actual, f.unit, f.percent,
        f.qualifier, f.approximate, f.inconsistent, f.decided_by AS DecidedBy, f.document_id AS DocumentId, d.name AS Doc,
        d.status AS DocStatus, d.issue_date AS IssueDate, d.issue, f.page, f.start_offset AS Start, f.end_offset AS "End", f.sentence,
        (SELECT count(*) FROM flag_figures ff WHERE ff.figure_id = f.id) AS Flags
        """;

    public FigurePage Figures(FigureFilter filter, int? pageSize = FigureFilter.PageSize)
    {
        string? match = string.IsNullOrWhiteSpace(filter.Q) ? null : tokenizer.PhraseQuery(filter.Q);
        string order = SortColumns.GetValueOrDefault(filter.Sort) ?? "f.id";
        var rows = connection.Query<FigureItem>(
            $"""
            SELECT {FigureColumns}
            FROM figures f JOIN documents d ON d.id = f.document_id
            WHERE (@project IS NULL OR f.canonical_project_id = @project OR instr(f.project, @project) > 0 OR instr(f.indicator, @project) > 0)
              AND (@year IS NULL OR substr(d.issue_date, 1, 4) = @year)
              AND (@issue IS NULL OR d.issue = @issue)
              AND (@flag IS NULL OR EXISTS (SELECT 1 FROM flag_figures ff JOIN flags fl ON fl.id = ff.flag_id WHERE ff.figure_id = f.id AND fl.kind = @flag))
              AND (@decidedBy IS NULL OR '+' || f.decided_by || '+' LIKE '%+' || @decidedBy || '+%')
              AND (@suspect = 0 OR d.status = 'suspect')
              AND (@match IS NULL OR EXISTS (SELECT 1 FROM block_search s JOIN blocks b ON b.id = s.block_id
                       WHERE block_search MATCH @match AND b.document_id = f.document_id
                         AND b.start_offset <= f.start_offset AND b.end_offset >= f.start_offset))
              AND (@q IS NULL OR @match IS NOT NULL)
            ORDER BY {order} {(filter.Descending ? "DESC" : "ASC")}, f.id
            """,
            new
            {
                project = Blank(filter.Project), year = filter.Year?.ToString(), issue = filter.Issue, flag = Blank(filter.Flag),
                decidedBy = Blank(filter.DecidedBy), suspect = filter.Suspect ? 1 : 0, match, q = Blank(filter.Q),
            }).ToList();
        // A region covers the places inside it, as in every command (Analysis/RegionTree).
        if (Blank(filter.Region) is { } region)
        {
            var regions = RegionTree.From(AnalysisFigure.Load(connection));
            rows = rows.Where(f => regions.Covers(region, f.Region)).ToList();
        }
        int size = pageSize ?? Math.Max(1, rows.Count);
        int pages = Math.Max(1, (rows.Count + size - 1) / size);
        int page = Math.Clamp(filter.Page, 1, pages);
        return new FigurePage(filter with { Page = page }, rows.Count, pages, rows.Skip((page - 1) * size).Take(size).ToList());
    }

    public FigureDetail? Figure(long id)
    {
        var figure = connection.QueryFirstOrDefault<FigureItem>(
            $"SELECT {FigureColumns} FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.id = @id", new { id });
        if (figure is null) return null;
        var extra = connection.QueryFirst<(string? Tier, string? Why, double? Confidence)>("SELECT tier, why, confidence FROM figures WHERE id = @id", new { id });
        // The bulletin's files (Storage/BulletinGrouping): this one first, then its other renderings.
        var files = connection.Query<long>(
            """
            SELECT id FROM documents
            WHERE id = @doc OR bulletin_id = (SELECT bulletin_id FROM documents WHERE id = @doc AND bulletin_id IS NOT NULL)
            ORDER BY id = @doc DESC, name
            """, new { doc = figure.DocumentId })
            .Select(d => Document(d)!).ToList();
        var context = Blocks(figure.DocumentId).Where(b => b.End >= figure.Start - 400 && b.Start <= figure.End + 400).ToList();
        var flags = Flags().Where(f => f.FigureIds.Contains(id)).ToList();
        return new FigureDetail(figure, extra.Tier, extra.Why, extra.Confidence, files, context, flags, Corrections(id));
    }

    public IReadOnlyList<CorrectionItem> Corrections(long? figureId = null) =>
        (figureId is { } id ? CorrectionBook.ForFigure(connection, id) : CorrectionBook.Read(connection)).Select(s =>
            new CorrectionItem(s.Correction.Id, s.Correction.MadeAt, s.Correction.MadeBy, s.Correction.Why, s.Correction.Action, s.Correction.Field,
                s.Correction.OldValue, s.Correction.NewValue, s.Status, s.FigureId, s.Correction.Describe())).ToList();

    public IReadOnlyList<FlagItem> Flags() =>
        FlagAnalysis.Read(connection).Select(f => new FlagItem(f.Id, f.Kind, f.Severity, f.Message, f.Doc, f.Region,
            f.Sources.Select(s => s.FigureId).ToList())).ToList();

    private const string DocumentColumns =
        """
        id, name, path, status, error, format, pages, region, kind, issue, issue_date AS IssueDate, number_mentions AS NumberMentions,
        mentions_used AS MentionsUsed, figure_count AS FigureCount, warnings, region_evidence AS RegionEvidence
        """;

    /// <summary>Every document, those to check first: failed, then suspect, then those without a region, then the rest by name.</summary>
    public IReadOnlyList<DocumentItem> Documents() => connection.Query<DocumentItem>(
        $"""
        SELECT {DocumentColumns} FROM documents
        ORDER BY CASE WHEN status NOT IN ('ok', 'suspect') THEN 0 WHEN status = 'suspect' THEN 1 WHEN region IS NULL THEN 2 ELSE 3 END, name, id
        """).ToList();

    public DocumentItem? Document(long id) =>
        connection.QueryFirstOrDefault<DocumentItem>($"SELECT {DocumentColumns} FROM documents WHERE id = @id", new { id });

    public IReadOnlyList<TextBlockItem> Blocks(long documentId) => connection.Query<TextBlockItem>(
        "SELECT seq, kind, page, start_offset AS Start, end_offset AS \"End\", text FROM blocks WHERE document_id = @documentId ORDER BY seq",
        new { documentId }).ToList();

    public static bool HasProblem(DocumentItem d) => d.Status != "ok" || d.Region is null;

    public Overview Overview()
    {
        var documents = Documents();
        var figures = AnalysisFigure.Load(connection);
        var comparison = new Comparison(figures).All();
        var flags = Flags();
        return new Overview(connection.ExecuteScalar<int>("SELECT count(*) FROM bulletins"), documents.Count, documents.Count(d => d.Status is "ok" or "suspect"),
            connection.ExecuteScalar<int>("SELECT count(*) FROM figures"), CorrectionBook.Read(connection).Count,
            flags.GroupBy(f => f.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            LaggingItems(figures), documents.Where(HasProblem).ToList(), HeatMaps(figures, comparison));
    }

    /// <summary>The overview's lagging list: `bulletin lagging`'s rows (Analysis/Lagging), largest gap first.</summary>
    public static IReadOnlyList<LaggingItem> LaggingItems(IReadOnlyList<AnalysisFigure> figures) =>
        Lagging.Find(figures).Where(l => l.Standing.Percent is not null && l.Standing.Schedule is not null)
            .Select(l => new LaggingItem(l.Standing.Project, l.Standing.ProjectKey, l.Standing.Region, l.Standing.Percent!.Value,
                l.Standing.Schedule!.Value, l.Gap, l.Standing.AsOf, l.Standing.FigureId))
            .ToList();

    /// <summary>The report's heat maps (Analysis/HeatMaps): one per city and year, its counties as columns.</summary>
    private IReadOnlyList<HeatMap> HeatMaps(IReadOnlyList<AnalysisFigure> figures, IReadOnlyList<ComparisonRow> standings) =>
        Analysis.HeatMaps.Build(standings, new CityOfFigure(figures,
            connection.Query<(long Id, string? Parent)>("SELECT id, parent_region FROM documents").ToDictionary(d => d.Id, d => d.Parent)));

    public IReadOnlyList<ProjectItem> Projects() =>
        AnalysisFigure.Load(connection).GroupBy(f => f.ProjectKey)
            .Select(g => new ProjectItem(g.Key, g.First().DisplayName, g.Count(), g.Select(f => f.RegionKey).Distinct().Count()))
            .OrderByDescending(p => p.Regions).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>A project: each region's latest standing, ranked among its peers (the counties of one city), and its completion across issues.</summary>
    public ProjectDetail? Project(string key)
    {
        var all = AnalysisFigure.Load(connection);
        var figures = all.Where(f => f.ProjectKey == key).ToList();
        if (figures.Count == 0) return null;
        // Ranked among peers as `bulletin compare` ranks them (Analysis/Comparison with the region tree of every figure).
        var ranked = new Comparison(figures, RegionTree.From(all)).All(figures.Max(f => f.Year))
            .Select(r => new ProjectRegionRow(r.Rank, r.Region, r.Peers ?? "", r.Target, r.Actual, r.Unit, r.Percent, r.AsOf, r.Schedule, r.Lagging, r.FigureId))
            .OrderBy(r => r.Peers, StringComparer.Ordinal).ThenBy(r => r.Rank).ToList();
        var series = figures.Where(f => !f.IsPlan && f.Completion is not null && f.IssueDate is not null)
            .GroupBy(f => f.Region)
            .Select(g => new ProjectSeries(g.Key, g.GroupBy(f => f.IssueDate!).OrderBy(d => d.Key, StringComparer.Ordinal)
                .Select(d => new ProjectPoint(d.Key, d.First().Completion!.Value, d.First().Id)).ToList()))
            .OrderBy(s => s.Region, StringComparer.Ordinal).ToList();
        return new ProjectDetail(key, figures[0].DisplayName, ranked, series);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
