using System.Text;
using BulletinIngest.Segmentation;

namespace BulletinIngest.Tests.Segmentation;

public class UserDictionaryTests
{
    private static readonly string DomainDictionary = Path.Combine(RepoPaths.Root, "models", JiebaSegmenter.DomainDictionaryFile);

    public static TheoryData<string> Samples() => new(
        Directory.EnumerateFiles(RepoPaths.Bulletin("txt"), "*.txt").Select(Path.GetFileName)
            .Where(name => name!.Count(c => c == '.') == 1).Order()!);

    /// <summary>
    /// Every region (ns) and project name (nz) of the domain dictionary that occurs in a sample comes out as one
    /// token there, unless the occurrence lies inside a longer entry's occurrence.
    /// </summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Regions_and_project_names_are_single_tokens_in_the_samples(string sample)
    {
        var names = File.ReadLines(DomainDictionary)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .Where(fields => fields[^1] is "ns" or "nz")
            .Select(fields => fields[0])
            .OrderByDescending(name => name.Length)
            .ToList();
        string text = File.ReadAllText(RepoPaths.Bulletin("txt/" + sample), new UTF8Encoding(false));
        var tokens = JiebaSegmenter.Load().Cut(text).Select(t => (t.Text, t.Start)).ToHashSet();

        var covered = new List<(int Start, int End)>();
        var split = new List<string>();
        foreach (var name in names)
        {
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (covered.Any(c => c.Start <= at && at + name.Length <= c.End)) continue;
                covered.Add((at, at + name.Length));
                if (!tokens.Contains((name, at))) split.Add($"{name}@{at}");
            }
        }
        Assert.NotEmpty(covered);
        Assert.True(split.Count == 0, $"cut apart: {string.Join(", ", split)}");
    }

    [Fact]
    public void Without_the_domain_dictionary_jieba_cuts_these_names_apart()
    {
        const string text = "岳阳经济技术开发区、屈原管理区和南湖新区建设老年助餐服务点，建成高标准农田";
        var plain = JiebaSegmenter.LoadJiebaOnly().Cut(text).Select(t => t.Text).ToList();
        var domain = JiebaSegmenter.Load().Cut(text).Select(t => t.Text).ToList();
        foreach (var word in new[] { "岳阳经济技术开发区", "屈原管理区", "南湖新区", "老年助餐服务点", "高标准农田" })
        {
            Assert.DoesNotContain(word, plain);
            Assert.Contains(word, domain);
        }
    }

    [Fact]
    public void Units_stay_whole_after_their_number()
    {
        var tokens = JiebaSegmenter.Load().Cut("新增蓄水能力3.5万方，建成高标准农田2万亩，救助1.2万人次，投入300万元").Select(t => t.Text).ToList();
        Assert.Equal(["3.5", "万方"], tokens.Skip(tokens.IndexOf("3.5")).Take(2));
        Assert.Contains("万亩", tokens);
        Assert.Contains("万人次", tokens);
        Assert.Contains("万元", tokens);
    }

    [Fact]
    public void An_analysts_dictionary_adds_words_with_or_without_frequency()
    {
        string path = Path.Combine(Path.GetTempPath(), $"userdict-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "\uFEFF护蕾行动 nz\n助餐点 20000\n\n");
        try
        {
            var segmenter = JiebaSegmenter.Load().WithUserDictionary(path);
            var tokens = segmenter.Cut("普惠托育服务护蕾行动新增助餐点").Select(t => t.Text).ToList();
            Assert.Contains("护蕾行动", tokens);
            Assert.Contains("助餐点", tokens);
            Assert.Equal(20000, segmenter.Dictionary.Frequency("助餐点"));
            Assert.Null(JiebaSegmenter.Load().Dictionary.Frequency("助餐点")); // the shared segmenter is unchanged
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_text_cut_again_gives_the_same_tokens_in_a_list_of_the_callers_own_and_each_segmenter_its_own()
    {
        const string text = "普惠托育服务护蕾行动新增助餐点";
        var shared = JiebaSegmenter.Load();
        var first = shared.Cut(text);
        var tokens = first.ToList();
        first.Clear(); // the caller's list: the segmenter remembers its own copy
        Assert.Equal(tokens, shared.Cut(text));
        Assert.Equal(tokens, shared.Cut(new string(text.AsSpan()))); // an equal text, another string
        Assert.DoesNotContain("护蕾行动", tokens.Select(t => t.Text));

        // A segmenter with more words has answers of its own, not the shared one's remembered ones.
        string path = Path.Combine(Path.GetTempPath(), $"userdict-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "护蕾行动 nz\n");
        try
        {
            Assert.Contains("护蕾行动", shared.WithUserDictionary(path).Cut(text).Select(t => t.Text));
            Assert.Equal(tokens, shared.Cut(text));
        }
        finally { File.Delete(path); }
    }
}
