using System.Text;
using System.Text.Json;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Tests.Segmentation;

/// <summary>
/// The segmenter against Python jieba's own output (tests/fixtures/jieba, written by scripts/jieba_fixtures.py
/// with Debian's python3-jieba: jieba.lcut(text, HMM=True), default dictionary, no user dictionary).
/// </summary>
public class JiebaParityTests
{
    public static TheoryData<string> Samples() => new(
        Directory.EnumerateFiles(RepoPaths.Fixture("jieba"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Tokens_equal_python_jiebas_on_the_sample_bulletins(string stem)
    {
        var expected = ReadReference(stem);
        string text = File.ReadAllText(RepoPaths.Bulletin($"txt/{stem}.txt"), new UTF8Encoding(false));
        var actual = JiebaSegmenter.LoadJiebaOnly().Cut(text);

        // Agreement: the reference tokens we produce at the same offset.
        var ours = actual.Select(t => (t.Text, t.Start)).ToHashSet();
        int offset = 0, agreeing = 0;
        var firstDifferences = new List<string>();
        foreach (var token in expected)
        {
            if (ours.Contains((token, offset))) agreeing++;
            else if (firstDifferences.Count < 5) firstDifferences.Add($"{token}@{offset}");
            offset += token.Length;
        }
        double agreement = agreeing / (double)Math.Max(expected.Count, actual.Count);
        Assert.True(agreement >= 0.995, $"{stem}: {agreement:P2} agreement; first differences: {string.Join(", ", firstDifferences)}");
        Assert.Equal(expected, actual.Select(t => t.Text).ToList());
    }

    [Fact]
    public void Tokens_keep_their_offsets_in_the_text()
    {
        const string text = "2024年9月,湘乡市城镇新增就业 2230 人,完成全年任务的37.17%。\r\n托育服务";
        var tokens = JiebaSegmenter.LoadJiebaOnly().Cut(text);
        Assert.Equal(text, string.Concat(tokens.Select(t => t.Text)));
        foreach (var token in tokens) Assert.Equal(token.Text, text[token.Start..token.End]);
        Assert.Contains(tokens, t => t.Text == "\r\n");
        Assert.Contains(tokens, t => t.Text == "37.17%");
    }

    private static List<string> ReadReference(string stem)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture($"jieba/{stem}.json")));
        return json.RootElement.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
