using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace BulletinIngest.Segmentation;

/// <summary>
/// Chinese word segmentation with jieba's method and data, giving the same tokens as Python's
/// <c>jieba.lcut(text, HMM=True)</c> (or <c>HMM=False</c>), each with its offset in the text:
/// <list type="number">
/// <item>the text is split into blocks of Han characters, ASCII letters and digits and +#&amp;._%- ; every other
/// character is a token of its own (a CR LF pair is one token);</item>
/// <item>in a block, the DAG of all dictionary words is built and the route of maximum log probability is
/// taken (ties go to the longer word, as Python's max over (logprob, end) does);</item>
/// <item>runs of single characters on that route that are not a dictionary word go to the HMM
/// (<see cref="HmmSegmenter"/>), which finds words the dictionary lacks.</item>
/// </list>
/// Instances are immutable once built and safe to use from several threads.
/// </summary>
public sealed class JiebaSegmenter
{
    /// <summary>The domain dictionary in models/, loaded on top of jieba's by <see cref="Load"/>.</summary>
    public const string DomainDictionaryFile = "userdict.txt";

    private static readonly Lazy<JiebaSegmenter> JiebaOnly = new(() => LoadFrom(Path.Combine(ModelFiles.Directory, "jieba")));
    // Its own load of jieba's dictionary with the domain words added in place, not a copy of JiebaOnly's: a process
    // that only extracts never holds the plain one's frequencies (6.5 MB of a worker's heap).
    private static readonly Lazy<JiebaSegmenter> Domain = new(() =>
        LoadFrom(Path.Combine(ModelFiles.Directory, "jieba")).AddUserWords(UserDictionaryLines(ModelFiles.PathOf(DomainDictionaryFile))));

    private readonly PrefixDictionary _dictionary;
    private readonly HmmSegmenter _hmm;

    private JiebaSegmenter(PrefixDictionary dictionary, HmmSegmenter hmm)
    {
        _dictionary = dictionary;
        _hmm = hmm;
    }

    /// <summary>jieba's dictionary plus the domain dictionary (models/userdict.txt); loaded once per process.</summary>
    public static JiebaSegmenter Load() => Domain.Value;

    /// <summary>jieba's dictionary alone, as Python jieba uses it by default; loaded once per process.</summary>
    public static JiebaSegmenter LoadJiebaOnly() => JiebaOnly.Value;

    /// <summary>Loads dict.bin and hmm.bin from a folder (uncached).</summary>
    public static JiebaSegmenter LoadFrom(string jiebaFolder) => new(
        PrefixDictionary.Load(Path.Combine(jiebaFolder, "dict.bin")),
        HmmSegmenter.Load(Path.Combine(jiebaFolder, "hmm.bin")));

    public PrefixDictionary Dictionary => _dictionary;

    /// <summary>A segmenter with this one's words plus those of a jieba user dictionary file.</summary>
    public JiebaSegmenter WithUserDictionary(string path) => WithUserWords(UserDictionaryLines(path));

    /// <summary>A segmenter with this one's words plus user-dictionary lines: <c>word [freq] [tag]</c>.</summary>
    public JiebaSegmenter WithUserWords(IEnumerable<string> lines) => new JiebaSegmenter(_dictionary.Copy(), _hmm).AddUserWords(lines);

