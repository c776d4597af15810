using BulletinIngest.Extraction.Assembly;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The words of models/rules/non-project-names.tsv: each example is rejected by its own rule, and names that only open with such words are not.</summary>
public class NonProjectNamesTests
{
    private static readonly NonProjectNames Rules = NonProjectNames.Load(Path.Combine(RepoPaths.Root, "models", NonProjectNames.FileName));

    [Fact]
    public void Each_example_is_rejected_by_its_rule()
    {
        Assert.NotEmpty(Rules.Rules);
        foreach (var rule in Rules.Rules)
            Assert.True(rule.Pattern.IsMatch(rule.Example), $"{rule.Kind}: its example does not match: {rule.Example}");
    }

    [Theory]
    [InlineData("截至9月底", "date")]
    [InlineData("2024年前三季度", "period")]
    [InlineData("县委组织部", "body")]
    [InlineData("另已开工", "verb")]
    [InlineData("新建或改造", "verb")]
    [InlineData("年度计划投资", "measure")]
    [InlineData("累计完成投资", "measure")]
    [InlineData("实施中", "frame")]
    public void A_date_a_period_a_body_a_bare_verb_a_measure_or_a_frame_names_no_project(string name, string kind) =>
        Assert.Equal(kind, Rules.Match(name)?.Kind);

    [Theory]
    [InlineData("2014年棚户区改造")]
    [InlineData("农村危房改造")]
    [InlineData("全民健身中心")]
    [InlineData("新建幼儿园")]
    [InlineData("公益性岗位")]
    [InlineData("城市道路改造项目")]
    [InlineData("投资项目")]
    public void A_project_that_only_opens_with_such_words_is_kept(string name) => Assert.Null(Rules.Match(name));
}
