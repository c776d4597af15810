using System.Text;
using BulletinIngest.Reading;
using BulletinIngest.Reading.Pdf;
using Xunit.Abstractions;

namespace BulletinIngest.Tests.Pdf;

/// <summary>
/// The corpus PDFs (LibreOffice, Chromium and cairo renderings of the five bulletins) against the expected
/// text, and against poppler's pdftotext on the same files: per-file figures are printed, thresholds asserted.
/// </summary>
public class PdfCorpusTests(ITestOutputHelper output)
{
    private static readonly PdfReader Reader = new();

    public static IEnumerable<object[]> CorpusPdfs() =>
        Directory.GetFiles(RepoPaths.Bulletin("pdf"), "*.pdf").Order().Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void Every_corpus_pdf_matches_the_expected_text_and_is_no_worse_than_pdftotext()
    {
        var failures = new List<string>();
        var table = new StringBuilder("file                                   ours recall/precision   pdftotext recall/precision\n");
        foreach (string file in CorpusPdfs().Select(row => (string)row[0]))
        {
            string stem = file.Split('.')[0];
            string expected = File.ReadAllText(Path.Combine(RepoPaths.Expected, stem + ".txt"));
            string ours = Reader.Read(File.ReadAllBytes(RepoPaths.Bulletin("pdf/" + file))).FullText;
            string poppler = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "reference", Path.ChangeExtension(file, ".pdftotext.txt")));
            var mine = TextSimilarity.Compare(expected, ours);
            var theirs = TextSimilarity.Compare(expected, poppler);
            table.AppendLine($"{file,-38} {mine.Recall,8:P2} / {mine.Precision,-8:P2}   {theirs.Recall,8:P2} / {theirs.Precision:P2}");

            double threshold = stem.StartsWith("002_") ? 0.98 : 0.995;
            if (Math.Min(mine.Recall, mine.Precision) < threshold) failures.Add($"{file}: below {threshold:P1}");
            if (mine.Matched < TextSimilarity.Compare(expected, poppler).Matched && mine.Precision < theirs.Precision)
                failures.Add($"{file}: worse than pdftotext");
        }
        output.WriteLine(table.ToString());
        Assert.Empty(failures);
    }

    [Fact]
    public void Paragraphs_list_items_and_rows_come_out_as_the_expected_lines()
    {
        // Each expected line (paragraph, heading, list item, table row) should be exactly one block:
        // lines broken by the page width joined again, nothing glued to the next paragraph.
        var failures = new List<string>();
        foreach (string file in CorpusPdfs().Select(row => (string)row[0]))
        {
            var expected = File.ReadAllLines(Path.Combine(RepoPaths.Expected, file.Split('.')[0] + ".txt"))
                .Select(TextSimilarity.Normalize).Where(l => l.Length > 0).ToList();
            var blocks = Reader.Read(File.ReadAllBytes(RepoPaths.Bulletin("pdf/" + file))).Blocks
                .Select(b => TextSimilarity.Normalize(b.Text)).ToHashSet();
            int exact = expected.Count(blocks.Contains);
            output.WriteLine($"{file,-38} {exact,4} of {expected.Count,4} expected lines are blocks");
            if (exact < 0.95 * expected.Count) failures.Add($"{file}: {exact} of {expected.Count}");
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(CorpusPdfs))]
    public void Blocks_carry_their_page_and_offsets_into_the_full_text(string file)
    {
        var document = Reader.Read(File.ReadAllBytes(RepoPaths.Bulletin("pdf/" + file)));
        Assert.True(document.PageCount >= 4);
        Assert.All(document.Blocks, block =>
        {
            Assert.InRange(block.Page, 1, document.PageCount);
            Assert.Equal(block.Text, document.FullText.Substring(block.Start, block.Text.Length));
        });
        // Reading order runs through the pages: page numbers never go back.
        Assert.Equal(document.Blocks.Select(b => b.Page).Order(), document.Blocks.Select(b => b.Page));
        Assert.Equal(1, document.Blocks[0].Page);
    }

    [Theory]
    [InlineData("002_9e5b1a39eb6826af.lo.pdf")]
    [InlineData("002_9e5b1a39eb6826af.chrome.pdf")]
    [InlineData("002_9e5b1a39eb6826af.cairo.pdf")]
    public void Table_rows_of_002_come_out_one_row_a_line_with_cells_in_order(string file)
    {
        var expectedRows = File.ReadAllLines(Path.Combine(RepoPaths.Expected, "002_9e5b1a39eb6826af.txt"))
            .Where(line => line.Contains('\t')).Select(Cells).ToList();
        var document = Reader.Read(File.ReadAllBytes(RepoPaths.Bulletin("pdf/" + file)));
        var rows = document.Blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => Cells(b.Text)).ToList();

        // Walk the expected rows in order; each must appear as a row of our output, cell for cell, soon after the previous one.
        const int lookahead = 3;
        int found = 0, position = 0;
        var missing = new List<string>();
        foreach (var row in expectedRows)
        {
            int at = rows.FindIndex(position, Math.Min(lookahead, rows.Count - position), r => r.SequenceEqual(row));
            if (at < 0) { missing.Add(string.Join(" | ", row)); continue; }
            found++;
            position = at + 1;
        }
        output.WriteLine($"{file}: {found} of {expectedRows.Count} expected rows found in order; {rows.Count} rows out");
        foreach (var row in missing) output.WriteLine("  missing: " + row);
        Assert.True(found >= expectedRows.Count * 0.9, $"only {found} of {expectedRows.Count} rows in order");
        Assert.DoesNotContain(document.Blocks, b => b.Kind != BlockKind.TableRow && b.Text.Contains('\t'));
    }

    /// <summary>A row's non-empty cells without whitespace (the corpus compares PDFs without whitespace).</summary>
    private static List<string> Cells(string row) =>
        row.Split('\t').Select(TextSimilarity.Normalize).Where(c => c.Length > 0).ToList();
}
