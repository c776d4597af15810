namespace BulletinIngest.Reading.TextTables;

/// <summary>
/// Runs every table detector side by side over a text's lines and keeps the claims that do not overlap,
/// the most confident first, so one line belongs to at most one table.
/// </summary>
public static class TextTableFinder
{
    private static readonly ITableDetector[] Detectors = [new PipeTableDetector(), new AlignedColumnsDetector(), new CellPerLineGridDetector(), new SpaceSeparatedDetector(), new HeaderWidthGridDetector(), new LabelValueFormDetector()];

    public static IReadOnlyList<TableClaim> Find(IReadOnlyList<string> lines)
    {
        var kept = new List<TableClaim>();
        foreach (var claim in Detectors.SelectMany(d => d.Detect(lines)).OrderByDescending(c => c.Confidence).ThenBy(c => c.FirstLine))
            if (!kept.Any(claim.Overlaps)) kept.Add(claim);
        return kept.OrderBy(c => c.FirstLine).ToList();
    }

    /// <summary>Every row padded with empty cells to the widest row, so all rows have the same cell count.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rectangular(IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        int width = list.Count == 0 ? 0 : list.Max(r => r.Count);
        return list.Select(r => (IReadOnlyList<string>)[.. r, .. Enumerable.Repeat("", width - r.Count)]).ToList();
    }
}
