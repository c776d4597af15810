using System.Text;
using BulletinIngest.Reading.Pdf.Fonts;

namespace BulletinIngest.Tests.Pdf;

public class CMapTests
{
    private static CMap Parse(string text) => CMap.Parse(Encoding.Latin1.GetBytes(text));

    [Fact]
    public void Codespace_ranges_split_mixed_one_and_two_byte_codes()
    {
        var map = Parse("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange");
        byte[] bytes = [0x41, 0xC3, 0xF1, 0x32];
        var codes = new List<(int, int)>();
        for (int i = 0; i < bytes.Length;)
        {
            var code = map.NextCode(bytes, i);
            codes.Add(code);
            i += code.Length;
        }
        Assert.Equal([(0x41, 1), (0xC3F1, 2), (0x32, 1)], codes);
    }

    [Fact]
    public void Huge_bfrange_stays_a_range_and_still_maps()
    {
        var map = Parse("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange");
        Assert.Equal("民", map.ToUnicode(0x6C11));
        Assert.Null(map.ToUnicode(0x1_0000));
    }

    [Fact]
    public void Bfrange_from_a_surrogate_pair_counts_in_code_points()
    {
        var map = Parse("1 beginbfrange <0001> <0003> <D840DC00> endbfrange");
        Assert.Equal("\U00020002", map.ToUnicode(3));
    }

    [Fact]
    public void Cid_ranges_of_an_embedded_encoding_cmap()
    {
        var map = Parse("/CMapName /Test-H def 1 begincodespacerange <00> <FF> endcodespacerange 1 begincidrange <20> <7E> 1 endcidrange 1 begincidchar <A1> 500 endcidchar");
        Assert.Equal(34, map.ToCid(0x41));
        Assert.Equal(500, map.ToCid(0xA1));
        Assert.Null(map.ToCid(0x10));
    }

    [Theory]
    [InlineData("uni6C115B9E", "民实")]
    [InlineData("u1F600", "😀")]
    [InlineData("f_i", "fi")]
    [InlineData("ffl", "ffl")]
    [InlineData("bullet", "•")]
    [InlineData("A.sc", "A")]
    [InlineData("g123", null)]
    public void Glyph_names_to_text(string name, string? text) => Assert.Equal(text, GlyphNames.ToUnicode(name));
}
