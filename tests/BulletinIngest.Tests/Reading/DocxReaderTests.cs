using System.Text;
using BulletinIngest.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BulletinIngest.Tests.Reading;

public class DocxReaderTests
{
    public static TheoryData<string> Stems => new(Directory.GetFiles(RepoPaths.Expected, "*.txt").Select(Path.GetFileNameWithoutExtension)!);

    [Theory]
    [MemberData(nameof(Stems))]
    public void Sample_docx_reads_as_the_expected_text_line_for_line(string stem)
    {
        var text = new DocxReader().Read(File.ReadAllBytes(RepoPaths.Bulletin($"docx/{stem}.docx")));
        string[] expected = File.ReadAllText(Path.Combine(RepoPaths.Expected, stem + ".txt")).TrimEnd('\n').Split('\n');
        Assert.Equal(expected, text.Blocks.Select(b => b.Text));
    }

    [Theory]
    [MemberData(nameof(Stems))]
    public void Txt_and_docx_renderings_hold_the_same_text(string stem)
    {
        var fromDocx = new DocxReader().Read(File.ReadAllBytes(RepoPaths.Bulletin($"docx/{stem}.docx")));
        var fromTxt = new TxtReader().Read(File.ReadAllBytes(RepoPaths.Bulletin($"txt/{stem}.txt")));
        Assert.Equal(WithoutWhitespace(fromDocx.FullText), WithoutWhitespace(fromTxt.FullText));
    }

    [Fact]
    public void Headings_tables_and_lists_keep_their_kinds()
    {
        var text = new DocxReader().Read(File.ReadAllBytes(RepoPaths.Bulletin("docx/002_9e5b1a39eb6826af.docx")));
        Assert.Contains(text.Blocks, b => b.Kind == BlockKind.Heading && b.HeadingLevel == 1);
        Assert.Contains(text.Blocks, b => b.Kind == BlockKind.ListItem);
        Assert.Contains(text.Blocks, b => b.Kind == BlockKind.TableRow && b.Text.Split('\t').Length >= 6);
    }

    [Fact]
    public void Automatic_numbering_is_rendered_and_merged_cells_keep_columns()
    {
        byte[] docx = SyntheticDocx(body =>
        {
            body.Append(NumberedParagraph("省级重点民生实事", 1), NumberedParagraph("市级重点民生实事", 1), NumberedParagraph("推进城乡就业", 2, level: 1));
            var table = new W.Table(
                new W.TableRow(Cell("项目", span: 2), Cell("完成比例")),
                new W.TableRow(Cell("就业"), Cell("人社局"), Cell("87.4%")));
            body.Append(table);
        });
        var text = new DocxReader().Read(docx);
        Assert.Equal(["（一）省级重点民生实事", "（二）市级重点民生实事", "1.推进城乡就业", "项目\t\t完成比例", "就业\t人社局\t87.4%"],
            text.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Zip_bomb_is_refused_before_inflating()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => new DocumentReader().Read(RepoPaths.Fixture("bad/bomb.docx")));
        Assert.Equal(RejectReason.TooLarge, error.Reason);
        Assert.Contains("zip bomb", error.Message);
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static W.Paragraph NumberedParagraph(string text, int numId, int level = 0) => new(
        new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = numId })),
        new W.Run(new W.Text(text)));

    private static W.TableCell Cell(string text, int span = 1) => new(
        new W.TableCellProperties(new W.GridSpan { Val = span }),
        new W.Paragraph(new W.Run(new W.Text(text))));

    private static byte[] SyntheticDocx(Action<W.Body> fill)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new W.Numbering(
                new W.AbstractNum(
                    new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.ChineseCounting },
                        new W.LevelText { Val = "（%1）" }) { LevelIndex = 0 },
                    new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.Decimal },
                        new W.LevelText { Val = "%2." }) { LevelIndex = 1 }) { AbstractNumberId = 7 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 7 }) { NumberID = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 7 }) { NumberID = 2 });
            var body = new W.Body();
            fill(body);
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }
}
