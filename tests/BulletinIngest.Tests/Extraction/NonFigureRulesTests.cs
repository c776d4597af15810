using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Assembly;

namespace BulletinIngest.Tests.Extraction;

/// <summary>The rules of models/rules/non-figures.tsv: each example (its number in 〈〉) matches its own rule.</summary>
public class NonFigureRulesTests
{
    [Fact]
    public void Each_example_matches_its_rule()
    {
        var rules = NonFigureRules.Load(Path.Combine(RepoPaths.Root, "models", NonFigureRules.FileName));
        Assert.NotEmpty(rules.Rules);
        foreach (var rule in rules.Rules)
        {
            string marked = Regex.Replace(rule.Example, "〈[^〉]+〉", NonFigureRules.Marker);
            Assert.NotEqual(rule.Example, marked);
            Assert.True(rule.Pattern.IsMatch(marked), $"{rule.Name}: its example does not match: {rule.Example}");
        }
    }

    [Theory]
    [InlineData("今年全市〈10件〉民生实事已全部完成")]
    [InlineData("湘潭市已提前完成〈16项〉省市重点民生实事")]
    [InlineData("完成农村改厕〈1200户〉")]
    public void A_count_of_work_done_is_no_campaign_total(string example)
    {
        var rules = NonFigureRules.Load(Path.Combine(RepoPaths.Root, "models", NonFigureRules.FileName));
        Assert.Null(rules.Match(Regex.Replace(example, "〈[^〉]+〉", NonFigureRules.Marker)));
    }

    [Theory]
    [InlineData("云南将继续推出〈10件〉惠民实事", "件", "campaign-total")]
    [InlineData("二、〈10万平方米〉老旧小区改造项目", "平方米", null)]
    [InlineData("实施〈50公里〉道路改造项目", "公里", null)]
    public void A_campaign_total_is_a_count_of_projects_not_an_amount_of_work(string example, string unit, string? rule)
    {
        var rules = NonFigureRules.Load(Path.Combine(RepoPaths.Root, "models", NonFigureRules.FileName));
        Assert.Equal(rule, rules.Match(Regex.Replace(example, "〈[^〉]+〉", NonFigureRules.Marker), unit)?.Name);
    }
}
