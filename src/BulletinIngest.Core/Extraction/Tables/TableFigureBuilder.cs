using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;
using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;
using Cues = BulletinIngest.Extraction.Roles.Cues;

namespace BulletinIngest.Extraction.Tables;

/// <summary>
/// Reads progress tables. A header (one row, or several: indicator names over 目标 | 进度 | 完成比例 sub-columns;
/// words in models/rules/table-headers.tsv) maps columns to roles and column groups; each data row then gives one
/// figure per group: the project (with the unit its name carries, 新增蓄水能力(万方)), the target, the amount
/// done and the completion percentage. Shapes: one row per project; cross-tabs (indicators across, regions
/// down: one figure per region × indicator); several measures per row; the unit in a line above the table
/// (单位：个、亿元) or in a header (城镇新增就业(人)); the target inside the item's name (新建10所幼儿园); the
/// progress as prose in a 落实情况/备注 cell, read by an <see cref="ITableCellReader"/>. OCR, page breaks and
/// flattening damage tables, so rows are repaired where the header makes the intent clear: cells moved left by
/// merged cells are realigned (<see cref="RowAligner"/>), a header cell holding two titles takes the later one,
/// an untitled column of percentages is the percentage column, a project name pushed into the category cell
/// is taken back, a name split over two cells is joined, a garbled group cell inherits the row above, a
/// percentage shifted out of its column is still found, and of paired amounts (225 人/1575 月) the pair the
/// percentage agrees with is kept.
/// </summary>
public sealed partial class TableFigureBuilder(RegionResolver regions, string issuingRegion, bool isPlan,
    ITableCellReader? cellReader = null, HeaderVocabulary? vocabulary = null)
{
    private readonly ITableCellReader _cellReader = cellReader ?? new ItemCellReader(regions, issuingRegion, isPlan);
    private readonly HeaderVocabulary _vocabulary = vocabulary ?? HeaderVocabulary.Default;

    public List<(FigureDraft Figure, int Row)> Build(TableUnit table)
    {
        var results = new List<(FigureDraft, int)>();
        var rows = table.Rows.Select(row => Split(row.Text)).ToList();
        TableHeader? header = null;
        string? previousGroup = null;
        string[]? previousRow = null;
        // Rows numbered in their first cell under no header (a table continued from a page before, its header left there).
        bool numberedRows = rows.Count >= 2 && rows.Count(r => r.Length >= 3 && TableHeader.IsRowNumber(r[0])) * 2 > rows.Count;
        // A unit line right above the table (单位：个、亿元) is no title.
        var lineUnits = UnitLine(table.Title);
        // (Then the caption is the line above it: 各市县重点项目投资完成情况 / 单位：亿元.)
        string? project = TitleProject(lineUnits is null ? table.Title : table.LineBefore) ?? table.ItemTitle;
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = rows[r];
            if (cells.Count(c => c.Length > 0) == 1 && UnitLine(cells.First(c => c.Length > 0)) is { } inTable)
            {
                lineUnits = inTable;
                continue;
            }
            if (!TableHeader.IsDataRow(cells) && TableHeader.Read(rows, r, _vocabulary, out int consumed) is { } found)
            {
                var below = rows.Skip(r + consumed).TakeWhile(TableHeader.IsDataRow).Take(8).ToList();
                header = Widened(found, below);
                InferColumns(header.Roles, below);
                header.Regroup();
                previousGroup = null;
                previousRow = null;
                r += consumed - 1;
                continue;
            }
            if (header is null && numberedRows && TableHeader.IsRowNumber(cells[0]))
            {
                foreach (var figure in ReadHeaderless(cells, table.Tier)) results.Add((figure, r));
                continue;
            }
            if (header is null || !IsFigureTable(header.Roles)) continue;
            cells = Aligned(JoinedSplitNumbers(cells), header.Roles, previousRow);
            previousRow = cells;
            var groups = header.Groups;
            var units = lineUnits is { Count: > 1 } && lineUnits.Count != groups.Count ? null : lineUnits;
            for (int g = 0; g < Math.Max(1, groups.Count); g++)
            {
                var group = groups.Count > 1 ? groups[g] : null;
                var lineUnit = units is null ? null : units.Count == 1 ? units[0] : units[g];
                var context = new RowContext(ViewOf(header.Roles, group), header, group, lineUnit, table.Tier, project);
                foreach (var figure in ReadRow(context, cells, ref previousGroup))
                    results.Add((figure, r));
            }
        }
        return results;
    }

    /// <summary>What one reading of a row needs: the roles seen for one column group, and where the row's defaults come from.</summary>
    private sealed record RowContext(ColumnRole[] Roles, TableHeader Header, ColumnGroup? Group, (double Factor, string Base)? LineUnit,
        string? TableTier, string? TableProject)
    {
        /// <summary>With several groups on a row, a percentage is only ever its own column's.</summary>
        public bool Single => Group is null;
    }

    /// <summary>The roles with the value columns of other groups blanked, so that a row is read once per group.</summary>
    private static ColumnRole[] ViewOf(ColumnRole[] roles, ColumnGroup? group)
    {
        if (group is null) return roles;
        var view = (ColumnRole[])roles.Clone();
        for (int c = 0; c < view.Length; c++)
            if (view[c] is ColumnRole.Target or ColumnRole.Progress or ColumnRole.Percent && c != group.Target && c != group.Progress && c != group.Percent)
                view[c] = ColumnRole.None;
        return view;
    }

    /// <summary>
    /// A header narrower than its rows (项目内容 over a project and an indicator cell): the header cell that
    /// covers two columns is the one whose doubling fits the widest of the first rows best.
    /// </summary>
    private static TableHeader Widened(TableHeader header, List<string[]> below)
    {
        var widest = below.Take(3).Select(Trimmed).DefaultIfEmpty([]).MaxBy(r => r.Length)!;
        if (widest.Length != header.Width + 1) return header;
        double Fit(ColumnRole[] roles) => widest.Select((cell, i) => RowAligner.Cost(cell, i < roles.Length ? roles[i] : ColumnRole.None)).Sum();
        double best = Fit(header.Roles);
        int chosen = -1;
        for (int c = 0; c < header.Width; c++)
        {
            double fit = Fit([.. header.Roles[..(c + 1)], .. header.Roles[c..]]);
            if (fit < best - 0.05) (best, chosen) = (fit, c);
        }
        return chosen < 0 ? header : header.Widen(chosen);
    }

    private static string[] Trimmed(string[] cells)
    {
        int n = cells.Length;
        while (n > 0 && cells[n - 1].Length == 0) n--;
        return cells[..n];
    }

    /// <summary>The row under the header's columns: merged left cells (AlignShortRow), else cells moved left by row-spanning cells, which keep the row above's text.</summary>
    private static string[] Aligned(string[] cells, ColumnRole[] roles, string[]? previousRow)
    {
        var shortRow = AlignShortRow(roles, cells);
        if (!ReferenceEquals(shortRow, cells)) return shortRow;
        if (RowAligner.Align(cells, roles) is not { } aligned) return cells;
        for (int c = 0; c < aligned.Length; c++)
            if (aligned[c].Length == 0 && RowAligner.Inherits(roles[c]) && previousRow is not null && c < previousRow.Length)
                aligned[c] = previousRow[c];
        return aligned;
    }

    /// <summary>A number cut at its decimal point by the flattening (96. | 5 64.3%): the digits go back to the cell before.</summary>
    private static string[] JoinedSplitNumbers(string[] cells)
    {
        var joined = (string[])cells.Clone();
        for (int c = 0; c + 1 < joined.Length; c++)
            if (CutDecimal().IsMatch(joined[c]) && LeadingDigits().Match(joined[c + 1]) is { Success: true } digits)
            {
                joined[c] += digits.Groups[1].Value;
                joined[c + 1] = joined[c + 1][digits.Length..];
            }
        return joined;
    }

    /// <summary>The units a unit line states (单位：个、亿元 → 个, 亿元), in column-group order; null when it is no unit line.</summary>
    private static List<(double Factor, string Base)?>? UnitLine(string? line)
    {
        if (line is null || UnitLinePattern().Match(line) is not { Success: true } m) return null;
        var units = m.Groups[1].Value.Split(['、', '，', ',', '；', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(UnitTable.Parse).ToList();
        return units.Count > 0 && units.All(u => u is not null) ? units : null;
    }

    private static string[] Split(string row) => row.Split('\t').Select(c => CompactText.From(c).Text).ToArray();

    private static bool IsFigureTable(ColumnRole[] header) =>
        (header.Contains(ColumnRole.Name) || header.Contains(ColumnRole.Region))
        && (header.Contains(ColumnRole.Target) || header.Contains(ColumnRole.Progress) || header.Contains(ColumnRole.Percent));

    /// <summary>
    /// Columns the header leaves unclear, read from their cells: an untitled column (a header cell lost to OCR) or a
    /// progress column (完成进度) holding mostly percentages (and words, 持续推进) is the percentage column; a unit
    /// column (单位) whose cells are counties is the region column of a per-county table; a column whose cells are
    /// all units (个, 公里, 万元) is the unit column; of two target columns (目标任务 | … | 目标任务), one that
    /// describes the target in words (城镇新增就业1100人) while the other holds its number names the indicator; of two
    /// progress columns, one without a number in any cell is a status column.
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
        // Mostly percentages, and other numbers rare (a row damaged by merged cells may put one there).
        bool Percentages(int column) => Mostly(column, PercentCell().IsMatch)
            && sample.Count(row => column < row.Length && row[column].Any(char.IsAsciiDigit) && !PercentCell().IsMatch(row[column])) * 3
               <= sample.Count(row => column < row.Length && PercentCell().IsMatch(row[column]));
        int[] targets = Enumerable.Range(0, header.Length).Where(i => header[i] == ColumnRole.Target).ToArray();
        if (targets.Length == 2 && Mostly(targets[1], cell => BareNumber().IsMatch(cell)) && !Mostly(targets[0], cell => BareNumber().IsMatch(cell))
            && Mostly(targets[0], cell => cell.Length > 0 && !BareNumber().IsMatch(cell)))
            header[targets[0]] = ColumnRole.Name;
        // Of two progress columns, one that never writes a number is a status (顺利推进, 已完成), not the amount done.
        int[] progress = Enumerable.Range(0, header.Length).Where(i => header[i] == ColumnRole.Progress).ToArray();
        bool Wordless(int column) => sample.All(row => column >= row.Length || !row[column].Any(char.IsAsciiDigit));
        if (progress.Length == 2 && progress.Count(Wordless) == 1) header[progress.First(Wordless)] = ColumnRole.None;
        for (int i = 0; i < header.Length; i++)
        {
            if (!header.Contains(ColumnRole.Percent)
                && (header[i] == ColumnRole.None && Mostly(i, PercentCell().IsMatch)
                    || header[i] == ColumnRole.Progress && Percentages(i)))
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
        // (Until nothing more goes: 投资完成情况排名如下： → 投资完成情况 → 投资.)
        string name = title;
        for (string before = ""; before != name;) (before, name) = (name, TitleNoise().Replace(name, ""));
        if (Structure.Numbering.AtStart(name) is { } marker) name = name[marker.Length..];
        return name.Length >= 2 ? name : null;
    }

    private static readonly Lazy<HashSet<string>> DoneCells =
        new(() => Learning.TsvFile.Column(ModelFiles.PathOf("rules/table-done-cells.tsv"), "word").ToHashSet());

    private List<FigureDraft> ReadRow(RowContext context, string[] cells, ref string? previousGroup)
    {
        var header = context.Roles;
        string Cell(ColumnRole role)
        {
            int i = Array.IndexOf(header, role);
            return i >= 0 && i < cells.Length ? cells[i] : "";
        }

        string category = Cell(ColumnRole.Category);
        // Of several group columns (工程名称 | 项目内容), the nearest to the name names the project.
        string group = StripCategory(NearestGroup(header, cells), ref category);
        string name = StripCategory(Cell(ColumnRole.Name), ref category);
        // A project name pushed into the category cell (省实事 恢复和改善灌溉面积(万亩) | 空).
        var pushed = CategoryPrefix().Match(category);
        // (After the merged-cell repairs above, the category cell itself may still hold the name.)
        if (pushed.Success && pushed.Length < category.Length && name.Length == 0 && group.Length == 0)
        {
            name = category[pushed.Length..];
            category = pushed.Value;
        }
        if (context.Single)
        {
            if (LooksGarbled(group) && previousGroup is not null) group = previousGroup;
            if (group.Length > 0) previousGroup = group;
        }
        string fullName = JoinName(group, name);
        // A group over its indicators (为基层应急救援队伍配备救援装备 | 本市级(个)): the name cell is the indicator.
        string? indicator = group.Length > 0 && name.Length > 0 && fullName != name ? SplitUnit(ItemFigureBuilder.CleanName(name)).Project : null;
        if (indicator is { Length: < 2 }) indicator = null; // a name split over two cells (培训新农 | 民(人)) is no indicator
        string label = context.Group?.Label ?? "";

        string? region = issuingRegion;
        string regionCell = Cell(ColumnRole.Region);
        if (regionCell.Length > 0)
        {
            // A total row (合计, 全市) is the issuing region's own figure; a subtotal or any other row is not a region.
            if (TotalRow().IsMatch(regionCell)) region = issuingRegion;
            // A row key may write a place by its stem (三亚, 鼓楼): the issuing place's child of that stem, or a province (河南).
            else if ((regions.MatchCell(regionCell) ?? regions.ChildByStem(regionCell) ?? regions.ProvinceByStem(regionCell)) is { } mention)
                region = mention.Canonical;
            else return [];
            // A cross-tab's column group names the indicator of a region's row; with one measure a row (a ranking of
            // counties by 完成投资), the caption names the project and the columns' word its indicator.
            if (fullName.Length == 0)
                fullName = context.Single ? context.TableProject ?? SingleLabel(context.Header) : label.Length > 0 ? label : context.TableProject ?? "";
        }
        if (fullName.Length == 0) return [];
        var (project, headerUnit) = SplitUnit(fullName);
        // The group names the project, the name cell its indicator (the gold labels' convention).
        if (indicator is not null) project = SplitUnit(ItemFigureBuilder.CleanName(group)).Project;
        if (label.Length > 0 && !fullName.Contains(label)) indicator = label;
        string targetCell = Cell(ColumnRole.Target), progressCell = Cell(ColumnRole.Progress);
        var targets = TargetAmounts(targetCell);
        var actuals = Amounts(progressCell, plainOnly: true).Where(q => !q.IsPercent).ToList();
        double? percent = FindPercent(context, cells);

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
        // A rate or progress cell that says the whole task is done (全部开工, 全部完成): the row's one amount is both.
        if (percent is null && (target is null) != (actual is null)
            && (DoneCells.Value.Contains(Cell(ColumnRole.Percent)) || DoneCells.Value.Contains(progressCell)))
            (target, actual) = (target ?? actual, actual ?? target);
        // No target column, or an empty one: the target written in the item's name (新建10所幼儿园).
        if (target is null && targetCell.Length == 0 && context.Single)
            target = NumberRecognizer.Find(project).FirstOrDefault(q => !q.IsBare && !q.IsPercent);

        string? unit = target?.Unit ?? actual?.Unit;
        // A unit in the name (新增蓄水能力(万方)), in the column's header (完成数（万人）) or above the table scales
        // bare numbers; a measure of its own on the row (完成投资(万元)) goes by its column's unit first.
        var nameUnit = headerUnit ?? UnitTable.Parse(Cell(ColumnRole.Unit));
        var columnTarget = UnitOf(context.Header.Units, header, ColumnRole.Target);
        var columnActual = UnitOf(context.Header.Units, header, ColumnRole.Progress);
        bool ownMeasure = context.Group is { Label.Length: > 0 };
        var targetUnit = ownMeasure ? columnTarget ?? nameUnit : nameUnit ?? columnTarget;
        var actualUnit = (ownMeasure ? columnActual ?? nameUnit : nameUnit ?? columnActual) ?? targetUnit;
        targetUnit ??= actualUnit ?? context.LineUnit;
        actualUnit ??= targetUnit;
        if (unit is null && (targetUnit ?? actualUnit) is { } stated) unit = stated.Base;
        if (unit is null) unit = UnitFromName(project) ?? (indicator is null ? null : UnitFromName(indicator));
        // No unit stated for the column: a bare amount done beside a target written with a scale (10000万 | 7965) takes its scale.
        if (actualUnit is null && WrittenScale(target, targetCell) is { } scale) actualUnit = (scale, unit ?? "");
        double? Scale(Quantity? q, (double Factor, string Base)? column) => q is null ? null : q.IsBare ? Quantity.Scale(q.Value, column?.Factor ?? 1) : q.Value;

        // Progress told in prose (截至目前已开展入户改造40户; 落实情况/备注): the cell is read as the item's body.
        double? toldActual = null;
        IReadOnlyList<FigureDraft> told = [];
        if (!isPlan && context.Single && (percent is null || actual is null))
        {
            var prose = ProseCells(header, cells).ToList();
            told = prose.Count == 0 ? [] : _cellReader.Read(fullName, string.Join("。", prose));
            // The percentage stated in its column, the amount done only in a note (标准 600 | | 100% | 已达到644元/月):
            // what the note states in the row's unit is the amount or level reached, even where prose would call a level a goal.
            if (actual is null && percent is not null)
            {
                if (told is [{ Percent: null } reached] && (reached.Actual ?? reached.Target) is { } done && (reached.Unit is null || reached.Unit == unit))
                    toldActual = done;
            }
            else if (actual is null && told.Count > 0)
                return FromProse(told, project, Scale(target, targetUnit), target is null ? null : unit, category, context.TableTier, region!).ToList();
            // The amount done was found in the cell; the prose may still state the percentage (已建成6个，完成率60%).
            if (told is [{ Percent: { } share } one] && (one.Actual is null || one.Actual == Scale(actual, actualUnit)))
                percent = share;
        }
        if (target is null && actual is null && percent is null) return [];
        var draft = new FigureDraft
        {
            Region = region!,
            Tier = SectionClassifier.Tier(category) ?? context.TableTier,
            Project = project,
            Indicator = indicator ?? project,
            Target = Scale(target, targetUnit),
            Actual = isPlan ? null : Scale(actual, actualUnit) ?? toldActual,
            Percent = isPlan ? null : percent,
            Unit = unit,
            Approximate = target?.Approximate == true || actual?.Approximate == true,
        };
        if (target?.IsPercent == true) draft.Unit = "%";
        // The progress cell may go on to break the amount down by place (…共计140.01公里。其中，鼓楼10公里、台江3公里…):
        // an amount named by a place alone is that place's figure of the row's project.
        var places = new List<FigureDraft>();
        foreach (var f in told)
            if (f is { Target: null, Actual: not null } && f.Unit == draft.Unit
                && (regions.MatchCell(f.Indicator) ?? regions.ChildByStem(f.Indicator)) is { } place
                && place.End - place.Start == f.Indicator.Length && place.Canonical != region)
            {
                (f.Region, f.Project, f.Indicator, f.Tier) = (place.Canonical, project, project, draft.Tier);
                places.Add(f);
            }
        return [draft, .. places];
    }

    /// <summary>
    /// A numbered row with no header to say what its cells are (1 | 完成10家示范型…中心建设。 | 县民政局 | 已完成设计方案,…5家完成建设。 |
    /// 按时序推进): its first cell after the number is the task, the later cells that state numbers its progress, read as an
    /// item's body under the task, as a prose progress cell is.
    /// </summary>
    private IEnumerable<FigureDraft> ReadHeaderless(string[] cells, string? tableTier)
    {
        var rest = cells.Skip(1).Where(c => c.Length > 0).ToList();
        if (rest.Count < 2) yield break;
        string task = rest[0];
        var progress = rest.Skip(1).Where(c => c.Any(char.IsDigit)).ToList();
        if (progress.Count == 0) yield break;
        foreach (var figure in _cellReader.Read(task, string.Join("。", progress)))
        {
            if (figure.Region.Length == 0) figure.Region = issuingRegion;
            figure.Tier ??= tableTier;
            yield return figure;
        }
    }

    /// <summary>The indicator the value columns' header names when a row has one measure (年度计划投资 | 完成投资 → 投资).</summary>
    private static string SingleLabel(TableHeader header) => header.Groups is [{ } only] ? only.Label : "";

    /// <summary>The text of the group column nearest to the name (a flattened table may leave the farther ones empty).</summary>
    private static string NearestGroup(ColumnRole[] header, string[] cells)
    {
        for (int c = Math.Min(header.Length, cells.Length) - 1; c >= 0; c--)
            if (header[c] == ColumnRole.Group && cells[c].Length > 0) return cells[c];
        return "";
    }

    /// <summary>Cells that tell progress in words: the progress or percentage column (prose shifts) when not a plain amount, and the notes.</summary>
    private static IEnumerable<string> ProseCells(ColumnRole[] header, string[] cells)
    {
        for (int c = 0; c < Math.Min(header.Length, cells.Length); c++)
            if (header[c] is ColumnRole.Progress or ColumnRole.Percent or ColumnRole.Note && cells[c].Any(char.IsDigit)
                && !PlainAmount().IsMatch(cells[c]) && !PercentCell().IsMatch(cells[c]))
                yield return cells[c];
    }

    /// <summary>
    /// Figures a prose cell told, under the row's project: one figure takes the row's target when it states none;
    /// several (a cell listing sub-works with their percentages) stand beside the target figure.
    /// </summary>
    private static IEnumerable<FigureDraft> FromProse(IReadOnlyList<FigureDraft> told, string project, double? target, string? targetUnit, string category, string? tableTier, string region)
    {
        string? tier = SectionClassifier.Tier(category) ?? tableTier;
        // A percentage a progress cell states alone (项目完成总体进度的98.42%) is how far the item got, unless its target is a rate.
        foreach (var figure in told)
            if (figure is { Unit: "%", Actual: { } share, Target: null, Percent: null } && targetUnit != "%")
                (figure.Percent, figure.Actual, figure.Unit) = (share, null, null);
        // A target alone (the row's, or the one the name states) and one progress figure are one figure.
        var targetsOnly = told.Where(f => f is { Target: not null, Actual: null, Percent: null }).ToList();
        var progress = told.Where(f => f.Target is null).ToList();
        if (targetsOnly.Count <= 1 && progress.Count == 1 && (targetsOnly.Count == 1 || target is not null))
        {
            var goal = targetsOnly.FirstOrDefault();
            string? goalUnit = goal is null ? targetUnit : goal.Unit;
            if (progress[0].Unit is null || progress[0].Unit == goalUnit)
            {
                progress[0].Target = goal?.Target ?? target;
                progress[0].Unit ??= goalUnit;
                told = told.Where(f => f != goal).ToList();
            }
        }
        // As many targets as amounts done, unit for unit (新建中转站8个、分类池20个 | 已建成中转站7个、分类池17个): pairs in order.
        else if (targetsOnly.Count >= 2 && progress.Count == targetsOnly.Count
                 && progress.Zip(targetsOnly).All(p => p.First is { Actual: not null, Target: null } && p.First.Unit == p.Second.Unit))
        {
            foreach (var (done, goal) in progress.Zip(targetsOnly)) done.Target = goal.Target;
            told = told.Except(targetsOnly).ToList();
        }
        bool targetTold = target is null || told.Any(f => f.Target == target);
        if (!targetTold)
            yield return new FigureDraft { Region = region, Tier = tier, Project = project, Indicator = project, Target = target, Unit = targetUnit };
        foreach (var figure in told)
        {
            if (figure.Indicator == figure.Project || figure.Indicator.Length == 0) figure.Indicator = project;
            figure.Project = project;
            figure.Tier = tier;
            if (figure.Region.Length == 0) figure.Region = region;
            yield return figure;
        }
    }

    /// <summary>The scale a target cell writes (10000万 → 10⁴), or null when it writes none.</summary>
    private static double? WrittenScale(Quantity? target, string cell)
    {
        if (target is null || target.IsPercent || LeadingNumber().Match(cell) is not { Success: true } m
            || !double.TryParse(m.Value, System.Globalization.CultureInfo.InvariantCulture, out double written) || written == 0) return null;
        double factor = target.Value / written;
        return factor > 1 ? factor : null;
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

    private static double? FindPercent(RowContext context, string[] cells)
    {
        var header = context.Roles;
        int column = Array.IndexOf(header, ColumnRole.Percent);
        bool percentInHeader = column >= 0 && context.Header.PercentSign[column];
        if (column >= 0 && column < cells.Length && FirstPercent(cells[column]) is { } inColumn) return inColumn;
        // 完成率（%） states the sign once, in the header: the cells hold bare numbers; so does a column of percentages
        // that writes none done as a bare 0.
        if (column >= 0 && column < cells.Length && (percentInHeader || cells[column] == "0") && BareNumber().IsMatch(cells[column]))
            return double.Parse(cells[column], System.Globalization.CultureInfo.InvariantCulture);
        if (!context.Single) return null;
        // Shifted by a missing cell: the last cell that is only a percentage.
        int nameColumn = Math.Max(Array.IndexOf(header, ColumnRole.Name), Array.IndexOf(header, ColumnRole.Group));
        bool Schedule(int i) => i < header.Length && header[i] == ColumnRole.PlanByMonth; // a month's planned share is no progress
        for (int i = cells.Length - 1; i > nameColumn; i--)
            if (!Schedule(i) && PercentCell().IsMatch(cells[i])) return FirstPercent(cells[i]);
        // Still missing: a percentage run into a neighbouring cell's text (合同已签 75.0%订…).
        if (column >= 0 && (column >= cells.Length || cells[column].Length == 0))
            for (int i = cells.Length - 1; i > nameColumn; i--)
                if (!Schedule(i) && FirstPercent(cells[i]) is { } loose) return loose;
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
        // A rate's name (城镇登记失业率低于(%)): its numbers are percentages.
        if (inner is "%" or "％") return (name[..m.Index].TrimEnd(), (1, "%"));
        var parsed = UnitTable.Parse(inner.Contains('/') ? inner[(inner.LastIndexOf('/') + 1)..] : inner);
        if (parsed is null) return (name, null);
        return (name[..m.Index].TrimEnd(), inner.Contains('/') ? null : parsed);
    }

    private static string? UnitFromName(string name) => NumberRecognizer.Find(name).LastOrDefault(q => !q.IsBare && !q.IsPercent)?.Unit;

    /// <summary>OCR garbage in a name cell: digits scattered between Chinese characters (品田3又1次2公田).</summary>
    private static bool LooksGarbled(string cell) => GarbledDigits().Matches(cell).Count >= 2;

    [GeneratedRegex(@"^(表\d*[：:.]?|附件\d*[：:]?)|\d{4}年|\d{1,2}[-—至]\d{1,2}月(份)?|截至\d{1,2}月(份|底)?|(全国|全市|全县|全区|全省|各县市区|各县区|各区县|各市县|各市州|各地市|各市|各县（市、区）|各县\(市、区\)|各区县（市）|各区县\(市\)|各乡镇（街道）|各乡镇\(街道\)|各乡镇|各街道)的?|(进展|推进|完成)?(情况|进度)(统计)?表?$|统计表$|(排名|排序|名次)(情况|表)?$|如下[：:]?$|[：:]$|[（(][^）)]*[）)]$")]
    private static partial Regex TitleNoise();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^\d+(\.\d+)?")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\d+\.$")]
    private static partial Regex CutDecimal();

    [GeneratedRegex(@"^(\d+)(?:\s+|$)")]
    private static partial Regex LeadingDigits();

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

    [GeneratedRegex(@"^单位[：:]\s*(\S+)$")]
    private static partial Regex UnitLinePattern();

    [GeneratedRegex(@"[\u4e00-\u9fff]\d[\u4e00-\u9fff]")]
    private static partial Regex GarbledDigits();
}
