using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Roles;

/// <summary>The words that give a number its role, in one place so the rules read as sentences.</summary>
public static partial class Cues
{
    /// <summary>Text before a percentage that makes it the completion of the year's task.</summary>
    [GeneratedRegex(@"(完成(全年|年度|全年目标|年度目标|目标)?任务的?|完成(全年|年度|年)?目标的?|(占|为|达)(全年|年度)(目标|计划)?(任务)?(数)?的?|占(目标|计划)?任务(数)?的?|占(年度|全年)?计划(投资|资金)?的?|完成(全年|年度)?计划的|完成(全年|年度)?(目标|任务)[0-9.]+[万亿千]?[\u4e00-\u9fff/]{0,4}的|完成率|完成度|完成比例|完成进度|总进度(完成)?|进度完成|形象进度|时序进度|进度|完成了?)(均|为|达到?|在|超过|高于|不低于|已达)?$")]
    public static partial Regex CompletionBefore();

    /// <summary>The percentages of a run before the next one (分别完成目标任务的111.6%、[123.1%]): the next reads the run's cue.</summary>
    [GeneratedRegex(@"(\d+(\.\d+)?%[、和及])+$")]
    public static partial Regex PercentRunBefore();

    /// <summary>A progress verb that governs the amount done (已完成, 已开展, 已新建, 累计, 共).</summary>
    [GeneratedRegex(@"已|完成|累计|共计|合计|总计|共|实现|建成")]
    public static partial Regex Governing();

    /// <summary>Done already (已完成, 现已开工): the amount is counted against a task stated before it (累计 is a running total, often of something else).</summary>
    [GeneratedRegex(@"已")]
    public static partial Regex AlreadyDone();

    /// <summary>The whole year's task reported done, without a percentage (已完成年度任务, 全面完成全年目标任务).</summary>
    [GeneratedRegex(@"完成(了)?(全年|年度)(目标)?任务(?!的)")]
    public static partial Regex TaskCompleted();

    /// <summary>A total that a completion percentage measures (合计开展活动 50 场次, 完成全年任务的…).</summary>
    [GeneratedRegex(@"合计|共计|总计|累计|总共")]
    public static partial Regex Total();

    /// <summary>A standard level or a goal: the number is a target.</summary>
    [GeneratedRegex(@"(不低于|不少于|不小于|(?<!高)标准(?!化)|提高到|提高至|提升至|提升到|提标到|提标至|达到|目标|(年度|全年|目标)?任务(数)?|计划|确保|力争|控制在)[^，,；;。]{0,6}$")]
    public static partial Regex TargetBefore();

    /// <summary>
    /// A clause that opens with the year's plan or goal and states what it is (计划更新改造燃气管道 420 公里,
    /// 年度目标新改建农村公路 150 公里, 目标任务 600 人): every amount in it is a target, however long the
    /// description between the cue and the amount, as long as no progress verb intervenes.
    /// </summary>
    [GeneratedRegex(@"^(全年|年度|今年|本年度?|年内)?(计划|目标任务|目标|任务数?|任务量)(?!.*(已|完成|累计|建成|实现|达到|超))[^，,；;。：:]*$")]
    public static partial Regex GoalLead();

    /// <summary>Where a sentence's subject (the project it reports on) ends: a progress verb, a goal word, a scope word.</summary>
    [GeneratedRegex(@"已|完成|累计|共计|合计|共|(全年|年度)?(计划|目标任务|目标|任务数?)|达到|全县|全市|全区|截至|截止")]
    public static partial Regex SubjectEnd();

    /// <summary>The goal's own amount inside a completion cue (完成年度目标任务 5000 人的, 完成年度计划（24 公里）的).</summary>
    [GeneratedRegex(@"(?<=(任务|目标|计划|任务数)(投资|资金)?)[（(]?\d+(\.\d+)?[万亿千]?[\u4e00-\u9fff/]{0,3}[）)]?(?=的$)")]
    public static partial Regex AmountInCue();

    /// <summary>The words that lead to a standard's level (…标准提高到每人每月): not part of the indicator's name.</summary>
    [GeneratedRegex(@"(分别)?(提高到|提高至|提升至|提升到|提标到|提标至|达到|不低于)?(每人|每生|每户|每名|人均)?(每月|每年|每天|每日)?$")]
    public static partial Regex StandardTail();

    /// <summary>A label that introduces the year's goal (年度目标：, 任务：), also after the item's title it ran into (促进城乡就业目标任务：).</summary>
    [GeneratedRegex(@"^([^完]{2,30}?)??(全年|年度|今年|本年度?)?(计划|目标任务|目标|任务数?|任务量)$")]
    public static partial Regex GoalLabel();

    /// <summary>A label that introduces what was done (完成情况：, 进展情况：, 完成：).</summary>
    [GeneratedRegex(@"(^|[^年])(完成|进展|进度|落实|推进)(情况)?$")]
    public static partial Regex ProgressLabel();

    /// <summary>Goal words around an indicator's name (计划…, …目标任务) that are not part of it.</summary>
    [GeneratedRegex(@"^(全年|年度|今年|本年度?|年内)?(计划|目标任务|目标|任务数?|任务量)(为|是)?|(全年|年度)?(计划|目标任务|目标|任务数?|任务量)(为|是)?$")]
    public static partial Regex GoalWords();

    /// <summary>A word that introduces a standard level somewhere in a clause.</summary>
    [GeneratedRegex(@"不低于|不少于|(?<!高)标准(?!化)|提高到|提高至|达到")]
    public static partial Regex StandardWord();

    /// <summary>A future or pending action: the number is not yet progress (将在5月份完成, 待省厅推出后).</summary>
    [GeneratedRegex(@"将(在|于|会|要|陆续|全面|进一步)|待(?!遇)|预计|计划|拟|力争|争取|正在|缺口|剩余|其余(?![^，,；;。]*已)|尚未|未完成|还差|尚差")]
    public static partial Regex Future();

    /// <summary>A per-person or per-household amount (每人代缴1000元): a standard.</summary>
    [GeneratedRegex(@"(每人|每户|人均|户均)[^，,；;。]{0,4}$")]
    public static partial Regex PerPerson();

    /// <summary>A standard per period (每人每月, 每生每天, 每年): the period becomes the unit's denominator.</summary>
    [GeneratedRegex(@"(每人|每生|每户|每名|人均)?每(?<period>月|天|日|年)[^，,；;。\d]{0,6}$")]
    public static partial Regex PerPeriod();

    /// <summary>Words that start a clause but are not part of the indicator's name.</summary>
    [GeneratedRegex(@"^(目前|截至目前|截止目前|截至\d{1,2}月(底|份)?|\d{1,2}[-—至~]\d{1,2}月(份)?|其中|同时|此外|另外|全市|全县|全区|今年以来|今年|本年度?|[0-9一二三四五六七八九十]+月(份|底|初)?以来|已经|已|完成了?|共计|合计|累计|共|并|和|及)+")]
    public static partial Regex LeadingFiller();
}
