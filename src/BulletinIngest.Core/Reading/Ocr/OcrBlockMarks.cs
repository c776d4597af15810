namespace BulletinIngest.Reading.Ocr;

/// <summary>
/// Marks the blocks of recognized pages as OCR'd (<see cref="TextBlock.Ocr"/>): the layout steps rebuild lines,
/// rows and paragraphs from the words' letters, so each block's words are found again in its text. A block's words
/// are a run of the page's words in Tesseract's order: the run that starts the block's text and matches the most
/// characters gives the block its mean confidence and its uncertain words. A block no run matches (a header the
/// layout joined differently) still counts as OCR'd, with the page's mean confidence, except on a text page with a
/// scanned part, where it is text-layer text.
/// </summary>
public static class OcrBlockMarks
{
    /// <summary>Characters a matched word may sit past the previous one (spaces, a TAB, a bullet the layout dropped).</summary>
    private const int Slack = 3;

    public static DocumentText Apply(DocumentText document, IReadOnlyDictionary<int, OcrPage> recognized, IReadOnlySet<int>? partlyScanned = null)
    {
        if (recognized.Count == 0) return document;
        var blocks = document.Blocks
            .Select(b => recognized.TryGetValue(b.Page, out var page)
                ? b with { Ocr = Mark(b.Text, page, textLayerToo: partlyScanned?.Contains(b.Page) == true) }
                : b)
            .ToList();
        return new DocumentText(document.Format, blocks, document.PageCount, document.Warnings);
    }

    internal static OcrMarks? Mark(string text, OcrPage page, bool textLayerToo = false)
    {
        var words = page.Words;
        List<(OcrWord Word, int At)> best = [];
        int bestChars = 0;
        int first = FirstVisible(text);
        for (int k = 0; k < words.Count; k++)
        {
            if (string.CompareOrdinal(text, first, words[k].Text, 0, words[k].Text.Length) != 0) continue;
            var run = Run(text, words, k);
            int chars = run.Sum(r => r.Word.Text.Length);
            if (chars > bestChars) (best, bestChars) = (run, chars);
        }
        if (best.Count == 0) return textLayerToo ? null : new OcrMarks(page.MeanConfidence, []);
        double mean = best.Sum(r => r.Word.Confidence * r.Word.Text.Length) / bestChars;
        var uncertain = best.Where(r => r.Word.Confidence < OcrMarks.LowConfidence)
            .Select(r => new OcrSpan(r.At, r.Word.Text.Length, r.Word.Confidence)).ToList();
        return new OcrMarks(mean, uncertain);
    }

    /// <summary>Words from <paramref name="start"/> on, each found at most <see cref="Slack"/> characters past the one before.</summary>
    private static List<(OcrWord Word, int At)> Run(string text, IReadOnlyList<OcrWord> words, int start)
    {
        var run = new List<(OcrWord Word, int At)>();
        int cursor = FirstVisible(text), misses = 0;
        for (int k = start; k < words.Count && cursor < text.Length && misses < 2; k++)
        {
            string word = words[k].Text;
            int limit = Math.Min(text.Length - cursor, Slack + word.Length);
            int at = text.IndexOf(word, cursor, limit, StringComparison.Ordinal);
            if (at < 0) { misses++; continue; }
            misses = 0;
            run.Add((words[k], at));
            cursor = at + word.Length;
        }
        return run;
    }

    private static int FirstVisible(string text)
    {
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
