using System.Text;
using System.Text.Json;
using BulletinIngest.Extraction;
using BulletinIngest.Reading;
using BulletinIngest.Storage;

namespace BulletinIngest.Tests.Pipeline;

public class ExportCommandTests
{
    private static readonly string[] GoldKeys =
        ["doc", "region", "tier", "project", "indicator", "target", "actual", "unit", "percent", "qualifier", "inconsistent"];

    [Fact]
    public void Jsonl_has_the_gold_keys_with_typed_values_and_provenance()
    {
        using var temp = new TempFolder();
        string db = StoreOneFigure(temp);
        var export = CliProcess.Run("export", "--format", "jsonl", "--db", db);
        Assert.Equal(0, export.ExitCode);
        var line = Assert.Single(export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        foreach (var key in GoldKeys) Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal("bulletin.txt", root.GetProperty("doc").GetString());
        Assert.Equal(1200, root.GetProperty("actual").GetDouble());
        Assert.Equal(35.14, root.GetProperty("percent").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.False, root.GetProperty("inconsistent").ValueKind);
        Assert.Equal("已完成补充配置电脑 1200 台，完成全年任务的 35.14%。", root.GetProperty("sentence").GetString());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
    }

    [Fact]
    public void Csv_starts_with_a_bom_for_excel_and_keeps_chinese_text()
    {
        using var temp = new TempFolder();
        string db = StoreOneFigure(temp);
        string csv = temp.File("figures.csv");
        Assert.Equal(0, CliProcess.Run("export", "--format", "csv", "--out", csv, "--db", db).ExitCode);
        byte[] bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        string[] lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(string.Join(',', GoldKeys[..10]), lines[0]);
        Assert.Contains("汨罗市,省级,更新义务教育学校设备,补充配置电脑,,1200,台,35.14,", lines[1]);
    }

    private static string StoreOneFigure(TempFolder temp)
    {
        string db = temp.File("b.db");
        const string sentence = "已完成补充配置电脑 1200 台，完成全年任务的 35.14%。";
        var builder = new DocumentTextBuilder("txt");
        builder.Add(BlockKind.Paragraph, sentence, page: 1);
        var figure = new Figure
        {
            Region = "汨罗市", Tier = "省级", Project = "更新义务教育学校设备", Indicator = "补充配置电脑",
            Actual = 1200, Unit = "台", Percent = 35.14, Page = 1, Start = 0, End = sentence.Length, Sentence = sentence,
        };
        using var store = BulletinStore.Open(db);
        store.SaveDocument(new SourceFile(temp.File("bulletin.txt"), "abc", 10), builder.Build(), new ExtractionResult(new DocumentMetadata(), [figure]));
        return db;
    }
}
