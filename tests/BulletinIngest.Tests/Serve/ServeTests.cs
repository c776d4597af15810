using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BulletinIngest.Tests.Serve;

/// <summary>The five sample DOCX bulletins ingested by the real `bulletin`, and `bulletin serve` running over them.</summary>
public sealed class ServedSamples : IDisposable
{
    public TempFolder Temp { get; } = new();
    public string Database { get; }
    public ServerProcess Server { get; }

    public ServedSamples()
    {
        Database = Temp.File("bulletins.db");
        var ingest = CliProcess.Run("ingest", RepoPaths.Bulletin("docx"), "--db", Database, "--in-process");
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        Server = new ServerProcess("--db", Database);
    }

    public void Dispose()
    {
        Server.Dispose();
        Temp.Dispose();
    }
}

/// <summary>Every page and API route of the running server, its filters, its access token, and its pages in headless Chromium.</summary>
public sealed class ServeTests(ServedSamples samples) : IClassFixture<ServedSamples>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(samples.Server.Address), Timeout = TimeSpan.FromSeconds(60) };

    private async Task<string> Page(string path, params string[] expected)
    {
        var response = await _http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
        foreach (var text in expected) Assert.Contains(text, body);
        return body;
    }

    private async Task<JsonElement> Api(string path) => JsonDocument.Parse(await Page(path)).RootElement;

    [Fact]
    public async Task Every_page_and_api_route_answers_with_its_content()
    {
        var overview = await Api("/api/overview");
        Assert.Equal(5, overview.GetProperty("files").GetInt32());
        Assert.Equal(5, overview.GetProperty("bulletins").GetInt32());   // five DOCX, five different bulletins
        Assert.True(overview.GetProperty("figures").GetInt32() > 200);
        Assert.Equal(2, overview.GetProperty("flags_by_kind").GetProperty("percent-mismatch").GetInt32());
        Assert.NotEmpty(overview.GetProperty("lagging").EnumerateArray());
        Assert.Contains(overview.GetProperty("heat_maps").EnumerateArray(), m => m.GetProperty("city").GetString() == "岳阳市");
        await Page("/", "概览", "滞后项目", "完成率热力图", "岳阳市", "percent-mismatch");

        var figures = await Api("/api/figures");
        var first = figures.GetProperty("figures")[0];
        long id = first.GetProperty("id").GetInt64();
        Assert.Contains(figures.GetProperty("figures").EnumerateArray(), f => f.GetProperty("percent").ValueKind == JsonValueKind.Number);
        Assert.Equal(JsonValueKind.False, first.GetProperty("inconsistent").ValueKind);
        await Page("/figures", "共 ", "<table id=\"figures\"", $"/figures/{id}");

        var figure = await Api($"/api/figures/{id}");
        Assert.Equal(id, figure.GetProperty("figure").GetProperty("id").GetInt64());
        Assert.NotEmpty(figure.GetProperty("context").EnumerateArray());
        Assert.NotEmpty(figure.GetProperty("files").EnumerateArray());
        await Page($"/figures/{id}", "原文", "<mark>", "为何取这些数", "更正", "__RequestVerificationToken");

        var projects = await Api("/api/projects");
        string key = projects[0].GetProperty("key").GetString()!;
        await Page("/projects", "项目");
        var project = await Api($"/api/project?key={Uri.EscapeDataString(key)}");
        Assert.NotEmpty(project.GetProperty("regions").EnumerateArray());
        await Page($"/project?key={Uri.EscapeDataString(key)}", "<svg", "同级比较");

        var documents = await Api("/api/documents");
        long documentId = documents[0].GetProperty("id").GetInt64();
        await Page("/documents", "文件", ".docx");
        var document = await Api($"/api/documents/{documentId}");
        Assert.NotEmpty(document.GetProperty("blocks").EnumerateArray());
        await Page($"/documents/{documentId}", "读取的原文", "add-figure", "data-start=\"0\"");

        Assert.Equal(JsonValueKind.Array, (await Api("/api/corrections")).ValueKind);
        await Page("/corrections", "更正");

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/figures/99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/project?key=no-such-project")).StatusCode);
    }

    [Fact]
    public async Task Figures_filter_by_region_with_its_counties_by_flag_and_by_full_text_and_download_what_is_shown()
    {
        int Total(JsonElement page) => page.GetProperty("total").GetInt32();
        var city = await Api("/api/figures?region=" + Uri.EscapeDataString("岳阳市"));
        var county = await Api("/api/figures?region=" + Uri.EscapeDataString("汨罗市") + "&page=2");
        Assert.True(Total(county) > 50 && Total(city) > Total(county), $"岳阳市 {Total(city)}, 汨罗市 {Total(county)}");
        Assert.All(county.GetProperty("figures").EnumerateArray(), f => Assert.Equal("汨罗市", f.GetProperty("region").GetString()));
        Assert.Equal(2, county.GetProperty("filter").GetProperty("page").GetInt32());

        var flagged = await Api("/api/figures?flag=percent-mismatch");
        Assert.Equal(2, Total(flagged));
        var searched = await Api("/api/figures?q=" + Uri.EscapeDataString("食堂"));
        Assert.InRange(Total(searched), 1, 20);
        var sorted = (await Api("/api/figures?sort=percent&desc=true")).GetProperty("figures").EnumerateArray()
            .Select(f => f.GetProperty("percent")).Where(p => p.ValueKind == JsonValueKind.Number).Select(p => p.GetDouble()).ToList();
        Assert.Equal(sorted.OrderDescending(), sorted);

        var csv = await _http.GetByteArrayAsync("/figures.csv?flag=percent-mismatch");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Trim().Split('\n');
        Assert.StartsWith("figure_id,region,project", lines[0]);
        Assert.Equal(3, lines.Length);
        var xlsx = await _http.GetByteArrayAsync("/figures.xlsx?flag=percent-mismatch");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
    }

    [Fact]
    public async Task Off_loopback_every_request_needs_the_printed_token()
    {
        using var server = new ServerProcess("--db", samples.Database, "--host", "0.0.0.0");
        Assert.NotNull(server.Token);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(server.Address) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/figures?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/?token={server.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/overview")).StatusCode);   // the cookie it set
    }

    [Fact]
    public void Headless_chromium_renders_the_overview_and_a_figure_with_chinese_glyphs_and_the_filtered_figures_page()
    {
        // Chinese glyphs need a CJK font on the machine (scripts/test.sh installs fonts-wqy-zenhei); the page's font stack names it.
        var fonts = CliProcess.RunProgram("fc-list", [":lang=zh", "family"]);
        Assert.True(fonts.Output.Trim().Length > 0, "no CJK font installed: Chinese would render as boxes");

        string profile = samples.Temp.File("chromium-profile");
        foreach (var (name, path) in new[] { ("overview", "/"), ("figure", "/figures/1") })
        {
            string png = samples.Temp.File(name + ".png");
            var shot = Chromium.Run(profile, $"--screenshot={png}", "--window-size=1280,1400", samples.Server.Address + path);
            Assert.True(File.Exists(png), shot.Error);
            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.True(bytes.Length > 30_000, $"{name}: a {bytes.Length}-byte screenshot is too plain to hold the page");
        }

        // The glyphs are real: the overview drawn again with every Chinese character replaced by a private-use one (which no
        // font has: a box) must look different. Without a CJK font both would be the same boxes.
        string html = _http.GetStringAsync("/").Result;
        string boxes = Regex.Replace(html, "[\u4e00-\u9fff]", "\ue000");
        var shots = new[] { ("chinese", html), ("boxes", boxes) }.Select(page =>
        {
            string file = samples.Temp.File(page.Item1 + ".html"), png = samples.Temp.File(page.Item1 + "-page.png");
            File.WriteAllText(file, page.Item2);
            Chromium.Run(profile, $"--screenshot={png}", "--window-size=1000,600", new Uri(file).AbsoluteUri);
            return File.ReadAllBytes(png);
        }).ToList();
        Assert.False(shots[0].AsSpan().SequenceEqual(shots[1]), "Chinese text renders as the same boxes as characters no font has");

        var dom = Chromium.Run(profile, "--dump-dom",
            samples.Server.Address + "/figures?region=" + Uri.EscapeDataString("汨罗市") + "&flag=percent-mismatch");
        Assert.True(dom.ExitCode == 0, dom.Error);
        Assert.Contains("data-rendered=\"1\"", dom.Output);   // the page's script ran
        Assert.Contains("data-total=\"2\"", dom.Output);
        Assert.Contains("食堂", dom.Output);
        Assert.Equal(2, Regex.Matches(dom.Output, "<tr class=\"bad\">").Count);
    }
}
