namespace BulletinIngest.Extraction.Regions;

/// <summary>
/// Place names one character off a gazetteer name, as OCR misreads them (泪罗市 for 汨罗市): a word ending in an
/// administrative suffix that is no known name but differs from one in a single character before the suffix.
/// It is taken for that place only in the document's context: the place itself or the city above it is named
/// correctly elsewhere in the document (汨罗市's 岳阳市), so an ordinary word one character off a far-away
/// county stays as it is. A stem misread the same way (为泪罗高质量发展) is repaired with its name.
/// </summary>
public sealed class NearRegionNames
{
    private const string SuffixChars = "市县区旗盟州省";
    private const int MinLength = 3, MaxLength = 8;

    private readonly Gazetteer _gazetteer;
    // A name with one character (never the suffix) replaced by '\0' → the places whose name that is.
    private readonly Dictionary<string, List<Place>> _byNearKey = new(StringComparer.Ordinal);

    public NearRegionNames(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var place in gazetteer.Places)
        {
            string name = place.Name;
            if (name.Length is < MinLength or > MaxLength || !SuffixChars.Contains(name[^1])) continue;
            for (int j = 0; j < name.Length - 1; j++)
            {
                string key = Key(name, 0, name.Length, j);
                if (!_byNearKey.TryGetValue(key, out var list)) _byNearKey[key] = list = [];
                if (!list.Contains(place)) list.Add(place);
            }
        }
    }

    private static NearRegionNames? _default;
    private static readonly object Lock = new();

    public static NearRegionNames Default
    {
        get { lock (Lock) return _default ??= new NearRegionNames(Gazetteer.Default); }
    }

    /// <summary>The full names (not aliases or stems) that <paramref name="text"/> holds: the context a near name is read in.</summary>
    public HashSet<string> NamedIn(string text)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < text.Length; i++)
            foreach (string name in _gazetteer.NamesAt(text, i))
                if (_gazetteer.IsFullName(name)) named.Add(name);
        return named;
    }

    /// <summary>
    /// The misread names in <paramref name="text"/> and the place each stands for, in <paramref name="named"/>'s
    /// context: (offset, length, the right name). A word that is a known name, or near two places of the context, stays.
    /// </summary>
    public IEnumerable<(int At, string Misread, string Name)> Find(string text, IReadOnlySet<string> named)
    {
        for (int i = 0; i + MinLength <= text.Length; i++)
            for (int length = MinLength; length <= MaxLength && i + length <= text.Length; length++)
            {
                if (!SuffixChars.Contains(text[i + length - 1])) continue;
                string word = text.Substring(i, length);
                if (_gazetteer.IsFullName(word) || _gazetteer.PlacesNamed(word).Count > 0) continue;
                var near = new HashSet<Place>();
                for (int j = 0; j < length - 1; j++)
                    if (_byNearKey.TryGetValue(Key(text, i, length, j), out var places))
                        near.UnionWith(places.Where(p => named.Contains(p.Name) || p.Parent is { } parent && named.Contains(parent)));
                if (near.Select(p => p.Name).Distinct().Count() == 1)
                {
                    yield return (i, word, near.First().Name);
                    i += length - 1;
                    break;
                }
            }
    }

    /// <summary>
    /// Each misread name of <paramref name="text"/> → the right name, and its misread stem → the stem (泪罗 → 汨罗),
    /// so the stem is put right wherever it stands alone too.
    /// </summary>
    public Dictionary<string, string> Misreadings(string text, IReadOnlySet<string> named)
    {
        var misreadings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, misread, name) in Find(text, named))
        {
            misreadings[misread] = name;
            if (RegionNames.Stem(name) is { } stem && stem.Length < misread.Length && misread[..stem.Length] != stem)
                misreadings.TryAdd(misread[..stem.Length], stem);
        }
        return misreadings;
    }

    /// <summary>The text with each misreading replaced, longer ones first (the name before its stem); the same length.</summary>
    public static string Repair(string text, IReadOnlyDictionary<string, string> misreadings)
    {
        if (misreadings.Count == 0) return text;
        var repaired = text.ToCharArray();
        foreach (var (misread, name) in misreadings.OrderByDescending(m => m.Key.Length))
            for (int at = text.IndexOf(misread, StringComparison.Ordinal); at >= 0; at = text.IndexOf(misread, at + misread.Length, StringComparison.Ordinal))
                name.CopyTo(0, repaired, at, name.Length);
        return new string(repaired);
    }

    private static string Key(string text, int start, int length, int wildcard) =>
        string.Create(length, (text, start, wildcard), (span, s) =>
        {
            s.text.AsSpan(s.start, span.Length).CopyTo(span);
            span[s.wildcard] = '\0';
        });
}
