namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Lines of a text that a detector reads as one table: the first and last line it covers (inclusive, blank
/// lines inside included), the rows it found (header rows first, every row with the same cell count) and how
/// sure it is (0–1). Claims of different detectors compete by confidence.
/// </summary>
public sealed record TableClaim(string Detector, int FirstLine, int LastLine, IReadOnlyList<IReadOnlyList<string>> Rows, double Confidence)
{
    public bool Overlaps(TableClaim other) => FirstLine <= other.LastLine && other.FirstLine <= LastLine;
}

/// <summary>One way a table can be flattened into text lines; finds the tables flattened that way.</summary>
public interface ITableDetector
{
    IEnumerable<TableClaim> Detect(IReadOnlyList<string> lines);
}
