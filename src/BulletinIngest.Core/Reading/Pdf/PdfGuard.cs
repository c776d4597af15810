using System.Text;
using System.Text.RegularExpressions;

namespace BulletinIngest.Reading.Pdf;

/// <summary>
/// Checks a PDF's raw bytes before PDFsharp parses them, for what PDFsharp recurses or loops on without a
/// bound: objects nested thousands deep (its parser recurses per level), page trees that contain themselves
/// (its page-tree walk recurses per kid), /Prev chains that loop (its xref reader follows them forever), and
/// object streams that inflate without end. A refusal takes milliseconds, whatever the file declares.
/// One repair keeps damaged files readable: a stream whose /Length runs past the end of the file (PDFsharp
/// would allocate the declared size) gets its real length, written over the number so no offset moves.
/// </summary>
internal static partial class PdfGuard
{
    /// <summary>Dictionaries and arrays nest a few levels in real files; hundreds means a hostile file.</summary>
    public const int MaxNesting = 256;

    public const int MaxPageTreeDepth = 256;

    public const int MaxXrefSections = 4096;

    /// <summary>The bytes PDFsharp should parse (repaired when a /Length was impossible); throws when the file is hostile.</summary>
    public static byte[] Check(byte[] content, List<string> warnings)
    {
        var scan = new Scanner(content);
        scan.Run();
        CheckObjectStreams(content, scan);
        CheckPageTree(scan.Kids);
        CheckXrefChain(content);
        return RepairLengths(content, scan, warnings);
    }

    private static DocumentRejectedException Hostile(string what) =>
        new(RejectReason.Corrupt, $"damaged or hostile PDF: {what}");

    /// <summary>A stream seen by the scanner: its object, where its dictionary and its data are.</summary>
    private readonly record struct StreamSpan(int Object, int DictStart, int DictEnd, int DataStart, int DataEnd);

    /// <summary>One pass over the file's tokens: nesting depth outside streams, object bodies, streams, page-tree kids.</summary>
    private sealed class Scanner(byte[] data)
    {
        public readonly Dictionary<int, (int Start, int End)> Objects = [];
        /// <summary>Where each object's "N G obj" header starts, and its generation.</summary>
        public readonly Dictionary<int, (int Offset, int Generation)> Headers = [];
        public readonly List<StreamSpan> Streams = [];
        public readonly Dictionary<int, int[]> Kids = [];

        public void Run()
        {
            int depth = 0, current = -1, bodyStart = 0;
            for (int i = 0; i < data.Length;)
            {
                byte c = data[i];
                switch (c)
                {
                    case (byte)'%': i = SkipComment(data, i); continue;
                    case (byte)'(': i = SkipLiteral(data, i); continue;
                    case (byte)'/': i = SkipName(data, i + 1); continue;
                    case (byte)'<' when i + 1 < data.Length && data[i + 1] == '<': depth++; i += 2; break;
                    case (byte)'<': i = SkipHex(data, i); continue;
                    case (byte)'>' when i + 1 < data.Length && data[i + 1] == '>': depth = Math.Max(0, depth - 1); i += 2; continue;
                    case (byte)'[': depth++; i++; break;
                    case (byte)']': depth = Math.Max(0, depth - 1); i++; continue;
                    case >= (byte)'a' and <= (byte)'z' when i == 0 || IsDelimiter(data[i - 1]):
                    {
                        int end = i;
                        while (end < data.Length && data[end] is >= (byte)'a' and <= (byte)'z') end++;
                        var word = data.AsSpan(i, end - i);
                        if (word.SequenceEqual("obj"u8) && ObjectHeaderBefore(data, i) is { } header)
                        {
                            current = header.Number; bodyStart = end; depth = 0;
                            Headers[header.Number] = (header.Offset, header.Generation);
                        }
                        else if (word.SequenceEqual("endobj"u8) && current >= 0)
                        {
                            Record(current, bodyStart, i);
                            current = -1; depth = 0;
                        }
                        else if (word.SequenceEqual("stream"u8))
                        {
                            int dataStart = end;
                            if (dataStart < data.Length && data[dataStart] == '\r') dataStart++;
                            if (dataStart < data.Length && data[dataStart] == '\n') dataStart++;
                            int endstream = data.AsSpan(dataStart).IndexOf("endstream"u8);
                            if (endstream < 0) return; // truncated: PDFsharp reports it
                            endstream += dataStart;
                            int dataEnd = endstream;
                            if (dataEnd > dataStart && data[dataEnd - 1] == '\n') dataEnd--;
                            if (dataEnd > dataStart && data[dataEnd - 1] == '\r') dataEnd--;
                            if (current >= 0)
                            {
                                Streams.Add(new StreamSpan(current, bodyStart, i, dataStart, dataEnd));
                                Record(current, bodyStart, i);
                            }
                            i = endstream + "endstream".Length;
                            depth = 0;
                            continue;
                        }
                        i = end;
                        continue;
                    }
                    default: i++; continue;
                }
                if (depth > MaxNesting)
                    throw Hostile($"dictionaries or arrays nest more than {MaxNesting} deep (at byte {i})");
            }
        }

