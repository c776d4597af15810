using System.Runtime.InteropServices;
using System.Text;

namespace BulletinIngest.Segmentation;

/// <summary>
/// jieba's prefix dictionary: every word with its frequency, and every prefix of a word (frequency 0 when the
/// prefix is not a word itself), as a trie. The base trie comes from models/jieba/dict.bin (written by
/// scripts/convert_jieba.py) as flat arrays; words added later (user dictionaries) hang off it in an overlay,
/// so adding a few thousand words never rebuilds the 500 000 base nodes.
/// </summary>
public sealed class PrefixDictionary
{
    internal const int Root = 0;
    private const int NotFound = -1;

    // Base trie, shared by every copy: children of node i are nodes _childStart[i] .. _childStart[i+1]-1,
    // sorted by label; the root's children are also indexed directly by character.
    private readonly char[] _labels;
    private readonly int[] _childStart;
    private readonly int[] _rootChild;
    private readonly int _baseCount;

    // Per copy: frequencies (and their logs) of every node, base and added; the added edges, and a flag on each
    // node that has some so that walking the base trie only pays for a hash lookup where it may find one.
    private int[] _freq;
    private double[] _logFreq;
    private int _count;
    private readonly Dictionary<long, int> _addedChildren;
    private bool[] _hasAddedChildren;
    private readonly HashSet<string> _forceSplit;

    private PrefixDictionary(char[] labels, int[] childStart, int[] rootChild, int baseCount, int[] freq, double[] logFreq,
        int count, Dictionary<long, int> addedChildren, bool[] hasAddedChildren, HashSet<string> forceSplit, long total)
    {
        _labels = labels;
        _childStart = childStart;
        _rootChild = rootChild;
        _baseCount = baseCount;
        _freq = freq;
        _logFreq = logFreq;
        _count = count;
        _addedChildren = addedChildren;
        _hasAddedChildren = hasAddedChildren;
        _forceSplit = forceSplit;
        SetTotal(total);
    }

    /// <summary>The sum of all word frequencies (jieba's <c>total</c>).</summary>
    public long Total { get; private set; }

    /// <summary>log(Total), subtracted from every word's log frequency to give its log probability.</summary>
    public double LogTotal { get; private set; }

    /// <summary>Words added with frequency 0: the HMM must not output them whole (jieba's Force_Split_Words).</summary>
    internal IReadOnlySet<string> ForceSplitWords => _forceSplit;

    internal static PrefixDictionary Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        if (Encoding.ASCII.GetString(reader.ReadBytes(8)) != "JIEBADAG" || reader.ReadInt32() != 1)
            throw new InvalidDataException($"{path} is not a jieba dictionary written by scripts/convert_jieba.py");
        long total = reader.ReadInt64();
        int count = reader.ReadInt32();
        var labels = new char[count];
        var childStart = new int[count + 1];
        var freq = new int[count];
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("dict.bin is little-endian");
        stream.ReadExactly(MemoryMarshal.AsBytes(labels.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(childStart.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(freq.AsSpan()));

        var logFreq = new double[count];
        for (int i = 0; i < count; i++) logFreq[i] = freq[i] > 0 ? Math.Log(freq[i]) : 0.0;
        var rootChild = new int[char.MaxValue + 1];
        Array.Fill(rootChild, NotFound);
        for (int child = childStart[Root]; child < childStart[Root + 1]; child++) rootChild[labels[child]] = child;
        return new PrefixDictionary(labels, childStart, rootChild, count, freq, logFreq, count, [], new bool[count], [], total);
    }

    /// <summary>A copy that words can be added to without changing this one.</summary>
    internal PrefixDictionary Copy() => new(_labels, _childStart, _rootChild, _baseCount, (int[])_freq.Clone(),
        (double[])_logFreq.Clone(), _count, new Dictionary<long, int>(_addedChildren), (bool[])_hasAddedChildren.Clone(), [.. _forceSplit], Total);

    /// <summary>The node reached from <paramref name="node"/> by one character, or -1.</summary>
    internal int Child(int node, char c)
    {
        int found = NotFound;
        if (node == Root) found = _rootChild[c];
        else if (node < _baseCount)
        {
            int lo = _childStart[node], hi = _childStart[node + 1] - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                char label = _labels[mid];
                if (label == c) { found = mid; break; }
                if (label < c) lo = mid + 1;
                else hi = mid - 1;
            }
        }
        if (found == NotFound && _hasAddedChildren[node] && _addedChildren.TryGetValue(EdgeKey(node, c), out int added))
            found = added;
        return found;
    }

    /// <summary>The node of a key (word or prefix), or -1 when the dictionary has no such key.</summary>
    internal int Find(ReadOnlySpan<char> key)
    {
        int node = Root;
        foreach (char c in key)
        {
            node = Child(node, c);
            if (node == NotFound) return NotFound;
        }
        return node;
    }

    internal int FrequencyOf(int node) => _freq[node];

    /// <summary>log(freq) - log(total) for a node, with jieba's <c>FREQ.get(word) or 1</c> for prefixes.</summary>
    internal double LogProbability(int node) => _logFreq[node] - LogTotal;

    /// <summary>jieba's <c>FREQ.get(word)</c>: null when the key is absent, 0 for a prefix that is not a word.</summary>
    public int? Frequency(ReadOnlySpan<char> word)
    {
        int node = Find(word);
        return node == NotFound ? null : _freq[node];
    }

    /// <summary>jieba's <c>add_word</c>: sets the word's frequency, adds it to the total, creates its prefixes.</summary>
    internal void AddWord(string word, int freq)
    {
        if (word.Length == 0) return;
        int node = Root;
        foreach (char c in word)
        {
            int child = Child(node, c);
            if (child == NotFound)
            {
                child = NewNode();
                _addedChildren[EdgeKey(node, c)] = child;
                _hasAddedChildren[node] = true;
            }
            node = child;
        }
        _freq[node] = freq;
        _logFreq[node] = freq > 0 ? Math.Log(freq) : 0.0;
        SetTotal(Total + freq);
        if (freq == 0) _forceSplit.Add(word);
    }

    private int NewNode()
    {
        if (_count == _freq.Length)
        {
            Array.Resize(ref _freq, _count * 2);
            Array.Resize(ref _logFreq, _count * 2);
            Array.Resize(ref _hasAddedChildren, _count * 2);
        }
        _freq[_count] = 0;
        _logFreq[_count] = 0.0;
        _hasAddedChildren[_count] = false;
        return _count++;
    }

    private void SetTotal(long total)
    {
        Total = total;
        LogTotal = Math.Log(total);
    }

    private static long EdgeKey(int node, char c) => (long)node << 16 | c;
}
