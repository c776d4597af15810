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
        // With the example's own unit: campaign-total applies only to counts (件, 项, 个 …), so without one it could not fire.
        string unit = Regex.Match(example, "〈[\\d.]+([^〉]+)〉").Groups[1].Value;
        Assert.Null(rules.Match(Regex.Replace(example, "〈[^〉]+〉", NonFigureRules.Marker), unit));
    }

    [Theory]
    [InlineData("三、新建〈300个〉公共充电桩项目", null)]
    [InlineData("建设〈24个〉“渝好空间”项目", null)]
    [InlineData("安排村屯级公路〈20个〉项目", "campaign-total")]
    [InlineData("集中力量办好〈10件〉实事", "campaign-total")]
    public void Projects_a_build_verb_counts_are_a_task_not_a_campaign_total(string example, string? rule)
    {
        // 新建/建设 N个…项目 counts what is to be built (GB13, GL09: the labels' target); 安排/办好 N个 counts the programme.
        var rules = NonFigureRules.Load(Path.Combine(RepoPaths.Root, "models", NonFigureRules.FileName));
        string unit = example.Contains("件〉") ? "件" : "个";
        Assert.Equal(rule, rules.Match(Regex.Replace(example, "〈[^〉]+〉", NonFigureRules.Marker), unit)?.Name);
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

    [Theory]
    [InlineData("人", "bracketed-detail")]
    [InlineData("%", null)]
    public void A_bracketed_amount_is_a_detail_but_a_bracketed_rate_is_the_figures_own(string unit, string? rule)
    {
        // bracketed-detail's units are `!%`: 完成投资3亿元（占年度计划的45%） states the figure's percent.
        var rules = NonFigureRules.Load(Path.Combine(RepoPaths.Root, "models", NonFigureRules.FileName));
        Assert.Equal(rule, rules.Match("完成投资3亿元（占年度计划的" + NonFigureRules.Marker + "）", unit)?.Name);
    }
}
