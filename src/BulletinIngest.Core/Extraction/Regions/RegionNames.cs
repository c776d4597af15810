using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Regions;

/// <summary>
/// How region names are written: the administrative suffixes, the ethnic names inside autonomous divisions'
/// names (镇宁布依族苗族自治县 is also written 镇宁自治县), the long and short forms of development zones
/// (肇庆高新技术产业开发区 = 肇庆高新区). The one definition of these for the
/// gazetteer's derived aliases, the metadata reader and the scorer's region key.
/// </summary>
public static partial class RegionNames
{
    /// <summary>The region of a document whose issuing place nothing names (stored on its figures, never "").</summary>
    public const string Unknown = "未知";

    /// <summary>Administrative suffixes, longest first (score.py's SUFFIXES).</summary>
    public static readonly string[] Suffixes =
        ["经济技术开发区", "管理区", "新区", "自治县", "自治州", "自治旗", "自治区", "地区", "街道", "省", "市", "县", "区", "镇", "乡", "旗", "盟"];

    /// <summary>Long and short forms of development zones.</summary>
    public static readonly (string Long, string Short)[] ZoneForms =
        [("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "经开区")];

    private static readonly string[] AutonomousSuffixes = ["自治县", "自治州", "自治旗", "自治区"];

    /// <summary>镇宁布依族苗族自治县 → 镇宁自治县; other names unchanged.</summary>
    public static string WithoutEthnicNames(string name) =>
        AutonomousSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) ? EthnicName().Replace(name, "") : name;

    /// <summary>
    /// The other ways a full name is written that are safe to read anywhere: without the ethnic names
    /// (镇宁自治县), an autonomous prefecture as 州 (黔东南州), an autonomous county as 县 (张家川县), a zone by its short
    /// form (肇庆高新区).
    /// </summary>
    public static IEnumerable<string> WrittenForms(string name)
    {
        string plain = WithoutEthnicNames(name);
        if (plain != name) yield return plain;
        if (name.EndsWith("自治州", StringComparison.Ordinal) && plain.Length > 4) yield return plain[..^3] + "州";
        // An autonomous county or banner by its stem and level (張家川縣 for 张家川回族自治县); no other division bears these names.
        if (name.EndsWith("自治县", StringComparison.Ordinal) && plain.Length > 4) yield return plain[..^3] + "县";
        if (name.EndsWith("自治旗", StringComparison.Ordinal) && plain.Length > 4) yield return plain[..^3] + "旗";
        foreach (var (longForm, shortForm) in ZoneForms)
            if (name.EndsWith(longForm, StringComparison.Ordinal) && name.Length > longForm.Length)
                yield return name[..^longForm.Length] + shortForm;
    }

    /// <summary>
    /// A name's stem, as a page writes the place without its suffix (丹棱 for 丹棱县, 广西 for 广西壮族自治区);
    /// null when the stem would be one character. Stems are read only where a place is expected (titles, source lines).
    /// </summary>
    public static string? Stem(string name)
    {
        string plain = WithoutEthnicNames(name);
        foreach (var suffix in Suffixes)
            if (plain.EndsWith(suffix, StringComparison.Ordinal))
                return plain.Length - suffix.Length >= 2 ? plain[..^suffix.Length] : null;
        return null;
    }

    /// <summary>True for a place name of a level as a text speaks of it (我市, 全县, 全省: 市, 县, 省; 区 and 自治区, 州).</summary>
    public static bool IsOfLevel(string name, string level) => level switch
    {
        "区" => name.EndsWith('区'),
        _ => name.EndsWith(level, StringComparison.Ordinal),
    };

    // 新疆维吾尔自治区 writes its ethnic name without 族: without this its stem would be 新疆维吾尔 and 新疆 no place.
    [GeneratedRegex("(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族|维吾尔(?=自治区)")]
    private static partial Regex EthnicName();
}
