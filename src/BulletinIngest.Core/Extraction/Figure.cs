namespace BulletinIngest.Extraction;

/// <summary>
/// One progress figure: a project's (or one of its indicators') target, amount done and completion
/// percentage for one region, with the place in the document it was read from.
/// Field meanings follow the gold label format (shared/gold/README.md).
/// </summary>
public sealed record Figure
{
    public required string Region { get; init; }
    /// <summary>"省级", "市级", "县级" or null.</summary>
    public string? Tier { get; init; }
    public required string Project { get; init; }
    public required string Indicator { get; init; }
    public double? Target { get; init; }
    public double? Actual { get; init; }
    /// <summary>Base unit after scaling (万人次 → 人次).</summary>
    public string? Unit { get; init; }
    public double? Percent { get; init; }
    /// <summary>null for an exact percentage; ">", ">=", "<", "<=" for a bound.</summary>
    public string? Qualifier { get; init; }
    /// <summary>The text hedged a number (余, 近, 多, 约).</summary>
    public bool Approximate { get; init; }
    /// <summary>Borderline figure from a narrative section.</summary>
    public bool Optional { get; init; }
    public bool Inconsistent { get; init; }

    // Provenance: where an analyst checks the figure.
    public int Page { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public required string Sentence { get; init; }

    /// <summary>Canonical project id from the catalog, when one fits.</summary>
    public string? CanonicalProjectId { get; init; }
    /// <summary>Who decided to keep the figure: "rules" or a model file's version.</summary>
    public string DecidedBy { get; init; } = "rules";
    public double? Confidence { get; init; }
    /// <summary>
    /// Null for a figure read from a text layer (source = text). For one read by OCR (source = ocr): the lowest
    /// confidence of an uncertain word in its span, else its block's mean word confidence (0-100).
    /// </summary>
    public double? OcrConfidence { get; init; }
    /// <summary>OCR read a word of the figure with low confidence: check it against the page image.</summary>
    public bool Suspect => OcrConfidence < Reading.OcrMarks.LowConfidence;
    /// <summary>For figures the candidate path assembled: which mention got which role, and the deciding features.</summary>
    public string? Why { get; init; }
}

/// <summary>What a bulletin says about itself: who issued it, when, which issue, which campaign.</summary>
public sealed record DocumentMetadata
{
    public string? Region { get; init; }
    public string? ParentRegion { get; init; }
    public string? IssuingBody { get; init; }
    /// <summary>"bulletin" or "plan".</summary>
    public string? Kind { get; init; }
    /// <summary>Why the kind is what it is: P(plan) and the cues that pushed it most (Learning/KindModel over Metadata/KindEvidence).</summary>
    public string? KindEvidence { get; init; }
    /// <summary>P(plan) was near 0.5 (<see cref="Learning.KindModel.UncertainFrom"/>–To): the kind read is the likelier one, said in a warning.</summary>
    public bool KindUncertain { get; init; }
    public int? Issue { get; init; }
    /// <summary>YYYY-MM-DD.</summary>
    public string? Date { get; init; }
    public string? Campaign { get; init; }
    /// <summary>Reporting period as stated ("截至9月份", "1-9月").</summary>
    public string? Period { get; init; }
    /// <summary>Why the region is what it is: the evidence that decided it, or why none did.</summary>
    public string? RegionEvidence { get; init; }
    /// <summary>The region is only a guess (the one place named, below the evidence threshold): a region hint wins over it.</summary>
    public bool RegionGuessed { get; init; }
    /// <summary>The region comes from the file's path, the text naming none (Metadata/PathEvidence): a region hint wins over it.</summary>
    public bool RegionFromPath { get; init; }
    /// <summary>What an analyst should know about the metadata (an unknown or guessed region, an uncertain kind).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The document's metadata and figures, and the number mentions the candidate path gave no role (with why).</summary>
public sealed record ExtractionResult(DocumentMetadata Metadata, IReadOnlyList<Figure> Figures)
{
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>The normalized copy of the document the extraction read (simplified characters): coverage counts its amounts
    /// without normalizing again. Not sent with the answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Reading.DocumentText? Normalized { get; init; }
}
