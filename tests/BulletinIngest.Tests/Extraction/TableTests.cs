using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Tables;

namespace BulletinIngest.Tests.Extraction;

public class TableTests
{
    private static IReadOnlyList<Figure> Table(params string[] rows) => Synthetic.Bulletin("衡阳县", rows).Figures;

    [Fact]
    public void Header_maps_columns_to_roles()
    {
        var f = Table(
            "序号\t类别\t项目名称\t责任单位\t任务数\t进度情况\t完成比例",
            "1\t省实事\t新建公共厕所(座)\t城管局\t30\t21\t70.0%",
            "2\t市实事\t培训高素质农民(人)\t农业农村局\t800\t已完成 650 人\t81.3%");
        Assert.Equal(2, f.Count);
        Assert.Equal(("新建公共厕所", 30.0, 21.0, "座", 70.0, "省级"), (f[0].Project, f[0].Target!.Value, f[0].Actual!.Value, f[0].Unit, f[0].Percent!.Value, f[0].Tier));
        Assert.Equal((800.0, 650.0, "人", "市级"), (f[1].Target!.Value, f[1].Actual!.Value, f[1].Unit, f[1].Tier));
    }

    [Fact]
    public void A_scaled_unit_in_the_name_scales_bare_numbers()
    {
        var f = Assert.Single(Table(
            "序号\t项目名称\t任务数\t进度情况\t完成比例",
            "1\t新建高标准农田(万亩)\t2. 4\t1.8\t75%"));
        Assert.Equal((24000.0, 18000.0, "亩"), (f.Target!.Value, f.Actual!.Value, f.Unit));
    }

    [Fact]
    public void Standards_and_prose_cells_are_read_with_care()
    {
        var f = Table(
            "序号\t项目名称\t任务数\t进度情况\t完成比例",
            "1\t特困人员供养标准\t不低于 1050 元/月\t已完成\t100%",
            "2\t改造农村公路(公里)\t45\t路基已完工 3 段，正在铺设面层\t60%");
        Assert.Equal((1050.0, "元/月", 100.0), (f[0].Target!.Value, f[0].Unit, f[0].Percent!.Value));
        Assert.Null(f[0].Actual);
        Assert.Null(f[1].Actual);
        Assert.Equal(45, f[1].Target);
    }

    [Fact]
    public void Damaged_rows_are_repaired_where_the_header_is_clear()
    {
        var f = Table(
            // The last header cell was lost; the column still holds percentages.
            "序号\t类别\t项目名称\t任务数\t进度情况\t",
            // The project name slipped into the category cell.
            "1\t省实事 新建村卫生室(所)\t\t12\t9\t75.0%",
            // The percentage moved one cell left.
            "2\t省实事\t建设应急避难场所(个)\t合同已签订\t50%\t\t");
        Assert.Equal(("新建村卫生室", 12.0, 9.0, 75.0), (f[0].Project, f[0].Target!.Value, f[0].Actual!.Value, f[0].Percent!.Value));
        Assert.Equal(("建设应急避难场所", 50.0), (f[1].Project, f[1].Percent!.Value));
    }

    [Fact]
    public void Cells_merged_by_pdf_extraction_are_split_again()
    {
        var f = Table(
            "序号\t类别\t项目名称\t责任单位\t任务数\t进度情况\t完成比例",
            // Number, category and name ran together at the left edge.
            "3 衡阳市新建口袋公园(个)实事\t\t16\t12\t75.0%",
            // Target and progress ran together; the percentage lost its column.
            "4\t省实事\t改造农村危房(户)\t住建局\t240 180\t75.0%",
            "5\t省实事\t安装路灯(盏)\t\t900已完成 600 盏安装\t66.7%");
        Assert.Equal(("新建口袋公园", 16.0, 12.0, 75.0, "市级"), (f[0].Project, f[0].Target!.Value, f[0].Actual!.Value, f[0].Percent!.Value, f[0].Tier));
        Assert.Equal((240.0, 180.0, 75.0), (f[1].Target!.Value, f[1].Actual!.Value, f[1].Percent!.Value));
        Assert.Equal((900.0, 600.0, "盏"), (f[2].Target!.Value, f[2].Actual!.Value, f[2].Unit));
    }

    [Fact]
    public void Per_county_tables_give_one_figure_per_region()
    {
        var result = Synthetic.Bulletin("衡阳市",
            "2025年各县市区新建村卫生室完成情况",
            "序号\t县市区\t任务数\t完成数\t完成率",
            "1\t衡南县\t120\t84\t70%",
            "2\t耒阳市\t90\t90\t100%",
            "3\t合计\t210\t174\t82.9%");
        // The 合计 row is the issuing city's own figure.
        Assert.Equal(["衡南县", "耒阳市", "衡阳市"], result.Figures.Select(f => f.Region));
        Assert.All(result.Figures, f => Assert.Equal("新建村卫生室", f.Project));
        Assert.Equal((210.0, 174.0), (result.Figures[2].Target!.Value, result.Figures[2].Actual!.Value));
        Assert.Equal((120.0, 84.0, 70.0), (result.Figures[0].Target!.Value, result.Figures[0].Actual!.Value, result.Figures[0].Percent!.Value));
    }

    [Fact]
    public void Columns_are_recognized_from_their_cells_when_the_header_is_vague()
    {
        var result = Synthetic.Bulletin("郴州市",
            "全市农村改厕完成情况",
            "序号\t单位\t年度任务\t累计完成\t完成进度",
            "1\t桂阳县\t1200\t900\t75%",
            "2\t资兴市\t800\t760\t95%");
        Assert.Equal(["桂阳县", "资兴市"], result.Figures.Select(f => f.Region));
        Assert.Equal((1200.0, 900.0, 75.0), (result.Figures[0].Target!.Value, result.Figures[0].Actual!.Value, result.Figures[0].Percent!.Value));
    }

