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
        var sums = new SortedDictionary<int, double>();
        foreach (var (index, value) in pairs)
            sums[index] = sums.GetValueOrDefault(index) + value;
        var nonZero = sums.Where(p => p.Value != 0).ToList();
        return new SparseVector(nonZero.Select(p => p.Key).ToArray(), nonZero.Select(p => p.Value).ToArray());
    }

    /// <summary>The same direction with Euclidean length 1 (long clauses do not outweigh short ones).</summary>
    public SparseVector Normalized()
    {
        double norm = Math.Sqrt(Values.Sum(v => v * v));
        return norm == 0 ? this : new SparseVector(Indices, Values.Select(v => v / norm).ToArray());
    }
}