        private void Record(int number, int start, int end)
        {
            Objects[number] = (start, end);
            if (KidsOf(data, start, end) is { } kids) Kids[number] = kids;
        }
    }

    /// <summary>The "N G obj" header ending just before <paramref name="objAt"/>: number, generation, offset of N.</summary>
    private static (int Number, int Generation, int Offset)? ObjectHeaderBefore(byte[] data, int objAt)
    {
        int i = objAt - 1;
        if (IntegerBefore(data, ref i) is not { } generation) return null;
        if (IntegerBefore(data, ref i) is not { } number) return null;
        return (number, generation, i + 1);
    }

    private static int? IntegerBefore(byte[] data, ref int i)
    {
        while (i >= 0 && IsWhite(data[i])) i--;
        int end = i;
        while (i >= 0 && data[i] is >= (byte)'0' and <= (byte)'9') i--;
        if (end == i || end - i > 9) return null;
        return int.Parse(data.AsSpan(i + 1, end - i));
    }

    [GeneratedRegex(@"/Type\s*/Catalog\b")]
    private static partial Regex CatalogType();

    [GeneratedRegex(@"/Pages\s+(\d+)\s+\d+\s+R")]
    private static partial Regex PagesEntry();

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageType();

    /// <summary>
    /// A damaged file (a truncated download, a broken xref) with a cross-reference table rebuilt from the
    /// objects found by scanning, as poppler and pdfium do, appended at its end. When the catalog or its page
    /// tree did not survive, a new page tree lists every page object in file order. Null when no page is found.
    /// </summary>
    public static byte[]? RebuildXref(byte[] content, out int objectCount)
    {
        var scan = new Scanner(content);
        scan.Run();
        objectCount = scan.Objects.Count;
        string Body(int number) => scan.Objects.TryGetValue(number, out var body)
            ? Encoding.Latin1.GetString(content, body.Start, Math.Min(body.End - body.Start, 1 << 16)) : "";
        var pages = scan.Objects.Keys.Where(n => PageType().IsMatch(Body(n))).OrderBy(n => scan.Headers[n].Offset).ToList();
        if (pages.Count == 0) return null;
        int root = scan.Objects.Keys.FirstOrDefault(n => CatalogType().IsMatch(Body(n)) && PagesEntry().Match(Body(n)) is { Success: true } entry
                                                         && scan.Objects.ContainsKey(int.Parse(entry.Groups[1].Value)), -1);
        var output = new MemoryStream();
        output.Write(content);
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        // Only complete objects: one cut short would read into the appended table.
        var offsets = scan.Headers.Where(h => scan.Objects.ContainsKey(h.Key))
            .ToDictionary(h => h.Key, h => (Offset: (long)h.Value.Offset, h.Value.Generation));
        int next = scan.Headers.Keys.Max() + 1;
        Write("\n");
        if (root < 0)
        {
            offsets[next] = (output.Position, 0);
            Write($"{next} 0 obj\n<< /Type /Pages /Kids [{string.Join(" ", pages.Select(p => $"{p} {scan.Headers[p].Generation} R"))}] /Count {pages.Count} >>\nendobj\n");
            root = next + 1;
            offsets[root] = (output.Position, 0);
            Write($"{root} 0 obj\n<< /Type /Catalog /Pages {next} 0 R >>\nendobj\n");
            next += 2;
        }
        long xref = output.Position;
        Write($"xref\n0 {next}\n0000000000 65535 f \n");
        for (int n = 1; n < next; n++)
            Write(offsets.TryGetValue(n, out var at) ? $"{at.Offset:D10} {at.Generation:D5} n \n" : "0000000000 65535 f \n");
        Write($"trailer\n<< /Size {next} /Root {root} {offsets[root].Generation} R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")]
    private static partial Regex KidsArray();

    [GeneratedRegex(@"(\d+)\s+\d+\s+R")]
    private static partial Regex Reference();

