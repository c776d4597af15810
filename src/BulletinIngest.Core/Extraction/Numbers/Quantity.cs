namespace BulletinIngest.Extraction.Numbers;

/// <summary>
/// A number the recognizer found, with its value scaled to the base unit (17.14万人次 → 171400 人次).
/// Start/End are indices into the text it was found in (number, scale and unit included).
/// </summary>
public sealed record Quantity
{
    public required double Value { get; init; }
    /// <summary>Base unit; "%" for percentages; null for a bare number.</summary>
    public string? Unit { get; init; }
    public bool IsPercent => Unit == "%";
    public bool IsBare => Unit is null;
    /// <summary>余, 多, 近, 约, 左右: the bulletin hedged the number.</summary>
    public bool Approximate { get; init; }
    /// <summary>A bound written next to the number: 超过 (&gt;), 以上 (&gt;=), 以下 (&lt;=), 低于 (&lt;), ...</summary>
    public string? Qualifier { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>The number as written in Chinese numerals.</summary>
    public bool Chinese { get; init; }
}
