using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Structure;

/// <summary>What a part of a bulletin is for, which decides what its numbers mean.</summary>
public enum SectionKind
{
    /// <summary>Project progress (工作进度, 工作进展, a plan's 工作任务): every numbered item is a project.</summary>
    Progress,
    /// <summary>Stories (工作要闻, 工作亮点, 部门动态, 县市区动态): only a named project's progress counts, as optional.</summary>
    Narrative,
    /// <summary>Problems, next steps, goals, mechanisms: numbers here are not progress figures.</summary>
    Other,
}

/// <summary>Classifies section headings and reads the tier (省级/市级/县级) a heading or table cell names.</summary>
public static partial class SectionClassifier
{
    /// <summary>The kind a heading names, or null when it names none (a project heading, a title).</summary>
    public static SectionKind? Classify(string heading)
    {
        if (OtherWords().IsMatch(heading)) return SectionKind.Other;
        if (NarrativeWords().IsMatch(heading)) return SectionKind.Narrative;
        if (ProgressWords().IsMatch(heading)) return SectionKind.Progress;
        return null;
    }

    /// <summary>省级, 市级 or 县级 when the text names the list (省级十大重点民生实事, 岳阳市级…, 湘潭市实事, 区级…).</summary>
    public static string? Tier(string text)
    {
        if (ProvinceTier().IsMatch(text)) return "省级";
        if (CityTier().IsMatch(text)) return "市级";
        if (CountyTier().IsMatch(text)) return "县级";
        return null;
    }

    [GeneratedRegex(@"问题|不足|下一步|工作要求|工作目标|推进机制|工作机制|保障措施|组织领导|考核|工作安排|附件|说明")]
    private static partial Regex OtherWords();

    [GeneratedRegex(@"要闻|亮点|动态|概况|经验|做法|典型|信息|综述|特色")]
    private static partial Regex NarrativeWords();

    [GeneratedRegex(@"进度|进展|完成情况|推进情况|实事|工作任务|主要任务|重点任务|目标任务|项目")]
    private static partial Regex ProgressWords();

    [GeneratedRegex(@"^(?:.{0,12})((省级|全省|省重点|省民生|自治区|省定|省委省政府|省政府)(?=[^。，,]{0,10}(实事|重点|民生|项目))|省实事|自治区实事)")]
    private static partial Regex ProvinceTier();

    [GeneratedRegex(@"^(?:.{0,12})((市级|州级|市重点|市定|州定|市本级|市委市政府|市政府)(?=[^。，,]{0,10}(实事|重点|民生|项目))|市实事|州实事)")]
    private static partial Regex CityTier();

    [GeneratedRegex(@"^(?:.{0,12})((县级|区级|县市级|县定|区定|县本级|区本级|县委县政府|区委区政府|县政府|区政府)(?=[^。，,]{0,10}(实事|重点|民生|项目))|县实事|区实事)")]
    private static partial Regex CountyTier();
}
