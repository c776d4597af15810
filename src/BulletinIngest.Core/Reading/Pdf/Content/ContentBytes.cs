using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;

namespace BulletinIngest.Reading.Pdf.Content;

/// <summary>
/// Gets a page's or form's content stream bytes and tokenizes them with PDFsharp's ContentReader, after
/// one repair: PDFsharp 6.5 misreads a hex string whose two digits of a byte are split by a line break
/// (cairo wraps long TJ strings that way), so whitespace inside hex strings is removed first.
/// </summary>
internal static class ContentBytes
{
    public static CSequence Read(PdfPage page, InflateBudget budget)
    {
        var streams = PdfObjects.Get(page, "/Contents") switch
        {
            PdfArray array => PdfObjects.Items(array).OfType<PdfDictionary>().ToList(),
            PdfDictionary single => [single],
            _ => [],
        };
        // Streams of one page may split anywhere between tokens; a newline keeps their tokens apart.
        var joined = new List<byte>();
        foreach (var stream in streams)
        {
            if (budget.StreamBytes(stream) is not { } bytes) continue;
            joined.AddRange(bytes);
            joined.Add((byte)'\n');
        }
        return Read(joined.ToArray());
    }

    /// <summary>Arrays and dictionaries nest one or two levels in content; PDFsharp's parser recurses once a level.</summary>
    public const int MaxNesting = 64;

    public static CSequence Read(byte[] content)
    {
        var joined = JoinHexStrings(content);
        if (NestingDepth(joined) is var depth and > MaxNesting)
            throw new PdfLimitException($"content nests arrays or dictionaries {depth} deep (limit {MaxNesting})");
        return ContentReader.ReadContent(joined);
    }

    /// <summary>The deepest nesting of [ ] and &lt;&lt; &gt;&gt;, outside strings, comments and inline image data.</summary>
    public static int NestingDepth(byte[] data)
    {
        int depth = 0, deepest = 0;
        for (int i = 0; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)'(':
                    for (int open = 0; i < data.Length; i++)
                    {
                        if (data[i] == '\\') { i++; continue; }
                        if (data[i] == '(') open++;
                        else if (data[i] == ')' && --open == 0) break;
                    }
                    break;
                case (byte)'%': while (i < data.Length && data[i] is not ((byte)'\n' or (byte)'\r')) i++; break;
                case (byte)'[': deepest = Math.Max(deepest, ++depth); break;
                case (byte)']': depth = Math.Max(0, depth - 1); break;
                case (byte)'<' when i + 1 < data.Length && data[i + 1] == '<': deepest = Math.Max(deepest, ++depth); i++; break;
                case (byte)'>' when i + 1 < data.Length && data[i + 1] == '>': depth = Math.Max(0, depth - 1); i++; break;
                case (byte)'I' when i + 2 < data.Length && data[i + 1] == 'D' && IsWhite(data[i + 2]) && (i == 0 || IsWhite(data[i - 1])):
                    i = FindEndOfImage(data, i + 3);
                    break;
            }
        }
        return deepest;
    }

    /// <summary>Removes whitespace inside hex strings, skipping literal strings, comments and inline image data.</summary>
    public static byte[] JoinHexStrings(byte[] data)
    {
        if (Array.IndexOf(data, (byte)'<') < 0) return data;
        var output = new byte[data.Length];
        int length = 0;
        for (int i = 0; i < data.Length; i++)
        {
            byte c = data[i];
            if (c == '(') { i = CopyLiteral(data, i, output, ref length); continue; }
            if (c == '%') { while (i < data.Length && data[i] is not ((byte)'\n' or (byte)'\r')) output[length++] = data[i++]; i--; continue; }
            if (c == '<' && i + 1 < data.Length && data[i + 1] == '<') { output[length++] = c; output[length++] = data[++i]; continue; }
            if (c == '<')
            {
                output[length++] = c;
                for (i++; i < data.Length && data[i] != '>'; i++)
                    if (!IsWhite(data[i])) output[length++] = data[i];
                if (i < data.Length) output[length++] = data[i];
                continue;
            }
            if (c == 'I' && i + 2 < data.Length && data[i + 1] == 'D' && IsWhite(data[i + 2]) && (i == 0 || IsWhite(data[i - 1])))
            {
                // Inline image data is binary up to "EI": copy it untouched.
                int end = FindEndOfImage(data, i + 3);
                Array.Copy(data, i, output, length, end - i);
                length += end - i;
                i = end - 1;
                continue;
            }
            output[length++] = c;
        }
        return output.AsSpan(0, length).ToArray();
    }

    private static int CopyLiteral(byte[] data, int i, byte[] output, ref int length)
    {
        int depth = 0;
        for (; i < data.Length; i++)
        {
            byte c = data[i];
            output[length++] = c;
            if (c == '\\' && i + 1 < data.Length) { output[length++] = data[++i]; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return i;
    }

    private static int FindEndOfImage(byte[] data, int start)
    {
        for (int i = start; i + 2 < data.Length; i++)
            if (IsWhite(data[i]) && data[i + 1] == 'E' && data[i + 2] == 'I' && (i + 3 == data.Length || IsWhite(data[i + 3]))) return i + 1;
        return data.Length;
    }

    private static bool IsWhite(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
}
