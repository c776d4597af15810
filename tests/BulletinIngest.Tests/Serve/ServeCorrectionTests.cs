using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BulletinIngest.Tests.Serve;

/// <summary>Corrections made through the running server's pages: they change `bulletin show`, survive a re-ingest underneath it, and need the form's token.</summary>
public sealed class ServeCorrectionTests : IDisposable
{
    private const string Sample = "004_1f00e35fffe70a01.txt";
    private readonly TempFolder _temp = new();
    private readonly string _file, _db;
    private readonly ServerProcess _server;
    private readonly HttpClient _http;

    public ServeCorrectionTests()
    {
        Directory.CreateDirectory(_temp.File("archive"));
        _file = _temp.File(Path.Combine("archive", Sample));
        File.Copy(RepoPaths.Bulletin(Path.Combine("txt", Sample)), _file);
        _db = _temp.File("b.db");
        Ingest();
        _server = new ServerProcess("--db", _db);
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_server.Address), Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _temp.Dispose();
    }

    private string Ingest()
    {
        var ingest = CliProcess.Run("ingest", _file, "--db", _db, "--in-process");
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        return ingest.Output;
    }

    private async Task<JsonElement> Canteen()
    {
        var page = JsonDocument.Parse(await _http.GetStringAsync("/api/figures?q=" + Uri.EscapeDataString("食堂"))).RootElement;
        return page.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("indicator").GetString()!.Contains("食堂"));
    }

    /// <summary>The anti-forgery field of a page's form (its cookie stays in the client).</summary>
    private async Task<(string Name, string Value)> FormToken(string page)
    {
        var match = Regex.Match(await _http.GetStringAsync(page), "name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"no anti-forgery field on {page}");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    private async Task<HttpResponseMessage> Post(string path, (string Name, string Value)? token, params (string, string)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();
        if (token is { } t) form.Add(new(t.Name, t.Value));
        return await _http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task A_correction_made_on_the_figure_page_shows_in_bulletin_show_and_survives_a_re_ingest_under_the_running_server()
    {
        var canteen = await Canteen();
        long id = canteen.GetProperty("id").GetInt64();
        Assert.Equal(30, canteen.GetProperty("percent").GetDouble());

        // Without the form's token: refused, nothing written.
        var refused = await Post($"/figures/{id}/correct", null, ("percent", "33.33"), ("by", "mallory"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await _http.GetStringAsync("/api/corrections")).RootElement.GetArrayLength());

        // The form as the page fills it, with only the percent changed.
        string form = Regex.Match(await _http.GetStringAsync($"/figures/{id}"), "<form[^>]*id=\"correct\".*?</form>", RegexOptions.Singleline).Value;
        var fields = Regex.Matches(form, "<input name=\"(\\w+)\" value=\"([^\"]*)\"")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToDictionary(f => f.Item1, f => f.Item2);
        Assert.Equal("30", fields["percent"]);
        fields["percent"] = "33.33";
        fields["why"] = "2/6 is 33.33%";
        fields["by"] = "anna";
        var saved = await Post($"/figures/{id}/correct", await FormToken($"/figures/{id}"), [.. fields.Select(f => (f.Key, f.Value))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        string page = await _http.GetStringAsync($"/figures/{id}");
        Assert.Contains("percent: 30 → 33.33", page);
        Assert.Contains("2/6 is 33.33%", page);
        var corrections = JsonDocument.Parse(await _http.GetStringAsync("/api/corrections")).RootElement;
        Assert.Equal(1, corrections.GetArrayLength());   // the fields left as they were are not corrections

        var show = CliProcess.Run("show", id.ToString(), "--db", _db);
        Assert.Contains("corrected  percent: 30 → 33.33   by anna", show.Output);
        Assert.Contains("decided by analyst", show.Output);

        // The file changes and is ingested while the server runs; the server reads the new figures, corrected again.
        var lines = File.ReadAllLines(_file).ToList();
        lines.Insert(1, "（本期内容有更新）");
        File.WriteAllLines(_file, lines);
        Assert.Contains("1 corrections re-applied, 0 orphaned", Ingest());
        Assert.False(_server.HasExited);
        var after = await Canteen();
        Assert.Equal(33.33, after.GetProperty("percent").GetDouble());
        Assert.Equal("analyst", after.GetProperty("decided_by").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_missed_figure_is_added_from_a_selected_span_and_a_wrong_one_dropped()
    {
        var documents = JsonDocument.Parse(await _http.GetStringAsync("/api/documents")).RootElement;
        long documentId = documents[0].GetProperty("id").GetInt64();
        var blocks = JsonDocument.Parse(await _http.GetStringAsync($"/api/documents/{documentId}")).RootElement.GetProperty("blocks");
        var block = blocks.EnumerateArray().First(b => b.GetProperty("text").GetString()!.Contains("时光守护"));
        int start = block.GetProperty("start").GetInt32(), end = block.GetProperty("end").GetInt32();

        var token = await FormToken($"/documents/{documentId}");
        var added = await Post($"/documents/{documentId}/add", token, ("start", start.ToString()), ("end", end.ToString()), ("region", "汨罗市"),
            ("name", "建设时光守护床位"), ("target", "100"), ("unit", "张"), ("by", "anna"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        string location = added.Headers.Location!.ToString();
        Assert.Matches("^/figures/[0-9]+$", location);
        Assert.Contains("建设时光守护床位", await _http.GetStringAsync(location));

        var dropped = await Post(location + "/drop", await FormToken(location), ("why", "test"), ("by", "anna"));
        Assert.Equal(HttpStatusCode.Redirect, dropped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(location)).StatusCode);
        var statuses = JsonDocument.Parse(await _http.GetStringAsync("/api/corrections")).RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("action").GetString(), c.GetProperty("status").GetString())).ToList();
        Assert.Equal([("add", "applied"), ("drop", "applied")], statuses);

        // A wrong value is refused with its reason, not stored.
        var wrong = await Post($"/documents/{documentId}/add", await FormToken($"/documents/{documentId}"), ("start", start.ToString()),
            ("end", end.ToString()), ("region", "不存在县"), ("name", "x"), ("target", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }
}
