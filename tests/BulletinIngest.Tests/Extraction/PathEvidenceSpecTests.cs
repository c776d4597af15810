using System.Text.Json.Nodes;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// The place names of a file's path as data (tests/specs/regions/path-names.jsonl: a path → each name as written with
/// the places it may mean); how they decide the region beside the text is in tests/specs/metadata/region-from-path.jsonl.
/// </summary>
public class PathEvidenceSpecTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "specs", "regions", "path-names.jsonl")).Where(l => l.Trim().Length > 0))
            data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_place_names_of_a_path_as_the_spec_says(string spec)
    {
        var row = JsonNode.Parse(spec)!.AsObject();
        var expected = row["names"]!.AsObject()
            .Select(n => $"{n.Key}: {string.Join(" ", n.Value!.AsArray().Select(p => p!.GetValue<string>()).Order(StringComparer.Ordinal))}");
        var found = PathEvidence.Names(row["path"]!.GetValue<string>(), Gazetteer)
            .Select(n => $"{n.Written}: {string.Join(" ", n.Options.Select(p => p.Name).Order(StringComparer.Ordinal))}");
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Every_word_that_is_no_place_is_spelled_like_a_place_and_every_name_has_a_spelling()
    {
        var index = PinyinNames.Of(Gazetteer);
        var words = File.ReadLines(Path.Combine(RepoPaths.Root, "models", "regions", "path-words.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t')[0]).ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.Contains(PinyinNames.Spellings(w), s => index.PlacesSpelled(s).Count > 0));
        // pinyin.tsv holds every character of the gazetteer's names (scripts/build_pinyin.py), so every place has a spelling.
        Assert.All(Gazetteer.Places, p => Assert.NotEmpty(PinyinNames.Spellings(p.Name)));
        Assert.Contains(index.PlacesSpelled("yancheng"), p => p.Name == "盐城市");
        Assert.Contains(index.PlacesSpelled("peixian"), p => p.Name == "沛县");
    }
}