    private static int[]? KidsOf(byte[] data, int start, int end)
    {
        var body = data.AsSpan(start, end - start);
        if (body.IndexOf("/Kids"u8) < 0) return null;
        var match = KidsArray().Match(Encoding.Latin1.GetString(body));
        if (!match.Success) return null;
        return Reference().Matches(match.Groups[1].Value).Select(m => int.TryParse(m.Groups[1].Value, out int n) ? n : -1)
            .Where(n => n >= 0).ToArray();
    }

    /// <summary>A page tree node that is its own ancestor, or a tree deeper than any real one.</summary>
    private static void CheckPageTree(Dictionary<int, int[]> kids)
    {
        // Iterative depth-first search with colours: grey nodes are on the current path, so reaching one is a cycle.
        var state = new Dictionary<int, byte>();
        foreach (int root in kids.Keys)
        {
            if (state.ContainsKey(root)) continue;
            var path = new Stack<(int Node, int Next)>();
            path.Push((root, 0));
            state[root] = 1;
            while (path.Count > 0)
            {
                var (node, next) = path.Pop();
                var children = kids.GetValueOrDefault(node) ?? [];
                if (next >= children.Length) { state[node] = 2; continue; }
                path.Push((node, next + 1));
                int child = children[next];
                switch (state.GetValueOrDefault(child))
                {
                    case 1: throw Hostile($"the page tree loops (object {child} is its own ancestor)");
                    case 2: continue;
                }
                state[child] = 1;
                path.Push((child, 0));
                if (path.Count > MaxPageTreeDepth) throw Hostile($"the page tree is more than {MaxPageTreeDepth} levels deep");
            }
        }
    }

    [GeneratedRegex(@"/Prev\s+(\d+)")]
    private static partial Regex PrevOffset();

    /// <summary>Follows startxref and each section's /Prev; an offset seen twice is a loop PDFsharp would never leave.</summary>
    private static void CheckXrefChain(byte[] content)
    {
        int at = content.AsSpan().LastIndexOf("startxref"u8);
        if (at < 0) return;
        var after = Encoding.Latin1.GetString(content, at + 9, Math.Min(32, content.Length - at - 9));
        var first = Regex.Match(after, @"^\s*(\d{1,12})");
        if (!first.Success) return;
        long offset = long.Parse(first.Groups[1].Value);
        var seen = new HashSet<long>();
        while (offset > 0 && offset < content.Length)
        {
            if (!seen.Add(offset)) throw Hostile($"the cross-reference /Prev chain loops (offset {offset} is reached twice)");
            if (seen.Count > MaxXrefSections) throw Hostile($"more than {MaxXrefSections} cross-reference sections");
            // The section's trailer (a table's "trailer" dictionary, or an xref stream's own dictionary) ends at the next startxref.
            int start = (int)offset;
            int end = content.AsSpan(start).IndexOf("startxref"u8);
            end = end < 0 ? content.Length : start + end;
            var section = content.AsSpan(start, end - start);
            if (section.StartsWith("xref"u8) && section.IndexOf("trailer"u8) is >= 0 and var trailer) section = section[trailer..];
            else if (section.IndexOf("stream"u8) is >= 0 and var stream) section = section[..stream];
            var prev = PrevOffset().Match(Encoding.Latin1.GetString(section[..Math.Min(section.Length, 65536)]));
            if (!prev.Success || !long.TryParse(prev.Groups[1].Value, out offset)) return;
        }
    }

    [GeneratedRegex(@"/Type\s*/ObjStm")]
    private static partial Regex ObjectStreamType();

    [GeneratedRegex(@"/(N|First)\s+(\d+)")]
    private static partial Regex ObjectStreamCounts();

