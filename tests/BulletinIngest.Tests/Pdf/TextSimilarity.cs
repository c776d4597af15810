using System.Numerics;
using System.Text.RegularExpressions;

namespace BulletinIngest.Tests.Pdf;

/// <summary>
/// How close an extracted text is to the expected one, the way the corpus README measures it: whitespace
/// and list bullets removed, then the longest in-order alignment (longest common subsequence) of the two
/// character sequences, as a share of the expected length (recall) and of the extracted length (precision).
/// </summary>
public static partial class TextSimilarity
{
    public static string Normalize(string text) => Whitespace().Replace(text, "").Replace("•", "");

    public static (double Recall, double Precision, int Matched) Compare(string expected, string extracted)
    {
        string a = Normalize(expected), b = Normalize(extracted);
        int matched = LongestCommonSubsequence(a, b);
        return (a.Length == 0 ? 1 : (double)matched / a.Length, b.Length == 0 ? 1 : (double)matched / b.Length, matched);
    }

    /// <summary>LCS length by the bit-parallel method (Allison-Dix / Hyyrö): one pass over b, a's positions as bits.</summary>
    public static int LongestCommonSubsequence(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int words = (a.Length + 63) / 64;
        var positions = new Dictionary<char, ulong[]>();
        for (int i = 0; i < a.Length; i++)
        {
            if (!positions.TryGetValue(a[i], out var mask)) positions[a[i]] = mask = new ulong[words];
            mask[i / 64] |= 1UL << (i % 64);
        }
        var v = new ulong[words];
        Array.Fill(v, ulong.MaxValue);
        var empty = new ulong[words];
        foreach (char c in b)
        {
            var match = positions.GetValueOrDefault(c, empty);
            ulong carry = 0, borrow = 0;
            for (int w = 0; w < words; w++)
            {
                ulong u = v[w] & match[w];
                // v = (v + u) | (v - u), with carry and borrow running across the words.
                ulong sum = v[w] + u;
                ulong sumWithCarry = sum + carry;
                ulong nextCarry = (sum < v[w] || sumWithCarry < sum) ? 1UL : 0UL;
                ulong diff = v[w] - u;
                ulong diffWithBorrow = diff - borrow;
                ulong nextBorrow = (v[w] < u || diff < borrow) ? 1UL : 0UL;
                v[w] = sumWithCarry | diffWithBorrow;
                carry = nextCarry;
                borrow = nextBorrow;
            }
        }
        int zeros = 0;
        for (int w = 0; w < words; w++)
        {
            int bits = w == words - 1 && a.Length % 64 != 0 ? a.Length % 64 : 64;
            ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            zeros += bits - BitOperations.PopCount(v[w] & mask);
        }
        return zeros;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
