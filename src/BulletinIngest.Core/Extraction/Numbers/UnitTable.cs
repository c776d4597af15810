namespace BulletinIngest.Extraction.Numbers;

/// <summary>A unit as written and what it means: the base unit and the factor to it (万亩 = 10⁴ 亩).</summary>
public sealed record UnitInfo(string Written, string Base, double Factor, bool Descriptive = false);

/// <summary>
/// The units bulletins count in. Scales (万, 亿, 千) are folded in elsewhere; this table knows the
/// written forms of the base units, the per-person standards whose person is left out
/// (元/月·人, 元/人/月 → 元/月), and the descriptive units that make a number part of a name
/// (13 种致畸基因, 60 岁以下, 10 千伏) rather than a figure.
/// </summary>
public static class UnitTable
{
    private static readonly (string Written, string Base)[] Measures =
    [
        ("元/月·人", "元/月"), ("元/人·月", "元/月"), ("元/人/月", "元/月"), ("元/月/人", "元/月"), ("元/人月", "元/月"),
        ("元/年·人", "元/年"), ("元/人·年", "元/年"), ("元/人/年", "元/年"), ("元/年/人", "元/年"),
        ("元/月", "元/月"), ("元/年", "元/年"), ("元/人", "元/人"), ("元/天", "元/天"), ("元/亩", "元/亩"),
        ("µg/m³", "µg/m³"), ("μg/m³", "µg/m³"),
        ("人次", "人次"), ("户次", "户次"), ("场次", "场次"), ("车次", "车次"), ("班次", "班次"), ("课时", "课时"),
        ("平方米", "平方米"), ("平米", "平方米"), ("延米", "延米"), ("平方公里", "平方公里"), ("立方米", "方"), ("公里", "公里"), ("千米", "公里"), ("km", "公里"),
        ("公顷", "公顷"), ("公斤", "公斤"), ("千克", "公斤"), ("kg", "公斤"), ("吨", "吨"), ("千瓦", "千瓦"), ("兆瓦", "兆瓦"),
        ("小时", "小时"), ("人", "人"), ("名", "人"), ("位", "人"), ("户", "户"), ("元", "元"), ("亩", "亩"), ("方", "方"),
        ("个", "个"), ("家", "家"), ("所", "所"), ("台", "台"), ("套", "套"), ("张", "张"), ("座", "座"), ("处", "处"),
        ("件", "件"), ("项", "项"), ("场", "场"), ("次", "次"), ("堂", "堂"), ("条", "条"), ("篇", "篇"), ("栋", "栋"),
        ("份", "份"), ("单", "单"), ("辆", "辆"), ("间", "间"), ("宗", "宗"), ("盏", "盏"), ("根", "根"), ("组", "组"),
        ("支", "支"), ("册", "册"), ("本", "本"), ("棵", "棵"), ("株", "株"), ("口", "口"), ("眼", "眼"), ("门", "门"),
        ("床", "床"), ("人/月", "人/月"), ("月", "月"), ("天", "天"), ("米", "米"), ("m", "米"), ("只", "只"), ("头", "头"),
        ("块", "块"), ("部", "部"), ("把", "把"), ("对", "对"), ("标台", "标台"), ("批次", "批次"), ("剂次", "剂次"),
        ("例", "例"),
    ];

    // Numbers with these after them name or qualify something; they are not amounts.
    private static readonly string[] Descriptives =
    [
        "千伏", "种", "类", "岁", "级", "倍", "届", "号", "年", "日", "周", "季度", "层", "大", "星", "代", "批", "期", "点", "分",
    ];

    private static readonly (string Written, UnitInfo Info)[] All = Measures
        .Select(m => (m.Written, new UnitInfo(m.Written, m.Base, 1)))
        .Concat(Descriptives.Select(d => (d, new UnitInfo(d, d, 1, Descriptive: true))))
        .OrderByDescending(u => u.Item1.Length)
        .ToArray();

    private static readonly Dictionary<char, (string Written, UnitInfo Info)[]> ByFirstChar =
        All.GroupBy(u => u.Written[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The longest unit written at <paramref name="index"/> of <paramref name="text"/>, if any.</summary>
    public static UnitInfo? Match(string text, int index)
    {
        if (index >= text.Length || !ByFirstChar.TryGetValue(text[index], out var candidates)) return null;
        foreach (var (written, info) in candidates)
        {
            if (string.CompareOrdinal(text, index, written, 0, written.Length) != 0) continue;
            // "m"/"km"/"kg" only as whole ASCII words.
            int after = index + written.Length;
            if (char.IsAsciiLetter(written[^1]) && after < text.Length && char.IsAsciiLetter(text[after])) continue;
            return info;
        }
        return null;
    }

    /// <summary>Normalizes a unit written on its own (a table header's "(万方)", "(人/月)"): factor and base.</summary>
    public static (double Factor, string Base)? Parse(string written)
    {
        written = new string(written.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (written.Length == 0) return null;
        double factor = 1;
        if (written.Length > 1 && written[0] is '万' or '亿' or '千' && Match(written, 1) is { Descriptive: false } scaled && scaled.Written.Length == written.Length - 1)
            return (written[0] switch { '万' => 1e4, '亿' => 1e8, _ => 1e3 }, scaled.Base);
        var unit = Match(written, 0);
        if (unit is null || unit.Descriptive || unit.Written.Length != written.Length) return null;
        return (factor, unit.Base);
    }
}
