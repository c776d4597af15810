using BulletinIngest.Reading;

namespace BulletinIngest.Extraction.Text;

/// <summary>
/// The document as the extraction reads it: the same blocks at the same offsets, each block's text
/// normalized by <see cref="TextNormalizer"/>. What the extraction finds is then given back in the
/// document's own words: each figure's sentence, project and indicator are taken from the text as
/// written at the offsets they were found at (a traditional-character bulletin keeps its 發展). Blocks read by
/// OCR are also repaired (<see cref="OcrRepairs"/>: 泪罗市 → 汨罗市, (D) → (1), 10094 → 100%), in the view only.
/// </summary>
public sealed class NormalizedView
{
    private readonly TextNormalizer _normalizer;
    private CompactText? _compact;

    private NormalizedView(DocumentText original, DocumentText normalized, TextNormalizer normalizer)
    {
        Original = original;
        Normalized = normalized;
        _normalizer = normalizer;
    }

    public DocumentText Original { get; }
    public DocumentText Normalized { get; }

    public static NormalizedView Of(DocumentText document, TextNormalizer? normalizer = null, OcrRepairs? ocrRepairs = null)
    {
        normalizer ??= TextNormalizer.Default;
        var blocks = document.Blocks.Select(b => b with { Text = normalizer.Normalize(b.Text) }).ToList();
        if (blocks.Any(b => b.Ocr is not null))
        {
            ocrRepairs ??= OcrRepairs.Default;
            // Place names are read in the context of the whole document, the ones OCR got right and the text layer's.
            var named = ocrRepairs.PlacesNamedIn(string.Join('\n', blocks.Select(b => b.Text)));
            var misread = ocrRepairs.MisreadPlaces(string.Join('\n', blocks.Where(b => b.Ocr is not null).Select(b => b.Text)), named);
            blocks = blocks.Select(b => b.Ocr is null ? b : b with { Text = ocrRepairs.Repair(b.Text, misread) }).ToList();
        }
        return new NormalizedView(document, new DocumentText(document.Format, blocks, document.PageCount, document.Warnings), normalizer);
    }

    /// <summary>The result with names and sentences as written in the original document.</summary>
    public ExtractionResult Restore(ExtractionResult result)
    {
        if (Original.FullText == Normalized.FullText) return result;
        var figures = result.Figures.Select(f => f with
        {
            Sentence = OriginalSentence(f),
            Project = OriginalName(f.Project, f.Start),
            Indicator = OriginalName(f.Indicator, f.Start),
        }).ToList();
        return result with { Figures = figures };
    }

    /// <summary>The sentence is a stretch of the normalized full text: the same stretch of the original.</summary>
    private string OriginalSentence(Figure figure)
    {
        string text = Normalized.FullText, sentence = figure.Sentence;
        if (sentence.Length == 0) return sentence;
        int at = text.IndexOf(sentence, Math.Max(0, figure.Start - sentence.Length), StringComparison.Ordinal);
        if (at < 0 || at > figure.End) at = text.LastIndexOf(sentence, Math.Min(text.Length - 1, figure.End + sentence.Length), StringComparison.Ordinal);
        return at < 0 ? sentence : Original.FullText.Substring(at, sentence.Length);
    }

    /// <summary>
    /// A name was cut out of the compacted normalized text (spaces and glosses gone): find it there, the
    /// occurrence nearest the figure, and put back each traditional character it was normalized from.
    /// Names the extraction composed (not found in the text) stay as they are.
    /// </summary>
    private string OriginalName(string name, int near)
    {
        if (name.Length == 0) return name;
        var compact = _compact ??= CompactText.From(Normalized.FullText);
        int best = -1, bestDistance = int.MaxValue;
        for (int at = compact.Text.IndexOf(name, StringComparison.Ordinal); at >= 0;
             at = compact.Text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            int distance = Math.Abs(compact.SourceOffset(at) - near);
            if (distance < bestDistance) (best, bestDistance) = (at, distance);
        }
        if (best < 0) return name;
        var written = name.ToCharArray();
        for (int i = 0; i < written.Length; i++)
        {
            char original = Original.FullText[compact.SourceOffset(best + i)];
            if (_normalizer.IsTraditionalOf(original, written[i])) written[i] = original;
        }
        return new string(written);
    }
}
