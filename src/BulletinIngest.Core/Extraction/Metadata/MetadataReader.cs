using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Text;
using BulletinIngest.Reading;

namespace BulletinIngest.Extraction.Metadata;

/// <summary>
/// Reads what a bulletin says about itself: the issuing region from scored evidence (<see cref="RegionEvidence"/>),
/// the kind from the whole document (<see cref="KindEvidence"/>), and from the masthead (the first blocks) the issue number (第3期), the date line,
/// the campaign named in the title, the issuing body (…工作专班) and the reporting period (截至9月份, 1-9月).
/// </summary>
public static partial class MetadataReader
{
    private const int MastheadBlocks = 12;
    private const int BodyChars = 4000;

    /// <param name="path">The file's path (or name), whose place names are the weakest evidence of the region (<see cref="PathEvidence"/>).</param>
    public static DocumentMetadata Read(DocumentText document, Gazetteer gazetteer, string? path = null)
    {
        // Read on the simplified spelling, so a 繁體 mirror's 黔東南州 is the gazetteer's 黔东南州.
        var head = Head(document);
        // The body: what follows the masthead blocks, so that no mention is counted twice, after the table rows among
        // them (a page that opens with its table names its places there: 柯桥中学 in a cell).
        int bodyStart = document.Blocks.Count == 0 ? 0 : document.Blocks[Math.Min(MastheadBlocks, document.Blocks.Count) - 1].End;
        string rest = string.Join("\n", document.Blocks.Take(MastheadBlocks).Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text)
            .Append(document.FullText[Math.Min(bodyStart, document.FullText.Length)..]));
        string body = Simplified(rest.Length > BodyChars ? rest[..BodyChars] : rest);

