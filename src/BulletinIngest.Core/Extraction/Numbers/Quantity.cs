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

    /// <summary>
    /// A written number times its scale (万, 亿, a column's 万元), as the text says it: in decimal, since in double
    /// 256.4 × 1e8 is 25639999999.999996.
    /// </summary>
    public static double Scale(double written, double factor) =>
        factor == 1 || Math.Abs(written) > 1e15 ? written * factor : (double)Math.Round((decimal)written * (decimal)factor, 6);

    /// <summary>Two values the text states are the same number: equal within a millionth (read and scaled apart).</summary>
    public static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
