using BulletinIngest.Analysis;

namespace BulletinIngest.Tests.Analysis;

public sealed class ComparisonTests : IDisposable
{
    private readonly SyntheticArchive _archive = new();
    private readonly IReadOnlyList<AnalysisFigure> _figures;

    public ComparisonTests()
    {
        SyntheticSeries.Fill(_archive);
        _figures = AnalysisFigure.Load(_archive.Store.Connection);
    }

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void Compare_gives_each_region_its_latest_issue_ranked_among_its_peers_with_laggards_against_the_schedule()
    {
        var rows = new Comparison(_figures).ForProject("新增城镇就业", 2025);
        // Every region once; ranks restart in each group of peers (regions with the same place above them).
        Assert.Equal(new[] { "临江区", "石门县", "桃源县", "青川市" }.Order(StringComparer.Ordinal), rows.Select(r => r.Region).Order(StringComparer.Ordinal));
        foreach (var peers in rows.GroupBy(r => r.Peers))
            Assert.Equal(Enumerable.Range(1, peers.Count()), peers.Select(r => r.Rank));
        // 石门县 and 桃源县 are counties of one city (the gazetteer's 常德市): ranked against each other, by percent.
        var county = rows.Single(r => r.Region == "石门县");
        var neighbour = rows.Single(r => r.Region == "桃源县");
        Assert.Equal(county.Peers, neighbour.Peers);
        Assert.Equal(1, rows.Single(r => r.Region == "青川市").Rank);   // the invented city has no peers
        Assert.Equal("2025-06-30", county.AsOf);
        Assert.Equal(20, county.Percent);
        Assert.Equal(181 * 100.0 / 365, county.Schedule!.Value, 6);
        Assert.True(county.Lagging);
        Assert.Null(neighbour.Lagging);   // no percent, no target: cannot tell
        Assert.Equal(2, neighbour.Rank);
    }

    [Fact]
    public void A_missing_target_comes_from_the_year_plan_and_the_percent_from_it_when_unstated()
    {
        var row = Assert.Single(new Comparison(_figures).ForProject("高标准农田"));
        Assert.Equal(20000, row.Target);
        Assert.StartsWith("plan 010_plan.txt", row.TargetSource);
        Assert.Equal(40, row.Percent);
        Assert.False(row.PercentComputed);
    }

    [Fact]
    public void A_canonical_id_lines_up_differently_worded_projects()
    {
        using var archive = new SyntheticArchive();
        archive.Add("a.txt", "东县", "bulletin", "2025-09-30", 5,
            new Stated("东县", "城镇新增就业", "城镇新增就业1000人，完成800人，完成率80%。", 1000, 800, "人", 80, CanonicalId: "P-就业"));
        archive.Add("b.txt", "西县", "bulletin", "2025-09-30", 5,
            new Stated("西县", "统筹推进城乡就业", "统筹推进城乡就业：完成新增城镇就业600人，完成率60%。", Actual: 600, Unit: "人", Percent: 60, CanonicalId: "P-就业"),
            new Stated("西县", "城镇新增就业培训", "城镇新增就业培训100人，完成率90%。", 100, 90, "人", 90));
        var rows = new Comparison(AnalysisFigure.Load(archive.Store.Connection)).ForProject("p-就业");
        Assert.Equal(["东县", "西县"], rows.Select(r => r.Region));
        Assert.Equal([80.0, 60.0], rows.Select(r => r.Percent!.Value));
        Assert.Equal([false, true], rows.Select(r => r.Lagging));   // 30 September: schedule 74.8%
    }

    [Theory]
    [InlineData(50.0, null, 40.0, false)]
    [InlineData(30.0, null, 40.0, true)]
    [InlineData(70.0, ">", 40.0, false)]
    [InlineData(30.0, ">", 40.0, null)]
    [InlineData(5.0, "<", 40.0, true)]
    public void Lagging_is_below_the_schedule_and_a_bound_only_decides_when_it_can(double percent, string? qualifier, double schedule, bool? lagging)
    {
        Assert.Equal(lagging, Comparison.Lagging(percent, qualifier, schedule));
    }

    [Fact]
    public void Timeline_follows_a_region_oldest_first_with_the_change_since_the_previous_issue()
    {
        var rows = Timeline.For(_figures, "石门", "新增城镇就业");
        // Issue 2 counts once (its .txt; the .pdf rendering is the same bulletin), then the city bulletin's 石门县 row.
        Assert.Equal(["2025-03-01", "2025-04-30", "2025-06-30", "2025-06-30"], rows.Select(r => r.AsOf));
        Assert.Equal(["010_plan.txt", "011_issue1.txt", "012_issue2.txt", "020_city.txt"], rows.Select(r => r.Doc));
        Assert.Equal("plan", rows[0].Kind);
        Assert.Equal("actual -300, percent -10 pts", rows[2].Change);
    }
}
