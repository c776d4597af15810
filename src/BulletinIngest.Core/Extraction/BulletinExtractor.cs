using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Tables;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Extraction;

/// <summary>
/// The figure extractor the pipeline uses. Steps: metadata from the masthead → the outline (sections, tiers,
/// numbered items, narrative paragraphs, tables) → figures from items (<see cref="ItemFigureBuilder"/>),
/// narratives (<see cref="NarrativeFigureBuilder"/>) and tables (<see cref="TableFigureBuilder"/>) → provenance
/// (page, offsets into <see cref="DocumentText.FullText"/>, the source sentence). Works on the block model any
/// reader yields; nothing depends on a file format's markup.
/// </summary>
public sealed class BulletinExtractor(Gazetteer? gazetteer = null) : IFigureExtractor
{
    private readonly Gazetteer _gazetteer = gazetteer ?? Gazetteer.Default;

    public ExtractionResult Extract(DocumentText document, string documentName)
    {
        var metadata = MetadataReader.Read(document, _gazetteer);
        var issuing = metadata.Region is null ? null
            : _gazetteer.Find(metadata.Region) ?? new Place(metadata.Region, metadata.ParentRegion, RegionLevel.County, []);
        var regions = new RegionResolver(_gazetteer, issuing);
        string region = metadata.Region ?? "";
        bool isPlan = metadata.Kind == "plan";

        var outline = Outline.Read(document, regions, isPlan);
        var figures = new List<Figure>();
        var items = new ItemFigureBuilder(regions, region, isPlan);
        var narratives = new NarrativeFigureBuilder(region);
        foreach (var unit in outline.Items)
        {
            var drafts = unit.Kind == SectionKind.Narrative ? (isPlan ? [] : narratives.Build(unit)) : items.Build(unit);
            figures.AddRange(drafts.Where(d => d.HasNumbers).Select(d => Provenance(document, unit.Text, d)));
        }
        var tables = new TableFigureBuilder(regions, region, isPlan);
        var stated = figures.Where(f => f.Target is not null).Select(f => (f.Target, f.Unit)).ToHashSet();
        foreach (var table in outline.Tables)
            foreach (var (draft, row) in tables.Build(table))
            {
                // A plan's task table repeats the targets its prose states: count each once.
                if (isPlan && stated.Contains((draft.Target, draft.Unit))) continue;
                var block = table.Rows[row];
                figures.Add(ToFigure(draft, block.Page, block.Start, block.End, block.Text));
            }
        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        var resolved = TargetActualPairing.Apply(figures).Select(ProgressStage.WithoutOtherStageActual).ToList();
        return new ExtractionResult(metadata, resolved);
    }

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
        Page = page,
        Start = start,
        End = end,
        Sentence = sentence,
    };
}
