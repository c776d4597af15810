using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;
using Cues = BulletinIngest.Extraction.Roles.Cues;

namespace BulletinIngest.Extraction.Tables;

/// <summary>What a table column holds, read from its header cell.</summary>
public enum ColumnRole { None, Index, Category, Group, Name, Owner, Region, Target, Progress, Percent, Unit }

/// <summary>
/// Reads progress tables. A header row (序号 / 项目名称 / 任务数 / 进度情况 / 完成比例, or 县市区 for per-county
/// tables) maps columns to roles; each data row then gives one figure: the project (with the unit its name
/// carries, 新增蓄水能力(万方)), the target, the amount done and the completion percentage. OCR and page
/// breaks damage tables, so rows are repaired where the header makes the intent clear: a header cell holding
/// two titles takes the later one, an untitled column of percentages is the percentage column, a project
/// name pushed into the category cell is taken back, a name split over two cells is joined, a garbled group
/// cell inherits the row above, a percentage shifted out of its column is still found, and of paired amounts
/// (225 人/1575 月) the pair the percentage agrees with is kept.
/// </summary>
public sealed partial class TableFigureBuilder(RegionResolver regions, string issuingRegion, bool isPlan)
{
    public List<(FigureDraft Figure, int Row)> Build(TableUnit table)
    {
        var results = new List<(FigureDraft, int)>();
        ColumnRole[]? header = null;
        (double Factor, string Base)?[] headerUnits = [];
        bool percentInHeader = false;
        string? previousGroup = null;
        string? project = TitleProject(table.Title) ?? table.ItemTitle;
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r].Text.Split('\t').Select(c => CompactText.From(c).Text).ToArray();
            if (ReadHeader(cells) is { } found)
            {
                header = found;
                headerUnits = HeaderUnits(cells);
                InferColumns(header, table.Rows.Skip(r + 1).TakeWhile(row => ReadHeader(Split(row.Text)) is null).Select(row => Split(row.Text)));
                int percentColumn = Array.IndexOf(header, ColumnRole.Percent);
                percentInHeader = percentColumn >= 0 && percentColumn < cells.Length && cells[percentColumn].Contains('%');
                previousGroup = null;
                continue;
            }
            if (header is null || !IsFigureTable(header)) continue;
            var figure = ReadRow(header, headerUnits, percentInHeader, cells, table.Tier, project, ref previousGroup);
            if (figure is not null) results.Add((figure, r));
        }
        return results;
    }

    private static string[] Split(string row) => row.Split('\t').Select(c => CompactText.From(c).Text).ToArray();

    private static bool IsFigureTable(ColumnRole[] header) =>
        (header.Contains(ColumnRole.Name) || header.Contains(ColumnRole.Region))
        && (header.Contains(ColumnRole.Target) || header.Contains(ColumnRole.Progress) || header.Contains(ColumnRole.Percent));

    /// <summary>The column roles if this row is a header (two or more header titles, no amounts), else null.</summary>
    public static ColumnRole[]? ReadHeader(string[] cells)
    {
        var roles = new ColumnRole[cells.Length];
        int titled = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length > 14 || DigitsOnly().IsMatch(cells[i])) continue;
            ColumnRole role = ColumnRole.None;
            foreach (Match m in HeaderWord().Matches(cells[i])) role = RoleOf(m.Value); // the later title wins
            roles[i] = role;
            if (role != ColumnRole.None) titled++;
        }
        if (titled < 3) return null;
        // Two name-like columns: the first is the project group (项目 | 项目名称).
        int firstName = Array.IndexOf(roles, ColumnRole.Name);
        if (firstName >= 0 && Array.IndexOf(roles, ColumnRole.Name, firstName + 1) > firstName) roles[firstName] = ColumnRole.Group;
        return roles;
    }

    /// <summary>The unit a header cell states in brackets (任务数（户）, 年度目标（万人）), per column.</summary>
    private static (double Factor, string Base)?[] HeaderUnits(string[] cells) =>
        cells.Select(cell => TrailingUnit().Match(cell) is { Success: true } m && !m.Groups[1].Value.Contains('/')
            ? UnitTable.Parse(m.Groups[1].Value) : null).ToArray();

    private static ColumnRole RoleOf(string word) => word switch
    {
        "序号" or "编号" => ColumnRole.Index,
        _ when word.Contains("类别") || word.Contains("类型") || word == "层级" => ColumnRole.Category,
        "计量单位" or "单位(计量)" => ColumnRole.Unit,
        _ when word.Contains("单位") && !word.Contains("名称") => ColumnRole.Owner,
        "县市区" or "县(市、区)" or "县（市、区）" or "地区" or "区域" or "区县" or "县区" or "县市" or "区县(市)" or "区县（市）"
            or "乡镇" or "街道" or "乡镇(街道)" or "乡镇（街道）" or "镇街" or "市县" or "市州" or "县市区名称" => ColumnRole.Region,
        _ when word.Contains("比例") || word.Contains("完成率") || word.Contains("百分比") => ColumnRole.Percent,
        _ when word.Contains('%') || word.Contains('％') => ColumnRole.Percent,
        _ when word.Contains("完成") || word.Contains("进度") || word.Contains("完成情况") || word.Contains("完成数") || word.Contains("实际完成") || word.Contains("进展") => ColumnRole.Progress,
        _ when word.Contains("任务") || word.Contains("目标") || word.Contains("计划") => ColumnRole.Target,
        _ => ColumnRole.Name,
    };

    /// <summary>
    /// Columns the header leaves unclear, read from their cells: an untitled column (a header cell lost to OCR) or a
    /// progress column (完成进度) holding mostly percentages is the percentage column; a unit column (单位) whose
    /// cells are counties is the region column of a per-county table; a column whose cells are all units
    /// (个, 公里, 万元) is the unit column.
    /// </summary>
    private void InferColumns(ColumnRole[] header, IEnumerable<string[]> rows)
    {
        var sample = rows.Take(8).ToList();
        if (sample.Count == 0) return;
        bool Mostly(int column, Func<string, bool> test)
        {
            int hits = sample.Count(row => column < row.Length && test(row[column]));
            return hits > 0 && hits * 2 >= sample.Count;
        }
        bool All(int column, Func<string, bool> test) =>
            sample.All(row => column >= row.Length || row[column].Length == 0 || test(row[column])) && Mostly(column, test);
        for (int i = 0; i < header.Length; i++)
        {
            if (!header.Contains(ColumnRole.Percent)
                && (header[i] == ColumnRole.None && Mostly(i, PercentCell().IsMatch) || header[i] == ColumnRole.Progress && All(i, PercentCell().IsMatch)))
                header[i] = ColumnRole.Percent;
            else if (!header.Contains(ColumnRole.Region) && header[i] is ColumnRole.Owner or ColumnRole.Name or ColumnRole.None
                     && Mostly(i, cell => regions.MatchAt(cell, 0) is { } m && m.End == cell.Length))
                header[i] = ColumnRole.Region;
            else if (header[i] is ColumnRole.Owner or ColumnRole.None && All(i, cell => EmptyCell().IsMatch(cell) || UnitTable.Parse(cell) is not null))
                header[i] = ColumnRole.Unit;
        }
    }

    /// <summary>A table title as a project name: 2025年各县市区新建村卫生室完成情况 → 新建村卫生室.</summary>
    private static string? TitleProject(string? title)
    {
        if (title is null || title.Length > 40) return null;
        string name = TitleNoise().Replace(title, "");
        if (Structure.Numbering.AtStart(name) is { } marker) name = name[marker.Length..];
        return name.Length >= 2 ? name : null;
    }

    private FigureDraft? ReadRow(ColumnRole[] header, (double Factor, string Base)?[] headerUnits, bool percentInHeader, string[] cells, string? tableTier, string? tableProject, ref string? previousGroup)
    {
        cells = AlignShortRow(header, cells);
        string Cell(ColumnRole role)
        {
            int i = Array.IndexOf(header, role);
            return i >= 0 && i < cells.Length ? cells[i] : "";
        }

        string category = Cell(ColumnRole.Category);
        string group = StripCategory(Cell(ColumnRole.Group), ref category);
        string name = StripCategory(Cell(ColumnRole.Name), ref category);
        // A project name pushed into the category cell (省实事 恢复和改善灌溉面积(万亩) | 空).
        var pushed = CategoryPrefix().Match(category);
        // (After the merged-cell repairs above, the category cell itself may still hold the name.)
        if (pushed.Success && pushed.Length < category.Length && name.Length == 0 && group.Length == 0)
        {
            name = category[pushed.Length..];
            category = pushed.Value;
        }
        if (LooksGarbled(group) && previousGroup is not null) group = previousGroup;
        if (group.Length > 0) previousGroup = group;
        string fullName = JoinName(group, name);

        string? region = issuingRegion;
        string regionCell = Cell(ColumnRole.Region);
        if (regionCell.Length > 0)
        {
            // A total row (合计, 全市) is the issuing region's own figure; a subtotal or any other row is not a region.
            if (TotalRow().IsMatch(regionCell)) region = issuingRegion;
            else if (regions.MatchCell(regionCell) is { } mention) region = mention.Canonical;
            else return null;
            if (fullName.Length == 0) fullName = tableProject ?? "";
        }
        if (fullName.Length == 0) return null;

        var (project, headerUnit) = SplitUnit(fullName);
        string targetCell = Cell(ColumnRole.Target), progressCell = Cell(ColumnRole.Progress);
        var targets = TargetAmounts(targetCell);
        var actuals = Amounts(progressCell, plainOnly: true).Where(q => !q.IsPercent).ToList();
        double? percent = FindPercent(header, cells, percentInHeader);

        // Target and progress merged into one cell (388 357, 1500已完成1130户): the first amount is the target.
        if (targets.Count >= 2 && actuals.Count == 0 && !targets.Any(q => q.IsPercent))
        {
            actuals = Amounts(targetCell[targets[0].End..].Trim(), plainOnly: true).Where(q => !q.IsPercent).ToList();
            targets = [targets[0]];
        }

        // A repeated target before the amount done (455 535): OCR merged two cells.
        if (actuals.Count > 1 && actuals.All(q => q.IsBare) && targets.Count == 1 && actuals[0].Value == targets[0].Value)
            actuals = [actuals[^1]];

        Quantity? target = targets.FirstOrDefault();
        Quantity? actual = actuals.Count == 1 ? actuals[0] : null;
        if (targets.Count > 1 && actuals.Count == targets.Count)
        {
            // Paired amounts: keep the pair the percentage agrees with.
            int best = 0;
            if (percent is { } p)
                best = Enumerable.Range(0, targets.Count).MinBy(i => targets[i].Value == 0 ? double.MaxValue : Math.Abs(actuals[i].Value / targets[i].Value * 100 - p));
            target = targets[best];
            actual = actuals[best];
        }

        if (target is null && actual is null && percent is null) return null;
        string? unit = target?.Unit ?? actual?.Unit;
        // A unit in the name (新增蓄水能力(万方)) or in the column's header (完成数（万人）) scales bare numbers.
        headerUnit ??= UnitTable.Parse(Cell(ColumnRole.Unit));
        var targetUnit = headerUnit ?? UnitOf(headerUnits, header, ColumnRole.Target);
        var actualUnit = headerUnit ?? UnitOf(headerUnits, header, ColumnRole.Progress) ?? targetUnit;
        targetUnit ??= actualUnit;
        if (unit is null && (targetUnit ?? actualUnit) is { } stated) unit = stated.Base;
        if (unit is null) unit = UnitFromName(project);
        double? Scale(Quantity? q, (double Factor, string Base)? column) => q is null ? null : q.IsBare ? q.Value * (column?.Factor ?? 1) : q.Value;

        var figure = new FigureDraft
        {
            Region = region!,
            Tier = SectionClassifier.Tier(category) ?? tableTier,
            Project = project,
            Indicator = project,
            Target = Scale(target, targetUnit),
            Actual = isPlan ? null : Scale(actual, actualUnit),
            Percent = isPlan ? null : percent,
            Unit = unit,
            Approximate = target?.Approximate == true || actual?.Approximate == true,
        };
        if (target?.IsPercent == true) figure.Unit = "%";
        return figure;
    }

    private static (double Factor, string Base)? UnitOf((double Factor, string Base)?[] units, ColumnRole[] header, ColumnRole role)
    {
        int i = Array.IndexOf(header, role);
        return i >= 0 && i < units.Length ? units[i] : null;
    }

    /// <summary>
    /// A row with fewer cells than the header whose first cell holds the number and more (8 湘潭市拓展…(个)实事):
    /// the cells at its left edge were merged, so the row is aligned to the header from the right.
    /// </summary>
    private static string[] AlignShortRow(ColumnRole[] header, string[] cells)
    {
        if (cells.Length >= header.Length || cells.Length == 0 || !MergedIndex().IsMatch(cells[0])) return cells;
        var aligned = Enumerable.Repeat("", header.Length).ToArray();
        int offset = header.Length - cells.Length;
        for (int i = 0; i < cells.Length; i++) aligned[i + offset] = cells[i];
        aligned[offset] = MergedIndex().Replace(aligned[offset], "");
        return aligned;
    }

    /// <summary>Category words left in a name cell by merged cells (湘潭市拓展…(个)实事, 省实事开工…): moved to the category.</summary>
    private static string StripCategory(string cell, ref string category)
    {
        var prefix = CategoryPrefix().Match(cell);
        if (prefix.Success && prefix.Length < cell.Length)
        {
            category = category.Length == 0 ? prefix.Value : category;
            cell = cell[prefix.Length..];
        }
        var suffix = CategorySuffix().Match(cell);
        if (suffix.Success && suffix.Index > 0)
        {
            string words = suffix.Value;
            cell = cell[..suffix.Index];
            // A split category (湘潭市 … 实事): the city name is still at the front.
            var city = CityPrefix().Match(cell);
            if (words == "实事" && city.Success && city.Length < cell.Length)
            {
                words = city.Value + words;
                cell = cell[city.Length..];
            }
            if (category.Length == 0) category = words;
        }
        return cell;
    }

    /// <summary>Targets in a cell; a percentage counts only as a stated rate (提升至90%以上), not inside prose.</summary>
    private static List<Quantity> TargetAmounts(string cell)
    {
        if (AlternativeTargets(cell)) return []; // 全覆盖/30%: two targets in one cell
        return Amounts(cell, plainOnly: false)
            .Where(q => !q.IsPercent || q.Start == 0 || Cues.TargetBefore().IsMatch(cell[..q.Start]))
            .ToList();
    }

    /// <summary>Amounts in a cell. With <paramref name="plainOnly"/>, a number inside prose counts only after 已完成/达到.</summary>
    private static List<Quantity> Amounts(string cell, bool plainOnly)
    {
        if (cell.Length == 0) return [];
        var found = NumberRecognizer.Find(cell).ToList();
        if (!plainOnly || found.Count == 0) return found;
        if (PlainAmount().IsMatch(cell)) return found;
        return found.Where(q =>
        {
            if (q.IsBare) return false;
            int clause = cell.LastIndexOfAny(['，', ',', '；', ';', '。'], Math.Max(0, q.Start - 1)) + 1;
            if (clause > q.Start) clause = 0;
            return Regex.IsMatch(cell[clause..q.Start], "已|完成|达到");
        }).ToList();
    }

    /// <summary>A target cell that states two targets, one in words (全覆盖/30%), says no single number.</summary>
    private static bool AlternativeTargets(string cell) =>
        cell.Contains('/') && cell.Split('/').Any(part => part.Length >= 2 && !part.Any(char.IsDigit));

    private static double? FindPercent(ColumnRole[] header, string[] cells, bool percentInHeader)
    {
        int column = Array.IndexOf(header, ColumnRole.Percent);
        if (column >= 0 && column < cells.Length && FirstPercent(cells[column]) is { } inColumn) return inColumn;
        // 完成率（%） states the sign once, in the header: the cells hold bare numbers.
        if (column >= 0 && column < cells.Length && percentInHeader && BareNumber().IsMatch(cells[column]))
            return double.Parse(cells[column], System.Globalization.CultureInfo.InvariantCulture);
        // Shifted by a missing cell: the last cell that is only a percentage.
        int nameColumn = Math.Max(Array.IndexOf(header, ColumnRole.Name), Array.IndexOf(header, ColumnRole.Group));
        for (int i = cells.Length - 1; i > nameColumn; i--)
            if (PercentCell().IsMatch(cells[i])) return FirstPercent(cells[i]);
        // Still missing: a percentage run into a neighbouring cell's text (合同已签 75.0%订…).
        if (column >= 0 && (column >= cells.Length || cells[column].Length == 0))
            for (int i = cells.Length - 1; i > nameColumn; i--)
                if (FirstPercent(cells[i]) is { } loose) return loose;
        return null;
    }

    private static double? FirstPercent(string cell) => NumberRecognizer.Find(cell).FirstOrDefault(q => q.IsPercent)?.Value;

    private static string JoinName(string group, string name)
    {
        group = ItemFigureBuilder.CleanName(group);
        name = ItemFigureBuilder.CleanName(name);
        if (group.Length == 0) return name;
        if (name.Length == 0) return group;
        int common = 0;
        while (common < Math.Min(group.Length, name.Length) && group[common] == name[common]) common++;
        if (common >= Math.Min(4, group.Length)) return name;
        return group + name;
    }

    /// <summary>新增蓄水能力(万方) → ("新增蓄水能力", 10⁴ 方).</summary>
    private static (string Project, (double Factor, string Base)? Unit) SplitUnit(string name)
    {
        var m = TrailingUnit().Match(name);
        if (!m.Success) return (name, null);
        string inner = m.Groups[1].Value;
        var parsed = UnitTable.Parse(inner.Contains('/') ? inner[(inner.LastIndexOf('/') + 1)..] : inner);
        if (parsed is null) return (name, null);
        return (name[..m.Index].TrimEnd(), inner.Contains('/') ? null : parsed);
    }

    private static string? UnitFromName(string name) => NumberRecognizer.Find(name).LastOrDefault(q => !q.IsBare && !q.IsPercent)?.Unit;

    /// <summary>OCR garbage in a name cell: digits scattered between Chinese characters (品田3又1次2公田).</summary>
    private static bool LooksGarbled(string cell) => GarbledDigits().Matches(cell).Count >= 2;

    [GeneratedRegex(@"序号|编号|实事类别|项目类别|类别|类型|层级|项目名称|考核项目|指标名称|项目|名称|指标|事项|建设内容|主要责任单位|牵头单位|责任单位|计量单位|单位|县（市、区）|县\(市、区\)|县市区|地区|区域|区县|县区|乡镇|街道|镇街|市县|市州|任务数|目标任务|全年目标|年度目标|全年任务|计划数|目标|任务|进度情况|完成情况|完成数|实际完成|累计完成|已完成|完成量|完成值|进展情况|完成比例|完成率|百分比|比例|进度[（(]?%[）)]?|进度|完成")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"^(表\d*[：:.]?|附件\d*[：:]?)|\d{4}年|\d{1,2}[-—至]\d{1,2}月(份)?|截至\d{1,2}月(份|底)?|(全市|全县|全区|各县市区|各县区|各区县|各县（市、区）|各县\(市、区\)|各区县（市）|各区县\(市\)|各乡镇（街道）|各乡镇\(街道\)|各乡镇|各街道)的?|(进展|推进|完成)?(情况|进度)(统计)?表?$|统计表$|[（(][^）)]*[）)]$")]
    private static partial Regex TitleNoise();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex DigitsOnly();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^[—\-–/／]*$")]
    private static partial Regex EmptyCell();

    [GeneratedRegex(@"^(合计|总计|全市|全县|全区|全州|全盟|全旗|全省|总体|汇总)$")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"^\d+(\.\d+)?%$")]
    private static partial Regex PercentCell();

    [GeneratedRegex(@"^\d+(\.\d+)?[\u4e00-\u9fff]{0,3}([/ ]\d+(\.\d+)?[\u4e00-\u9fff]{0,3})*$")]
    private static partial Regex PlainAmount();

    [GeneratedRegex(@"^(?:(?:省|[\u4e00-\u9fff]{0,4}?[市州县区])实事)+")]
    private static partial Regex CategoryPrefix();

    [GeneratedRegex(@"(?:(?:省|[\u4e00-\u9fff]{0,4}?[市州县区])?实事)+$")]
    private static partial Regex CategorySuffix();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,4}?[市州](?=[\u4e00-\u9fff])")]
    private static partial Regex CityPrefix();

    [GeneratedRegex(@"^\d{1,3}(?=\s*[^\d\s.%])\s*")]
    private static partial Regex MergedIndex();

    [GeneratedRegex(@"[（(]([^（）()]{1,6})[)）]$")]
    private static partial Regex TrailingUnit();

    [GeneratedRegex(@"[\u4e00-\u9fff]\d[\u4e00-\u9fff]")]
    private static partial Regex GarbledDigits();
}
