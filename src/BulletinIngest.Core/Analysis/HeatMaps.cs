using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Analysis;

/// <summary>One heat map: a city's projects (rows) × the city and its counties (columns) in one year.</summary>
public sealed record HeatMap(string City, int? Year, IReadOnlyList<HeatMapColumn> Regions, IReadOnlyList<HeatMapRow> Rows);

/// <summary>A column: one place (屈原区 and 屈原管理区 are one), labelled with the spelling most of its figures use.</summary>
public sealed record HeatMapColumn(string Key, string Label);

/// <summary>A project's row: each column's standing (as `bulletin compare` gives it), or null where the place has none.</summary>
public sealed record HeatMapRow(string ProjectKey, string Project, IReadOnlyList<ComparisonRow?> Cells);

/// <summary>
/// The completion heat maps the report and the web app show: one per city and year, over the standings that have
/// a percent; the city's column first, then places and projects by mean completion, lowest first.
/// </summary>
public static class HeatMaps
{
    public static IReadOnlyList<HeatMap> Build(IReadOnlyList<ComparisonRow> standings, CityOfFigure cities) =>
        standings.Where(r => r.Percent is not null)
            .GroupBy(r => cities.Of(r.FigureId))
            .OrderBy(g => g.Key == CityOfFigure.OtherRegions).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(city => city.GroupBy(r => r.Year).OrderByDescending(g => g.Key).Select(year => Map(city.Key, year.Key, year.ToList())))
            .ToList();

    private static HeatMap Map(string city, int? year, List<ComparisonRow> rows)
    {
        string cityKey = Names.RegionKey(city);
        var regions = rows.GroupBy(r => Names.RegionKey(r.Region))
            .Select(g => (Column: new HeatMapColumn(g.Key, g.GroupBy(r => r.Region).OrderByDescending(n => n.Count()).First().Key),
                          Mean: g.Average(r => r.Percent!.Value)))
            .OrderBy(g => g.Column.Key == cityKey ? 0 : 1).ThenBy(g => g.Mean).ThenBy(g => g.Column.Key, StringComparer.Ordinal)
            .Select(g => g.Column).ToList();
        var projects = rows.GroupBy(r => r.ProjectKey)
            .OrderBy(g => g.Average(r => r.Percent!.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(project =>
            {
                var byRegion = project.GroupBy(r => Names.RegionKey(r.Region)).ToDictionary(g => g.Key, g => g.First());
                return new HeatMapRow(project.Key, project.First().Project, regions.Select(c => byRegion.GetValueOrDefault(c.Key)).ToList());
            }).ToList();
        return new HeatMap(city, year, regions, projects);
    }
}

/// <summary>
/// The city (prefecture) a figure's region belongs to, for grouping heat maps: the issuing city when a city's
/// bulletin lists the region, else the issuing document's parent region, else the gazetteer's, else the region
/// itself when it is a city; a figure of no known place goes to <see cref="OtherRegions"/>.
/// </summary>
public sealed class CityOfFigure
{
    /// <summary>Where the figures of no known city go.</summary>
    public const string OtherRegions = "其他地区";

    private readonly Dictionary<long, string> _byFigure = new();

    /// <param name="parentOfDocument">Each document's parent region (documents.parent_region).</param>
    public CityOfFigure(IReadOnlyList<AnalysisFigure> figures, IReadOnlyDictionary<long, string?> parentOfDocument)
    {
        var gazetteer = Gazetteer.Default;
        // A region a city's bulletin reports on belongs to that city (also for places the gazetteer does not know).
        var listedBy = figures.Where(f => f.IssuingRegion is not null && f.RegionKey != Names.RegionKey(f.IssuingRegion)
                                          && gazetteer.Find(f.IssuingRegion)?.Level is not RegionLevel.Province)
            .GroupBy(f => f.RegionKey).ToDictionary(g => g.Key, g => g.First().IssuingRegion!);
        foreach (var figure in figures)
        {
            var place = gazetteer.Find(figure.Region);
            string city = figure.Region == RegionNames.Unknown ? OtherRegions
                : place?.Level is RegionLevel.Prefecture or RegionLevel.Province ? figure.Region
                : listedBy.GetValueOrDefault(figure.RegionKey)
                  ?? (figure.RegionKey == Names.RegionKey(figure.IssuingRegion) ? parentOfDocument.GetValueOrDefault(figure.DocumentId) : null)
                  ?? place?.Parent
                  ?? (listedBy.ContainsValue(figure.Region) ? figure.Region : OtherRegions);
            _byFigure[figure.Id] = city;
        }
    }

    public string Of(long figureId) => _byFigure.GetValueOrDefault(figureId, OtherRegions);
}
