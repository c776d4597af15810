using System.Runtime.InteropServices;

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
        var keys = new List<long>();
        var values = new List<double>();
        foreach (var (index, value) in pairs)
        {
            keys.Add(OrderKey(index, keys.Count));
            values.Add(value);
        }
        return FromKeyed(CollectionsMarshal.AsSpan(keys), CollectionsMarshal.AsSpan(values));
    }

    /// <summary>
    /// Sorts by index, then by position given (<see cref="OrderKey"/>), and sums each index's values in that order, leaving
    /// out zero sums. Reorders the spans it is given.
    /// </summary>
    internal static SparseVector FromKeyed(Span<long> keys, Span<double> values)
    {
        keys.Sort(values);
        var indices = new List<int>(keys.Length);
        var sums = new List<double>(keys.Length);
        for (int n = 0; n < keys.Length;)
        {
            int index = IndexOf(keys[n]);
            double sum = 0;
            for (; n < keys.Length && IndexOf(keys[n]) == index; n++) sum += values[n];
            if (sum == 0) continue;
            indices.Add(index);
            sums.Add(sum);
        }
        return new SparseVector(indices.ToArray(), sums.ToArray());
    }

    /// <summary>One number that orders pairs by index, then by their position in the input (positions are distinct).</summary>
    internal static long OrderKey(int index, int position) => (long)index << 32 | (uint)position;

    private static int IndexOf(long key) => (int)(key >> 32);

    /// <summary>The same direction with Euclidean length 1 (long clauses do not outweigh short ones).</summary>
    public SparseVector Normalized()
    {
        double squares = 0;
        foreach (double v in Values) squares += v * v;
        double norm = Math.Sqrt(squares);
        if (norm == 0) return this;
        var unit = new double[Values.Length];
        for (int n = 0; n < unit.Length; n++) unit[n] = Values[n] / norm;
        return new SparseVector(Indices, unit);
    }
}
