using System.Text;
using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Extraction.Text;

/// <summary>
/// Repairs of what OCR commonly misreads, applied to the normalized text of OCR'd blocks only (the stored text
/// stays as read): the confusions of models/ocr/confusions.tsv (讲度 → 进度, 【工作概况]】, item markers such as
/// (D) for (1), 100% read as 10094, O/0 and l/1 in numbers) and place names one character off a gazetteer name
/// in the document's context (<see cref="NearRegionNames"/>). Length-preserving, like the rest of the view.
/// </summary>
public sealed class OcrRepairs(IReadOnlyList<OcrRepairs.Confusion> confusions, NearRegionNames regions)
{
    /// <summary>One line of the table: a pattern, its replacement, and the example that shows it.</summary>
    public sealed record Confusion(Regex Pattern, string Replacement, string Example, string Repaired, string Misread);

    public IReadOnlyList<Confusion> Confusions { get; } = confusions;

    private static OcrRepairs? _default;
    private static readonly object Lock = new();

    /// <summary>models/ocr/confusions.tsv and the default gazetteer, loaded once.</summary>
    public static OcrRepairs Default
    {
        get
        {
            lock (Lock)
                return _default ??= new OcrRepairs(ReadConfusions(File.ReadLines(ModelFiles.PathOf("ocr/confusions.tsv"))), NearRegionNames.Default);
        }
    }

    /// <summary>TAB-separated pattern, replacement, example, repaired example, what was misread; # starts a comment.</summary>
    public static IReadOnlyList<Confusion> ReadConfusions(IEnumerable<string> lines)
    {
        var confusions = new List<Confusion>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < 4) throw new FormatException($"confusions.tsv: a line needs pattern, replacement, example and repaired example: {line}");
            confusions.Add(new Confusion(new Regex(cells[0], RegexOptions.CultureInvariant), cells[1], cells[2], cells[3],
                cells.Length > 4 ? cells[4] : ""));
        }
        return confusions;
    }

    /// <summary>The context the place names of a document are read in: the full names its (normalized) text holds.</summary>
    public IReadOnlySet<string> PlacesNamedIn(string text) => regions.NamedIn(text);

    /// <summary>Misread place names of the OCR'd text → their right names, in the context of the places named.</summary>
    public IReadOnlyDictionary<string, string> MisreadPlaces(string ocrText, IReadOnlySet<string> named) => regions.Misreadings(ocrText, named);

    /// <summary>One block's normalized text with the confusions and the misread place names repaired, of the same length.</summary>
    public string Repair(string text, IReadOnlyDictionary<string, string> misreadPlaces) =>
        NearRegionNames.Repair(RepairConfusions(text), misreadPlaces);

    /// <summary>The confusions alone, for a text without place context (the table's own examples).</summary>
    public string RepairConfusions(string text)
    {
        foreach (var confusion in Confusions) text = Apply(confusion, text);
        return text;
    }

    private static string Apply(Confusion confusion, string text)
    {
        var matches = confusion.Pattern.Matches(text);
        if (matches.Count == 0) return text;
        var result = new StringBuilder(text);
        foreach (Match match in matches)
        {
            string replacement = match.Result(confusion.Replacement);
            if (replacement.Length > match.Length) continue;
            for (int i = 0; i < match.Length; i++) result[match.Index + i] = i < replacement.Length ? replacement[i] : ' ';
        }
        return result.ToString();
    }
}
