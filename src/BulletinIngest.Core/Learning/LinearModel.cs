using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace BulletinIngest.Learning;

/// <summary>
/// A multinomial linear classifier over hashed sparse features: one weight row and bias per class,
/// class probabilities by softmax. Saved as a small binary file whose version is the hash of its content,
/// so the same training data and seed give the same file and the same version. A model being trained holds its
/// weights as dense rows; a loaded one holds only its non-zero weights, by feature (the project model's dense rows
/// were 24 MB of a worker's heap for 0.2 M non-zero weights), until someone asks for <see cref="Weights"/>.
/// </summary>
public sealed class LinearModel
{
    private const string Magic = "BILM";
    public const int FormatVersion = 1;

    public LinearModel(string kind, string featureSet, IReadOnlyList<string> labels, int dimension,
        IReadOnlyDictionary<string, string>? properties = null) : this(kind, featureSet, labels, dimension, properties, dense: true)
    {
    }

    private LinearModel(string kind, string featureSet, IReadOnlyList<string> labels, int dimension,
        IReadOnlyDictionary<string, string>? properties, bool dense)
    {
        if (labels.Count < 2) throw new ArgumentException("a classifier needs at least two classes");
        Kind = kind;
        FeatureSet = featureSet;
        Labels = labels;
        Dimension = dimension;
        if (dense) _weights = labels.Select(_ => new double[dimension]).ToArray();
        Bias = new double[labels.Count];
        Properties = new SortedDictionary<string, string>(
            (properties ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>What the model decides ("clause", "project").</summary>
    public string Kind { get; }
    /// <summary>Name of the feature extraction it was trained with; a reader refuses a model of another set.</summary>
    public string FeatureSet { get; }
    public IReadOnlyList<string> Labels { get; }
    public int Dimension { get; }
    public double[] Bias { get; }
    /// <summary>One row of <see cref="Dimension"/> weights a class (made from the non-zero ones on first use in a loaded model).</summary>
    public double[][] Weights => _weights ??= DenseRows(_byFeature!);
    private double[][]? _weights;

    /// <summary>A loaded model's non-zero weights (what it scores with until someone asks for dense rows).</summary>
    private WeightsByFeature? _byFeature;

    /// <summary>
    /// The non-zero weights grouped by feature (compressed sparse columns): feature f's are entries Start[f] ..
    /// Start[f+1]-1, each a class and its weight.
    /// </summary>
    private sealed record WeightsByFeature(int[] Start, int[] Class, double[] Weight);

    /// <summary>Training facts kept with the model (seed, epochs, example count).</summary>
    public SortedDictionary<string, string> Properties { get; }

    /// <summary>"kind-formatversion.contenthash", set when the model is saved or loaded.</summary>
    public string Version { get; private set; } = "unsaved";

    public int LabelIndex(string label)
    {
        for (int i = 0; i < Labels.Count; i++) if (Labels[i] == label) return i;
        throw new ArgumentException($"unknown label {label}");
    }

    public double[] Scores(SparseVector x)
    {
        if (_weights is null) return SparseScores(x, _byFeature!);
        var scores = new double[Labels.Count];
        for (int k = 0; k < scores.Length; k++)
        {
            double sum = Bias[k];
            var row = Weights[k];
            for (int j = 0; j < x.Count; j++) sum += row[x.Indices[j]] * x.Values[j];
            scores[k] = sum;
        }
        return scores;
    }

    /// <summary>
    /// The same sums as the dense rows give, bit for bit: each class's starts at its bias and adds its terms in the
    /// vector's order; the terms left out are the zero weights' (a finite value times 0, which adds nothing).
    /// </summary>
    private double[] SparseScores(SparseVector x, WeightsByFeature byFeature)
    {
        var scores = (double[])Bias.Clone();
        for (int j = 0; j < x.Count; j++)
        {
            int feature = x.Indices[j];
            double value = x.Values[j];
            for (int e = byFeature.Start[feature]; e < byFeature.Start[feature + 1]; e++)
                scores[byFeature.Class[e]] += byFeature.Weight[e] * value;
        }
        return scores;
    }

    private double[][] DenseRows(WeightsByFeature byFeature)
    {
        var rows = Labels.Select(_ => new double[Dimension]).ToArray();
        for (int feature = 0; feature < Dimension; feature++)
            for (int e = byFeature.Start[feature]; e < byFeature.Start[feature + 1]; e++)
                rows[byFeature.Class[e]][feature] = byFeature.Weight[e];
        return rows;
    }

    public double[] Probabilities(SparseVector x) => Softmax(Scores(x));

    public (string Label, double Probability) Predict(SparseVector x)
    {
        var p = Probabilities(x);
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return (Labels[best], p[best]);
    }

    public static double[] Softmax(double[] scores)
    {
        double max = scores.Max(), sum = 0;
        var p = new double[scores.Length];
        for (int k = 0; k < p.Length; k++) sum += p[k] = Math.Exp(scores[k] - max);
        for (int k = 0; k < p.Length; k++) p[k] /= sum;
        return p;
    }

    // File layout (little-endian): "BILM", format version, version string, then the payload:
    // kind, feature set, properties, labels, dimension, biases, and per class the count of non-zero weights,
    // their indices (int32) and their values (float64), read back as whole blocks. The version string is derived from the payload's SHA-256.

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToBytes());
    }

    public byte[] ToBytes()
    {
        byte[] payload = WritePayload();
        Version = VersionOf(Kind, payload);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(FormatVersion);
            writer.Write(Version);
            writer.Write(payload);
        }
        return stream.ToArray();
    }