    private static IEnumerable<string> UserDictionaryLines(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no user dictionary at {path}", path);
        return File.ReadLines(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
    }

    /// <summary>Adds the words to this segmenter's own dictionary: only while it is being built, before anyone uses it.</summary>
    private JiebaSegmenter AddUserWords(IEnumerable<string> lines)
    {
        foreach (var line in lines) AddUserDictionaryLine(line);
        return this;
    }

    /// <summary>jieba.lcut(text, HMM=hmm): the tokens, which together are the text (a list of the caller's own).</summary>
    public List<Token> Cut(string text, bool hmm = true)
    {
        var recent = _recent.Value!;
        if (recent.Version != _version) recent.Forget(_version);
        var known = hmm ? recent.WithHmm : recent.WithoutHmm;
        if (known.TryGetValue(text, out var tokens)) return new List<Token>(tokens);
        var cut = Segment(text, hmm);
        if (text.Length > RememberedCharacters) return cut;
        if (recent.Characters + text.Length > RememberedCharacters) recent.Forget(_version);
        known[text] = cut.ToArray();
        recent.Characters += text.Length;
        return cut;
    }

    // The stages of one document cut the same texts again and again (a unit's heading for each of its candidates,
    // a clause for each of its numbers, the masthead lines for each kind of region evidence): of the sample bulletins'
    // 10,518 cuts, 9,548 were of a text cut before (88 % of the characters). So each thread remembers its last cuts, up
    // to this many characters of text (a document cuts ~3,000 distinct ones); a word added to the dictionary (only
    // while it is built) makes them stale.
    private const int RememberedCharacters = 1 << 15;

    private readonly ThreadLocal<RecentCuts> _recent = new(() => new RecentCuts());
    private int _version;

    private sealed class RecentCuts
    {
        public readonly Dictionary<string, Token[]> WithHmm = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Token[]> WithoutHmm = new(StringComparer.Ordinal);
        public int Version;
        public long Characters;

        public void Forget(int version)
        {
            WithHmm.Clear();
            WithoutHmm.Clear();
            Characters = 0;
            Version = version;
        }
    }

    private List<Token> Segment(string text, bool hmm)
    {
        var tokens = new List<Token>(text.Length / 2 + 4);
        int i = 0;
        while (i < text.Length)
        {
            int end = i;
            if (CharClasses.IsBlockChar(text[i]))
            {
                while (end < text.Length && CharClasses.IsBlockChar(text[end])) end++;
                if (hmm) CutBlock(text, i, end, tokens);
                else CutBlockWithoutHmm(text, i, end, tokens);
            }
            else
            {
                while (end < text.Length && !CharClasses.IsBlockChar(text[end])) end++;
                CutOther(text, i, end, tokens);
            }
            i = end;
        }
        return tokens;
    }

    // Outside the blocks: every character is a token, except CR LF, and a surrogate pair is one character
    // (Python iterates over code points).
    private static void CutOther(string text, int start, int end, List<Token> tokens)
    {
        for (int i = start; i < end;)
        {
            int length = (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n')
                || (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) ? 2 : 1;
            tokens.Add(Token.Of(text, i, i + length));
            i += length;
        }
    }

    /// <summary>jieba's __cut_DAG: the best route, with runs of single characters handed to the HMM.</summary>
    private void CutBlock(string text, int start, int end, List<Token> tokens)
    {
        int length = end - start, bufferStart = -1, x = 0;
        int[] route = ArrayPool<int>.Shared.Rent(length);
        BestRoute(text, start, end, route);
        while (x < length)
        {
            int y = route[x] + 1;
            if (y - x == 1)
            {
                if (bufferStart < 0) bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0) FlushSingles(text, start + bufferStart, start + x, tokens);
                bufferStart = -1;
                tokens.Add(Token.Of(text, start + x, start + y));
            }
            x = y;
        }
        if (bufferStart >= 0) FlushSingles(text, start + bufferStart, end, tokens);
        ArrayPool<int>.Shared.Return(route);
    }

    // A run of characters the route took one by one: one character is a token; a run that is not a
    // dictionary word goes to the HMM; a run that is a word (the route preferred its characters) stays split.
    private void FlushSingles(string text, int start, int end, List<Token> tokens)
    {
        if (end - start == 1)
            tokens.Add(Token.Of(text, start, start + 1));
        else if ((_dictionary.Frequency(text.AsSpan(start, end - start)) ?? 0) == 0)
            _hmm.Cut(text, start, end, _dictionary.ForceSplitWords, tokens);
        else
            for (int i = start; i < end; i++) tokens.Add(Token.Of(text, i, i + 1));
    }

    /// <summary>jieba's __cut_DAG_NO_HMM: the best route, with runs of single ASCII letters or digits joined.</summary>
    private void CutBlockWithoutHmm(string text, int start, int end, List<Token> tokens)
    {
        int length = end - start, bufferStart = -1, x = 0;
        int[] route = ArrayPool<int>.Shared.Rent(length);
        BestRoute(text, start, end, route);
        while (x < length)
        {
            int y = route[x] + 1;
            if (y - x == 1 && CharClasses.IsAsciiLetterOrDigit(text[start + x]))
            {
                if (bufferStart < 0) bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0) tokens.Add(Token.Of(text, start + bufferStart, start + x));
                bufferStart = -1;
                tokens.Add(Token.Of(text, start + x, start + y));
            }
            x = y;
        }
        if (bufferStart >= 0) tokens.Add(Token.Of(text, start + bufferStart, end));
        ArrayPool<int>.Shared.Return(route);
    }