        var decision = RegionEvidence.Decide(head, body, Signature(document), gazetteer,
            path is null ? null : PathEvidence.Names(path, gazetteer),
            Simplified(document.FullText.Length > BodyChars ? document.FullText[..BodyChars] : document.FullText));
        string? regionName = decision.Written;
        var kind = Learning.KindModel.Default.Decide(head, KindText(document));
        return new DocumentMetadata
        {
            Region = decision.Place?.Name,
            ParentRegion = decision.Place?.Parent,
            RegionEvidence = decision.Evidence,
            RegionGuessed = decision.Guessed,
            RegionFromPath = decision.FromPath,
            Warnings = [.. decision.Place is null ? [$"region unknown: {decision.Evidence}"]
                : decision.Guessed ? [$"region guessed: {decision.Evidence}"]
                : decision.FromPath ? ["region " + decision.Evidence] : (string[])[], .. kind.Warning is { } uncertain ? [uncertain] : (string[])[]],
            IssuingBody = head.Skip(1).FirstOrDefault(line => BodyPattern().IsMatch(line) && line.Length <= 40 && !line.Contains('。')),
            Kind = kind.Kind,
            KindEvidence = kind.Evidence,
            KindUncertain = kind.Uncertain,
            Issue = FindIssue(head),
            Date = FindDate(head, document),
            Campaign = Campaign(head, body, regionName),
            Period = FindPeriod(document),
        };
    }

    /// <summary>What the kind is read from (<see cref="KindEvidence"/>): the first blocks, and the whole text, simplified.</summary>
    public static (List<string> Head, string Text) KindInput(DocumentText document) =>
        (Head(document), KindText(document));

    private static List<string> Head(DocumentText document) =>
        document.Blocks.Take(MastheadBlocks).Where(b => b.Kind != BlockKind.TableRow).Select(b => Simplified(b.Text)).ToList();

    private static string KindText(DocumentText document) => Simplified(document.FullText.Length > KindEvidence.TextChars
        ? document.FullText[..KindEvidence.TextChars] : document.FullText);

    /// <summary>The last lines of a document, where the issuing body signs (抄送 and contact lines included).</summary>
    private static IEnumerable<string> Signature(DocumentText document) =>
        document.Blocks.Reverse().Take(8).Where(b => b.Kind != BlockKind.TableRow).Select(b => Simplified(b.Text));

    private static string Simplified(string text) => TraditionalChinese.ToSimplified(CompactText.From(text).Text);

    private static int? FindIssue(List<string> head)
    {
        foreach (var line in head)
        {
            var m = IssuePattern().Match(line);
            if (!m.Success) continue;
            string n = m.Groups[1].Value;
            if (int.TryParse(n, out int issue)) return issue;
            if (Numbers.ChineseNumeral.Parse(n) is { } value) return (int)value;
        }
        return null;
    }

    private static string? FindDate(List<string> head, DocumentText document)
    {
        // A line that is only a date is the issue date; failing that, the first full date in the masthead, then the last one of the document.
        foreach (var line in head)
            if (DateLine().Match(line) is { Success: true } m) return Format(m);
        foreach (var line in head)
            if (DatePattern().Match(line) is { Success: true } m) return Format(m);
        foreach (var line in head)
            if (NumericDate().Match(line) is { Success: true } m) return Format(m);
        // A news dateline (浙江在线7月7日讯) gives month and day; the year is the first the masthead names.
        string masthead = string.Join("\n", head);
        if (NewsDateline().Match(masthead) is { Success: true } dateline && MastheadYear().Match(masthead) is { Success: true } year)
            return $"{year.Groups[1].Value}-{int.Parse(dateline.Groups["m"].Value):00}-{int.Parse(dateline.Groups["d"].Value):00}";
        foreach (var block in document.Blocks.Reverse().Take(8))
            if (DatePattern().Match(CompactText.From(block.Text).Text) is { Success: true } m) return Format(m);
        return null;
    }

    /// <summary>YYYY-MM-DD from Arabic (2024年9月27日) or Chinese numerals (二〇二四年九月二十七日).</summary>
    private static string Format(Match m)
    {
        static int Part(string text) => int.TryParse(text, out int n) ? n : (int)(Numbers.ChineseNumeral.Parse(text) ?? 0);
        return $"{Part(m.Groups["y"].Value):0000}-{Part(m.Groups["m"].Value):00}-{Part(m.Groups["d"].Value):00}";
    }

    /// <summary>
    /// The line that names the campaign: the first line, unless that is only a government office (衡南县人民政府办公室);
    /// then the quoted document title below it (关于印发《…实施方案》的通知), else the next line.
    /// </summary>
    private static string CampaignTitle(List<string> head)
    {
        string first = head.FirstOrDefault() ?? "";
        if (!BodyOnly().IsMatch(first.Trim('#', ' ')) || head.Count < 2) return first;
        return head.Skip(1).Take(3).FirstOrDefault(line => QuotedTitle().IsMatch(line)) ?? head[1];
    }

    /// <summary>
    /// The campaign: the masthead title without region, year and document words (民生可感行动) when that reads as
    /// a campaign's name; a web page's first line is often navigation or a sentence, so otherwise the first campaign
    /// phrase (省政府十方面民生实事, 区政府实事项目, 15件实事, 重点建设项目) of the title-like lines, then of the text.
    /// </summary>
    private static string? Campaign(List<string> head, string body, string? regionName)
    {
        var fromTitle = FindCampaign(CampaignTitle(head), regionName);
        if (fromTitle is not null && fromTitle.Length <= 16 && !CampaignNoise().IsMatch(fromTitle) && CampaignWord().IsMatch(fromTitle))
            return fromTitle;
        var titles = head.Where(l => l.Length <= 60 && !l.Contains('。') && !l.Contains('>') && !l.Contains('|'));
        foreach (var text in titles.Append(string.Join("\n", head)).Append(body))
            if (CampaignPhrase().Match(text) is { Success: true } phrase) return phrase.Value;
        return null;
    }

    private static string? FindCampaign(string title, string? regionName)
    {
        string text = title.Trim('#', ' ');
        var quoted = QuotedTitle().Match(text);
        if (quoted.Success) text = quoted.Groups[1].Value;
        text = TitleLead().Replace(text, "");
        if (regionName is not null && text.StartsWith(regionName, StringComparison.Ordinal)) text = text[regionName.Length..];
        string previous;
        do
        {
            previous = text;
            text = TitleSuffix().Replace(text, "");
            text = text.Trim('“', '”', '"', ' ', '（', '）', '(', ')');
        } while (text != previous);
        text = LeadingVerb().Replace(text, "");
        text = text.Trim('“', '”', '"', ' ');
        return text.Length == 0 ? null : text;
    }

    private static string? FindPeriod(DocumentText document)
    {
        foreach (var block in document.Blocks.Take(20))
        {
            string text = CompactText.From(block.Text).Text;
            var m = PeriodPattern().Match(text);
            if (m.Success) return m.Value;
        }
        return null;
    }

    /// <summary>Words before the region in a title: 关于, a year (2024年度).</summary>
    [GeneratedRegex(@"^(关于|\d{4}年度?|[〇零一二三四五六七八九]{4}年度?)+")]
    private static partial Regex TitleLead();

    /// <summary>A line that is nothing but a government office's name (it names no campaign).</summary>
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,8}?(人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅)$")]
    private static partial Regex BodyOnly();

    [GeneratedRegex(@"专班|办公室|领导小组|指挥部|人民政府|委员会|工作组")]
    private static partial Regex BodyPattern();

    [GeneratedRegex(@"第([0-9一二三四五六七八九十百]+)期")]
    private static partial Regex IssuePattern();

    [GeneratedRegex(@"^(?<y>\d{4}|[〇零一二三四五六七八九]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日(印发)?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<y>\d{4}|[〇零一二三四五六七八九]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日")]
    private static partial Regex DatePattern();

    /// <summary>2025.6.30, 2024-12-20, 2025/3/1 as a masthead date.</summary>
    [GeneratedRegex(@"(?<!\d)(?<y>(19|20)\d{2})[.\-/](?<m>\d{1,2})[.\-/](?<d>\d{1,2})(?!\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"[，。,.|>:：?？!！【】()（）]|\d{2,}")]
    private static partial Regex CampaignNoise();

    [GeneratedRegex(@"民生|实事|工程|项目|行动|攻坚")]
    private static partial Regex CampaignWord();

    /// <summary>A campaign's name in running text: the government that promised it, how many, and what (民生实事, 民生工程, 实事项目).</summary>
    [GeneratedRegex(@"(?:[省市县区]政府)?(?:[0-9一二三四五六七八九十百]+(?:件|项|大|方面))?(?:重点|重要)?(?:为民办实事|为民实事|民生实事|民生工程|民生大事|实事项目|实事|重点工程|重点建设项目|重点项目)")]
    private static partial Regex CampaignPhrase();

    [GeneratedRegex(@"(?<!\d)(?<m>1[0-2]|0?[1-9])月(?<d>3[01]|[12][0-9]|0?[1-9])日(?:讯|电)")]
    private static partial Regex NewsDateline();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})年")]
    private static partial Regex MastheadYear();

    [GeneratedRegex(@"《([^》]+)》")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"(项目|工程)?(工作专报|专报|工作简报|简报|督查通报|情况通报|通报|快报|工作专班办公室|工作专班|专班|办公室|领导小组|实施方案|工作方案|行动方案|方案|的通知|通知|的通报|的报告|工作|进展情况|推进情况|完成情况|进度情况|情况|工作进展|进展|推进|进度)$")]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"^(关于印发|关于|\d{4}年度?|[一二三四五六七八九十]{1,2}月份?|实施|开展|省级|市级|县级|区级|全市|全县|全区)+")]
    private static partial Regex LeadingVerb();

    [GeneratedRegex(@"截至(\d{1,2}月(份|底|末)?)|截止\d{1,2}月(份|底|末)?|(?<!\d)1[-—至~]\d{1,2}月(份)?")]
    private static partial Regex PeriodPattern();
}
