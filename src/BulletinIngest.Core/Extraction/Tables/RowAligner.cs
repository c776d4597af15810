using System.Text.RegularExpressions;
using BulletinIngest.Extraction.Numbers;

namespace BulletinIngest.Extraction.Tables;

/// <summary>
/// Puts a row's cells under the right columns when the text lost some: a flattened table writes a merged
/// (row-spanning) cell only on its first row, so later rows are shorter and their cells sit too far left
/// (2 | 新改扩建村卫生室5家。| 已完成建设并投入使用。 under 序号 | 项目分类 | 实事内容 | 完成情况). Cells are
/// aligned to columns in order by a minimum-cost alignment: each cell costs how badly its kind (row number,
/// amount, label, sentence) fits the column's role, and each column left without a cell costs how unlikely it
/// is to be a merged one (a category, group or owner column is the usual; a name column almost never). A row may
/// also write its project over two cells where the header has one name column (深化…改革 | 完成在职参保人数6300人 |
/// 区人社局 | 6300人 | 7558 | 119% under 项目名称 | 责任单位 | 目标任务 | …): two cells may go into the name column, joined.
/// </summary>
public static partial class RowAligner
{
    /// <summary>The row aligned to <paramref name="roles"/>, or null when it already fits as it stands.</summary>
    public static string[]? Align(string[] cells, ColumnRole[] roles)
    {
        int n = cells.Length;
        while (n > 0 && cells[n - 1].Length == 0) n--;
        int m = roles.Length;
        // Two cells joined into the name only where the header has no group column of its own for the project.
        bool joins = roles.Contains(ColumnRole.Name) && !roles.Contains(ColumnRole.Group);
        if (n == 0 || n > m || n == m && !joins) return null;
        double inPlace = 0;
        for (int j = 0; j < m; j++) inPlace += Cost(j < n ? cells[j] : "", roles[j]);

        const double Impossible = 1e9;
        var dp = new double[n + 1, m + 1];
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= m; j++)
            {
                if (i == 0 && j == 0) continue;
                double best = Impossible;
                if (j > 0) best = dp[i, j - 1] + Skip(roles[j - 1]);
                if (i > 0 && j > 0) best = Math.Min(best, Matched(dp, cells, roles, i, j));
                if (joins && i > 1 && j > 0 && roles[j - 1] == ColumnRole.Name) best = Math.Min(best, Joined(dp, cells, i, j));
                dp[i, j] = best;
            }
        // Realign only on clear evidence: a row that merely lacks a cell or two fits where it stands.
        if (dp[n, m] > inPlace - 0.5) return null;
        var aligned = new string[m];
        Array.Fill(aligned, "");
        for (int i = n, j = m; j > 0; j--)
        {
            if (i > 0 && Math.Abs(dp[i, j] - Matched(dp, cells, roles, i, j)) < 1e-9) aligned[j - 1] = cells[--i];
            else if (joins && i > 1 && roles[j - 1] == ColumnRole.Name && Math.Abs(dp[i, j] - Joined(dp, cells, i, j)) < 1e-9)
            {
                aligned[j - 1] = cells[i - 2] + cells[i - 1];
                i -= 2;
            }
        }
        return aligned;
    }

    private static double Matched(double[,] dp, string[] cells, ColumnRole[] roles, int i, int j) =>
        dp[i - 1, j - 1] + Cost(cells[i - 1], roles[j - 1]);

    /// <summary>Two cells into the name column: a project and its indicator written apart.</summary>
    private static double Joined(double[,] dp, string[] cells, int i, int j) =>
        dp[i - 2, j - 1] + Cost(cells[i - 2], ColumnRole.Name) + Cost(cells[i - 1], ColumnRole.Name) + JoinCost;

    private const double JoinCost = 0.5;

    /// <summary>Columns a flattened table writes once for several rows: the row keeps the cell above.</summary>
    public static bool Inherits(ColumnRole role) => role is ColumnRole.Category or ColumnRole.Group or ColumnRole.Owner;

    /// <summary>How well a cell fits a column (0 fits; higher is worse).</summary>
    public static double Cost(string cell, ColumnRole role)
    {
        if (cell.Length == 0) return role is ColumnRole.Name or ColumnRole.Region ? 1 : 0;
        bool number = cell.Length <= 16 && NumberOnly().IsMatch(cell);
        return role switch
        {
            ColumnRole.Index => RowNumber().IsMatch(cell) ? 0 : 1,
            ColumnRole.Category or ColumnRole.Group or ColumnRole.Owner or ColumnRole.Region or ColumnRole.Unit =>
                number ? 3 : LooksLikeSentence(cell) ? 2 : 0,
            ColumnRole.Name => number ? 3 : 0,
            ColumnRole.Target or ColumnRole.Percent => number ? 0 : 0.6,
            ColumnRole.Progress => number ? 0 : 0.3,
            _ => number ? 0.5 : 0,
        };
    }

    private static double Skip(ColumnRole role) => role switch
    {
        ColumnRole.Category or ColumnRole.Group or ColumnRole.Owner => 0.2,
        ColumnRole.Target or ColumnRole.Progress or ColumnRole.Percent => 0.6,
        ColumnRole.Index => 1,
        ColumnRole.Name or ColumnRole.Region => 2,
        ColumnRole.Note => 0.1, // the column most often left empty
        _ => 0.3,
    };

    /// <summary>A cell that states something (an amount, a full stop, a long text) rather than labels a group.</summary>
    private static bool LooksLikeSentence(string cell) =>
        cell.Length > 20 || cell.EndsWith('。') || NumberRecognizer.Find(cell).Any(q => !q.IsBare);

    [GeneratedRegex(@"^\d{1,3}[*＊]?$")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^[<>≥≤约近]?\d+(\.\d+)?\s*(%|％|[\u4e00-\u9fff]{0,3})$")]
    private static partial Regex NumberOnly();
}
