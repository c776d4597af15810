namespace BulletinIngest.Tests.Pdf;

public class TextSimilarityTests
{
    [Theory]
    [InlineData("ABCBDAB", "BDCABA", 4)]
    [InlineData("民生实事项目", "民生项目", 4)]
    [InlineData("abc", "xyz", 0)]
    [InlineData("", "abc", 0)]
    public void Longest_common_subsequence_of_short_strings(string a, string b, int expected) =>
        Assert.Equal(expected, TextSimilarity.LongestCommonSubsequence(a, b));

    [Fact]
    public void Bit_parallel_result_matches_dynamic_programming_across_word_boundaries()
    {
        var random = new Random(7);
        for (int round = 0; round < 20; round++)
        {
            string a = new(Enumerable.Range(0, random.Next(60, 300)).Select(_ => (char)('a' + random.Next(4))).ToArray());
            string b = new(Enumerable.Range(0, random.Next(60, 300)).Select(_ => (char)('a' + random.Next(4))).ToArray());
            Assert.Equal(Quadratic(a, b), TextSimilarity.LongestCommonSubsequence(a, b));
        }
    }

    [Fact]
    public void Whitespace_and_bullets_do_not_count() =>
        Assert.Equal((1.0, 1.0, 6), TextSimilarity.Compare("民生 实事\n项目", "• 民生实事 项 目"));

    private static int Quadratic(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
        return table[a.Length, b.Length];
    }
}
