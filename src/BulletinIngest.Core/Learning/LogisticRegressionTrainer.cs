using System.Globalization;

namespace BulletinIngest.Learning;

/// <summary>One training example: its features, its class index and how much it counts.</summary>
public sealed record Example(SparseVector Features, int Label, double Weight = 1.0);

public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 40;
    public double LearningRate { get; init; } = 0.5;
    /// <summary>L2 penalty; keeps weights small where the data says little.</summary>
    public double L2 { get; init; } = 1e-5;
    public ulong Seed { get; init; } = 20240501;
    /// <summary>Weight each class by the inverse of its frequency, so a rare class is not ignored.</summary>
    public bool BalanceClasses { get; init; } = true;
    /// <summary>
    /// Weights smaller than this are set to zero after training: with many classes most weights are tiny
    /// pushes away from the classes an example is not, which change no decision but fill the file.
    /// </summary>
    public double PruneBelow { get; init; } = 1e-2;
}

/// <summary>The trained model and its mean training loss after each epoch.</summary>
public sealed record TrainingResult(LinearModel Model, IReadOnlyList<double> LossByEpoch);

/// <summary>
/// Multinomial logistic regression trained by stochastic gradient descent. Deterministic: the example
/// order of every epoch comes from a seeded generator and all arithmetic runs in a fixed order, so the
/// same examples and options give bit-identical weights.
/// </summary>
public static class LogisticRegressionTrainer
{
    public static TrainingResult Train(string kind, string featureSet, IReadOnlyList<string> labels, int dimension,
        IReadOnlyList<Example> examples, TrainerOptions? options = null)
    {
        options ??= new TrainerOptions();
        if (examples.Count == 0) throw new ArgumentException("no training examples");
        var classWeights = ClassWeights(labels.Count, examples, options.BalanceClasses);
        var model = new LinearModel(kind, featureSet, labels, dimension, new Dictionary<string, string>
        {
            ["epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture),
            ["examples"] = examples.Count.ToString(CultureInfo.InvariantCulture),
            ["l2"] = options.L2.ToString("R", CultureInfo.InvariantCulture),
            ["learning_rate"] = options.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            ["prune_below"] = options.PruneBelow.ToString("R", CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        });

        var random = new DeterministicRandom(options.Seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var losses = new List<double>(options.Epochs);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double rate = options.LearningRate / Math.Sqrt(1 + epoch);
            double lossSum = 0, weightSum = 0;
            foreach (int i in order)
            {
                var example = examples[i];
                double weight = example.Weight * classWeights[example.Label];
                var p = model.Probabilities(example.Features);
                lossSum += -weight * Math.Log(Math.Max(p[example.Label], 1e-15));
                weightSum += weight;
                Step(model, example.Features, example.Label, p, rate * weight, options.L2);
            }
            losses.Add(lossSum / weightSum);
        }
        foreach (var row in model.Weights)
            for (int i = 0; i < row.Length; i++)
                if (Math.Abs(row[i]) < options.PruneBelow) row[i] = 0;
        return new TrainingResult(model, losses);
    }

    /// <summary>One gradient step of the cross-entropy loss; L2 shrinks only the weights the example touches.</summary>
    private static void Step(LinearModel model, SparseVector x, int label, double[] p, double rate, double l2)
    {
        for (int k = 0; k < p.Length; k++)
        {
            double gradient = p[k] - (k == label ? 1 : 0);
            model.Bias[k] -= rate * gradient;
            var row = model.Weights[k];
            for (int j = 0; j < x.Count; j++)
            {
                int index = x.Indices[j];
                row[index] -= rate * (gradient * x.Values[j] + l2 * row[index]);
            }
        }
    }

    private static double[] ClassWeights(int classes, IReadOnlyList<Example> examples, bool balance)
    {
        var weights = Enumerable.Repeat(1.0, classes).ToArray();
        if (!balance) return weights;
        var counts = new int[classes];
        foreach (var example in examples) counts[example.Label]++;
        int present = counts.Count(c => c > 0);
        for (int k = 0; k < classes; k++)
            if (counts[k] > 0) weights[k] = (double)examples.Count / (present * counts[k]);
        return weights;
    }
}
