using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Structure;

namespace BulletinIngest.Extraction.Roles;

/// <summary>
/// Narrative paragraphs (工作要闻, 工作亮点, 县市区动态) tell stories full of numbers (招聘会提供5000余个岗位);
/// only a clause that states work done (完成两癌免费筛查 162 人, 已完成21堂…课程) is a project's progress.
/// Such figures are optional, and belong to the region the paragraph is about (岳阳县：…).
/// </summary>
public sealed class NarrativeFigureBuilder(string issuingRegion)
{
    private static readonly char[] ClauseBreaks = ['，', ',', '；', ';', '：', ':', '。', '！', '？'];

    public List<FigureDraft> Build(ItemUnit paragraph)
    {
        string text = paragraph.Text.Text;
        var figures = new List<FigureDraft>();
        foreach (var q in NumberRecognizer.Find(text))
        {
            if (q.IsBare || q.IsPercent) continue;
            int clauseStart = q.Start == 0 ? 0 : text.LastIndexOfAny(ClauseBreaks, q.Start - 1) + 1;
            string before = text[clauseStart..q.Start];
            int verb = before.IndexOf("完成", StringComparison.Ordinal);
            if (verb < 0 || Cues.Future().IsMatch(before)) continue;
            string indicator = ItemFigureBuilder.CleanName(Cues.LeadingFiller().Replace(before, ""));
            if (indicator.Length < 2) continue;
            figures.Add(new FigureDraft
            {
                Region = paragraph.LeadRegion?.Canonical ?? issuingRegion,
                Tier = paragraph.Tier,
                Project = indicator,
                Indicator = indicator,
                Actual = q.Value,
                Unit = q.Unit,
                Approximate = q.Approximate,
                Optional = true,
                Start = clauseStart,
                End = q.End,
            });
        }
        return figures;
    }
}
