using System.Net;
using System.Security.Cryptography;
using System.Text;
using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Learning;
using BulletinIngest.Segmentation;
using BulletinIngest.Storage;
using BulletinIngest.Storage.Corrections;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BulletinIngest.Cli.Serve;

/// <summary>What `bulletin serve` serves: the database, the corrections file, the models, where it listens.</summary>
public sealed record ServeOptions(string DatabasePath, string CorrectionsPath, string? ModelsDirectory, string Host, int Port);

/// <summary>
/// `bulletin serve`: ASP.NET Core minimal APIs over the database. Pages and /api/… read through a fresh read-only
/// WAL connection per request (an ingest may write underneath); the only writes are corrections, through the same
/// <see cref="CorrectionBook"/> as `bulletin correct`, each POST checked for its anti-forgery token. Bound to a
/// non-loopback host it also wants the access token it prints at start (?token=, then a cookie, or a Bearer header).
/// </summary>
public static class WebApp
{
    public const string TokenCookie = "bulletin_token";

    public static WebApplication Build(ServeOptions options, out string? accessToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.Host == "localhost" ? "127.0.0.1" : options.Host), options.Port));
        builder.Services.AddAntiforgery(a => a.Cookie.Name = "bulletin_antiforgery");
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
        });
        var app = builder.Build();
        bool loopback = IPAddress.TryParse(options.Host, out var address) ? IPAddress.IsLoopback(address) : options.Host == "localhost";
        string? token = loopback ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        accessToken = token;
        if (token is not null) app.Use(async (context, next) =>
        {
            if (HasToken(context, token)) { await next(); return; }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("access token required: open the address `bulletin serve` printed (…?token=…)");
        });
        app.Use(async (context, next) =>
        {
            try { await next(); }
            catch (Exception error) when (error is ArgumentException or FileNotFoundException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                context.Response.Clear();
                context.Response.StatusCode = error is FileNotFoundException ? 503 : 400;
                await Page(context, Pages.Error(error.Message));
            }
        });
        Map(app, options);
        return app;
    }

    /// <summary>The address Kestrel listens on (the port chosen when --port 0).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static bool HasToken(HttpContext context, string token)
    {
        bool Same(string? given) => given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
        if (Same(context.Request.Cookies[TokenCookie])) return true;
        string? header = context.Request.Headers.Authorization;
        if (header?.StartsWith("Bearer ", StringComparison.Ordinal) == true && Same(header["Bearer ".Length..])) return true;
        if (!Same(context.Request.Query["token"])) return false;
        context.Response.Cookies.Append(TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict });
        return true;
    }

    private static readonly Lazy<JiebaSearchTokenizer> Tokenizer = new(() => new JiebaSearchTokenizer());

    private static void Map(WebApplication app, ServeOptions options)
    {
        T Read<T>(Func<ServeData, T> read)
        {
            using var connection = BulletinStore.OpenWalReader(options.DatabasePath);
            return read(new ServeData(connection, Tokenizer.Value));
        }
        IResult NotFound(string what) => Results.Content(Pages.Error($"没有{what}"), "text/html; charset=utf-8", Encoding.UTF8, 404);

        app.MapGet("/", (HttpContext c) => Html(Pages.Overview(Read(d => d.Overview()))));
        app.MapGet("/api/overview", () => Results.Json(Read(d => d.Overview())));

        app.MapGet("/figures", (HttpContext c) => Html(Pages.Figures(Read(d => d.Figures(Filter(c.Request.Query))), c.Request.QueryString.Value ?? "", FlagKinds.All)));
        app.MapGet("/api/figures", (HttpContext c) => Results.Json(Read(d => d.Figures(Filter(c.Request.Query)))));
        app.MapGet("/figures.csv", (HttpContext c) =>
        {
            var page = Read(d => d.Figures(Filter(c.Request.Query), pageSize: null));
            var csv = new StringWriter();
            Output.RowsWriter.WriteDelimited(DownloadColumns, page.Figures.Select(DownloadRow), csv, ',');
            // A BOM, so a Chinese-locale Excel reads the file as UTF-8.
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "figures.csv");
        });
        app.MapGet("/figures.xlsx", (HttpContext c) =>
        {
            var page = Read(d => d.Figures(Filter(c.Request.Query), pageSize: null));
            string path = Path.Combine(Path.GetTempPath(), $"bulletin-serve-{Guid.NewGuid():N}.xlsx");
            try
            {
                XlsxWriter.Write(path, [new XlsxSheet("figures", DownloadColumns, page.Figures.Select(DownloadRow))]);
                return Results.File(File.ReadAllBytes(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "figures.xlsx");
            }
            finally { File.Delete(path); }
        });

        app.MapGet("/figures/{id:long}", (long id, HttpContext c, IAntiforgery antiforgery) =>
            Read(d => d.Figure(id)) is { } detail ? Html(Pages.Figure(detail, Token(c, antiforgery))) : NotFound($"数据条目 {id}"));
        app.MapGet("/api/figures/{id:long}", (long id) => Read(d => d.Figure(id)) is { } detail ? Results.Json(detail) : Results.NotFound());

        app.MapPost("/figures/{id:long}/correct", async (long id, HttpContext c, IAntiforgery antiforgery) =>
        {
            if (await Refused(c, antiforgery) is { } refused) return refused;
            var form = c.Request.Form;
            var values = CorrectionFields.Columns.Keys.Where(form.ContainsKey).ToDictionary(f => f, f => (string?)form[f].ToString());
            Write(options, form, (request, _) => request.Changes(id, values));
            return Results.Redirect($"/figures/{id}", permanent: false, preserveMethod: false);
        });
        app.MapPost("/figures/{id:long}/drop", async (long id, HttpContext c, IAntiforgery antiforgery) =>
        {
            if (await Refused(c, antiforgery) is { } refused) return refused;
            Write(options, c.Request.Form, (request, _) => [request.Drop(id)]);
            return Results.Redirect("/figures");
        });
        app.MapPost("/documents/{id:long}/add", async (long id, HttpContext c, IAntiforgery antiforgery) =>
        {
            if (await Refused(c, antiforgery) is { } refused) return refused;
            var form = c.Request.Form;
            if (!int.TryParse(form["start"], out int start) || !int.TryParse(form["end"], out int end))
                throw new ArgumentException("先在原文中选中该数据的文字（no span selected）");
            var values = CorrectionFields.Columns.Keys.Where(f => form.ContainsKey(f) && form[f].ToString().Length > 0).ToDictionary(f => f, f => (string?)form[f].ToString());
            var added = Write(options, form, (request, _) => [request.Add(id, start, end, form["region"].ToString(), form["name"].ToString(), values)]);
            return Results.Redirect(added.FirstOrDefault() is { } figure ? $"/figures/{figure}" : $"/documents/{id}");
        });

        app.MapGet("/projects", () => Html(Pages.Projects(Read(d => d.Projects()))));
        app.MapGet("/api/projects", () => Results.Json(Read(d => d.Projects())));
        app.MapGet("/project", (string key) => Read(d => d.Project(key)) is { } project ? Html(Pages.Project(project)) : NotFound($"项目 {key}"));
        app.MapGet("/api/project", (string key) => Read(d => d.Project(key)) is { } project ? Results.Json(project) : Results.NotFound());

        app.MapGet("/documents", () => Html(Pages.Documents(Read(d => d.Documents()))));
        app.MapGet("/api/documents", () => Results.Json(Read(d => d.Documents())));
        app.MapGet("/documents/{id:long}", (long id, HttpContext c, IAntiforgery antiforgery) =>
            Read(d => d.Document(id) is { } doc ? (doc, d.Blocks(id)) : default) is ({ } document, var blocks)
                ? Html(Pages.Document(document, blocks, Token(c, antiforgery))) : NotFound($"文件 {id}"));
        app.MapGet("/api/documents/{id:long}", (long id) =>
            Read(d => d.Document(id) is { } doc ? new { document = doc, blocks = d.Blocks(id) } : null) is { } result ? Results.Json(result) : Results.NotFound());

        app.MapGet("/corrections", () => Html(Pages.Corrections(Read(d => d.Corrections()))));
        app.MapGet("/api/corrections", () => Results.Json(Read(d => d.Corrections())));
    }

    private static readonly string[] DownloadColumns =
        ["figure_id", "region", "project", "indicator", "canonical_project", "target", "actual", "unit", "percent", "qualifier", "inconsistent",
         "decided_by", "doc", "issue_date", "issue", "page", "start", "end", "sentence"];

    private static IReadOnlyList<object?> DownloadRow(FigureItem f) =>
        [f.Id, f.Region, f.Project, f.Indicator, f.CanonicalProjectId, f.Target, f.Actual, f.Unit, f.Percent, f.Qualifier, f.Inconsistent,
         f.DecidedBy, f.Doc, f.IssueDate, f.Issue, f.Page, f.Start, f.End, f.Sentence];

    /// <summary>The figures page's filters from the query string; a value that does not parse is left out.</summary>
    private static FigureFilter Filter(IQueryCollection q)
    {
        int? Int(string name) => int.TryParse(q[name], out int value) ? value : null;
        return new FigureFilter(q["region"], q["project"], Int("year"), Int("issue"), q["flag"], q["decided_by"], q["suspect"] == "true", q["q"],
            q["sort"].ToString() is { Length: > 0 } sort ? sort : "id", q["desc"] == "true", Int("page") ?? 1);
    }

    private static FormToken Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary>A POST without a valid anti-forgery token (a form of this server, with its cookie) is refused.</summary>
    private static async Task<IResult?> Refused(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Content(Pages.Error("请求被拒绝：缺少有效的防伪令牌（anti-forgery token missing or invalid）"), "text/html; charset=utf-8", Encoding.UTF8, 400);
        }
    }

    /// <summary>The one write: corrections through the writer connection, the corrections file, then the flags again. Returns the figures they apply to.</summary>
    private static IReadOnlyList<long> Write(ServeOptions options, IFormCollection form, Func<CorrectionRequest, IFormCollection, IReadOnlyList<Correction>> make)
    {
        string by = form["by"].ToString().Trim() is { Length: > 0 } name ? name : "web";
        string? why = form["why"].ToString().Trim() is { Length: > 0 } reason ? reason : null;
        using var store = BulletinStore.Open(options.DatabasePath);
        var request = new CorrectionRequest(store.Connection, ProjectMapper.Load(options.ModelsDirectory).Catalog, Gazetteer.Default, by, why);
        var corrections = make(request, form);
        foreach (var correction in corrections) CorrectionBook.Record(store.Connection, options.CorrectionsPath, correction);
        if (corrections.Count > 0) FlagAnalysis.Refresh(store.Connection);
        var ids = corrections.Select(c => c.Id).ToHashSet();
        return CorrectionBook.Read(store.Connection).Where(c => ids.Contains(c.Correction.Id) && c.FigureId is not null).Select(c => c.FigureId!.Value).ToList();
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    private static Task Page(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }
}
