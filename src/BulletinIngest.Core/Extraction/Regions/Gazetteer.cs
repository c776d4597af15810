namespace BulletinIngest.Extraction.Regions;

/// <summary>Nation: the whole country (全国), the region of a national page; no division of the gazetteer has it.</summary>
public enum RegionLevel { Nation, Province, Prefecture, County, Zone }

/// <summary>One administrative division or development zone: its canonical name and the city above it.</summary>
public sealed record Place(string Name, string? Parent, RegionLevel Level, IReadOnlyList<string> Aliases);

/// <summary>
/// China's divisions the extractor knows by name: models/gazetteer.tsv (hand-made: Hunan's divisions, the
/// development zones and management districts bulletins name, aliases such as 经开区) and
/// models/regions-china.tsv (every province-, prefecture- and county-level division of China, built from the
/// statistics bureau's list by scripts/build_regions.py), with the former names old bulletins write (崇明县, 长乐市:
/// models/regions/former-names.tsv) as aliases of the divisions that took their place. A name can be ambiguous (经开区 is in every city,
/// 鼓楼区 in several); <see cref="Resolve"/> picks the place in the issuing city's context.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The whole country (全国): the region of a national page, above every division; not one of <see cref="Places"/>.</summary>
    public static readonly Place Nation = new("全国", null, RegionLevel.Nation, []);

    private readonly Dictionary<string, List<Place>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Place>> _byAlias = new(StringComparer.Ordinal);
    // Names by their first two characters (every name has two or more): a lookup at each index of a text is a few compares.
    private readonly Dictionary<int, string[]> _namesByFirstChars;

    public Gazetteer(IEnumerable<Place> places)
    {
        foreach (var place in places)
        {
            // A later list adds a place only where an earlier one does not know it already, by name or alias.
            bool known = _byName.TryGetValue(place.Name, out var same) && same.Any(p => p.Parent == place.Parent)
                         || _byAlias.TryGetValue(place.Name, out var aliased) && aliased.Any(p => p.Parent == place.Parent);
            if (known) continue;
            if (same is null) _byName[place.Name] = same = [];
            same.Add(place);
            // Written forms derived from the name (镇宁自治县, 黔东南州, 肇庆高新区) count as aliases.
            foreach (var alias in place.Aliases.Concat(RegionNames.WrittenForms(place.Name)).Distinct())
            {
                if (!_byAlias.TryGetValue(alias, out var list)) _byAlias[alias] = list = [];
                list.Add(place);
            }
        }
        // Longest first, so 岳阳县 wins over 岳阳 and 岳阳经开区 over 经开区.
        Names = _byName.Keys.Concat(_byAlias.Keys).Distinct().OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
        _namesByFirstChars = ByFirstChars(Names);
        foreach (var place in Places)
            if (RegionNames.Stem(place.Name) is { } stem && !_byName.ContainsKey(stem) && !_byAlias.ContainsKey(stem))
            {
                if (!_byStem.TryGetValue(stem, out var list)) _byStem[stem] = list = [];
                list.Add(place);
            }
        _stemsByFirstChars = ByFirstChars(_byStem.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
    }

    private static int FirstChars(string text, int index) => text[index] << 16 | text[index + 1];

    /// <summary>Names of two or more characters grouped by their first two, keeping their order (longest first).</summary>
    private static Dictionary<int, string[]> ByFirstChars(IEnumerable<string> names) =>
        names.Where(n => n.Length >= 2).GroupBy(n => FirstChars(n, 0)).ToDictionary(g => g.Key, g => g.ToArray());

    private readonly Dictionary<string, List<Place>> _byStem = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string[]> _stemsByFirstChars;

    /// <summary>Every place a full name or alias may mean (several for 鼓楼区 or 经开区).</summary>
    public IReadOnlyList<Place> PlacesNamed(string name) =>
        _byName.TryGetValue(name, out var exact) ? exact : _byAlias.TryGetValue(name, out var aliased) ? aliased : [];

    /// <summary>
    /// Stems (a name without its suffix: 丹棱, 西安, 广西) that <paramref name="text"/> holds at <paramref name="index"/>,
    /// longest first. Only stems that are no full name or alias; read only where a place is expected (titles, source lines).
    /// </summary>
    public IEnumerable<string> StemsAt(string text, int index)
    {
        if (index + 1 >= text.Length || !_stemsByFirstChars.TryGetValue(FirstChars(text, index), out var stems)) yield break;
        foreach (var stem in stems)
            if (string.CompareOrdinal(text, index, stem, 0, stem.Length) == 0) yield return stem;
    }

    public IReadOnlyList<Place> PlacesWithStem(string stem) => _byStem.GetValueOrDefault(stem) ?? [];

    /// <summary>All names and aliases, longest first.</summary>
    public IReadOnlyList<string> Names { get; }

    public IEnumerable<Place> Places => _byName.Values.SelectMany(p => p);

    /// <summary>The names and aliases that <paramref name="text"/> holds at <paramref name="index"/>, longest first.</summary>
    public IEnumerable<string> NamesAt(string text, int index)
    {
        if (index + 1 >= text.Length || !_namesByFirstChars.TryGetValue(FirstChars(text, index), out var names)) yield break;
        foreach (var name in names)
            if (string.CompareOrdinal(text, index, name, 0, name.Length) == 0) yield return name;
    }

    private static Gazetteer? _default;
    private static readonly object Lock = new();

    /// <summary>The gazetteer in the models folder, loaded once.</summary>
    public static Gazetteer Default
    {
        get
        {
            lock (Lock)
            {
                if (_default is not null) return _default;
                var lines = File.ReadLines(ModelFiles.PathOf("gazetteer.tsv"));
                string national = Path.Combine(ModelFiles.Directory, "regions-china.tsv");
                if (File.Exists(national)) lines = lines.Concat(File.ReadLines(national));
                string former = Path.Combine(ModelFiles.Directory, "regions", "former-names.tsv");
                var places = ParsePlaces(lines);
                return _default = new Gazetteer(WithFormerNames(places, former));
            }
        }
    }

    public static Gazetteer Load(string path) => Parse(File.ReadLines(path));

    public static Gazetteer Parse(IEnumerable<string> lines) => new(ParsePlaces(lines));

    /// <summary>
    /// The places with each former name of the table at <paramref name="path"/> (columns former, current, parent) added
    /// to the aliases of the current division of that parent; a row whose division the list lacks adds nothing.
    /// </summary>
    private static List<Place> WithFormerNames(List<Place> places, string path)
    {
        var former = Learning.TsvFile.Read(path).ToLookup(row => (row["current"], row["parent"]), row => row["former"]);
        return places.Select(p => former[(p.Name, p.Parent ?? "")] is var names && names.Any()
            ? p with { Aliases = [.. p.Aliases, .. names] } : p).ToList();
    }

    private static List<Place> ParsePlaces(IEnumerable<string> lines)
    {
        var places = new List<Place>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < 3) continue;
            var level = cells[2] switch
            {
                "province" => RegionLevel.Province,
                "prefecture" => RegionLevel.Prefecture,
                "zone" => RegionLevel.Zone,
                _ => RegionLevel.County,
            };
            var aliases = cells.Length > 3
                ? cells[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            places.Add(new Place(cells[0], cells[1].Length == 0 ? null : cells[1], level, aliases));
        }
        return places;
    }

    public Place? Find(string canonicalName) => _byName.GetValueOrDefault(canonicalName)?[0];

    /// <summary>The places a place lies in, nearest first (平安区: 海东市, 青海省); a loop in the data ends the walk.</summary>
    public IEnumerable<Place> Ancestors(Place place)
    {
        var seen = new HashSet<string>();
        for (var parent = place.Parent; parent is not null && seen.Add(parent);)
        {
            var up = Find(parent);
            if (up is null) yield break;
            yield return up;
            parent = up.Parent;
        }
    }

    /// <summary>True when <paramref name="inner"/> lies inside <paramref name="outer"/> (平安区 in 海东市, in 青海省).</summary>
    public bool IsWithin(Place inner, Place outer) => Ancestors(inner).Contains(outer);

    /// <summary>
    /// The place a name or alias means when read in a bulletin of <paramref name="context"/>: a place inside
    /// the issuing city (or the issuing place itself, or its parent) before any other place of that name.
    /// A full name that several places share (鼓楼区) without context means the first listed.
    /// </summary>
    public Place? Resolve(string name, Place? context)
    {
        if (_byName.TryGetValue(name, out var exact))
            return exact.Count == 1 || context is null ? exact[0] : InContext(exact, context) ?? exact[0];
        if (!_byAlias.TryGetValue(name, out var candidates)) return null;
        if (candidates.Count == 1) return candidates[0];
        return context is null ? null : InContext(candidates, context) ?? CityZone(name, context);
    }

    /// <summary>
    /// A city's own zone written bare (高新区 in a 福州市 bulletin: 福州高新技术产业开发区) that the gazetteer does not list:
    /// most cities have one of each kind, and a bulletin names it bare only for its own city. Null outside a city's context.
    /// </summary>
    private static Place? CityZone(string name, Place context)
    {
        if (context.Level != RegionLevel.Prefecture || RegionNames.Stem(context.Name) is not { } stem) return null;
        var (longForm, _) = RegionNames.ZoneForms.FirstOrDefault(z => z.Short == name);
        return longForm is null ? null : new Place(stem + longForm, context.Name, RegionLevel.Zone, [stem + name]);
    }

    private static Place? InContext(List<Place> candidates, Place context)
    {
        string city = context.Level is RegionLevel.Prefecture or RegionLevel.Province ? context.Name : context.Parent ?? context.Name;
        return candidates.FirstOrDefault(p => p.Parent == city || p.Name == city);
    }

    /// <summary>True for a name that needs no context to be a place (a full name, not 岳阳 or 经开区).</summary>
    public bool IsFullName(string name) => _byName.ContainsKey(name);
}
