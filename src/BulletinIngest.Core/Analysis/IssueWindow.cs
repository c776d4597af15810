using System.Globalization;

namespace BulletinIngest.Analysis;

/// <summary>
/// The issues an analyst asks about: `--since DATE`, `--until DATE` (both inclusive, on the issue date) and
/// `--issue N` (the issue number). A year or a month stands for its first day in --since and its last in --until.
/// </summary>
public sealed record IssueWindow(string? Since, string? Until, int? Issue)
{
    public static readonly IssueWindow All = new(null, null, null);

    public bool IsAll => Since is null && Until is null && Issue is null;

    public static IssueWindow Parse(string? since, string? until, int? issue)
    {
        var window = new IssueWindow(Day(since, "--since", first: true), Day(until, "--until", first: false), issue);
        if (window.Since is not null && window.Until is not null && string.CompareOrdinal(window.Since, window.Until) > 0)
            throw new ArgumentException($"--since {since} is after --until {until}");
        return window;
    }

    /// <summary>Whether an issue of this date and number is in the window; an unknown date or number is not, when the window asks for one.</summary>
    public bool Contains(string? issueDate, int? issue)
    {
        if (Issue is { } wanted && issue != wanted) return false;
        if (Since is not null && (issueDate is null || string.CompareOrdinal(issueDate, Since) < 0)) return false;
        if (Until is not null && (issueDate is null || string.CompareOrdinal(issueDate, Until) > 0)) return false;
        return true;
    }

    /// <summary>
    /// The figures of the issues in the window. Plans stay whatever the window unless <paramref name="keepPlans"/>
    /// is false: they give the year's targets that bulletins in the window are measured against.
    /// </summary>
    public IReadOnlyList<AnalysisFigure> Filter(IReadOnlyList<AnalysisFigure> figures, bool keepPlans = true) =>
        IsAll ? figures : figures.Where(f => keepPlans && f.IsPlan || Contains(f.IssueDate, f.Issue)).ToList();

    private static string? Day(string? text, string option, bool first)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string t = text.Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (!DateTime.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new ArgumentException($"{option} takes a date (2025-06-30), a month (2025-06) or a year (2025), not {text}");
        if (!first)
            day = t.Length == 4 ? new DateTime(day.Year, 12, 31) : t.Length == 7 ? day.AddMonths(1).AddDays(-1) : day;
        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
