using BulletinIngest.Extraction;
using BulletinIngest.Reading;

namespace BulletinIngest.Learning;

/// <summary>Which of another extractor's figures the clause classifier judges.</summary>
public enum ClauseFilterScope
{
    /// <summary>Every figure.</summary>
    All,
    /// <summary>Only figures the rules marked optional (read from narrative sections), where the rules are unsure.</summary>
    Optional,
}

/// <summary>
/// An extraction stage that lets the clause classifier veto figures: each figure's source clause (the
/// number-bearing clause holding its start) is judged, a figure whose clause is narrative is dropped, and a
/// kept one records the model's version and confidence in DecidedBy/Confidence.
/// </summary>
public sealed class ClauseFilterExtractor(IFigureExtractor inner, ClauseClassifier classifier,
    ClauseFilterScope scope = ClauseFilterScope.Optional, double threshold = 0.5) : IFigureExtractor
{
    public ExtractionResult Extract(DocumentText document, string documentName)
    {
        var result = inner.Extract(document, documentName);
        var clauses = ClauseSplitter.Split(document);
        var kept = new List<Figure>(result.Figures.Count);
        var rejected = new List<string>();
        foreach (var figure in result.Figures)
        {
            var clause = scope == ClauseFilterScope.All || figure.Optional ? SourceClause(clauses, figure) : null;
            if (clause is null) { kept.Add(figure); continue; }
            var decision = classifier.Predict(clause.Text, clause.Heading, threshold);
            if (decision.Keep) kept.Add(figure with { DecidedBy = classifier.Version, Confidence = decision.Confidence });
            // A vetoed figure is said, with its numbers, like every other stage's rejections (text --explain, coverage).
            else rejected.Add($"figure {Numbers(figure)} in \"{clause.Text}\" ← a narrative clause ({classifier.Version}, keep {decision.KeepProbability:0.00} < {threshold:0.00})");
        }
        return result with { Figures = kept, Rejected = rejected.Count == 0 ? result.Rejected : [.. result.Rejected, .. rejected] };
    }

    private static string Numbers(Figure f) =>
        string.Join(" ", new[] { f.Target, f.Actual }.Where(v => v is not null).Select(v => $"{v}{f.Unit}")
            .Concat(f.Percent is { } p ? [$"{p}%"] : []));

    private static NumberClause? SourceClause(IReadOnlyList<NumberClause> clauses, Figure figure) =>
        clauses.FirstOrDefault(c => c.Start <= figure.Start && figure.Start < c.End)
        ?? clauses.FirstOrDefault(c => c.Start < figure.End && figure.Start < c.End);
}
