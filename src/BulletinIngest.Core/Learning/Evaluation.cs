namespace BulletinIngest.Learning;

/// <summary>Gold and predicted labels collected over cross-validation folds, with the usual measures.</summary>
public sealed class ClassificationReport
{
    private readonly List<(string Gold, string Predicted)> _pairs = [];

    public void Add(string gold, string predicted) => _pairs.Add((gold, predicted));

    public int Total => _pairs.Count;
    public double Accuracy => _pairs.Count == 0 ? 0 : (double)_pairs.Count(p => p.Gold == p.Predicted) / _pairs.Count;

    public int Count(string gold, string predicted) => _pairs.Count(p => p.Gold == gold && p.Predicted == predicted);

    public double Precision(string label)
    {
        int predicted = _pairs.Count(p => p.Predicted == label);
        return predicted == 0 ? 0 : (double)Count(label, label) / predicted;
    }

    public double Recall(string label)
    {
        int gold = _pairs.Count(p => p.Gold == label);
        return gold == 0 ? 0 : (double)Count(label, label) / gold;
    }

    public double F1(string label)
    {
        double p = Precision(label), r = Recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Gold/predicted pairs that differ, most frequent first: the confusion summary of many classes.</summary>
    public IReadOnlyList<(string Gold, string Predicted, int Count)> TopConfusions(int limit) => _pairs
        .Where(p => p.Gold != p.Predicted)
        .GroupBy(p => p)
        .Select(g => (g.Key.Gold, g.Key.Predicted, g.Count()))
        .OrderByDescending(c => c.Item3).ThenBy(c => c.Gold, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal)
        .Take(limit).ToList();
}

/// <summary>Ways to split examples into training and test folds.</summary>
public static class Folds
{
    /// <summary>One fold per group (e.g. per document): every example of the group is tested by a model that never saw the group.</summary>
    public static IReadOnlyList<int[]> LeaveOneGroupOut(IReadOnlyList<string> groups) => groups
        .Select((group, index) => (group, index))
        .GroupBy(g => g.group)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Select(x => x.index).ToArray())
        .ToList();

    /// <summary>
    /// k folds that each hold about 1/k of every class: examples of each class are shuffled with the seed and dealt
    /// round the folds in turn (continuing where the previous class stopped, so small classes spread evenly).
    /// </summary>
    public static IReadOnlyList<int[]> StratifiedKFold(IReadOnlyList<string> labels, int k, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var folds = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        int next = 0;
        foreach (var group in labels.Select((label, index) => (label, index)).GroupBy(x => x.label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.Select(x => x.index).ToList();
            random.Shuffle(members);
            foreach (int index in members) folds[next++ % k].Add(index);
        }
        return folds.Select(f => f.Order().ToArray()).Where(f => f.Length > 0).ToList();
    }
}
