using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>A place name a file's path holds: as written, where (a folder or the file name), and every place it may mean.</summary>
public sealed record PathName(string Written, string Segment, IReadOnlyList<Place> Options, bool Pinyin);

/// <summary>
/// The weakest evidence of the issuing region: the place names of a file's path, as an analyst's archive carries them.
/// Chinese names and stems in the folders and the file name (…/湖南/湘潭市/2019年10月.txt, 会昌县民生实事通报.pdf), and
/// pinyin names in the file name (C09_yancheng-2013-q3-trad.txt, huichang_2023_10.pdf): the file's stem split on
/// separators, digits and case changes, each whole word (or run of case-split parts: HuiChang) looked up by
/// <see cref="PinyinNames"/>, never inside a longer word; words that are no place (shishi 实事:
/// models/regions/path-words.tsv) are skipped, and a level word after a name (nanchang-county) chooses its level
/// (models/regions/path-level-words.tsv). <see cref="RegionEvidence"/> uses it only where the text decides no place,
/// and resolves what the path leaves open by what the text says. BULLETIN_PATH_PINYIN=off leaves the pinyin out.
/// </summary>
public static partial class PathEvidence
{
    /// <summary>The place names of a path, the file name's first (its Chinese ones, then pinyin), then each folder's, nearest first.</summary>
    public static IReadOnlyList<PathName> Names(string path, Gazetteer gazetteer)
    {
        var names = new List<PathName>();
        string stem = Path.GetFileNameWithoutExtension(path);
        names.AddRange(ChineseNames(stem, "file name", gazetteer));
        if (PinyinEnabled) names.AddRange(PinyinNamesOf(stem, gazetteer));
        string? folder = Path.GetDirectoryName(path);
        for (; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            string name = Path.GetFileName(folder);
            if (name.Length == 0) break;
            names.AddRange(ChineseNames(name, "folder " + name, gazetteer));
        }
        return names;
    }

    /// <summary>How the warning of a region that only the path gives begins (ingest counts them).</summary>
    public const string WarningPrefix = "region from the file path";

