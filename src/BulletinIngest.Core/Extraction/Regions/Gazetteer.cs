namespace BulletinIngest.Extraction.Regions;

public enum RegionLevel { Province, Prefecture, County, Zone }

/// <summary>One administrative division or development zone: its canonical name and the city above it.</summary>
public sealed record Place(string Name, string? Parent, RegionLevel Level, IReadOnlyList<string> Aliases);

/// <summary>
/// China's divisions the extractor knows by name (models/gazetteer.tsv: every county-level division and
/// the development zones and management districts of Hunan, with aliases). A name can be ambiguous
/// (经开区 is in every city); <see cref="Resolve"/> picks the place in the issuing city's context.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Place> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Place>> _byAlias = new(StringComparer.Ordinal);

    public Gazetteer(IEnumerable<Place> places)
    {
        foreach (var place in places)
        {
            _byName[place.Name] = place;
            foreach (var alias in place.Aliases)
            {
                if (!_byAlias.TryGetValue(alias, out var list)) _byAlias[alias] = list = [];
                list.Add(place);
            }
        }
        // Longest first, so 岳阳县 wins over 岳阳 and 岳阳经开区 over 经开区.
        Names = _byName.Keys.Concat(_byAlias.Keys).Distinct().OrderByDescending(n => n.Length).ToArray();
        _byFirstChar = Names.GroupBy(n => n[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    private readonly Dictionary<char, string[]> _byFirstChar;

    /// <summary>The names and aliases that start with a character, longest first (a sentence is scanned a character at a time).</summary>
    public IReadOnlyList<string> NamesStartingWith(char first) => _byFirstChar.GetValueOrDefault(first) ?? [];

    /// <summary>All names and aliases, longest first.</summary>
    public IReadOnlyList<string> Names { get; }

    public IEnumerable<Place> Places => _byName.Values;

    private static Gazetteer? _default;
    private static readonly object Lock = new();

    /// <summary>The gazetteer in the models folder, loaded once.</summary>
    public static Gazetteer Default
    {
        get
        {
            lock (Lock) return _default ??= Load(ModelFiles.PathOf("gazetteer.tsv"));
        }
    }

    public static Gazetteer Load(string path) => Parse(File.ReadLines(path));

    public static Gazetteer Parse(IEnumerable<string> lines)
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
        return new Gazetteer(places);
    }

    public Place? Find(string canonicalName) => _byName.GetValueOrDefault(canonicalName);

    /// <summary>
    /// The place a name or alias means when read in a bulletin of <paramref name="context"/>: a place inside
    /// the issuing city (or the issuing place itself, or its parent) before any other place of that name.
    /// </summary>
    public Place? Resolve(string name, Place? context)
    {
        if (_byName.TryGetValue(name, out var exact)) return exact;
        if (!_byAlias.TryGetValue(name, out var candidates)) return null;
        if (candidates.Count == 1) return candidates[0];
        if (context is null) return null;
        string city = context.Level is RegionLevel.Prefecture or RegionLevel.Province ? context.Name : context.Parent ?? context.Name;
        return candidates.FirstOrDefault(p => p.Parent == city || p.Name == city) ?? null;
    }

    /// <summary>True for a name that needs no context to be a place (a full name, not 岳阳 or 经开区).</summary>
    public bool IsFullName(string name) => _byName.ContainsKey(name);
}
