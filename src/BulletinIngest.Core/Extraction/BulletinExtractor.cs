using BulletinIngest.Extraction.Assembly;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Tables;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Extraction;

/// <summary>
/// The figure extractor the pipeline uses. Steps: metadata → the outline (sections, tiers, numbered items,
/// tables, and every other paragraph as a loose unit) → figures from numbered items (<see cref="ItemFigureBuilder"/>),
/// from everything else by candidates, scored roles and assembly (<see cref="FigureAssembler"/>: nothing is
/// dropped by a section keyword, the section kind is a feature) and from tables (<see cref="TableFigureBuilder"/>)
/// → provenance (page, offsets into <see cref="DocumentText.FullText"/>, the source sentence). Works on the block
/// model any reader yields; nothing depends on a file format's markup.
/// </summary>
public sealed class BulletinExtractor(Gazetteer? gazetteer = null) : IFigureExtractor
{
    private readonly Gazetteer _gazetteer = gazetteer ?? Gazetteer.Default;

    public ExtractionResult Extract(DocumentText document, string documentName)
    {
        // The cues are simplified Chinese: read a normalized copy, give the figures back in the document's words.
        // Noise goes after normalizing: a DocumentText rebuilt from fewer blocks would no longer match their offsets.
        var view = NormalizedView.Of(document);
        return WithOcrConfidence(document, view.Restore(ExtractNormalized(view.Normalized.WithoutNoise(), documentName))) with { Normalized = view.Normalized };
    }

    /// <summary>
    /// Each figure read from an OCR'd block gets its OCR confidence (low: suspect): the lowest of the uncertain words
    /// in its span or, elsewhere in its block (an item's head), of those that read one of its numbers; else the block's mean.
    /// </summary>
    private static ExtractionResult WithOcrConfidence(DocumentText document, ExtractionResult result)
    {
        if (document.Blocks.All(b => b.Ocr is null)) return result;
        return result with
        {
            Figures = result.Figures.Select(f => document.BlockAt(f.Start) is { Ocr: { } ocr } block
                ? f with { OcrConfidence = ocr.LowestIn(f.Start - block.Start, f.End - block.Start) ?? LowestOfItsNumbers(f, block, ocr) ?? ocr.MeanConfidence }
                : f).ToList(),
        };
    }

    private static double? LowestOfItsNumbers(Figure figure, TextBlock block, OcrMarks ocr)
    {
        double?[] numbers = [figure.Target, figure.Actual, figure.Percent];
        return ocr.Uncertain
            .Where(s => DigitsOf(block.Text.Substring(s.Start, s.Length)) is { } read
                        && numbers.Any(n => n is { } v && (Math.Abs(v - read) < 1e-9 || Math.Abs(v - read * 10_000) < 1e-6)))
            .Select(s => (double?)s.Confidence).Min();
    }

    /// <summary>The first number a recognized word holds (118 of "118人"), or null.</summary>
    private static double? DigitsOf(string word)
    {
        int start = 0;
        while (start < word.Length && word[start] is < '0' or > '9') start++;
        int end = start;
        while (end < word.Length && word[end] is >= '0' and <= '9' or '.') end++;
        return double.TryParse(word.AsSpan(start, end - start), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double value) ? value : null;
    }

