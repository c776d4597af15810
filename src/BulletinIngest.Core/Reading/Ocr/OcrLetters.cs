using BulletinIngest.Reading.Pdf.Content;

namespace BulletinIngest.Reading.Ocr;

/// <summary>
/// Recognized words as the letters our PDF layout steps take (lines, unruled tables, blocks), so a scanned
/// page goes through the same layout as a text page. Pixels become points at the page image's resolution;
/// the letters of a word share its box evenly; every letter of a recognized line sits on the line's
/// baseline with the line's height as its size, so a line stays one line. Tesseract's word boxes overlap at
/// times while its word order is right, so letters keep that order: none starts left of the one before.
/// </summary>
public static class OcrLetters
{
    public static PageContent ToPage(OcrPage ocr, int pageNumber, double width, double height, int imageCount)
    {
        double scale = 72.0 / ocr.Dpi;
        var letters = new List<Letter>();
        foreach (var line in ocr.Words.GroupBy(w => w.Line))
        {
            // The line's body height: the median word height, so one tall bracket does not stretch it.
            var heights = line.Select(w => w.Height).Order().ToList();
            double size = heights[heights.Count / 2] * scale;
            double baseline = line.Max(w => w.Top + w.Height) * scale - 0.12 * size;
            double previousRight = double.MinValue;
            foreach (var word in line)
            {
                var glyphs = System.Globalization.StringInfo.GetTextElementEnumerator(word.Text);
                var texts = new List<string>();
                while (glyphs.MoveNext()) texts.Add((string)glyphs.Current);
                double each = word.Width * scale / texts.Count;
                for (int i = 0; i < texts.Count; i++)
                {
                    double x = Math.Max(word.Left * scale + i * each, previousRight);
                    letters.Add(new Letter(texts[i], x, baseline, each, size, Bold: false, Upright: true));
                    previousRight = x + each;
                }
            }
        }
        return new PageContent(pageNumber, width, height, letters, [], imageCount);
    }
}
