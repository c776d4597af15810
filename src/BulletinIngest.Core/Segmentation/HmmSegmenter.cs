using System.Text;

namespace BulletinIngest.Segmentation;

/// <summary>
/// jieba's finalseg: a hidden Markov model with states B (begin), M (middle), E (end), S (single) that cuts runs of
/// characters the dictionary does not cover, by Viterbi decoding. Tables come from models/jieba/hmm.bin.
/// Reproduces finalseg.cut exactly, including its tie-breaking (Python's max over (probability, state letter)).
/// </summary>
internal sealed class HmmSegmenter
{
    /// <summary>finalseg's MIN_FLOAT: the log-probability of an emission or transition the tables lack.</summary>
    public const double MinFloat = -3.14e100;

    private const int B = 0, M = 1, E = 2, S = 3, StateCount = 4;

    // Python compares the states' letters on equal probability: B < E < M < S.
    private static readonly int[] LetterRank = [0, 2, 1, 3];

    // jieba's PrevStatus: the states each state may follow, in jieba's order.
    private static readonly int[][] PreviousStates = [[E, S], [M, B], [B, M], [S, E]];

    private readonly double[] _start = new double[StateCount];
    private readonly double[,] _transition = new double[StateCount, StateCount];
    private readonly double[][] _emission = new double[StateCount][];

    private HmmSegmenter() { }

    public static HmmSegmenter Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (Encoding.ASCII.GetString(reader.ReadBytes(8)) != "JIEBAHMM" || reader.ReadInt32() != 1)
            throw new InvalidDataException($"{path} is not a jieba HMM written by scripts/convert_jieba.py");
        var model = new HmmSegmenter();
        for (int s = 0; s < StateCount; s++) model._start[s] = reader.ReadDouble();
        for (int from = 0; from < StateCount; from++)
            for (int to = 0; to < StateCount; to++) model._transition[from, to] = reader.ReadDouble();
        for (int s = 0; s < StateCount; s++)
        {
            var emission = new double[char.MaxValue + 1];
            Array.Fill(emission, MinFloat);
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                char c = (char)reader.ReadUInt16();
                emission[c] = reader.ReadDouble();
            }
            model._emission[s] = emission;
        }
        return model;
    }

    /// <summary>
    /// finalseg.cut over text[start..end): Han runs go through Viterbi; between them, runs of ASCII letters and
    /// digits (with one decimal part and a percent sign) are tokens, and whatever lies between those is one token.
    /// </summary>
    public void Cut(string text, int start, int end, IReadOnlySet<string> forceSplit, List<Token> output)
    {
        int i = start;
        while (i < end)
        {
            int runEnd = i;
            if (CharClasses.IsHan(text[i]))
            {
                while (runEnd < end && CharClasses.IsHan(text[runEnd])) runEnd++;
                CutHan(text, i, runEnd, forceSplit, output);
            }
            else
            {
                while (runEnd < end && !CharClasses.IsHan(text[runEnd])) runEnd++;
                CutOther(text, i, runEnd, output);
            }
            i = runEnd;
        }
    }

    // finalseg's re_skip = ([a-zA-Z0-9]+(?:\.\d+)?%?) used with re.split: matches and the gaps between them.
    private static void CutOther(string text, int start, int end, List<Token> output)
    {
        int gapStart = start, i = start;
        while (i < end)
        {
            if (!CharClasses.IsAsciiLetterOrDigit(text[i])) { i++; continue; }
            int matchEnd = i;
            while (matchEnd < end && CharClasses.IsAsciiLetterOrDigit(text[matchEnd])) matchEnd++;
            if (matchEnd + 1 < end && text[matchEnd] == '.' && char.IsAsciiDigit(text[matchEnd + 1]))
            {
                matchEnd += 2;
                while (matchEnd < end && char.IsAsciiDigit(text[matchEnd])) matchEnd++;
            }
            if (matchEnd < end && text[matchEnd] == '%') matchEnd++;
            if (i > gapStart) output.Add(Token.Of(text, gapStart, i));
            output.Add(Token.Of(text, i, matchEnd));
            i = gapStart = matchEnd;
        }
        if (end > gapStart) output.Add(Token.Of(text, gapStart, end));
    }

    private void CutHan(string text, int start, int end, IReadOnlySet<string> forceSplit, List<Token> output)
    {
        var states = Viterbi(text, start, end);
        int begin = 0, next = 0, length = end - start;
        for (int i = 0; i < length; i++)
        {
            switch (states[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    Emit(text, start + begin, start + i + 1, forceSplit, output);
                    next = i + 1;
                    break;
                case S:
                    Emit(text, start + i, start + i + 1, forceSplit, output);
                    next = i + 1;
                    break;
            }
        }
        if (next < length) Emit(text, start + next, end, forceSplit, output);
    }

    private static void Emit(string text, int start, int end, IReadOnlySet<string> forceSplit, List<Token> output)
    {
        if (forceSplit.Count > 0 && forceSplit.Contains(text[start..end]))
            for (int i = start; i < end; i++) output.Add(Token.Of(text, i, i + 1));
        else
            output.Add(Token.Of(text, start, end));
    }

    /// <summary>The most probable state of each character of text[start..end).</summary>
    private byte[] Viterbi(string text, int start, int end)
    {
        int length = end - start;
        var from = new byte[length * StateCount];
        Span<double> previous = stackalloc double[StateCount];
        Span<double> current = stackalloc double[StateCount];
        for (int s = 0; s < StateCount; s++) previous[s] = _start[s] + _emission[s][text[start]];

        for (int t = 1; t < length; t++)
        {
            char observed = text[start + t];
            for (int s = 0; s < StateCount; s++)
            {
                double emission = _emission[s][observed];
                int bestState = -1;
                double best = 0;
                foreach (int candidate in PreviousStates[s])
                {
                    double probability = previous[candidate] + _transition[candidate, s] + emission;
                    if (bestState < 0 || probability > best || (probability == best && LetterRank[candidate] > LetterRank[bestState]))
                    {
                        best = probability;
                        bestState = candidate;
                    }
                }
                current[s] = best;
                from[t * StateCount + s] = (byte)bestState;
            }
            current.CopyTo(previous);
        }

        // Python's max((V[y], y) for y in 'ES'): S wins a tie.
        int state = previous[S] >= previous[E] ? S : E;
        var states = new byte[length];
        for (int t = length - 1; t >= 0; t--)
        {
            states[t] = (byte)state;
            state = from[t * StateCount + state];
        }
        return states;
    }
}
