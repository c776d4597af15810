using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Extraction;

/// <summary>
/// OCR repairs of the normalized view: each line of models/ocr/confusions.tsv repairs its own example, place names one
/// character off are put right only in the document's context (tests/specs/ocr/near_regions.tsv), the view keeps the
/// length and the stored text stays as read, and a figure of a word read with low confidence is suspect.
/// </summary>
public class OcrRepairTests
{
    public static TheoryData<string, string, string> Confusions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var confusion in OcrRepairs.Default.Confusions) data.Add(confusion.Pattern.ToString(), confusion.Example, confusion.Repaired);
        return data;
    }

    [Theory]
    [MemberData(nameof(Confusions))]
    public void Each_confusion_repairs_its_example_and_keeps_the_length(string pattern, string example, string repaired)
    {
        Assert.Matches(pattern, example);
        string result = OcrRepairs.Default.RepairConfusions(example);
        Assert.Equal(repaired, result);
        Assert.Equal(example.Length, result.Length);
    }

    public static TheoryData<string, string> NearRegions()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "tests/specs/ocr/near_regions.tsv")).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var cells = line.Split('\t');
            data.Add(cells[0], cells[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NearRegions))]
    public void Place_names_one_character_off_are_repaired_in_their_context(string text, string repaired)
    {
        var near = NearRegionNames.Default;
        var misread = near.Misreadings(text, near.NamedIn(text));
        Assert.Equal(repaired, NearRegionNames.Repair(text, misread));
    }

    private static DocumentText OcrDocument(params (string Text, OcrMarks? Ocr)[] blocks)
    {
        var built = new List<TextBlock>();
        int start = 0;
        foreach (var (text, ocr) in blocks)
        {
            built.Add(new TextBlock(BlockKind.Paragraph, text, 1, start, Ocr: ocr));
            start += text.Length + 1;
        }
        return new DocumentText("pdf", built, 1);
    }

    [Fact]
    public void Only_ocr_blocks_are_repaired_and_the_original_text_stays_as_read()
    {
        var document = OcrDocument(("泪罗市工作专报", new OcrMarks(90, [])), ("岳阳市讲度通报", null), ("(D) 培训讲度", new OcrMarks(90, [])));
        var view = NormalizedView.Of(document);
        Assert.Equal(["汨罗市工作专报", "岳阳市讲度通报", "(1) 培训进度"], view.Normalized.Blocks.Select(b => b.Text));
        Assert.Equal(document.FullText, view.Original.FullText);
        Assert.Equal(document.FullText.Length, view.Normalized.FullText.Length);
    }

    [Fact]
    public void A_figure_of_a_word_read_with_low_confidence_is_suspect_and_others_carry_their_block_confidence()
    {
        const string title = "泪罗市实现好惠民生增福社的期盼工作专报";
        const string heading = "【工作进度]】";
        const string sure = "(1) 培训乡村医生 30 人。已完成6人，完成全年任务的20%。";
        const string unsure = "(D) 康复救助残疾儿童200人。已完成25人，完成全年任务的12.5%。";
        int at = unsure.IndexOf("25人", StringComparison.Ordinal);
        var document = OcrDocument((title, new OcrMarks(91, [])), ("岳阳市“实现好惠民生增福社的期盼”工作专班", new OcrMarks(90, [])),
            (heading, new OcrMarks(88, [])), (sure, new OcrMarks(93, [])), (unsure, new OcrMarks(80, [new OcrSpan(at, 2, 31)])));

        var result = new BulletinExtractor().Extract(document, "scan.pdf");
        Assert.Equal("汨罗市", result.Metadata.Region);
        var rehab = Assert.Single(result.Figures, f => f.Target == 200);
        Assert.Equal(31, rehab.OcrConfidence);
        Assert.True(rehab.Suspect);
        var doctors = Assert.Single(result.Figures, f => f.Target == 30);
        Assert.Equal(93, doctors.OcrConfidence);
        Assert.False(doctors.Suspect);
        // The sentence is the text as read.
        Assert.Contains("(D) 康复救助", document.Blocks[^1].Text);
        Assert.Equal(25, rehab.Actual);
    }
}
