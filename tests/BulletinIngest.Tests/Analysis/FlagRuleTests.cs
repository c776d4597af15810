using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;
using Dapper;

namespace BulletinIngest.Tests.Analysis;

public sealed class FlagRuleTests : IDisposable
{
    private readonly SyntheticArchive _archive = new();
    private readonly IReadOnlyList<Flag> _flags;

    public FlagRuleTests()
    {
        SyntheticSeries.Fill(_archive);
        _flags = FlagAnalysis.Refresh(_archive.Store.Connection);
    }

    public void Dispose() => _archive.Dispose();

    private List<StoredFlag> Stored(string kind) => FlagAnalysis.Read(_archive.Store.Connection, kind).ToList();

    private static string Projects(StoredFlag flag) => string.Join("|", flag.Sources.Select(s => s.Project).Distinct());

    [Fact]
    public void Every_kind_of_flag_is_raised_by_the_synthetic_series()
    {
        Assert.Equal(FlagKinds.All.Order(), _flags.Select(f => f.Kind).Distinct().Order());
    }

    [Fact]
    public void Percent_mismatch_flags_exactly_the_figures_off_by_more_than_a_point_and_marks_them_inconsistent()
    {
        var flagged = Stored(FlagKinds.PercentMismatch).Select(Projects).Order().ToList();
        Assert.Equal(["培训乡村医生", "改造城镇老旧小区"], flagged);

        var inconsistent = _archive.Store.Connection.Query<string>("SELECT DISTINCT project FROM figures WHERE inconsistent = 1 ORDER BY project").ToList();
        Assert.Equal(["培训乡村医生", "改造城镇老旧小区"], inconsistent.Order().ToList());
        Assert.All(Stored(FlagKinds.PercentMismatch), f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void Completion_contradictions_name_the_unfinished_wording_and_the_overshoot()
    {
        var unfinished = Assert.Single(Stored(FlagKinds.OverHundredUnfinished));
        Assert.Equal("康复救助残疾儿童", Projects(unfinished));
        Assert.Contains("正在", unfinished.Message);

        var overTarget = Assert.Single(Stored(FlagKinds.OverTargetUnderHundred));
        Assert.Equal("培训乡村医生", Projects(overTarget));
    }

    [Fact]
    public void A_later_issue_reporting_less_or_another_target_is_flagged_once_and_renderings_of_one_issue_are_not_compared()
    {
        var backwards = Assert.Single(Stored(FlagKinds.WentBackwards));
        Assert.Equal("新增城镇就业", Projects(backwards));
        Assert.Contains("1500 → 1200", backwards.Message);
        Assert.Contains("30% → 20%", backwards.Message);
        Assert.Contains(backwards.Sources, s => s.Doc == "011_issue1.txt");
        Assert.Contains(backwards.Sources, s => s.Doc == "012_issue2.txt");

        var target = Assert.Single(Stored(FlagKinds.TargetChanged));
        Assert.Contains("5000 → 6000", target.Message);
    }

    [Fact]
    public void A_bulletin_target_implied_by_actual_and_percent_is_held_against_the_plan()
    {
        var flags = Stored(FlagKinds.PlanTargetMismatch);
        var farmland = Assert.Single(flags, f => Projects(f) == "高标准农田建设");
        Assert.Contains("implied target 15000", farmland.Message);
        Assert.Contains(farmland.Sources, s => s.Doc == "010_plan.txt");
        // Employment: the first issue's stated target equals the plan; the second issue's 6000 does not
        // (flagged once: its two renderings are one bulletin, counted from the .txt, and the flag names both files).
        var employment = Assert.Single(flags, f => Projects(f) == "新增城镇就业");
        Assert.Equal("012_issue2.txt", employment.Doc);
        Assert.Equal(["012_issue2.txt", "012_issue2.pdf"], employment.Files);
        Assert.Contains("target 6000 but 5000 in the plan", employment.Message);
        Assert.DoesNotContain(flags, f => Projects(f) == "培训乡村医生");
    }

    [Fact]
    public void The_same_figure_stated_twice_with_different_values_is_flagged()
    {
        var duplicate = Assert.Single(Stored(FlagKinds.DuplicateConflict));
        Assert.Equal("农村公路提质改造", Projects(duplicate));
        Assert.Contains("actual 20 vs 25", duplicate.Message);
        Assert.Equal(2, duplicate.Sources.Count);
    }

    [Fact]
    public void Numbers_enumerated_in_one_sentence_are_not_a_restatement()
    {
        using var archive = new SyntheticArchive();
        archive.Add("plan.txt", "东县", "plan", "2025-03-01", null,
            new Stated("东县", "和美乡村建设", "创建1个市级美丽屋场、8个村农村人居环境提档升级。", Target: 1, Unit: "个"),
            new Stated("东县", "和美乡村建设", "创建1个市级美丽屋场、8个村农村人居环境提档升级。", Target: 8, Unit: "个"));
        Assert.Empty(FlagAnalysis.Refresh(archive.Store.Connection));
    }

    [Fact]
    public void Counties_adding_up_to_more_than_the_city_total_are_flagged_and_ones_that_add_up_are_not()
    {
        var total = Assert.Single(Stored(FlagKinds.TotalMismatch));
        Assert.Equal("青川市", total.Region);
        Assert.Contains("add up to 10500", total.Message);
        Assert.Equal(Severity.Error, total.Severity);
        Assert.Equal(4, total.Sources.Count);
    }

    [Fact]
    public void Refreshing_again_replaces_the_flags_instead_of_adding_to_them()
    {
        int before = _archive.Store.Connection.ExecuteScalar<int>("SELECT count(*) FROM flags");
        var again = FlagAnalysis.Refresh(_archive.Store.Connection);
        Assert.Equal(before, again.Count);
        Assert.Equal(before, _archive.Store.Connection.ExecuteScalar<int>("SELECT count(*) FROM flags"));
    }

    [Fact]
    public void Flags_can_be_read_by_region_under_any_spelling_of_its_name()
    {
        var county = FlagAnalysis.Read(_archive.Store.Connection, region: "石门");
        Assert.NotEmpty(county);
        Assert.All(county, f => Assert.Contains(f.Sources, s => Names.RegionMatches("石门县", s.Region)));
        Assert.DoesNotContain(FlagAnalysis.Read(_archive.Store.Connection, region: "桃源县"), f => f.Kind == FlagKinds.PercentMismatch);
    }
}

/// <summary>A catalogued project with several indicators: the catalog id lines issues up, the indicators stay apart.</summary>
public sealed class CatalogedProjectFlagTests
{
    [Fact]
    public void Indicators_of_one_catalogued_project_are_neither_duplicates_nor_a_series_nor_matched_to_one_plan_target()
    {
        using var archive = new SyntheticArchive();
        archive.Add("plan.txt", "东县", "plan", "2025-03-01", null,
            new Stated("东县", "农村通信网络", "新建4G、5G基站20个。", Target: 20, Unit: "个", Indicator: "新建基站", CanonicalId: "net"),
            new Stated("东县", "农村通信网络", "光纤入户1000户。", Target: 1000, Unit: "户", Indicator: "光纤入户", CanonicalId: "net"));
        archive.Add("b1.txt", "东县", "bulletin", "2025-05-31", 1,
            new Stated("东县", "农村通信网络", "已建成基站15个，完成率75%。", Actual: 15, Unit: "个", Percent: 75, Indicator: "新建基站", CanonicalId: "net"),
            new Stated("东县", "农村通信网络", "光纤入户500户，完成率50%。", Actual: 500, Unit: "户", Percent: 50, Indicator: "光纤入户", CanonicalId: "net"));
        archive.Add("b2.txt", "东县", "bulletin", "2025-07-31", 2,
            new Stated("东县", "实施农村通信网络巩固提升工程", "光纤入户600户，完成率60%。", Actual: 600, Unit: "户", Percent: 60, CanonicalId: "net"));
        Assert.Empty(FlagAnalysis.Refresh(archive.Store.Connection));
    }
}

public sealed class CatalogedSeriesTests
{
    [Fact]
    public void Differently_worded_issues_of_one_catalogued_project_form_a_series()
    {
        using var archive = new SyntheticArchive();
        archive.Add("b1.txt", "东县", "bulletin", "2025-05-31", 1,
            new Stated("东县", "城镇新增就业", "城镇新增就业2000人，完成率40%。", Actual: 2000, Unit: "人", Percent: 40, CanonicalId: "jobs"));
        archive.Add("b2.txt", "东县", "bulletin", "2025-07-31", 2,
            new Stated("东县", "完成新增城镇就业5000人", "完成新增城镇就业1800人，完成率36%。", 5000, 1800, "人", 36, CanonicalId: "jobs"));
        var flag = Assert.Single(FlagAnalysis.Refresh(archive.Store.Connection));
        Assert.Equal(FlagKinds.WentBackwards, flag.Kind);
        Assert.Equal("jobs", flag.CanonicalProjectId);
    }
}
