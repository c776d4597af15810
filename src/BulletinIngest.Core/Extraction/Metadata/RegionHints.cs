using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>A region known from outside the text, and where from; Place is null when the source names no known region (Problem says so).</summary>
public sealed record RegionHint(Place? Place, string Source, string? Problem = null);

/// <summary>
/// The issuing region of a file whose text never names it, from outside the text, in this order: a
/// <c>regions.tsv</c> sidecar an analyst keeps in the archive (in the file's folder or any folder above it,
/// the nearest first; lines <c>PATTERN&lt;TAB&gt;REGION</c>, the pattern a path relative to the sidecar's
/// folder with <c>*</c> (within a folder) and <c>**</c> (across folders), the first matching line wins),
/// then the <c>ingest --region</c> option. Used only when the text's evidence decides nothing (<see cref="RegionEvidence"/>):
/// where the text names no place, or only guesses one, or the region came from the place names of the file's path
/// (<see cref="PathEvidence"/>, read in the extraction), which an analyst's sidecar or option overrides.
/// The gazetteer is loaded on first use (an unchanged re-run stores nothing and never needs it), or at once to
/// check a --region.
/// </summary>
public sealed class RegionHints
{
    public const string SidecarName = "regions.tsv";

    private readonly Lazy<Gazetteer> _gazetteer;
    private readonly Dictionary<string, List<(Regex? Pattern, string Region)>?> _sidecars = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public RegionHints(Func<Gazetteer> loadGazetteer, string? defaultRegion = null)
    {
        _gazetteer = new Lazy<Gazetteer>(loadGazetteer);
        Default = defaultRegion is null ? null
            : _gazetteer.Value.Resolve(defaultRegion, null) ?? throw new ArgumentException($"--region {defaultRegion}: no such region in the gazetteer");
    }

    /// <summary>The --region value as a place; an error for a name the gazetteer does not know.</summary>
    public Place? Default { get; }

    public RegionHint? For(string path)
    {
        string full = Path.GetFullPath(path);
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var lines = Sidecar(folder);
            if (lines is null) continue;
            string relative = Path.GetRelativePath(folder, full).Replace('\\', '/');
            string sidecar = Path.Combine(folder, SidecarName);
            foreach (var (pattern, region) in lines)
                if (pattern?.IsMatch(relative) ?? false)
                    return _gazetteer.Value.Resolve(region, null) is { } place
                        ? new RegionHint(place, sidecar)
                        : new RegionHint(null, sidecar, $"{sidecar}: {region}: no such region in the gazetteer");
            if (lines.FirstOrDefault(l => l.Pattern is null) is { Region: { } bad })
                return new RegionHint(null, sidecar, $"{sidecar}: not PATTERN<TAB>REGION: {bad}");
        }
        return Default is null ? null : new RegionHint(Default, "--region");
    }

    /// <summary>The sidecar's lines (a malformed line has no pattern and keeps its text as Region), or null without one.</summary>
    private List<(Regex? Pattern, string Region)>? Sidecar(string folder)
    {
        lock (_lock)
        {
            if (_sidecars.TryGetValue(folder, out var known)) return known;
            string path = Path.Combine(folder, SidecarName);
            List<(Regex?, string)>? lines = null;
            if (File.Exists(path))
            {
                lines = [];
                foreach (var line in File.ReadLines(path))
                {
                    if (line.Length == 0 || line[0] == '#') continue;
                    var cells = line.Split('\t');
                    lines.Add(cells.Length < 2 || cells[0].Trim().Length == 0 ? (null, line) : (Glob(cells[0].Trim()), cells[1].Trim()));
                }
            }
            return _sidecars[folder] = lines;
        }
    }

    /// <summary>A path pattern: ** any folders, * any characters within a name, ? one character.</summary>
    public static Regex Glob(string pattern)
    {
        string regex = "^" + Regex.Escape(pattern.Replace('\\', '/'))
            .Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$";
        return new Regex(regex, RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The extraction with the hinted region where the text named none or only guessed one: the document's region
    /// and parent, and every figure that had only the unknown (or guessed) issuing region.
    /// </summary>
    public static ExtractionResult Apply(ExtractionResult extraction, RegionHint? hint)
    {
        if (hint is null || extraction.Metadata.Region is not null && !extraction.Metadata.RegionGuessed && !extraction.Metadata.RegionFromPath)
            return extraction;
        string issuing = extraction.Metadata.Region ?? RegionNames.Unknown;
        if (hint.Place is null)
            return extraction with { Metadata = extraction.Metadata with { Warnings = [.. extraction.Metadata.Warnings, hint.Problem!] } };
        var metadata = extraction.Metadata with
        {
            Region = hint.Place.Name,
            ParentRegion = hint.Place.Parent,
            RegionEvidence = $"from {hint.Source} (the text {(extraction.Metadata.RegionGuessed ? "gives only a guess" : "names no place")}: {extraction.Metadata.RegionEvidence})",
            RegionGuessed = false,
            RegionFromPath = false,
            Warnings = [],
        };
        var figures = extraction.Figures.Select(f => f.Region == issuing ? f with { Region = hint.Place.Name } : f).ToList();
        return new ExtractionResult(metadata, figures);
    }
}