    [Fact]
    public void Paired_amounts_keep_the_pair_the_percentage_agrees_with()
    {
        var f = Assert.Single(Table(
            "序号\t项目名称\t任务数\t进度情况\t完成比例",
            "1\t康复训练(人/次)\t80 人/400 次\t90 人/420 次\t105%"));
        Assert.Equal((400.0, 420.0, "次"), (f.Target!.Value, f.Actual!.Value, f.Unit));
    }

    [Fact]
    public void Tables_without_progress_columns_give_nothing() =>
        Assert.Empty(Table("序号\t责任单位\t考核项目\t3月份\t4月份", "1\t人社局\t稳岗就业\t√\t√"));

    [Fact]
    public void A_per_county_table_under_an_item_takes_the_item_as_its_project_and_units_from_its_header()
    {
        var result = Synthetic.Bulletin("株洲市",
            "（三）农村户厕改造。全市年度任务 1500 户，已完成 1200 户，完成率 80%，各县完成情况如下。",
            "县市区\t任务数（户）\t完成数（户）\t完成率",
            "攸县\t900\t700\t77.8%",
            "茶陵县\t600\t500\t83.3%",
            "合计\t1500\t1200\t80%");
        // The 合计 row repeats the item's own figure: it is not counted twice.
        Assert.Equal(["株洲市", "攸县", "茶陵县"], result.Figures.Select(f => f.Region));
        Assert.All(result.Figures, f => Assert.Equal(("农村户厕改造", "户"), (f.Project, f.Unit)));
        Assert.Equal((900.0, 700.0, 77.8), (result.Figures[1].Target!.Value, result.Figures[1].Actual!.Value, result.Figures[1].Percent!.Value));
    }

    [Fact]
    public void A_scaled_unit_in_a_column_header_scales_that_column()
    {
        var result = Synthetic.Bulletin("株洲市",
            "各县市区农村劳动力转移就业情况",
            "县市区\t年度目标（万人）\t完成数（万人）\t完成率",
            "醴陵市\t1.2\t0.9\t75%");
        var f = Assert.Single(result.Figures);
        Assert.Equal((12000.0, 9000.0, "人"), (f.Target!.Value, f.Actual!.Value, f.Unit));
    }

    [Fact]
    public void A_total_row_completes_the_text_figure_it_repeats()
    {
        var result = Synthetic.Bulletin("株洲市",
            "1.城镇新增就业。全市新增就业 2.4 万人，完成年度目标的 60%。",
            "附表：各县市区城镇新增就业完成情况",
            "县市区\t年度目标（人）\t完成数（人）\t完成率",
            "攸县\t8000\t5000\t62.5%",
            "全市\t40000\t24000\t60%");
        var city = Assert.Single(result.Figures, f => f.Region == "株洲市");
        Assert.Equal((40000.0, 24000.0, 60.0), (city.Target!.Value, city.Actual!.Value, city.Percent!.Value));
        Assert.Equal(2, result.Figures.Count);
    }

    [Fact]
    public void Town_rows_of_a_county_table_are_regions()
    {
        var result = Synthetic.Bulletin("攸县",
            "（二）适老化改造。各乡镇完成情况见下表。",
            "乡镇（街道）\t任务数\t完成数\t完成率",
            "联星街道\t40\t30\t75%",
            "网岭镇\t20\t10\t50%");
        Assert.Equal(["联星街道", "网岭镇"], result.Figures.Select(f => f.Region));
    }

    [Fact]
    public void A_unit_column_and_a_percent_sign_in_the_header_are_read()
    {
        var f = Table(
            "序号\t项目名称\t计量单位\t年度目标\t累计完成\t完成率（%）",
            "1\t新建社区卫生服务站\t个\t8\t6\t75",
            "2\t发放助学补助\t万元\t120\t90\t75");
        Assert.Equal((8.0, 6.0, "个", 75.0), (f[0].Target!.Value, f[0].Actual!.Value, f[0].Unit, f[0].Percent!.Value));
        Assert.Equal((1200000.0, 900000.0, "元", 75.0), (f[1].Target!.Value, f[1].Actual!.Value, f[1].Unit, f[1].Percent!.Value));
    }

    [Fact]
    public void A_unit_column_beside_an_owner_column_and_a_plain_progress_header_are_read()
    {
        var f = Table(
            "序号\t项目名称\t责任单位\t单位\t年度目标\t截至8月底完成\t完成率",
            "1\t新建社区体育公园\t城管局\t个\t4\t3\t75%",
            "2\t培训高素质农民\t农业农村局\t万人\t0.5\t0.4\t80%",
            "合计\t—\t—\t—\t—\t—\t—");
        Assert.Equal(2, f.Count);
        Assert.Equal((4.0, 3.0, "个"), (f[0].Target!.Value, f[0].Actual!.Value, f[0].Unit));
        Assert.Equal((5000.0, 4000.0, "人"), (f[1].Target!.Value, f[1].Actual!.Value, f[1].Unit));
    }

    [Fact]
    public void Each_header_word_example_takes_its_role()
    {
        // models/rules/table-headers.tsv: word, role, example "header cell: a cell below it".
        var vocabulary = HeaderVocabulary.Default;
        var wrong = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "models", "rules", "table-headers.tsv")).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var fields = line.Split('\t');
            string header = fields[2][..fields[2].IndexOf(": ", StringComparison.Ordinal)];
            var expected = HeaderVocabulary.ParseRole(fields[1]);
            if (vocabulary.RoleOf(header) != expected) wrong.Add($"{header}: {vocabulary.RoleOf(header)}, expected {expected}");
        }
        Assert.Empty(wrong);
    }
}
