using System.Runtime.InteropServices;

namespace BulletinIngest.Learning;

/// <summary>
/// Feature hashing: named features (e.g. "c2:完成") go to one of <see cref="Dimension"/> slots by a stable
/// hash (FNV-1a, not string.GetHashCode, which changes between runs), with a hashed sign so that
/// collisions cancel out on average instead of adding up.
/// </summary>
public sealed class FeatureHasher(int dimension)
{
    public int Dimension { get; } = dimension > 0 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension));

    /// <summary>The features' slots and signs, repeated slots summed in the order given, at Euclidean length 1.</summary>
    public SparseVector Vectorize(IEnumerable<string> features)
    {
        var keys = new List<long>(64);
        var values = new List<double>(64);
        foreach (string feature in features)
        {
            ulong hash = Fnv1a(feature);
            keys.Add(SparseVector.OrderKey((int)((hash >> 1) % (ulong)Dimension), keys.Count));
            values.Add((hash & 1) == 0 ? 1.0 : -1.0);
        }
        return SparseVector.FromKeyed(CollectionsMarshal.AsSpan(keys), CollectionsMarshal.AsSpan(values)).Normalized();
    }

    public static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}
