namespace BulletinIngest.Extraction.Regions;

/// <summary>
/// The gazetteer's places by the pinyin of their names, as archives name files (yancheng → 盐城市, huichang → 会昌县,
/// guangxi → 广西壮族自治区): each place under every toneless spelling of its stem (盐城) and of its full name
/// (盐城市, so peixian → 沛县, whose stem is one character), ü spelled v or u (lvliang, luliang → 吕梁市), and the official
/// spellings that are no pinyin (shaanxi → 陕西省, models/regions/path-spellings.tsv). The readings are
/// models/regions/pinyin.tsv (scripts/build_pinyin.py); the index is built once per gazetteer, on first use.
/// </summary>
public sealed class PinyinNames
{
    private readonly Dictionary<string, List<Place>> _places = new(StringComparer.Ordinal);

    private PinyinNames(Gazetteer gazetteer)
    {
        var readings = Readings.Value;
        var spelling = new System.Text.StringBuilder();
        foreach (var place in gazetteer.Places)
        {
            string plain = RegionNames.WithoutEthnicNames(place.Name);
            if (RegionNames.Stem(place.Name) is { } stem) Spell(stem, 0, spelling, readings, place);
            Spell(place.Name, 0, spelling, readings, place);
            if (plain != place.Name) Spell(plain, 0, spelling, readings, place);
        }
        // A listed spelling names just the places listed for it (shanxi is 山西省 only: 陕西 is spelled shaanxi).
        foreach (var spelled in Learning.TsvFile.Read(ModelFiles.PathOf("regions/path-spellings.tsv")).GroupBy(row => row["spelling"]))
            _places[spelled.Key] = spelled.SelectMany(row => row["place"] == Gazetteer.Nation.Name ? [Gazetteer.Nation] : gazetteer.PlacesNamed(row["place"]))
                .Distinct().ToList();
    }

    /// <summary>Adds the place under every spelling of <paramref name="name"/> from its character <paramref name="at"/> on.</summary>
    private void Spell(string name, int at, System.Text.StringBuilder spelling, Dictionary<char, string[]> readings, Place place)
    {
        if (at == name.Length)
        {
            string key = spelling.ToString();
            if (!_places.TryGetValue(key, out var list)) _places[key] = list = [];
            if (!list.Contains(place)) list.Add(place);
            return;
        }
        if (!readings.TryGetValue(name[at], out var options)) return;
        int length = spelling.Length;
        foreach (var reading in options)
        {
            spelling.Append(reading);
            Spell(name, at + 1, spelling, readings, place);
            spelling.Length = length;
        }
    }

    /// <summary>The places a whole pinyin word (lower case, no tones) may name; empty for none.</summary>
    public IReadOnlyList<Place> PlacesSpelled(string pinyin) => _places.GetValueOrDefault(pinyin) ?? [];

    /// <summary>The toneless spellings of a Chinese word (every reading of each character), none if a character has no reading.</summary>
    public static IEnumerable<string> Spellings(string word) => Spellings(word, Readings.Value);

    private static IEnumerable<string> Spellings(string word, Dictionary<char, string[]> readings)
    {
        IEnumerable<string> spelled = [""];
        foreach (char c in word)
        {
            if (!readings.TryGetValue(c, out var options)) return [];
            spelled = spelled.SelectMany(prefix => options.Select(o => prefix + o)).ToList();
        }
        return spelled;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Gazetteer, PinyinNames> Indexes = [];

    /// <summary>The index of a gazetteer, built on first use.</summary>
    public static PinyinNames Of(Gazetteer gazetteer) => Indexes.GetValue(gazetteer, g => new PinyinNames(g));

    /// <summary>Each character's readings; ü, written v in the table, also as u (吕 lv, lu).</summary>
    private static readonly Lazy<Dictionary<char, string[]>> Readings = new(() =>
        Learning.TsvFile.Read(ModelFiles.PathOf("regions/pinyin.tsv"))
            .ToDictionary(row => row["char"][0], row => row["readings"].Split(',')
                .SelectMany(r => r.Contains('v') ? new[] { r, r.Replace('v', 'u') } : [r]).Distinct().ToArray()));
}
