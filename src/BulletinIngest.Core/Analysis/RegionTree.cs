using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Analysis;

/// <summary>
/// Which place lies inside which, for "a region includes its counties" everywhere (`--region 岳阳市` covers 汨罗市)
/// and for ranking peers (the counties of one city, the cities of one province). A place's parent is the
/// gazetteer's; for a place the gazetteer does not know, the region whose bulletins report it as a sub-region.
/// </summary>
public sealed class RegionTree
{
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, string> _observedParents;
    private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);

    private RegionTree(Gazetteer gazetteer, Dictionary<string, string> observedParents) =>
        (_gazetteer, _observedParents) = (gazetteer, observedParents);

    /// <summary>The tree for these figures: the gazetteer, plus the issuing region of the documents that report an unknown place.</summary>
    public static RegionTree From(IEnumerable<AnalysisFigure> figures, Gazetteer? gazetteer = null)
    {
        gazetteer ??= Gazetteer.Default;
        var observed = figures
            .Where(f => f.IssuingRegion is not null && f.Region != f.IssuingRegion && gazetteer.Find(f.Region) is null)
            .GroupBy(f => f.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.IssuingRegion!).OrderByDescending(i => i.Count()).First().Key, StringComparer.Ordinal);
        return new RegionTree(gazetteer, observed);
    }

    /// <summary>The place directly above a region (a county's city, a city's province), or null when unknown.</summary>
    public string? Parent(string region)
    {
        if (_parents.TryGetValue(region, out var known)) return known;
        string? parent = _gazetteer.Find(region)?.Parent ?? _observedParents.GetValueOrDefault(region);
        return _parents[region] = parent == region ? null : parent;
    }

    /// <summary>
    /// Whether the analyst's region <paramref name="scope"/> (any spelling: 岳阳, 屈原区) is the region itself or
    /// a place above it. A null scope covers everything.
    /// </summary>
    public bool Covers(string? scope, string? region)
    {
        if (scope is null) return true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? place = region; place is not null && seen.Add(place); place = Parent(place))
            if (Names.RegionMatches(scope, place)) return true;
        return false;
    }
}
