using System.Globalization;
using System.Text.Json;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Learning;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Storage.Corrections;

/// <summary>
/// Turns what an analyst asked for (`bulletin correct` options, or the web form) into checked corrections: numbers
/// that parse, a region the gazetteer knows, a project id the catalog knows. Both front ends go through here, so
/// a correction means the same wherever it was made. A value of "none" (or empty for a number) clears the field.
/// </summary>
public sealed class CorrectionRequest(SqliteConnection connection, ProjectCatalog catalog, Gazetteer gazetteer, string madeBy, string? why)
{
    public const string NoValue = "none";

    /// <summary>One set correction for each field whose value differs from the figure's current one.</summary>
    public IReadOnlyList<Correction> Changes(long figureId, IReadOnlyDictionary<string, string?> values)
    {
        var key = CorrectionBook.KeyOf(connection, figureId) ?? throw new ArgumentException($"no figure {figureId}");
        var corrections = new List<Correction>();
        foreach (var (field, given) in values)
        {
            if (given is null) continue;
            string? value = Checked(field, given);
            string? old = CorrectionBook.CurrentValue(connection, figureId, field);
            if (value == old) continue;
            corrections.Add(Correction.Create(madeBy, why, CorrectionAction.Set, field, old, value, key));
        }
        return corrections;
    }

    public Correction Drop(long figureId) =>
        Correction.Create(madeBy, why, CorrectionAction.Drop, null, null, null,
            CorrectionBook.KeyOf(connection, figureId) ?? throw new ArgumentException($"no figure {figureId}"));

    /// <summary>A missed figure at a span of a stored document's text.</summary>
    public Correction Add(long documentId, int start, int end, string region, string name, IReadOnlyDictionary<string, string?> values)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("an added figure needs a name (the project or indicator as the text says it)");
        double? NumberOf(string field) => values.GetValueOrDefault(field) is { } v && Checked(field, v) is { } n ? double.Parse(n, CultureInfo.InvariantCulture) : null;
        string? unit = values.GetValueOrDefault("unit") is { } u ? Checked("unit", u) : null;
        string? project = values.GetValueOrDefault("project") is { } p ? Checked("project", p) : null;
        var figure = new AddedFigure(Checked("region", region)!, name.Trim(), NumberOf("target"), NumberOf("actual"), unit, NumberOf("percent"), project);
        if (figure.Target is null && figure.Actual is null && figure.Percent is null)
            throw new ArgumentException("an added figure needs a target, an actual or a percent");
        var key = CorrectionBook.KeyForSpan(connection, documentId, start, end, figure);
        return Correction.Create(madeBy, why, CorrectionAction.Add, null, null, JsonSerializer.Serialize(figure, CorrectionBook.Json), key);
    }

    /// <summary>The value as stored, or an ArgumentException saying why it cannot be.</summary>
    private string? Checked(string field, string given)
    {
        string value = given.Trim();
        bool none = value.Length == 0 || value.Equals(NoValue, StringComparison.OrdinalIgnoreCase);
        switch (field)
        {
            case "target" or "actual" or "percent":
                if (none) return null;
                if (!double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
                    throw new ArgumentException($"{field} must be a number (or {NoValue}), not {given}");
                return CorrectionBook.Number(number);
            case "unit":
                return none ? null : value;
            case "region":
                if (none || !(gazetteer.IsFullName(value) || value == RegionNames.Unknown))
                    throw new ArgumentException($"{given} is not a region of the gazetteer (give its full name, e.g. 汨罗市)");
                return value;
            case "project":
                if (none) return null;
                if (!catalog.Names.ContainsKey(value))
                    throw new ArgumentException($"{value} is not in the project catalog (models/{ProjectCatalog.FileName} lists the ids)");
                return value;
            default:
                throw new ArgumentException($"{field} cannot be corrected (one of {string.Join(", ", CorrectionFields.Columns.Keys)})");
        }
    }
}
