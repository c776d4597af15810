using BulletinIngest.Reading;

namespace BulletinIngest.Learning;

/// <summary>A number-bearing clause with the keep/drop decision it should get, and where that decision came from.</summary>
public sealed record LabeledClause(string Doc, NumberClause Clause, bool Keep, string Source);

/// <summary>
/// Builds the clause classifier's examples from the labeled corpus. Every labeled document is read through
/// the real TXT reader and split into number-bearing clauses. A labeled figure's numbers are looked up in its
/// document: for each number the clause that states it and is most alike the figure's name is the figure's
/// source, and a source clause of a non-optional figure is kept. Clauses that only hold optional figures are
/// left out (borderline either way); every other number-bearing clause is dropped. An analyst's decision in
/// clause_labels.tsv overrides the derived label of the same clause, or adds a clause of its own.
/// </summary>
public static class ClauseTrainingSet
{
    public static readonly string[] LabelColumns = ["doc", "heading", "clause", "decision", "note"];

    public static IReadOnlyList<LabeledClause> Build(LabeledCorpus corpus)
    {
        var figuresByDoc = corpus.Figures().ToLookup(f => f.Doc);
        var analyst = ReadAnalystLabels(corpus);
        var examples = new List<LabeledClause>();
        var reader = new TxtReader();
        foreach (var document in corpus.Documents())
        {
            string path = corpus.BulletinPath(document.Doc);
            if (!File.Exists(path)) continue;
            var clauses = ClauseSplitter.Split(reader.Read(File.ReadAllBytes(path)));
            var sources = SourceClauses(clauses, figuresByDoc[document.Doc].ToList());
            for (int i = 0; i < clauses.Count; i++)
            {
                var clause = clauses[i];
                if (analyst.Remove((document.Doc, TsvFile.Clean(clause.Text)), out var decision))
                    examples.Add(new LabeledClause(document.Doc, clause, decision.Keep, "analyst"));
                else if (sources[i] is { } holdsRequired)
                {
                    if (holdsRequired) examples.Add(new LabeledClause(document.Doc, clause, true, "gold"));
                }
                else examples.Add(new LabeledClause(document.Doc, clause, false, "gold"));
            }
        }
        // Analysts' clauses from documents outside the labeled corpus are examples of their own.
        foreach (var ((doc, text), decision) in analyst.OrderBy(a => a.Key.Doc, StringComparer.Ordinal).ThenBy(a => a.Key.Text, StringComparer.Ordinal))
            examples.Add(new LabeledClause(doc, new NumberClause(text, decision.Heading, 0, 0, 0, BlockKind.Paragraph), decision.Keep, "analyst"));
        return examples;
    }

    /// <summary>Per clause: null if no labeled figure comes from it, true if a required one does, false if only optional ones.</summary>
    private static bool?[] SourceClauses(IReadOnlyList<NumberClause> clauses, IReadOnlyList<LabeledFigure> figures)
    {
        var numbers = clauses.Select(c => NumberValues.In(c.Text)).ToList();
        var result = new bool?[clauses.Count];
        foreach (var figure in figures)
        {
            string name = figure.Project + figure.Indicator;
            var figureNumbers = figure.Numbers().ToList();
            foreach (double number in figureNumbers)
            {
                // The clause most alike the figure's name states it; so does any other clause that states it
                // and is alike enough (a figure repeated in a second list of the same bulletin).
                int best = -1;
                double bestScore = double.MinValue;
                for (int i = 0; i < clauses.Count; i++)
                {
                    if (!NumberValues.Contains(numbers[i], number)) continue;
                    double similarity = TextSimilarity.Dice(name, clauses[i].Text);
                    int shared = figureNumbers.Count(n => NumberValues.Contains(numbers[i], n));
                    double score = similarity + 0.1 * shared;
                    if (score > bestScore) (best, bestScore) = (i, score);
                    bool namesIt = similarity >= SameFigureSimilarity || TextSimilarity.Containment(figure.Indicator, clauses[i].Text) >= IndicatorContained;
                    if (namesIt && shared == figureNumbers.Count) Mark(result, i, figure);
                }
                if (best >= 0) Mark(result, best, figure);
            }
        }
        return result;
    }

    /// <summary>A clause stating all of a figure's numbers is its source too when it is this alike the figure's name (bigram Dice, as the scorer uses)...</summary>
    private const double SameFigureSimilarity = 0.3;
    /// <summary>...or that contains most of the figure's indicator name.</summary>
    private const double IndicatorContained = 0.8;

    private static void Mark(bool?[] result, int clause, LabeledFigure figure) =>
        result[clause] = (result[clause] ?? false) || !figure.Optional;

    private sealed record AnalystDecision(string Heading, bool Keep);

    private static Dictionary<(string Doc, string Text), AnalystDecision> ReadAnalystLabels(LabeledCorpus corpus)
    {
        var labels = new Dictionary<(string, string), AnalystDecision>();
        foreach (var row in TsvFile.Read(corpus.ClauseLabelsPath))
        {
            string decision = row.GetValueOrDefault("decision", "").ToLowerInvariant();
            if (decision is not ("keep" or "drop")) continue;
            // A later line about the same clause replaces an earlier one.
            labels[(row.GetValueOrDefault("doc", ""), TsvFile.Clean(row.GetValueOrDefault("clause", "")))] =
                new AnalystDecision(row.GetValueOrDefault("heading", ""), decision == "keep");
        }
        return labels;
    }
}
