using System.Globalization;
using System.Text;

namespace BulletinIngest.Learning;

/// <summary>One canonical project as one year's list names it.</summary>
public sealed record CatalogEntry(string Id, int Year, string List, string Issuer, string Name, IReadOnlyList<string> Keywords);

/// <summary>
/// The catalog of canonical livelihood projects (models/catalog/projects.tsv): provincial and city lists by
/// year, each project with a stable id and keywords. Finds the project a name belongs to by keyword.
/// </summary>
public sealed class ProjectCatalog
{
    public const string FileName = "catalog/projects.tsv";

    private readonly List<(string Keyword, string Id)> _keywords;

    public ProjectCatalog(IReadOnlyList<CatalogEntry> entries)
    {
        Entries = entries;
        _keywords = entries
            .SelectMany(e => e.Keywords.Append(e.Name).Select(k => (Keyword: Normalize(k), e.Id)))
            .Where(k => k.Keyword.Length >= 2)
            .Distinct()
            .OrderByDescending(k => k.Keyword.Length).ThenBy(k => k.Keyword, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal)
            .ToList();
        Names = entries.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Year).First().Name);
    }

    public IReadOnlyList<CatalogEntry> Entries { get; }
    /// <summary>Canonical name of each id (as its latest list names it).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    public static ProjectCatalog Load(string? path = null)
    {
        path ??= ModelFiles.PathOf(FileName);
        var entries = TsvFile.Read(path).Select((row, line) =>
        {
            string id = row.GetValueOrDefault("id", "");
            if (id.Length == 0) throw new InvalidDataException($"{path}: record {line + 1} has no id");
            return new CatalogEntry(id,
                int.TryParse(row.GetValueOrDefault("year"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int year) ? year : 0,
                row.GetValueOrDefault("list", ""), row.GetValueOrDefault("issuer", ""), row.GetValueOrDefault("name", id),
                row.GetValueOrDefault("keywords", "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }).ToList();
        return new ProjectCatalog(entries);
    }

    /// <summary>
    /// The id whose keyword is the longest one the text contains, or null when none is contained or two
    /// projects' keywords of that length are (the keywords do not decide).
    /// </summary>
    public string? MatchKeyword(string text)
    {
        string normalized = Normalize(text);
        if (normalized.Length == 0) return null;
        string? found = null;
        int foundLength = 0;
        foreach (var (keyword, id) in _keywords)
        {
            if (keyword.Length < foundLength) break;
            if (!normalized.Contains(keyword, StringComparison.Ordinal)) continue;
            if (found is not null && found != id) return null;
            found = id;
            foundLength = keyword.Length;
        }
        return found;
    }

    /// <summary>Names compared without spaces, quotes, bold marks; full-width forms folded to ASCII.</summary>
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char raw in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw) || raw is '"' or '“' or '”' or '\'' or '‘' or '’' or '《' or '》' or '*' or '「' or '」') continue;
            result.Append(raw switch { '（' => '(', '）' => ')', '、' => ',', '，' => ',', _ => raw });
        }
        return result.ToString();
    }
}
