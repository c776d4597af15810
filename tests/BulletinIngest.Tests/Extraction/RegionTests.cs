using BulletinIngest.Extraction.Regions;

namespace BulletinIngest.Tests.Extraction;

public class RegionTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Fact]
    public void Every_common_word_of_the_region_list_is_a_stem_or_name_of_the_gazetteer()
    {
        var words = BulletinIngest.Extraction.Metadata.RegionEvidence.CommonWords.Value;
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.True(Gazetteer.PlacesWithStem(w).Count + Gazetteer.PlacesNamed(w).Count > 0, w));
    }

    [Fact]
    public void Every_former_name_is_no_current_name_and_means_the_division_that_took_its_place()
    {
        var rows = File.ReadLines(Path.Combine(RepoPaths.Root, "models", "regions", "former-names.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 20, $"{rows.Count} former names");
        Assert.All(rows, c =>
        {
            Assert.False(Gazetteer.IsFullName(c[0]), $"{c[0]} is still a division's name");
            var place = Assert.Single(Gazetteer.PlacesNamed(c[0]).DistinctBy(p => p.Name));
            Assert.Equal((c[1], c[2]), (place.Name, place.Parent));
        });
    }

    [Fact]
    public void The_gazetteer_holds_every_county_level_division_of_hunan()
    {
        var hunanCities = Gazetteer.Places.Where(p => p.Level == RegionLevel.Prefecture && p.Parent == "湖南省").Select(p => p.Name).ToHashSet();
        var counties = Gazetteer.Places.Where(p => p.Level == RegionLevel.County && hunanCities.Contains(p.Parent!)).ToList();
        Assert.Equal(122, counties.Count);
        Assert.Equal(14, hunanCities.Count);
        Assert.All(counties, c => Assert.NotNull(Gazetteer.Find(c.Parent!)));
    }

    [Fact]
    public void The_gazetteer_holds_the_rest_of_china_with_shared_names_resolved_in_context()
    {
        Assert.True(Gazetteer.Places.Count(p => p.Level == RegionLevel.County) > 2800);
        Assert.Equal(31, Gazetteer.Places.Count(p => p.Level == RegionLevel.Province)); // the mainland's provinces
        Assert.Equal("赣州市", Gazetteer.Resolve("于都县", null)?.Parent);
        // 鼓楼区 is a district of several cities: the issuing city decides which.
        Assert.Equal("福州市", Gazetteer.Resolve("鼓楼区", Gazetteer.Find("福州市"))?.Parent);
        Assert.Equal("南京市", Gazetteer.Resolve("鼓楼区", Gazetteer.Find("南京市"))?.Parent);
    }

    [Theory]
    [InlineData("经开区", "岳阳市", "岳阳经济技术开发区")]
    [InlineData("经开区", "汨罗市", "岳阳经济技术开发区")]
    [InlineData("经开区", "株洲市", "株洲经济开发区")]
    [InlineData("高新区", "衡阳市", "衡阳高新技术产业开发区")]
    [InlineData("屈原区", "岳阳市", "屈原管理区")]
    [InlineData("湘西州", null, "湘西土家族苗族自治州")]
    [InlineData("江华县", null, "江华瑶族自治县")]
    public void Aliases_resolve_in_the_issuing_citys_context(string alias, string? issuing, string expected)
    {
        var context = issuing is null ? null : Gazetteer.Find(issuing);
        Assert.Equal(expected, Gazetteer.Resolve(alias, context)?.Name);
    }

    [Fact]
    public void An_ambiguous_alias_without_context_is_not_guessed() => Assert.Null(Gazetteer.Resolve("经开区", null));

    [Fact]
    public void Leading_regions_of_a_clause_are_listed_and_institutions_are_not_regions()
    {
        var resolver = new RegionResolver(Gazetteer, Gazetteer.Find("岳阳市"));
        var listed = resolver.LeadingRegions("君山区、经开区和平江县完成率超过50%", out _);
        Assert.Equal(["君山区", "岳阳经济技术开发区", "平江县"], listed.Select(r => r.Canonical));
        Assert.Empty(resolver.LeadingRegions("汨罗市人民医院已完成改造", out _));
    }

    [Fact]
    public void A_name_that_does_not_end_a_word_is_not_a_region()
    {
        var resolver = new RegionResolver(Gazetteer, Gazetteer.Find("岳阳市"));
        // jieba reads 汨罗/市民: the residents of Miluo, not the city 汨罗市.
        Assert.NotEqual("汨罗市", resolver.MatchAt("汨罗市民踊跃参与活动", 0)?.Written);
        Assert.Equal("湘阴县", resolver.MatchAt("湘阴县城管局开展整治", 0)?.Canonical);
        Assert.Equal("岳阳县", resolver.MatchAt("岳阳县完成率超过70%", 0)?.Canonical);
    }

    [Fact]
    public void A_county_missing_from_the_gazetteer_is_found_by_its_suffix()
    {
        var resolver = new RegionResolver(Gazetteer, new Place("赣州市", "江西省", RegionLevel.Prefecture, []));
        var listed = resolver.LeadingRegions("瑞金县、于都县完成率超过80%", out _);
        Assert.Equal(["瑞金县", "于都县"], listed.Select(r => r.Canonical));
        Assert.Empty(resolver.LeadingRegions("社区、园区完成率超过80%", out _));
        // 棚户区 (GN04) and a 地区 the gazetteer lacks (贫困地区 D11, 其他地区 GD11) end like divisions and are none.
        Assert.Empty(resolver.LeadingRegions("棚户区1.56万套", out _));
        Assert.Empty(resolver.LeadingRegions("贫困地区、其他地区完成率超过80%", out _));
        Assert.Null(resolver.MatchCell("其他地区"));
    }

    [Fact]
    public void A_region_named_in_a_sentence_owns_the_figure()
    {
        var f = Synthetic.Bulletin("湘潭市", "1、建设农村公路项目，全市总进度完成 66%，湘乡市完成率超过 90%。").Figures;
        Assert.Contains(f, x => x.Region == "湘潭市" && x.Percent == 66);
        Assert.Contains(f, x => x.Region == "湘乡市" && x.Percent == 90);
    }
}