    /// <param name="documentName">The file's path or name: its place names are the region's weakest evidence.</param>
    private ExtractionResult ExtractNormalized(DocumentText document, string documentName)
    {
        var metadata = MetadataReader.Read(document, _gazetteer, documentName);
        var issuing = metadata.Region is null ? null
            : _gazetteer.Find(metadata.Region) ?? new Place(metadata.Region, metadata.ParentRegion, RegionLevel.County, []);
        var regions = new RegionResolver(_gazetteer, issuing);
        // A document whose issuing place nothing names still gives its figures an explicit region.
        string region = metadata.Region ?? RegionNames.Unknown;
        bool isPlan = metadata.Kind == "plan";

        var outline = Outline.Read(document, regions, isPlan);
        var figures = new List<Figure>();
        var items = new ItemFigureBuilder(regions, region, isPlan);
        var candidates = new FigureAssembler(regions, region, isPlan);
        // Where a document lists its projects (numbered items, a table), a paragraph outside them is an introduction or a summary.
        bool itemized = outline.Items.Count(u => !u.Loose && u.Kind == SectionKind.Progress) >= 3 || outline.Tables.Sum(t => t.Rows.Count) >= 3;
        // The programme's own tally (20件民生实事…已提前完成11件) first: its numbers make no other figure.
        var tallies = ProjectTally.Default.Read(outline.Items, region, isPlan);
        foreach (var unit in outline.Items)
        {
            var drafts = unit.Loose || unit.Kind != SectionKind.Progress ? candidates.Build(unit, itemized, tallies.TakenIn(unit)) : tallies.Without(unit, items.Build(unit));
            drafts.AddRange(tallies.FiguresOf(unit));
            foreach (var d in drafts) d.Why ??= "numbered item (item rules)";
            figures.AddRange(drafts.Where(d => d.HasNumbers).Select(d => Provenance(document, unit.Text, d)));
        }
        // A figure whose one number is no progress (a campaign's size, a difference in points) goes, with its reason.
        var rejected = candidates.Rejected.Concat(tallies.Rejected).ToList();
        figures = NonFigureRules.Default.Keep(document.FullText, figures, rejected);
        var tables = new TableFigureBuilder(regions, region, isPlan);
        var stated = figures.Where(f => f.Target is not null).Select(f => (f.Target, f.Unit)).ToHashSet();
        var fromText = figures.ToList();
        var tableRowStarts = new HashSet<int>();
        foreach (var table in outline.Tables)
            foreach (var (draft, row) in tables.Build(table))
            {
                // A plan's task table repeats the targets its prose states: count each once.
                if (isPlan && stated.Contains((draft.Target, draft.Unit))) continue;
                var block = table.Rows[row];
                var figure = ToFigure(draft, block.Page, block.Start, block.End, block.Text);
                tableRowStarts.Add(block.Start);
                // A table row that repeats a figure of the text (a 合计 row, a plan's task table) completes it instead.
                int same = fromText.FindIndex(f => Repeats(figure, f));
                if (same < 0)
                {
                    figures.Add(figure);
                    continue;
                }
                var completed = Completed(fromText[same], figure);
                figures[figures.IndexOf(fromText[same])] = completed;
                fromText[same] = completed;
            }
        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        var resolved = RepeatedFigures.Drop(TargetActualPairing.Apply(figures, AmountsOf(outline), document.FullText).Select(ProgressStage.WithoutOtherStageActual).ToList(), tableRowStarts, rejected);
        // Last, once figures are paired and read once: one only a bare verb names is of the document's programme.
        resolved = DocumentProgramme.Name(resolved, document.FullText, regions);
        return new ExtractionResult(metadata, resolved) { Rejected = rejected };
    }

    /// <summary>Every amount of the text units, offsets into the full text: where a figure's task may be stated.</summary>
    private static IReadOnlyList<Numbers.Quantity> AmountsOf(Outline outline) => outline.Items
        .SelectMany(u => Numbers.NumberRecognizer.Find(u.Text.Text).Where(q => !q.IsPercent && !q.IsBare)
            .Select(q => q with { Start = u.Text.SourceOffset(q.Start), End = u.Text.SourceEndOffset(q.End) }))
        .ToList();

    /// <summary>A table figure that states the same thing as a text figure: same region and project, no number in conflict.</summary>
    private static bool Repeats(Figure row, Figure text)
    {
        if (row.Region != text.Region) return false;
        if (!SameName(row.Project, text.Project) && !SameName(row.Project, text.Indicator)) return false;
        int agreeing = 0;
        foreach (var (a, b) in new[] { (row.Target, text.Target), (row.Actual, text.Actual), (row.Percent, text.Percent) })
        {
            if (a is null || b is null) continue;
            if (!Numbers.Quantity.Same(a.Value, b.Value)) return false;
            agreeing++;
        }
        return agreeing > 0;
    }

    private static bool SameName(string a, string b) =>
        a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

    /// <summary>The text figure with what only the table states (the target of a 合计 row).</summary>
    private static Figure Completed(Figure text, Figure row) => text with
    {
        Target = text.Target ?? row.Target,
        Actual = text.Actual ?? row.Actual,
        Percent = text.Percent ?? row.Percent,
        Unit = text.Unit ?? row.Unit,
    };

    private static Figure Provenance(DocumentText document, CompactText text, FigureDraft draft)
    {
        int start = text.SourceOffset(draft.Start);
        int end = text.SourceEndOffset(Math.Max(draft.End, draft.Start + 1));
        var (sentenceStart, sentenceEnd) = SentenceAround(document.FullText, start, end);
        int page = document.BlockAt(start)?.Page ?? 0;
        return ToFigure(draft, page, start, end, document.FullText[sentenceStart..sentenceEnd].Trim());
    }

    /// <summary>The source sentence: from the previous sentence end (or line start) to the next one.</summary>
    private static (int Start, int End) SentenceAround(string text, int start, int end)
    {
        int from = start;
        while (from > 0 && text[from - 1] is not ('。' or '\n' or '！' or '？' or '；' or ';')) from--;
        int to = Math.Max(end, start);
        while (to < text.Length && text[to] is not ('。' or '\n' or '！' or '？')) to++;
        if (to < text.Length && text[to] != '\n') to++;
        return (from, Math.Min(to, text.Length));
    }

    private static Figure ToFigure(FigureDraft d, int page, int start, int end, string sentence) => new()
    {
        Region = d.Region,
        Tier = d.Tier,
        Project = d.Project,
        Indicator = d.Indicator,
        Target = d.Target,
        Actual = d.Actual,
        Unit = d.Unit,
        Percent = d.Percent,
        Qualifier = d.Qualifier,
        Approximate = d.Approximate,
        Optional = d.Optional,
        Why = d.Why,
        Page = page,
        Start = start,
        End = end,
        Sentence = sentence,
    };
}