    /// <summary>False when BULLETIN_PATH_PINYIN=off: to measure how much the file names' pinyin gives.</summary>
    public static bool PinyinEnabled =>
        !string.Equals(Environment.GetEnvironmentVariable("BULLETIN_PATH_PINYIN"), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The one place the path names, read beside the text: each name's options narrowed by the other names of the path
    /// (xiangcheng beside suzhou is 相城区), by the places the text names (fuzhou in a text naming 福建省 is 福州市) and by the
    /// level it speaks as (yancheng in a text of 全市 is 盐城市, not 郾城区); the most specific when the names resolved
    /// nest (湖南/湘潭市); a pinyin name still open, by the options whose characters the text writes anywhere, even where no
    /// mention counts (jingzhou on a page of 荆州楼市 is 荆州市, not 青州市: the spelling and the characters agree); null, with
    /// why, when a name stays ambiguous or the names disagree.
    /// </summary>
    public static (Place? Place, string Evidence) Decide(IReadOnlyList<PathName> names, IReadOnlyCollection<Place> textPlaces,
        IReadOnlyDictionary<string, int> spokenLevels, string text, Gazetteer gazetteer)
    {
        if (names.Count == 0) return (null, "the path names no place");
        var resolved = new List<(PathName Name, Place Place)>();
        var open = new List<string>();
        foreach (var name in names)
        {
            var others = names.Where(n => n != name).SelectMany(n => n.Options).ToList();
            var options = Narrowed(name.Options, o => others.Any(p => p != o && Related(o, p, gazetteer)));
            options = Narrowed(options, o => textPlaces.Any(p => p == o || Related(o, p, gazetteer)));
            foreach (var (level, _) in spokenLevels.OrderByDescending(l => l.Value))
                if (options.Count > 1) options = Narrowed(options, o => RegionNames.IsOfLevel(o.Name, level));
            if (name.Pinyin && options.Count > 1) options = Narrowed(options, o => WrittenIn(text, o));
            if (options.Count == 1) resolved.Add((name, options[0]));
            else open.Add($"{name.Written} ({string.Join("/", options.Select(o => o.Name))})");
        }
        string Said(PathName n, Place p) => $"{n.Written} in the {n.Segment}{(n.Pinyin ? " (pinyin)" : "")} → {p.Name}";
        if (resolved.Count == 0) return (null, $"the path's names are ambiguous: {string.Join(", ", open)}");
        var places = resolved.Select(r => r.Place).Distinct().ToList();
        // Names that disagree (jiangsu, pingyi: 江苏省, 平邑县) are told apart by the level the text speaks as (全年我省 → 江苏省).
        foreach (var (level, _) in spokenLevels.Where(l => l.Value > 0).OrderByDescending(l => l.Value))
        {
            if (!Disagree(places, gazetteer)) break;
            var ofLevel = places.Where(p => RegionNames.IsOfLevel(p.Name, level)).ToList();
            if (ofLevel.Count == 0 || Disagree(ofLevel, gazetteer)) continue;
            resolved = resolved.Where(r => ofLevel.Contains(r.Place)).ToList();
            places = ofLevel;
        }
        if (Disagree(places, gazetteer) && Outvoting(resolved, gazetteer) is { } nest)
        {
            resolved = nest;
            places = resolved.Select(r => r.Place).Distinct().ToList();
        }
        if (Disagree(places, gazetteer))
            return (null, $"the path names different places: {string.Join(", ", resolved.Select(r => Said(r.Name, r.Place)))}");
        var deepest = places.First(p => places.All(q => q == p || gazetteer.IsWithin(p, q)));
        var chosen = resolved.First(r => r.Place == deepest);
        return (deepest, Said(chosen.Name, chosen.Place)
                         + (open.Count > 0 ? $"; left open: {string.Join(", ", open)}" : ""));
    }

    /// <summary>
    /// The names of nested places (minhou-fuzhou: 闽侯县 in 福州市) when they are more than the names of any other group:
    /// a lone word spelled like a place beside them is outvoted; null when no group of two or more names leads.
    /// </summary>
    private static List<(PathName Name, Place Place)>? Outvoting(List<(PathName Name, Place Place)> resolved, Gazetteer gazetteer)
    {
        var groups = resolved
            .Select(r => resolved.Where(o => o.Place == r.Place || Related(o.Place, r.Place, gazetteer)).ToList())
            .Where(g => !Disagree(g.Select(o => o.Place).Distinct().ToList(), gazetteer))
            .Select(g => (Members: g, Names: g.Select(o => o.Name.Written).Distinct().Count()))
            .OrderByDescending(g => g.Names)
            .ToList();
        if (groups.Count == 0 || groups[0].Names < 2) return null;
        var leader = groups[0].Members.Select(o => o.Place).ToHashSet();
        bool tied = groups.Any(g => g.Names == groups[0].Names && !g.Members.Select(o => o.Place).ToHashSet().SetEquals(leader));
        return tied ? null : groups[0].Members;
    }

    /// <summary>The place's name, or its stem of two characters or more, is written in the text.</summary>
    private static bool WrittenIn(string text, Place place) =>
        text.Contains(place.Name, StringComparison.Ordinal)
        || RegionNames.Stem(place.Name) is { Length: >= 2 } stem && text.Contains(stem, StringComparison.Ordinal);

    /// <summary>The options that pass, if any do; else all of them (a test that decides nothing narrows nothing).</summary>
    private static List<Place> Narrowed(IEnumerable<Place> options, Func<Place, bool> keep)
    {
        var all = options.ToList();
        var kept = all.Where(keep).ToList();
        return kept.Count > 0 ? kept : all;
    }

    /// <summary>Two of the places are unrelated (neither inside the other).</summary>
    private static bool Disagree(List<Place> places, Gazetteer gazetteer) => places.Any(a => places.Any(b => a != b && !Related(a, b, gazetteer)));

    /// <summary>One place inside the other.</summary>
    public static bool Related(Place a, Place b, Gazetteer gazetteer) => gazetteer.IsWithin(a, b) || gazetteer.IsWithin(b, a);

    /// <summary>Chinese full names and stems in a folder or file name, longest at each place; common words (惠民, 城区) skipped.</summary>
    private static IEnumerable<PathName> ChineseNames(string segment, string where, Gazetteer gazetteer)
    {
        for (int i = 0; i < segment.Length;)
        {
            string? name = gazetteer.NamesAt(segment, i).FirstOrDefault(n => !RegionResolver.IsCommonNoun(n));
            var options = name is null ? [] : gazetteer.PlacesNamed(name);
            if (name is null)
            {
                name = gazetteer.StemsAt(segment, i).FirstOrDefault(s => !RegionEvidence.CommonWords.Value.Contains(s));
                options = name is null ? [] : gazetteer.PlacesWithStem(name);
            }
            if (name is null || options.Count == 0) { i++; continue; }
            yield return new PathName(name, where, options, Pinyin: false);
            i += name.Length;
        }
    }

    /// <summary>
    /// Pinyin place names in a file's stem: its words (split on separators, digits and Chinese), each word's case-split
    /// parts joined in runs, the longest run that names a place first; a level word right after a name narrows it.
    /// </summary>
    private static IEnumerable<PathName> PinyinNamesOf(string stem, Gazetteer gazetteer)
    {
        var words = LatinWord().Matches(stem).Select(m => m.Value).ToList();
        if (words.All(w => w.Length < MinimumLetters)) yield break;
        var index = PinyinNames.Of(gazetteer);
        for (int w = 0; w < words.Count; w++)
        {
            string lower = words[w].ToLowerInvariant();
            // A level word after a name was read with it (nanchang-county).
            if (w > 0 && LevelWords.Value.ContainsKey(lower) && NamesIn(words[w - 1], index).Any()) continue;
            string? level = w + 1 < words.Count ? LevelWords.Value.GetValueOrDefault(words[w + 1].ToLowerInvariant()) : null;
            foreach (var (written, options) in NamesIn(words[w], index))
            {
                var narrowed = level is null ? options : Narrowed(options, o => RegionNames.IsOfLevel(o.Name, level));
                yield return new PathName(written + (level is null ? "" : "-" + words[w + 1].ToLowerInvariant()), "file name", narrowed, Pinyin: true);
            }
        }
    }

    /// <summary>Runs of a word's case-split parts (HuiChang: huichang, hui, chang) that spell a place, longest first, not overlapping.</summary>
    private static IEnumerable<(string Written, IReadOnlyList<Place> Options)> NamesIn(string word, PinyinNames index)
    {
        var parts = CasePart().Matches(word).Select(m => m.Value.ToLowerInvariant()).ToList();
        for (int start = 0; start < parts.Count;)
        {
            int taken = 0;
            for (int end = parts.Count; end > start && taken == 0; end--)
            {
                string run = string.Concat(parts.Skip(start).Take(end - start));
                if (run.Length < MinimumLetters || NoPlaceWords.Value.Contains(run)) continue;
                var options = index.PlacesSpelled(run).Where(p => p.Level != RegionLevel.Zone).ToList();
                if (options.Count == 0) continue;
                taken = end - start;
                yield return (run, options);
            }
            start += Math.Max(taken, 1);
        }
    }

    /// <summary>Two syllables at least (a name of two characters: anxi, luan): shorter words are abbreviations, not names.</summary>
    private const int MinimumLetters = 4;

    /// <summary>Spellings of the words that are no place: models/regions/path-words.tsv.</summary>
    private static readonly Lazy<HashSet<string>> NoPlaceWords = new(() =>
        DataWords("regions/path-words.tsv").SelectMany(PinyinNames.Spellings).ToHashSet(StringComparer.Ordinal));

    /// <summary>Level words (county → 县): models/regions/path-level-words.tsv.</summary>
    private static readonly Lazy<Dictionary<string, string>> LevelWords = new(() =>
        Learning.TsvFile.Read(ModelFiles.PathOf("regions/path-level-words.tsv")).ToDictionary(r => r["word"], r => r["suffix"], StringComparer.Ordinal));

    private static IEnumerable<string> DataWords(string file) => Learning.TsvFile.Column(ModelFiles.PathOf(file), "word");

    /// <summary>A run of Latin letters: separators (- _ . space), digits and other scripts end a word.</summary>
    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();

    /// <summary>A word's parts at case changes: Hui|Chang, xiang|Tan, HUICHANG whole.</summary>
    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+")]
    private static partial Regex CasePart();
}