    /// <summary>The model at <paramref name="path"/>, which must be over <paramref name="featureSet"/> (a file of another feature set would score nonsense).</summary>
    public static LinearModel Load(string path, string featureSet)
    {
        var linear = Load(path);
        if (linear.FeatureSet != featureSet) throw new InvalidDataException($"{path}: feature set {linear.FeatureSet}, expected {featureSet}");
        return linear;
    }

    public static LinearModel Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        try { return FromBytes(bytes); }
        catch (Exception error) when (error is EndOfStreamException or ArgumentException or IOException or InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not a readable model file: {error.Message}", error);
        }
    }

    public static LinearModel FromBytes(byte[] bytes)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("model files are read on little-endian machines only");
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic) throw new InvalidDataException("not a model file (bad magic)");
        int format = reader.ReadInt32();
        if (format != FormatVersion) throw new InvalidDataException($"model file format {format}, this program reads {FormatVersion}");
        string version = reader.ReadString();
        int payloadStart = (int)reader.BaseStream.Position;
        byte[] payload = bytes[payloadStart..];

        string kind = reader.ReadString();
        if (VersionOf(kind, payload) != version) throw new InvalidDataException("model file is damaged (content hash differs)");
        string featureSet = reader.ReadString();
        var properties = new Dictionary<string, string>();
        for (int i = reader.ReadInt32(); i > 0; i--) properties[reader.ReadString()] = reader.ReadString();
        var labels = new string[reader.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = reader.ReadString();
        int dimension = reader.ReadInt32();
        var model = new LinearModel(kind, featureSet, labels, dimension, properties, dense: false) { Version = version };
        for (int k = 0; k < labels.Length; k++) model.Bias[k] = reader.ReadDouble();
        var rows = new (int[] Indices, double[] Values)[labels.Length];
        for (int k = 0; k < labels.Length; k++)
        {
            int count = reader.ReadInt32();
            var indices = MemoryMarshal.Cast<byte, int>(reader.ReadBytes(count * sizeof(int))).ToArray();
            var values = MemoryMarshal.Cast<byte, double>(reader.ReadBytes(count * sizeof(double))).ToArray();
            if (indices.Length != count || values.Length != count) throw new EndOfStreamException("model file is cut short");
            if (indices.Any(i => (uint)i >= (uint)dimension)) throw new InvalidDataException("model file is damaged (a weight past the dimension)");
            rows[k] = (indices, values);
        }
        model._byFeature = ByFeature(rows, dimension);
        return model;
    }

    private static WeightsByFeature ByFeature((int[] Indices, double[] Values)[] rows, int dimension)
    {
        var start = new int[dimension + 1];
        foreach (var (indices, _) in rows)
            foreach (int i in indices) start[i + 1]++;
        for (int f = 0; f < dimension; f++) start[f + 1] += start[f];
        var next = start[..dimension];
        var classes = new int[start[dimension]];
        var weights = new double[start[dimension]];
        for (int k = 0; k < rows.Length; k++)
            for (int n = 0; n < rows[k].Indices.Length; n++)
            {
                int at = next[rows[k].Indices[n]]++;
                classes[at] = k;
                weights[at] = rows[k].Values[n];
            }
        return new WeightsByFeature(start, classes, weights);
    }

    private byte[] WritePayload()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Kind);
            writer.Write(FeatureSet);
            writer.Write(Properties.Count);
            foreach (var (key, value) in Properties) { writer.Write(key); writer.Write(value); }
            writer.Write(Labels.Count);
            foreach (var label in Labels) writer.Write(label);
            writer.Write(Dimension);
            foreach (var b in Bias) writer.Write(b);
            foreach (var row in Weights)
            {
                var indices = Enumerable.Range(0, row.Length).Where(i => row[i] != 0).ToArray();
                writer.Write(indices.Length);
                foreach (int i in indices) writer.Write(i);
                foreach (int i in indices) writer.Write(row[i]);
            }
        }
        return stream.ToArray();
    }

    private static string VersionOf(string kind, byte[] payload) =>
        $"{kind}-{FormatVersion}.{Convert.ToHexStringLower(SHA256.HashData(payload))[..10]}";
}
