using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Extraction.Assembly;

/// <summary>
/// The programme a document reports on, as the document itself names it more than once: the name ending in a
/// programme noun (models/rules/programme-nouns.tsv: 工程, 行动, …) it repeats most, taken as far left as two of its
/// mentions agree (实施游牧民定居工程, 加快游牧民定居工程 → 游牧民定居工程), without leading places, verbs and fillers.
/// A figure that only a bare verb names (…其中：完成主体348户，[完工]179户) is of this programme (<see cref="Name"/>).
/// </summary>
public static partial class DocumentProgramme
{
    public const string FileName = "rules/programme-nouns.tsv";

    private static readonly Lazy<string[]> Nouns =
        new(() => Learning.TsvFile.Column(ModelFiles.PathOf(FileName), "noun").ToArray());

    /// <summary>The longest name a programme is given: longer repeated stretches are repeated sentences, not names.</summary>
    private const int LongestName = 16;

    /// <summary>How many mentions of each noun are tried: a programme is named early and often.</summary>
    private const int MentionsTried = 40;

    /// <summary>
    /// The figures, each whose project is only a bare verb (完工, 新增: models/rules/non-project-names.tsv, kind verb)
    /// named by the programme of <paramref name="text"/>, its indicator kept (游牧民定居工程 | 完工), as the labels name them.
    /// Applied after pairing and the repeated-figure check, which compare names as the namer gave them. A measure's name
    /// (总投资) is left: an investment is often a single project's, which a page's programme does not name. The document's
    /// text is compacted only when some figure needs the programme.
    /// </summary>
    public static List<Figure> Name(List<Figure> figures, string documentText, RegionResolver? regions)
    {
        if (!figures.Any(NeedsProgramme) || Of(Text.CompactText.From(documentText).Text, regions) is not { } programme) return figures;
        return figures.Select(f => NeedsProgramme(f) ? f with { Project = programme } : f).ToList();
    }

    /// <summary>A bare verb's figure, or one whose only name is a word or two (改厕, 植树): the programme names its project.</summary>
    private static bool NeedsProgramme(Figure f) => OnlyAVerb(f) || IsBareName(f);

    /// <summary>The longest name that is only what is counted or done, no project's (改棚圈, 植树).</summary>
    private const int BareNameLength = 3;

    private static bool IsBareName(Figure f) =>
        f.Project == f.Indicator && f.Project.Count(char.IsLetter) is > 0 and <= BareNameLength
        && NonProjectNames.Default.Match(f.Project) is null;

    /// <summary>
    /// Whether the figure's project is only a bare verb (non-project-names.tsv kind verb). Other words that name no
    /// project (a news source: 小康讯) may be how a page names its programme.
    /// </summary>
    private static bool OnlyAVerb(Figure f) => NonProjectNames.Default.Match(f.Project)?.Kind is "verb";

    /// <summary>The programme named most often in <paramref name="text"/> (at least twice), or null.</summary>
    public static string? Of(string text, RegionResolver? regions)
    {
        var counts = new Dictionary<string, (int Count, int First)>();
        foreach (var noun in Nouns.Value)
        {
            int tried = 0;
            for (int at = text.IndexOf(noun, StringComparison.Ordinal); at >= 0 && tried < MentionsTried;
                 at = text.IndexOf(noun, at + noun.Length, StringComparison.Ordinal), tried++)
            {
                int end = at + noun.Length;
                int start = at;
                while (start > 0 && end - start < LongestName && IsNameChar(text[start - 1]) && Occurrences(text, text[(start - 1)..end]) >= 2) start--;
                start = WordStart(text, start, end);
                if (Clean(text[start..end], noun, regions) is not { } name || counts.ContainsKey(name)) continue;
                int count = Occurrences(text, name);
                if (count >= 2) counts[name] = (count, start);
            }
        }
        return counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).Select(c => c.Key).FirstOrDefault();
    }

    /// <summary>
    /// Where the word that <paramref name="start"/> falls in ends, when it falls inside one: mentions that agree only
    /// from the middle of a word (省级重点项目, 市级重点项目) share no name (级重点项目).
    /// </summary>
    private static int WordStart(string text, int start, int end)
    {
        int from = Math.Max(0, start - 4);
        var starts = Segmentation.JiebaSegmenter.Load().Cut(text[from..end]).Select(t => from + t.Start).ToList();
        return starts.Contains(start) ? start : starts.FirstOrDefault(s => s > start, end);
    }

    /// <summary>
    /// The name without what opens it but names nothing (今年久治县的, 实施, 3月份): null when too little is left or only
    /// a verb stands before the noun (改造工程: a kind of work, no programme's name).
    /// </summary>
    private static string? Clean(string words, string noun, RegionResolver? regions)
    {
        int of = words.LastIndexOf('的');
        if (of >= 0) words = words[(of + 1)..];
        if (regions is not null)
        {
            regions.LeadingRegions(words, out int placesEnd);
            words = words[placesEnd..];
        }
        foreach (var q in Numbers.NumberRecognizer.Find(words).Reverse()) words = words.Remove(q.Start, q.End - q.Start);
        words = Roles.Cues.LeadingFiller().Replace(words.Trim('“', '”'), "");
        words = words[FigureNamer.VerbChainEnd(words)..];
        words = DateTail().Replace(words, "");
        if (!words.EndsWith(noun, StringComparison.Ordinal)) return null;
        string before = words[..^noun.Length];
        return before.Length >= 2 && !NonProjectNames.Default.Rejects(before) && !NonProjectNames.Default.Rejects(words) ? words : null;
    }

    // Digits too: a count before the name (12个乡通硬化路项目) is cut off with its unit, not left as 个乡….
    private static bool IsNameChar(char c) => char.IsLetter(c) && c > 0x2E80 || c is '“' or '”' or (>= '0' and <= '9');

    private static int Occurrences(string text, string words)
    {
        int count = 0;
        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + words.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>A date that opens a name (2023年3月份暖民心行动), with its number or what is left of it (月份…).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^([0-9]*(年度|年|月份|月底|月))+")]
    private static partial System.Text.RegularExpressions.Regex DateTail();
}
