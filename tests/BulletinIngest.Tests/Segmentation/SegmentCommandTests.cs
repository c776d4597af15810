namespace BulletinIngest.Tests.Segmentation;

/// <summary>`bulletin segment` as an analyst runs it: a real process on a real file.</summary>
public class SegmentCommandTests
{
    [Fact]
    public void Prints_one_sentence_per_line_with_words_separated_by_slashes()
    {
        using var temp = new TempFolder();
        string file = temp.File("report.txt");
        File.WriteAllText(file, "屈原管理区建设老年助餐服务点。完成全年任务的37.17%！\n\n岳阳县完成率超过 80%");
        var result = CliProcess.Run("segment", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["屈原管理区 / 建设 / 老年助餐服务点 / 。", "完成 / 全年 / 任务 / 的 / 37.17% / ！", "岳阳县 / 完成率 / 超过 /   / 80%"],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Jieba_only_no_hmm_and_a_user_dictionary_change_the_words()
    {
        using var temp = new TempFolder();
        string file = temp.File("report.txt");
        File.WriteAllText(file, "发展普惠托育服务护蕾行动");
        string words = temp.File("words.txt");
        File.WriteAllText(words, "护蕾行动 nz\n");

        Assert.Equal("发展 / 普惠托育服务 / 护蕾 / 行动", CliProcess.Run("segment", file).Output.Trim());
        Assert.Equal("发展 / 普惠托育服务 / 护蕾行动", CliProcess.Run("segment", file, "--user-dict", words).Output.Trim());
        Assert.Equal("发展 / 普 / 惠 / 托 / 育 / 服务 / 护 / 蕾 / 行动", CliProcess.Run("segment", file, "--jieba-only", "--no-hmm").Output.Trim());
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var result = CliProcess.Run("segment", "/no/such/file.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file", result.Error);
    }
}
