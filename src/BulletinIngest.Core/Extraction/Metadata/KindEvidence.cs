using System.Text.RegularExpressions;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>
/// Plan or bulletin, from the whole document rather than one keyword: the title's words (实施方案, 计划 →
/// plan; 通报, 进展, 完成情况 → bulletin; a 关于印发《…方案》 title is the plan it sends) and how the text
/// speaks — work reported done (已完成, 截至, 完成率, 占年度计划) against work announced (将, 力争, 计划, 拟).
/// A plan quoted in the body (《…实施方案》) says nothing about the document that quotes it. Ties and
/// silence are a bulletin: a plan drops every actual and percent, so it has to be shown.
/// </summary>
public static partial class KindEvidence
{
    private const double TitleWord = 4, ReportedDone = 0.5, Announced = 0.4;
    private const int CountCap = 12;

    public static string Decide(IReadOnlyList<string> head, string body)
    {
        double plan = 0, bulletin = 0;
        // Title words count in title-like lines; a sentence of the text (…联合印发《…工作方案》，确定…。) is none.
        foreach (var line in head.Take(4).Where(l => l.Length <= 80 && !l.Contains('。')))
        {
            string title = SentDocument().Match(line) is { Success: true } sent ? sent.Groups[1].Value : Quoted().Replace(line, "");
            if (PlanTitle().IsMatch(title)) plan += TitleWord;
            if (BulletinTitle().IsMatch(title)) bulletin += TitleWord;
        }
        string text = Quoted().Replace(string.Join("\n", head) + "\n" + body, "");
        bulletin += ReportedDone * Math.Min(CountCap, ReportedDonePattern().Count(text));
        plan += Announced * Math.Min(CountCap, AnnouncedPattern().Count(text));
        return plan > bulletin ? "plan" : "bulletin";
    }

    /// <summary>关于印发《X》的通知: the line is the document X.</summary>
    [GeneratedRegex(@"印发《([^》]+)》")]
    private static partial Regex SentDocument();

    [GeneratedRegex(@"《[^》]*》")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"实施方案|工作方案|行动方案|方案$|计划$|工作要点|任务分解|安排意见")]
    private static partial Regex PlanTitle();

    [GeneratedRegex(@"专报|通报|简报|快报|周报|月报|工作动态|情况报告|进展|进度|完成情况|推进情况|落实情况|成绩单|已完成|全面完成|基本完成|稳步推进")]
    private static partial Regex BulletinTitle();

    [GeneratedRegex(@"已(?:完成|开工|建成|实施|开展|发放|落实|全部|提前|超额|投入|到位)|截至|截止|完成率|开工率|占年度|占全年|完成全年|完成年度|序时进度|累计完成|同比|超额完成")]
    private static partial Regex ReportedDonePattern();

    [GeneratedRegex(@"(?<![即必])将(?![近军])|力争|拟|计划(?:新建|建设|完成|实施|投资|改造)|确保(?:完成|全年)|预计")]
    private static partial Regex AnnouncedPattern();
}
