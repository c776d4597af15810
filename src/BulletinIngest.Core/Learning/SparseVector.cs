namespace BulletinIngest.Learning;

/// <summary>A feature vector that stores only its non-zero entries, indices ascending and distinct.</summary>
public sealed class SparseVector
{
    public SparseVector(int[] indices, double[] values)
    {
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length");
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }
    public double[] Values { get; }
    public int Count => Indices.Length;

    /// <summary>Sums the values of repeated indices and orders them, so equal inputs give equal vectors.</summary>
    public static SparseVector FromPairs(IEnumerable<(int Index, double Value)> pairs)
    {
        // Sorted by index, then by position, so a repeated index's values are summed in the order given.
        var keys = new List<(int Index, int Position)>();
        var given = new List<double>();
        foreach (var (index, value) in pairs)
        {
            keys.Add((index, keys.Count));
            given.Add(value);
        }
        var sortedKeys = keys.ToArray();
        var values = given.ToArray();
        Array.Sort(sortedKeys, values);
        var indices = new List<int>(sortedKeys.Length);
        var sums = new List<double>(sortedKeys.Length);
        for (int n = 0; n < sortedKeys.Length;)
        {
            int index = sortedKeys[n].Index;
            double sum = 0;
            for (; n < sortedKeys.Length && sortedKeys[n].Index == index; n++) sum += values[n];
            if (sum == 0) continue;
            indices.Add(index);
            sums.Add(sum);
        }
        return new SparseVector(indices.ToArray(), sums.ToArray());
    }

    /// <summary>The same direction with Euclidean length 1 (long clauses do not outweigh short ones).</summary>
    public SparseVector Normalized()
    {
        double norm = Math.Sqrt(Values.Sum(v => v * v));
        return norm == 0 ? this : new SparseVector(Indices, Values.Select(v => v / norm).ToArray());
    }
}
