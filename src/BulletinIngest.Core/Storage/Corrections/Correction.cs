using System.Security.Cryptography;
using System.Text;

namespace BulletinIngest.Storage.Corrections;

/// <summary>What a correction does to a figure.</summary>
public static class CorrectionAction
{
    /// <summary>Changes one field (<see cref="CorrectionFields"/>) of a figure.</summary>
    public const string Set = "set";
    /// <summary>Deletes a figure the extractor should not have found.</summary>
    public const string Drop = "drop";
    /// <summary>Adds a figure the extractor missed, read from a span of the document's text.</summary>
    public const string Add = "add";
}

/// <summary>The figure fields an analyst can correct, and their figures-table columns.</summary>
public static class CorrectionFields
{
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>
    {
        ["target"] = "target",
        ["actual"] = "actual",
        ["percent"] = "percent",
        ["unit"] = "unit",
        ["region"] = "region",
        ["project"] = "canonical_project_id",
    };

    public static bool IsNumber(string field) => field is "target" or "actual" or "percent";
}

/// <summary>
/// Which figure a correction is about, by what a re-ingest keeps: the document's content hash, the figure's span
/// in it, and the region and indicator the extractor read it with (several figures can share one span, one per
/// region of a sentence that names several). The span's text finds the figure again when the file changed.
/// </summary>
public sealed record FigureKey(string Doc, string DocSha256, int Start, int End, string SourceText, string Indicator, string Region);

/// <summary>An analyst's correction: who, when, why, what it changes (old and new value), and which figure.</summary>
public sealed record Correction(
    string Id, string MadeAt, string MadeBy, string? Why, string Action, string? Field, string? OldValue, string? NewValue, FigureKey Figure)
{
    /// <summary>A new correction with its stable id (a hash of its content, so the TSV and the table agree on it).</summary>
    public static Correction Create(string madeBy, string? why, string action, string? field, string? oldValue, string? newValue, FigureKey figure,
        DateTime? madeAt = null)
    {
        string at = (madeAt ?? DateTime.UtcNow).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        string content = string.Join('\u001f', at, madeBy, action, field, newValue, figure.DocSha256, figure.Start, figure.End, figure.Indicator, figure.Region);
        string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
        return new Correction(id, at, madeBy, why, action, field, oldValue, newValue, figure);
    }

    public string Describe() => Action switch
    {
        CorrectionAction.Set => $"{Field}: {OldValue ?? "-"} → {NewValue ?? "-"}",
        CorrectionAction.Drop => "dropped",
        _ => $"added {NewValue}",
    };
}

/// <summary>Where a correction stands after the last re-application.</summary>
public static class CorrectionStatus
{
    public const string Applied = "applied";
    /// <summary>Its document or its span is gone (the file changed or was removed): kept, reported, not applied.</summary>
    public const string Orphaned = "orphaned";
}

/// <summary>A stored correction with where it stands now.</summary>
public sealed record StoredCorrection(Correction Correction, string Status, long? FigureId);
