using BulletinIngest.Extraction.Numbers;

namespace BulletinIngest.Extraction.Candidates;

/// <summary>
/// One number mention of a text unit, a candidate for a role in a figure, with where it stands (its
/// sentence and clause, compact indices) and the features the role scorer reads (role-cues.tsv names plus
/// amount/percent/bare, plan, section:*, pair:*). <see cref="Cues"/> keeps, per feature, the word that fired.
/// </summary>
public sealed class Candidate
{
    public required Quantity Q { get; init; }
    public required int Index { get; init; }
    public required int SentenceStart { get; init; }
    public required int SentenceEnd { get; init; }
    public required int ClauseStart { get; init; }
    public required int ClauseEnd { get; init; }
    /// <summary>Where the mention's own words start: after the 、 that opens its list element, else the clause start.</summary>
    public int ElementStart { get; set; }
    /// <summary>The place a breakdown element is named by (其中市本级17条、[闽侯]1条), the issuer for its own share (本级); else null.</summary>
    public string? Place { get; set; }
    /// <summary>The total a breakdown element is part of (共计140.01公里。其中…鼓楼10公里): what names the element's figure.</summary>
    public Quantity? PartOf { get; set; }
    public Dictionary<string, string> Cues { get; } = [];
    public IEnumerable<string> Features => Cues.Keys;

    public bool IsPercent => Q.IsPercent;

    /// <summary>True when a bracket opened before the mention in its sentence is not closed before it (a breakdown: （其中…）).</summary>
    public bool InBrackets(string text)
    {
        int open = text.LastIndexOfAny(['（', '('], Q.Start, Q.Start - SentenceStart + 1);
        return open >= 0 && text.IndexOfAny(['）', ')'], open, Q.Start - open) < 0;
    }

    public void Add(string feature, string because = "") => Cues.TryAdd(feature, because);
}
