using BulletinIngest.Extraction;

namespace BulletinIngest.Tests.Extraction;

/// <summary>Each role pattern with sentences written for the test (a county of another prefecture, invented projects).</summary>
public class RoleTests
{
    private static IReadOnlyList<Figure> Figures(params string[] body) => Synthetic.Bulletin("醴陵市", body).Figures;

    [Fact]
    public void Title_amount_is_the_target_and_the_progress_verb_governs_the_actual()
    {
        var f = Assert.Single(Figures("（1）新建村级文化广场 40 个。已建成 18 个，完成全年任务的 45%。"));
        Assert.Equal(("醴陵市", 40.0, 18.0, "个", 45.0), (f.Region, f.Target!.Value, f.Actual!.Value, f.Unit, f.Percent!.Value));
        Assert.Equal("新建村级文化广场40个", f.Project); // names are kept without the layout's stray spaces
    }

    [Theory]
    [InlineData("（5）城镇新增就业。全年目标任务 600 人，已完成 420 人，完成率 70%。")]
    [InlineData("（5）城镇新增就业。年度任务 600 人，1-6 月累计完成 420 人，占全年目标的 70%。")]
    [InlineData("（5）城镇新增就业 600 人。截至目前新增就业 420 人，完成年度目标任务的 70%。")]
    public void A_target_stated_in_the_body_joins_the_amount_done(string sentence)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal((600.0, 420.0, "人", 70.0), (f.Target!.Value, f.Actual!.Value, f.Unit, f.Percent!.Value));
    }

    [Fact]
    public void A_title_sentence_without_progress_states_more_targets()
    {
        var f = Figures("（3）新建公办幼儿园 4 所，新增学位 1080 个。已建成 3 所，完成全年任务的 75%。");
        Assert.Contains(f, x => x.Target == 4 && x.Actual == 3 && x.Percent == 75 && x.Unit == "所");
        Assert.Contains(f, x => x.Target == 1080 && x.Actual is null && x.Unit == "个");
        Assert.Equal(2, f.Count);
    }

    [Fact]
    public void Several_indicators_in_one_item_are_separate_figures()
    {
        var figures = Figures("（2）推进校园安全建设。已安装监控探头 320 个，完成全年任务的 64%；新建标准化食堂 3 所，完成全年任务的 50%。");
        Assert.Equal(2, figures.Count);
        Assert.Equal((320.0, 64.0), (figures[0].Actual!.Value, figures[0].Percent!.Value));
        Assert.Equal((3.0, 50.0, "所"), (figures[1].Actual!.Value, figures[1].Percent!.Value, figures[1].Unit));
        Assert.True(figures[0].Indicator.Contains("监控探头"), figures[0].Indicator);
    }

    [Fact]
    public void The_governed_amount_wins_over_a_side_effect()
    {
        var f = Figures("（3）开展健康讲座。已开展 14 场讲座，覆盖群众 2600 人次，完成全年任务的 28%。");
        Assert.Contains(f, x => x.Actual == 14 && x.Percent == 28);
        Assert.DoesNotContain(f, x => x.Actual == 2600 && x.Percent is not null);
    }

    [Fact]
    public void A_total_is_what_the_percentage_measures()
    {
        var f = Figures("4. 文化进万家。开展广场舞展演 12 场次，开展电影放映 30 场次，合计开展活动 42 场次，完成全年任务的 70%。");
        Assert.Contains(f, x => x.Actual == 42 && x.Percent == 70);
    }

    [Fact]
    public void Parallel_amounts_leave_the_percentage_to_the_item()
    {
        var f = Figures("5. 实施供水管网改造。已完成改造供水主管 3.2 公里、新建支管 1.5 公里，完成全年任务的 40%。");
        Assert.Contains(f, x => x.Percent == 40 && x.Actual is null);
        Assert.Contains(f, x => x.Actual == 3.2 && x.Percent is null);
        Assert.Contains(f, x => x.Actual == 1.5 && x.Percent is null);
    }

    [Fact]
    public void Standards_are_targets_and_share_a_following_percentage()
    {
        var f = Figures("（6）提高救助标准。特困人员供养标准分别不低于 950 元/月和 720 元/月，完成全年任务的 100%。");
        Assert.Equal(2, f.Count);
        Assert.All(f, x => Assert.Equal(("元/月", 100.0), (x.Unit, x.Percent!.Value)));
        Assert.Equal([950.0, 720.0], f.Select(x => x.Target!.Value));
        Assert.All(f, x => Assert.Null(x.Actual));
    }

    [Theory]
    [InlineData("7. 建设街心公园项目，形象进度 63.5%。", 63.5)]
    [InlineData("7. 建设街心公园项目，全市总进度完成 63.5%。", 63.5)]
    [InlineData("7. 建设街心公园项目。完成率为 63.5%。", 63.5)]
    public void A_percentage_alone_is_a_figure(string sentence, double percent)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal(percent, f.Percent);
        Assert.Null(f.Actual);
    }

    [Fact]
    public void A_rate_measures_the_amount_before_it()
    {
        var f = Assert.Single(Figures("8. 困难群众参保动态清零。代缴居民医保 5120 人，参保率 99.5%。"));
        Assert.Equal((5120.0, 99.5), (f.Actual!.Value, f.Percent!.Value));
    }

    [Fact]
    public void Regions_named_in_the_clause_own_their_bounds()
    {
        var doc = Synthetic.Bulletin("株洲市", "2、建设社区食堂项目，全市总进度完成 35%，攸县、茶陵县完成率超过 60%，炎陵县完成率 10%以下。");
        var f = doc.Figures;
        Assert.Contains(f, x => x.Region == "株洲市" && x.Percent == 35 && x.Qualifier is null && !x.Optional);
        Assert.Contains(f, x => x.Region == "攸县" && x.Percent == 60 && x.Qualifier == ">" && x.Optional);
        Assert.Contains(f, x => x.Region == "茶陵县" && x.Percent == 60 && x.Qualifier == ">");
        Assert.Contains(f, x => x.Region == "炎陵县" && x.Percent == 10 && x.Qualifier == "<=");
    }

    [Fact]
    public void Points_after_semicolons_in_a_report_are_separate_projects()
    {
        var f = Figures("一是新建农村公路 120 公里，已完成 86 公里，完成率 71.7%；二是改造危桥 15 座，已完成 9 座，完成率 60%。");
        Assert.Contains(f, x => x.Target == 120 && x.Actual == 86 && x.Percent == 71.7 && x.Unit == "公里");
        Assert.Contains(f, x => x.Target == 15 && x.Actual == 9 && x.Percent == 60 && x.Unit == "座");
        Assert.Equal(2, f.Count);
    }

    [Fact]
    public void A_goal_named_with_the_percentage_is_the_target()
    {
        var f = Assert.Single(Figures("（9）促进就业。城镇新增就业 3560 人，完成年度目标 5000 人的 71.2%。"));
        Assert.Equal((5000.0, 3560.0, 71.2), (f.Target!.Value, f.Actual!.Value, f.Percent!.Value));
    }

    [Fact]
    public void Ordinal_points_start_items()
    {
        var f = Figures("第一，新建社区食堂 12 个，已建成 7 个，完成率 58.3%。第二，改造公厕 40 座，已完工 40 座，完成率 100%。");
        Assert.Equal(2, f.Count);
        Assert.Equal((12.0, 7.0), (f[0].Target!.Value, f[0].Actual!.Value));
        Assert.Equal((40.0, 40.0, 100.0), (f[1].Target!.Value, f[1].Actual!.Value, f[1].Percent!.Value));
    }

    [Theory]
    [InlineData("（2）学生营养改善。按每生每天 5 元标准发放补助。", 5, "元/天")]
    [InlineData("（2）高龄津贴。向 80 岁以上老人每人每月发放 100 元。", 100, "元/月")]
    public void Per_period_standards_leave_the_person_out(string sentence, double value, string unit)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal((value, unit), (f.Target!.Value, f.Unit));
    }

    [Fact]
    public void A_year_task_reported_done_is_one_hundred_percent()
    {
        var f = Assert.Single(Figures("（8）新建城市书房 6 个。已完成年度任务，全部对外开放。"));
        Assert.Equal((6.0, 100.0), (f.Target!.Value, f.Percent!.Value));
    }

    [Fact]
    public void Goal_done_progress_in_a_row_is_one_figure()
    {
        var f = Assert.Single(Figures("3. 农村饮水提升。年度目标 5000 户，完成 4200 户，进度 84%。"));
        Assert.Equal((5000.0, 4200.0, "户", 84.0), (f.Target!.Value, f.Actual!.Value, f.Unit, f.Percent!.Value));
    }

    [Fact]
    public void Each_region_owns_the_percentage_written_right_after_it()
    {
        var f = Synthetic.Bulletin("株洲市", "4、改造燃气管道项目，全市完成率 72%，其中攸县 80.5%、炎陵县 64%。").Figures;
        Assert.Contains(f, x => x.Region == "株洲市" && x.Percent == 72);
        Assert.Contains(f, x => x.Region == "攸县" && x.Percent == 80.5);
        Assert.Contains(f, x => x.Region == "炎陵县" && x.Percent == 64);
    }

    [Fact]
    public void A_target_in_parentheses_after_the_percentage_is_the_target()
    {
        var f = Assert.Single(Figures("（7）新建农村公路驿站。已建成 9 个，占年度计划的 75%（年度目标 12 个）。"));
        Assert.Equal((12.0, 9.0, 75.0), (f.Target!.Value, f.Actual!.Value, f.Percent!.Value));
    }

    [Fact]
    public void A_region_clause_with_a_whole_and_a_part_gives_target_and_actual()
    {
        var f = Synthetic.Bulletin("株洲市", "3、整治黑臭水体项目，全市总进度完成 20%，醴陵市 12 条水体已完成 5 条。").Figures;
        Assert.Contains(f, x => x.Region == "醴陵市" && x.Target == 12 && x.Actual == 5 && x.Unit == "条");
    }

    [Fact]
    public void Future_work_is_not_progress()
    {
        var f = Figures("9. 改造老旧供热管道。已完成 6 条，剩余 4 条将在 10 月份完成。");
        var only = Assert.Single(f);
        Assert.Equal(6, only.Actual);
    }

    [Fact]
    public void A_title_rate_counts_only_when_the_item_says_nothing_else()
    {
        var f = Assert.Single(Figures("（4）义务教育巩固率达到 99%以上。本项由上级统一考核。"));
        Assert.Equal((99.0, "%"), (f.Target!.Value, f.Unit));
        Assert.True(f.Optional);
    }

    [Fact]
    public void Plans_give_targets_only()
    {
        var result = Synthetic.Plan("衡东县",
            "（一）办好省级重点民生实事",
            "（1）新增普惠托位 120 个。通过新建和改扩建托育机构，新增托位 120 个，覆盖率达到 60%。（牵头单位：县卫健局）",
            "（2）提高城乡低保标准。2025 年，城市低保标准不低于 760 元/月。");
        Assert.Equal("plan", result.Metadata.Kind);
        Assert.All(result.Figures, f => Assert.Null(f.Actual));
        Assert.All(result.Figures, f => Assert.Null(f.Percent));
        Assert.Single(result.Figures, f => f.Target == 120);
        Assert.Contains(result.Figures, f => f.Target == 760 && f.Unit == "元/月");
        Assert.Contains(result.Figures, f => f.Target == 60 && f.Unit == "%" && f.Optional);
    }

    [Fact]
    public void Narrative_sections_give_only_optional_figures_of_work_done()
    {
        var result = Synthetic.Bulletin("株洲市",
            "1. 新建社区书屋 20 个。已完成 8 个，完成全年任务的 40%。",
            "【县市区动态】",
            "攸县：举办招聘会，提供岗位 3000 余个。完成适老化改造 85 户，群众满意。");
        var narrative = result.Figures.Where(f => f.Region == "攸县").ToList();
        var only = Assert.Single(narrative);
        Assert.Equal((85.0, "户"), (only.Actual!.Value, only.Unit));
        Assert.True(only.Optional);
    }

    [Fact]
    public void Items_run_together_in_one_paragraph_are_split()
    {
        var f = Figures("一是进展较快的项目。1、建设口袋公园项目，全市总进度完成 55%。2、改造背街小巷项目，全市总进度完成 47.5%。");
        Assert.Equal(2, f.Count);
        Assert.Equal("建设口袋公园项目", f[0].Project);
        Assert.Equal("改造背街小巷项目", f[1].Project);
    }

    [Fact]
    public void Sections_about_problems_and_next_steps_give_no_figures()
    {
        var f = Figures("（1）新建停车泊位 500 个。已建成 200 个，完成全年任务的 40%。", "二、存在问题", "1. 验收进度偏慢。仅 3 个项目完成验收，验收率 30%。");
        Assert.Single(f);
    }

    [Fact]
    public void Every_figure_points_at_its_source_text()
    {
        var result = Synthetic.Bulletin("醴陵市", "（1）新建村级文化广场 40 个。已建成 18 个，完成全年任务的 45%。");
        var document = Synthetic.Document("醴陵市民生实事工作专报", "第5期", "2025年6月30日", "【工作进度】", "（1）新建村级文化广场 40 个。已建成 18 个，完成全年任务的 45%。");
        var f = Assert.Single(result.Figures);
        string span = document.FullText[f.Start..f.End];
        Assert.Contains("18", span);
        Assert.Contains("45%", span);
        Assert.Contains("已建成 18 个", f.Sentence);
    }

    [Theory]
    [InlineData("（2）城区燃气管网改造。全市计划改造老旧燃气管网 64 公里，已完成 48 公里，完成率 75%。")]
    [InlineData("（2）城区燃气管网改造。年度目标改造老旧燃气管网 64 公里，已改造 48 公里，进度 75%。")]
    [InlineData("（2）城区燃气管网改造。老旧燃气管网改造任务 64 公里，已完成 48 公里，完成率 75%。")]
    public void A_clause_opening_with_the_plan_states_the_target(string sentence)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal((64.0, 48.0, "公里", 75.0), (f.Target!.Value, f.Actual!.Value, f.Unit, f.Percent!.Value));
        Assert.Equal("城区燃气管网改造", f.Indicator);
    }

    [Fact]
    public void A_goal_met_without_a_number_done_keeps_only_the_target()
    {
        var f = Assert.Single(Figures("（4）标准化考点建设。目标新建改造标准化考点 8 个，已全部完工。"));
        Assert.Equal((8.0, "个"), (f.Target!.Value, f.Unit));
        Assert.Null(f.Actual);
        Assert.Equal("标准化考点建设", f.Indicator);
    }

    [Fact]
    public void Each_percentage_of_a_breakdown_belongs_to_the_region_before_it()
    {
        var f = Synthetic.Bulletin("株洲市", "（1）农村户厕改造。全市完成改厕 1.1 万户，完成年度任务的 55%，其中攸县 70.5%、茶陵县 66.2%、炎陵县 41%。").Figures;
        Assert.Contains(f, x => x.Region == "株洲市" && x.Actual == 11000 && x.Percent == 55);
        Assert.Contains(f, x => x.Region == "攸县" && x.Percent == 70.5);
        Assert.Contains(f, x => x.Region == "茶陵县" && x.Percent == 66.2);
        Assert.Contains(f, x => x.Region == "炎陵县" && x.Percent == 41);
        Assert.Equal(4, f.Count);
    }

    [Fact]
    public void Towns_of_a_county_own_their_percentages()
    {
        var f = Figures("（6）农村饮水提质。已完成 30 处，完成率 60%，其中浦口街道 80%、沩山镇 45%。");
        Assert.Contains(f, x => x.Region == "浦口街道" && x.Percent == 80);
        Assert.Contains(f, x => x.Region == "沩山镇" && x.Percent == 45);
    }

    [Fact]
    public void A_point_paragraph_names_each_project_in_its_own_sentence()
    {
        var f = Synthetic.Bulletin("醴陵市", "二是社会保障稳步推进。困难群众临时救助目标任务 900 人次，已救助 610 人次，完成率 67.8%；"
            + "城乡居民医保参保已参保 52.3 万人，完成年度任务的 96%。改善养老服务设施，已新建村级互助养老点 14 个，完成年度任务的 70%。").Figures;
        Assert.Contains(f, x => x.Project == "困难群众临时救助" && x.Target == 900 && x.Actual == 610);
        // FigureNamer: the subject before the verb (参保) is the project.
        Assert.Contains(f, x => x.Project == "城乡居民医保" && x.Actual == 523000 && x.Percent == 96);
        Assert.Contains(f, x => x.Project == "改善养老服务设施" && x.Indicator.Contains("互助养老点") && x.Actual == 14);
    }

    [Fact]
    public void A_verb_left_of_a_paired_amount_is_not_its_indicator()
    {
        var f = Figures("（5）兜底保障。失能老人照护床位改造目标任务 300 张，已完工 240 张，完成率 80%；特困供养设施提升任务数 6 所，已完成 3 所，完成率 50%。");
        Assert.Contains(f, x => x.Indicator == "失能老人照护床位改造" && x.Target == 300 && x.Actual == 240);
        Assert.Contains(f, x => x.Indicator == "特困供养设施提升" && x.Target == 6 && x.Actual == 3);
    }

    [Fact]
    public void High_standard_farmland_is_a_project_not_a_standard_level()
    {
        var f = Assert.Single(Figures("（7）高标准农田建设。已建成高标准农田 3.2 万亩，完成全年任务的 64%。"));
        Assert.Equal((32000.0, 64.0), (f.Actual!.Value, f.Percent!.Value));
        Assert.Null(f.Target);
    }

    [Fact]
    public void An_item_number_followed_by_an_amount_is_still_an_item_number()
    {
        var f = Figures("1. 新建社区食堂。目标 20 个，已建成 12 个，进度 60%。", "2. 65 岁以上老年人健康体检。目标 3 万人，完成 2.4 万人，进度 80%。");
        Assert.Contains(f, x => x.Project == "新建社区食堂" && x.Target == 20 && x.Actual == 12);
        Assert.Contains(f, x => x.Project == "65岁以上老年人健康体检" && x.Target == 30000 && x.Actual == 24000);
    }

    [Fact]
    public void A_clause_under_a_goal_label_is_the_target()
    {
        var f = Assert.Single(Figures("（8）新建口袋公园。年度目标：新建口袋公园 12 个；已建成 9 个，完成率 75%。"));
        Assert.Equal((12.0, 9.0, 75.0), (f.Target!.Value, f.Actual!.Value, f.Percent!.Value));
    }

    [Theory]
    [InlineData("二、市定民生实事", "市级")]
    [InlineData("三、县委县政府十件民生实事", "县级")]
    [InlineData("一、省定重点民生实事项目", "省级")]
    public void Lists_named_by_who_decided_them_have_their_tier(string heading, string tier)
    {
        var f = Assert.Single(Synthetic.Bulletin("醴陵市", heading, "1.新建公共厕所。已建成 6 座，完成率 60%。").Figures);
        Assert.Equal(tier, f.Tier);
    }

    [Fact]
    public void A_percentage_right_after_a_regions_amount_is_that_regions()
    {
        var f = Synthetic.Bulletin("株洲市", "（3）农村危房改造。全年改造任务 900 户，已竣工 720 户，竣工率 80%。其中，攸县完成 300 户，完成率 92%；茶陵县完成 260 户，完成率 81%。").Figures;
        Assert.Contains(f, x => x.Region == "株洲市" && x.Target == 900 && x.Actual == 720 && x.Percent == 80);
        Assert.Contains(f, x => x.Region == "攸县" && x.Actual == 300 && x.Percent == 92);
        Assert.Contains(f, x => x.Region == "茶陵县" && x.Actual == 260 && x.Percent == 81);
        Assert.DoesNotContain(f, x => x.Region == "株洲市" && x.Percent is 92 or 81);
    }

    [Fact]
    public void A_regions_own_paragraph_in_a_progress_section_is_that_regions_progress()
    {
        var f = Synthetic.Bulletin("株洲市", "攸县：新建城市书房 6 处，完成率 100%。", "茶陵县：改造农贸市场 4 个，已完成 3 个，完成率 75%。").Figures;
        // Named by FigureNamer as every figure is: the thing built is the project, the verb phrase the indicator.
        Assert.Contains(f, x => x.Region == "攸县" && x.Project == "城市书房" && x.Indicator == "新建城市书房" && x.Actual == 6 && x.Percent == 100);
        Assert.Contains(f, x => x.Region == "茶陵县" && x.Project == "农贸市场" && x.Indicator == "改造农贸市场" && x.Actual == 3 && x.Percent == 75);
        Assert.All(f, x => Assert.NotEqual("株洲市", x.Region));
    }

    [Fact]
    public void Region_paragraphs_under_an_item_report_on_that_item()
    {
        var f = Synthetic.Bulletin("株洲市", "（二）农村户厕改造。全市已完成 8600 户。", "攸县：完成 2100 户，完成率 84%。", "茶陵县：完成 1900 户，完成率 76%。").Figures;
        Assert.Contains(f, x => x.Region == "株洲市" && x.Actual == 8600);
        Assert.Contains(f, x => x.Region == "攸县" && x.Project == "农村户厕改造" && x.Actual == 2100 && x.Percent == 84);
        Assert.Contains(f, x => x.Region == "茶陵县" && x.Project == "农村户厕改造" && x.Actual == 1900 && x.Percent == 76);
    }

    [Theory]
    [InlineData("（1）新增城镇就业。全市新增城镇就业 2140 人，完成年度目标任务 3000 人的 71.3%。", 3000.0, 2140.0, 71.3)]
    [InlineData("（1）污水管网改造。改造污水管网 9.3 公里，完成年度计划（12 公里）的 77.5%。", 12.0, 9.3, 77.5)]
    public void A_goal_amount_inside_the_completion_cue_is_the_target(string sentence, double target, double actual, double percent)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal((target, actual, percent), (f.Target!.Value, f.Actual!.Value, f.Percent!.Value));
    }

    [Fact]
    public void A_goal_in_a_sentence_of_its_own_is_the_target_of_the_progress_after_it()
    {
        var f = Assert.Single(Figures("（4）新建公共充电桩。今年计划新建公共充电桩 180 个。目前已建成 126 个，完成年度计划的 70%。"));
        Assert.Equal((180.0, 126.0, "个", 70.0), (f.Target!.Value, f.Actual!.Value, f.Unit, f.Percent!.Value));
    }

    [Fact]
    public void Items_under_a_chapter_that_names_the_tier_keep_it_whatever_their_title()
    {
        var f = Assert.Single(Synthetic.Bulletin("醴陵市", "一、省级重点民生实事",
            "（一）城乡公共文化服务体系提质和数字化建设。已建成数字文化驿站 14 个，完成率 70%。").Figures);
        Assert.Equal("省级", f.Tier);
    }

    [Fact]
    public void Investment_against_the_planned_investment_pairs_target_and_actual()
    {
        var f = Assert.Single(Figures("（2）城镇燃气管网更新。累计完成投资 1.8 亿元，占年度计划投资 2.4 亿元的 75%。"));
        Assert.Equal((240000000.0, 180000000.0, "元", 75.0), (f.Target!.Value, f.Actual!.Value, f.Unit, f.Percent!.Value));
    }

    [Fact]
    public void A_paired_amount_done_takes_the_tasks_words_when_its_own_are_only_a_verb()
    {
        var f = Figures("（3）人行道修复。新建盲道 3200 米，完成 2400 米，完成率 75%；修复人行道 8000 平方米，已建成 6000 平方米，完成率 75%。");
        Assert.Contains(f, x => x.Target == 8000 && x.Actual == 6000 && x.Indicator.Contains("人行道"));
    }

    [Fact]
    public void Plan_standards_per_person_and_month_keep_the_period_and_a_clean_name()
    {
        var f = Synthetic.Plan("醴陵市", "（2）提高特困供养标准。城市特困人员供养标准提高到每人每月 1100 元，农村新建互助养老点 12 个。").Figures;
        Assert.Contains(f, x => x.Target == 1100 && x.Unit == "元/月" && x.Indicator == "城市特困人员供养标准" && x.Actual is null);
        Assert.Contains(f, x => x.Target == 12 && x.Unit == "个" && !x.Indicator.Contains("12"));
    }
}