    /// <summary>Object streams are inflated by PDFsharp when it opens the file: bound them, and check their objects like the others.</summary>
    private static void CheckObjectStreams(byte[] content, Scanner scan)
    {
        long inflatedTotal = 0;
        foreach (var stream in scan.Streams)
        {
            string dictionary = Encoding.Latin1.GetString(content, stream.DictStart, stream.DictEnd - stream.DictStart);
            if (!ObjectStreamType().IsMatch(dictionary) || !dictionary.Contains("/FlateDecode")) continue;
            byte[] inflated;
            try
            {
                inflated = InflateBudget.Inflate(content.AsSpan(stream.DataStart, stream.DataEnd - stream.DataStart).ToArray(),
                    Math.Min(InflateBudget.MaxStreamBytes, InflateBudget.MaxDocumentBytes - inflatedTotal));
            }
            catch (InvalidDataException) { continue; } // a damaged object stream: PDFsharp reports it
            catch (PdfLimitException limit) { throw new DocumentRejectedException(limit.Reason, $"PDF object stream {stream.Object}: {limit.Message}"); }
            inflatedTotal += inflated.Length;
            var counts = ObjectStreamCounts().Matches(dictionary).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
            if (!counts.TryGetValue("First", out int firstOffset) || firstOffset > inflated.Length) continue;
            var inner = new Scanner(inflated);
            inner.Run(); // nesting depth inside the compressed objects
            var header = Encoding.Latin1.GetString(inflated, 0, firstOffset).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var entries = new List<(int Number, int Offset)>();
            for (int i = 0; i + 1 < header.Length; i += 2)
                if (int.TryParse(header[i], out int number) && int.TryParse(header[i + 1], out int at)) entries.Add((number, firstOffset + at));
            for (int i = 0; i < entries.Count; i++)
            {
                int start = Math.Clamp(entries[i].Offset, 0, inflated.Length);
                int end = i + 1 < entries.Count ? Math.Clamp(entries[i + 1].Offset, start, inflated.Length) : inflated.Length;
                if (KidsOf(inflated, start, end) is { } kids) scan.Kids.TryAdd(entries[i].Number, kids);
            }
        }
    }

    [GeneratedRegex(@"/Length(?![0-9A-Za-z])\s*(\d+)(\s+\d+\s+R)?")]
    private static partial Regex LengthEntry();

    /// <summary>Replaces a /Length that is impossible (past the end of the file, or a reference to the stream itself or to no number) by the stream's real length.</summary>
    private static byte[] RepairLengths(byte[] content, Scanner scan, List<string> warnings)
    {
        byte[]? repaired = null;
        int count = 0;
        long firstDeclared = 0;
        foreach (var stream in scan.Streams)
        {
            string dictionary = Encoding.Latin1.GetString(content, stream.DictStart, stream.DictEnd - stream.DictStart);
            var entry = LengthEntry().Match(dictionary);
            if (!entry.Success) continue;
            long? declared = long.TryParse(entry.Groups[1].Value, out long direct) ? direct : null;
            if (entry.Groups[2].Success)
            {
                int referenced = (int)Math.Min(int.MaxValue, direct);
                if (!scan.Objects.TryGetValue(referenced, out var body)) continue; // maybe in an object stream: leave it to PDFsharp
                declared = referenced == stream.Object ? null
                    : long.TryParse(Encoding.Latin1.GetString(content, body.Start, body.End - body.Start).Trim(), out long value) ? value : null;
            }
            int actual = stream.DataEnd - stream.DataStart;
            if (declared is { } length && length <= content.Length - stream.DataStart) continue;
            string replacement = actual.ToString();
            if (replacement.Length > entry.Length - "/Length ".Length) continue;
            repaired ??= (byte[])content.Clone();
            int valueAt = stream.DictStart + entry.Groups[1].Index;
            int valueEnd = stream.DictStart + entry.Index + entry.Length;
            Encoding.ASCII.GetBytes(replacement.PadRight(valueEnd - valueAt), 0, valueEnd - valueAt, repaired, valueAt);
            if (count++ == 0) firstDeclared = declared ?? -1;
        }
        if (count > 0)
            warnings.Add($"{count} stream{(count == 1 ? "" : "s")} declared an impossible /Length " +
                         $"({(firstDeclared >= 0 ? firstDeclared.ToString() : "a reference to itself or to no number")}); read to their endstream");
        return repaired ?? content;
    }

    private static int SkipComment(byte[] data, int i)
    {
        while (i < data.Length && data[i] is not ((byte)'\n' or (byte)'\r')) i++;
        return i;
    }

    private static int SkipLiteral(byte[] data, int i)
    {
        int depth = 0;
        for (; i < data.Length; i++)
        {
            byte c = data[i];
            if (c == '\\') { i++; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        return i;
    }

    private static int SkipHex(byte[] data, int i)
    {
        int end = Array.IndexOf(data, (byte)'>', i + 1);
        return end < 0 ? data.Length : end + 1;
    }

    private static int SkipName(byte[] data, int i)
    {
        while (i < data.Length && !IsDelimiter(data[i])) i++;
        return i;
    }

    private static bool IsWhite(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;

    private static bool IsDelimiter(byte c) => IsWhite(c) || c is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'['
        or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