    /// <summary>
    /// jieba's get_DAG and calc in one backward pass: for each position, the end (inclusive, relative to
    /// <paramref name="start"/>) of the word that starts the most probable route from there to the block's end.
    /// </summary>
    private void BestRoute(string text, int start, int end, int[] routeEnd)
    {
        int length = end - start;
        double[] routeLogProbability = ArrayPool<double>.Shared.Rent(length + 1);
        routeLogProbability[length] = 0;
        double logTotal = _dictionary.LogTotal;
        for (int idx = length - 1; idx >= 0; idx--)
        {
            bool found = false;
            double best = 0;
            int bestEnd = idx;
            int node = PrefixDictionary.Root;
            for (int x = idx; x < length; x++)
            {
                node = _dictionary.Child(node, text[start + x]);
                if (node < 0) break;
                if (_dictionary.FrequencyOf(node) == 0) continue;
                double candidate = _dictionary.LogProbability(node) + routeLogProbability[x + 1];
                // Python's max over (logprob, x) tuples: on a tie the later end wins.
                if (!found || candidate >= best)
                {
                    found = true;
                    best = candidate;
                    bestEnd = x;
                }
            }
            if (!found) best = (0.0 - logTotal) + routeLogProbability[idx + 1];
            routeEnd[idx] = bestEnd;
            routeLogProbability[idx] = best;
        }
        ArrayPool<double>.Shared.Return(routeLogProbability);
    }

    // jieba's re_userdict: word, then optionally " freq", then optionally " tag".
    private static readonly Regex UserDictionaryLine = new(@"^(.+?)( [0-9]+)?( [a-z]+)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// jieba's load_userdict for one line: a word without a frequency gets suggest_freq's. Lines starting with
    /// # are comments (our extension; jieba would add them as words).
    /// </summary>
    private void AddUserDictionaryLine(string line)
    {
        line = line.Trim(' ', '\t', '\n', '\r', '\v', '\f').TrimStart('\uFEFF');
        if (line.Length == 0 || line.StartsWith('#')) return;
        var match = UserDictionaryLine.Match(line);
        string word = match.Groups[1].Value;
        int freq;
        if (!match.Groups[2].Success) freq = SuggestFrequency(word);
        else if (!int.TryParse(match.Groups[2].Value.AsSpan(1), out freq))
            throw new ArgumentException($"user dictionary: frequency out of range in \"{line}\"");
        _dictionary.AddWord(word, freq);
        _version++;
    }

    /// <summary>jieba's suggest_freq(word, tune=False): the lowest frequency that makes the word be cut whole.</summary>
    public int SuggestFrequency(string word)
    {
        double total = _dictionary.Total;
        double product = 1;
        foreach (var token in Cut(word, hmm: false))
            product *= (_dictionary.Frequency(token.Text) ?? 1) / total;
        return (int)Math.Max((long)(product * _dictionary.Total) + 1, _dictionary.Frequency(word) ?? 1);
    }
}
