using System.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Tests.Reading;

public class TxtReaderTests
{
    private static readonly TxtReader Reader = new();

    [Theory]
    [InlineData("000_7f4eaa1b27befe4b.bom.txt", "000_7f4eaa1b27befe4b.txt")]
    [InlineData("001_054569d9a1a13617.gb18030.txt", "001_054569d9a1a13617.txt")]
    [InlineData("004_1f00e35fffe70a01.utf16.txt", "004_1f00e35fffe70a01.txt")]
    public void Encoded_copies_decode_to_the_seed_exactly(string encoded, string seed)
    {
        string decoded = TxtReader.Decode(File.ReadAllBytes(RepoPaths.Bulletin("txt/" + encoded)));
        Assert.Equal(File.ReadAllText(RepoPaths.Bulletin("txt/" + seed), new UTF8Encoding(false)), decoded.TrimStart('\uFEFF'));
    }

    [Fact]
    public void Utf16_big_endian_with_bom_decodes()
    {
        byte[] bytes = [.. new byte[] { 0xFE, 0xFF }, .. Encoding.BigEndianUnicode.GetBytes("完成全年任务的35%")];
        Assert.Equal("完成全年任务的35%", Reader.Read(bytes).FullText);
    }

    [Fact]
    public void Gbk_without_bom_decodes()
    {
        byte[] bytes = CodePagesEncoding("GB18030").GetBytes("城镇新增就业 2230 人,完成全年任务的37.17%。");
        Assert.Equal("城镇新增就业 2230 人,完成全年任务的37.17%。", Reader.Read(bytes).FullText);
    }

    [Fact]
    public void Binary_data_is_refused()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Reader.Read(File.ReadAllBytes(RepoPaths.Fixture("bad/binary.txt"))));
        Assert.Equal(RejectReason.Binary, error.Reason);
    }

    [Fact]
    public void Markup_becomes_block_kinds()
    {
        var text = Reader.Read(Encoding.UTF8.GetBytes("# 标题\n\n- 列表项\n\n序号\t项目\t完成比例\n\n**一是**正文。"));
        Assert.Equal([BlockKind.Heading, BlockKind.ListItem, BlockKind.TableRow, BlockKind.Paragraph], text.Blocks.Select(b => b.Kind));
        Assert.Equal(["标题", "列表项", "序号\t项目\t完成比例", "一是正文。"], text.Blocks.Select(b => b.Text));
        Assert.Equal(1, text.Blocks[0].HeadingLevel);
    }

    [Fact]
    public void A_sentence_broken_across_lines_is_joined_but_a_finished_one_is_not()
    {
        string input = "岳阳市建成高标准农田项目进展顺利，全市总进度完成\n\n100.43%，部分地区超额完成。\n\n二是下一步工作安排。";
        var text = Reader.Read(Encoding.UTF8.GetBytes(input.Replace("100.43%", "百分之百")));
        Assert.Equal(2, text.Blocks.Count);
        Assert.StartsWith("岳阳市", text.Blocks[0].Text);
        Assert.EndsWith("部分地区超额完成。", text.Blocks[0].Text);
    }

    [Fact]
    public void A_short_line_ends_its_block_even_after_a_full_one()
    {
        // The width test is the last printed line's, not the block's so far: a full title line takes the short line
        // after it (the heuristic cannot tell), but that short line does not fill a line, so the field after it starts anew.
        string input = "市政府办公室关于做好2020年市政府为民办十件实事的通知\n政策\n发布部门:淮安市人民政府办公室\n";
        var text = Reader.Read(Encoding.UTF8.GetBytes(input));
        Assert.Equal(2, text.Blocks.Count);
        Assert.Equal("市政府办公室关于做好2020年市政府为民办十件实事的通知政策", text.Blocks[0].Text);
        Assert.Equal("发布部门:淮安市人民政府办公室", text.Blocks[1].Text);
    }

    [Fact]
    public void A_signature_with_its_date_and_a_numbered_heading_are_never_joined()
    {
        string input = "某某县民生项目推进工作专班办公室编印　　　　二〇二四年三月九日\n\n一、省级民生实事推进情况\n\n"
                       + "各乡镇认真落实年初部署，围绕年度目标任务倒排工期、挂图作战，项目推进总体\n（一）新建农贸市场。";
        var text = Reader.Read(Encoding.UTF8.GetBytes(input));
        Assert.Equal(4, text.Blocks.Count);
        Assert.EndsWith("三月九日", text.Blocks[0].Text);
        Assert.StartsWith("（一）", text.Blocks[3].Text);
    }

    [Fact]
    public void Offsets_point_into_the_full_text()
    {
        var text = Reader.Read(Encoding.UTF8.GetBytes("第一段。\n\n第二段。"));
        foreach (var block in text.Blocks) Assert.Equal(block.Text, text.FullText[block.Start..block.End]);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
