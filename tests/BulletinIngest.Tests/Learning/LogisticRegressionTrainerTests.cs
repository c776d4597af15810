using BulletinIngest.Learning;

namespace BulletinIngest.Tests.Learning;

/// <summary>The learner itself on small synthetic data: it converges, it is deterministic, its files round-trip exactly.</summary>
public class LogisticRegressionTrainerTests
{
    private static readonly string[] Classes = ["red", "green", "blue"];
    private static readonly FeatureHasher Hasher = new(1 << 12);

    /// <summary>Each class has its own words; an example draws 3 of its class's 6 words and 2 shared words.</summary>
    private static List<Example> Separable(int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            int label = random.Next(Classes.Length);
            var words = Enumerable.Range(0, 3).Select(_ => $"{Classes[label]}-{random.Next(6)}")
                .Concat(Enumerable.Range(0, 2).Select(_ => $"shared-{random.Next(10)}"));
            return new Example(Hasher.Vectorize(words), label);
        }).ToList();
    }

    /// <summary>Two classes sharing all their words, one word leaning 80/20 to each class: no line separates them.</summary>
    private static List<Example> Overlapping(int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            int label = random.Next(2);
            bool typical = random.Next(10) < 8;
            string leaning = (label == 0) == typical ? "lean-a" : "lean-b";
            return new Example(Hasher.Vectorize([leaning, $"noise-{random.Next(20)}"]), label);
        }).ToList();
    }

    private static double Accuracy(LinearModel model, IReadOnlyList<Example> examples) =>
        (double)examples.Count(e => model.Predict(e.Features).Label == model.Labels[e.Label]) / examples.Count;

    [Fact]
    public void Separable_data_is_learned_completely_and_held_out_data_is_classified()
    {
        var training = Separable(300, 1);
        var result = LogisticRegressionTrainer.Train("test", "synthetic", Classes, Hasher.Dimension, training);
        Assert.Equal(1.0, Accuracy(result.Model, training));
        Assert.Equal(1.0, Accuracy(result.Model, Separable(100, 2)));
        Assert.True(result.LossByEpoch[^1] < result.LossByEpoch[0] / 5, $"loss {result.LossByEpoch[0]} → {result.LossByEpoch[^1]}");
    }

    [Fact]
    public void Non_separable_data_converges_to_the_best_achievable_accuracy()
    {
        var training = Overlapping(1000, 3);
        var result = LogisticRegressionTrainer.Train("test", "synthetic", ["a", "b"], Hasher.Dimension, training);
        var losses = result.LossByEpoch;
        Assert.True(losses[^1] < losses[0]);
        Assert.True(Math.Abs(losses[^1] - losses[^2]) < 0.01, "loss still moving at the last epoch");
        // The best rule (follow the leaning word) is right 80% of the time; noise words add nothing.
        double accuracy = Accuracy(result.Model, Overlapping(1000, 4));
        Assert.InRange(accuracy, 0.75, 0.85);
        var p = result.Model.Probabilities(Hasher.Vectorize(["lean-a"]));
        Assert.InRange(p[0], 0.65, 0.95);
    }

    [Fact]
    public void Same_data_and_seed_give_a_byte_identical_file_and_another_seed_another_file()
    {
        var training = Separable(200, 5);
        byte[] first = LogisticRegressionTrainer.Train("test", "synthetic", Classes, Hasher.Dimension, training).Model.ToBytes();
        byte[] second = LogisticRegressionTrainer.Train("test", "synthetic", Classes, Hasher.Dimension, training).Model.ToBytes();
        byte[] reseeded = LogisticRegressionTrainer.Train("test", "synthetic", Classes, Hasher.Dimension, training,
            new TrainerOptions { Seed = 99 }).Model.ToBytes();
        Assert.Equal(first, second);
        Assert.NotEqual(first, reseeded);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_weights_predictions_and_version()
    {
        using var temp = new TempFolder();
        var model = LogisticRegressionTrainer.Train("test", "synthetic", Classes, Hasher.Dimension, Separable(200, 6)).Model;
        string path = temp.File("m.model");
        model.Save(path);
        var loaded = LinearModel.Load(path);

        Assert.Equal(model.Version, loaded.Version);
        Assert.StartsWith("test-1.", loaded.Version);
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Bias, loaded.Bias);
        for (int k = 0; k < Classes.Length; k++) Assert.Equal(model.Weights[k], loaded.Weights[k]);
        Assert.Equal(model.Properties, loaded.Properties);
        foreach (var example in Separable(50, 7))
            Assert.Equal(model.Probabilities(example.Features), loaded.Probabilities(example.Features));
        Assert.Equal(File.ReadAllBytes(path), loaded.ToBytes());
    }

    [Theory]
    [InlineData("project.model")]
    [InlineData("clause.model")]
    [InlineData("role.model")]
    [InlineData("grouping.model")]
    public void A_loaded_model_scores_with_its_non_zero_weights_exactly_as_with_dense_rows(string file)
    {
        // A loaded model scores from its non-zero weights by feature until someone asks for Weights (dense rows).
        var sparse = LinearModel.Load(ModelFiles.PathOf(file));
        var dense = LinearModel.Load(ModelFiles.PathOf(file));
        var used = Enumerable.Range(0, dense.Dimension).Where(i => dense.Weights.Any(row => row[i] != 0)).ToArray();
        Assert.NotEmpty(used);
        var random = new DeterministicRandom(17);
        for (int n = 0; n < 300; n++)
        {
            // Features the model weighs (several classes' weights at once), a few it does not, values of either sign.
            var indices = Enumerable.Range(0, 1 + random.Next(40))
                .Select(_ => random.Next(4) == 0 ? random.Next(dense.Dimension) : used[random.Next(used.Length)])
                .Distinct().Order().ToArray();
            var values = indices.Select(_ => (random.Next(2001) - 1000) / 337.0).ToArray();
            var x = new SparseVector(indices, values);
            Assert.Equal(dense.Scores(x), sparse.Scores(x));
        }
    }

    [Fact]
    public void Repeated_features_are_summed_in_the_order_given()
    {
        // 1e16 + 1 + 1 is 1e16 in doubles, 1 + 1 + 1e16 is 1e16 + 2: the order shows. A sum of 0 is left out.
        var x = SparseVector.FromPairs([(5, 1e16), (2, 1.0), (5, 1.0), (9, 1.0), (9, -1.0), (5, 1.0)]);
        Assert.Equal([2, 5], x.Indices);
        Assert.Equal([1.0, 1e16 + 1.0 + 1.0], x.Values);
        Assert.NotEqual(1e16 + 1.0 + 1.0, 1.0 + 1.0 + 1e16);
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_refused()
    {
        using var temp = new TempFolder();
        var model = LogisticRegressionTrainer.Train("test", "synthetic", Classes, Hasher.Dimension, Separable(50, 8)).Model;
        byte[] bytes = model.ToBytes();
        bytes[^3] ^= 0xFF;
        File.WriteAllBytes(temp.File("damaged.model"), bytes);
        File.WriteAllText(temp.File("text.model"), "not a model");
        Assert.Throws<InvalidDataException>(() => LinearModel.Load(temp.File("damaged.model")));
        Assert.Throws<InvalidDataException>(() => LinearModel.Load(temp.File("text.model")));
        Assert.Throws<FileNotFoundException>(() => LinearModel.Load(temp.File("missing.model")));
    }

    [Fact]
    public void Hashed_features_are_stable_and_normalized()
    {
        var a = Hasher.Vectorize(["x", "y", "x"]);
        var b = Hasher.Vectorize(["y", "x", "x"]);
        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
        Assert.Equal(1.0, Math.Sqrt(a.Values.Sum(v => v * v)), 12);
        Assert.Equal(FeatureHasher.Fnv1a("完成"), FeatureHasher.Fnv1a("完成"));
        Assert.NotEqual(FeatureHasher.Fnv1a("完成"), FeatureHasher.Fnv1a("成完"));
    }
}
