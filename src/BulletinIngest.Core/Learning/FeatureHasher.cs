namespace BulletinIngest.Learning;

/// <summary>
/// Feature hashing: named features (e.g. "c2:完成") go to one of <see cref="Dimension"/> slots by a stable
/// hash (FNV-1a, not string.GetHashCode, which changes between runs), with a hashed sign so that
/// collisions cancel out on average instead of adding up.
/// </summary>
public sealed class FeatureHasher(int dimension)
{
    public int Dimension { get; } = dimension > 0 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension));

    public SparseVector Vectorize(IEnumerable<string> features) =>
        SparseVector.FromPairs(features.Select(Slot)).Normalized();

    private (int Index, double Value) Slot(string feature)
    {
        ulong hash = Fnv1a(feature);
        int index = (int)((hash >> 1) % (ulong)Dimension);
        return (index, (hash & 1) == 0 ? 1.0 : -1.0);
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
