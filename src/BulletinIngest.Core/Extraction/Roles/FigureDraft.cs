namespace BulletinIngest.Extraction.Roles;

/// <summary>A figure being assembled from an item: values and names, and the span of text it came from (compact indices).</summary>
public sealed class FigureDraft
{
    public required string Region { get; set; }
    public string? Tier { get; set; }
    public required string Project { get; set; }
    public required string Indicator { get; set; }
    public double? Target { get; set; }
    public double? Actual { get; set; }
    public string? Unit { get; set; }
    public double? Percent { get; set; }
    public string? Qualifier { get; set; }
    public bool Approximate { get; set; }
    public bool Optional { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>Why the figure has its numbers: each mention's role and the features that decided it.</summary>
    public string? Why { get; set; }

    public bool HasNumbers => Target is not null || Actual is not null || Percent is not null;
}
