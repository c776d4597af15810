using BulletinIngest.Analysis;
using BulletinIngest.Analysis.Flags;
using Dapper;

namespace BulletinIngest.Tests.Analysis;

public sealed class GoldLabelTests : IDisposable
{
    private readonly SyntheticArchive _archive = new();
    private readonly IReadOnlyList<GoldLabels.GoldFigure> _gold;

    public GoldLabelTests()
    {
        _gold = GoldLabels.Fill(_archive);
        FlagAnalysis.Refresh(_archive.Store.Connection);
    }

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void The_percent_check_marks_exactly_the_figures_the_gold_labels_mark_inconsistent()
    {
        var marked = _archive.Store.Connection.Query<(string Doc, string Project, string Indicator, string Region, bool Inconsistent)>(
            "SELECT d.name, f.project, f.indicator, f.region, f.inconsistent FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY f.id").ToList();
        Assert.Equal(_gold.Count, marked.Count);
        Assert.Contains(_gold, g => g.Inconsistent);
        var expected = _gold.Select(g => $"{g.Doc} {g.Region} {g.Indicator} {g.Inconsistent}");
        var actual = marked.Select(m => $"{m.Doc} {m.Region} {m.Indicator} {m.Inconsistent}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compare_lines_up_a_project_across_the_samples_counties_and_years()
    {
        var rows = new Comparison(AnalysisFigure.Load(_archive.Store.Connection)).ForProject("城镇就业");
        string seen = string.Join("; ", rows.Select(r => $"{r.Year} {r.Region} {r.Project}"));
        Assert.True(rows.Select(r => r.RegionKeyOf()).Distinct().Count() >= 2, seen);
        Assert.True(rows.GroupBy(r => r.RegionKeyOf()).Any(region => region.Select(r => r.Year).Distinct().Count() >= 2), seen);
        Assert.All(rows.GroupBy(r => (r.Year, r.Peers)), peers => Assert.Equal(Enumerable.Range(1, peers.Count()), peers.Select(r => r.Rank)));
    }
}

internal static class ComparisonRowKeys
{
    public static string RegionKeyOf(this ComparisonRow row) => Names.RegionKey(row.Region);
}
