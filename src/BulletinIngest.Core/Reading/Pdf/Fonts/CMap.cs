using System.Text;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>
/// A character map: how a string's bytes split into codes (codespace ranges), and what each code maps to:
/// a CID (encoding CMaps: cidchar/cidrange) or Unicode text (ToUnicode CMaps: bfchar/bfrange, with
/// array ranges and UTF-16 surrogate pairs). Large ranges stay ranges so a hostile CMap cannot blow memory.
/// </summary>
internal sealed class CMap
{
    private const int MaxExpandedRange = 4096;

    private readonly List<CodespaceRange> _codespaces = [];
    private readonly Dictionary<int, string> _unicode = [];
    private readonly List<(int Low, int High, string First)> _unicodeRanges = [];
    private readonly Dictionary<int, int> _cids = [];
    private readonly List<(int Low, int High, int FirstCid)> _cidRanges = [];

    public string Name { get; private set; } = "";
    public bool IsVertical { get; private set; }
    public bool HasCodespaces => _codespaces.Count > 0;
    public bool HasUnicode => _unicode.Count > 0 || _unicodeRanges.Count > 0;

    /// <summary>The CMap for Identity-H/V: two-byte codes equal to CIDs.</summary>
    public static CMap Identity(bool vertical)
    {
        var map = new CMap { Name = vertical ? "Identity-V" : "Identity-H", IsVertical = vertical };
        map._codespaces.Add(new CodespaceRange(2, 0x0000, 0xFFFF));
        map._cidRanges.Add((0, 0xFFFF, 0));
        return map;
    }

    public void AddCodespace(int length, int low, int high) => _codespaces.Add(new CodespaceRange(length, low, high));

    public static CMap Parse(byte[] data)
    {
        var map = new CMap();
        var tokens = CMapTokenizer.Tokenize(data).ToList();
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == CMapTokenKind.Name && token.Text == "CMapName" && i + 1 < tokens.Count && tokens[i + 1].Kind == CMapTokenKind.Name)
                map.Name = tokens[i + 1].Text;
            else if (token.Kind == CMapTokenKind.Name && token.Text == "WMode" && i + 1 < tokens.Count)
                map.IsVertical = tokens[i + 1].Text == "1";
            if (token.Kind != CMapTokenKind.Word) continue;
            switch (token.Text)
            {
                case "begincodespacerange":
                    for (i++; i + 1 < tokens.Count && tokens[i].Kind == CMapTokenKind.HexString; i += 2)
                        map._codespaces.Add(new CodespaceRange(tokens[i].Bytes!.Length, Int(tokens[i].Bytes!), Int(tokens[i + 1].Bytes!)));
                    break;
                case "beginbfchar":
                    for (i++; i + 1 < tokens.Count && tokens[i].Kind == CMapTokenKind.HexString; i += 2)
                        if (Destination(tokens[i + 1]) is { } text) map._unicode[Int(tokens[i].Bytes!)] = text;
                    break;
                case "beginbfrange":
                    i = map.ReadBfRanges(tokens, i + 1);
                    break;
                case "begincidchar":
                    for (i++; i + 1 < tokens.Count && tokens[i].Kind == CMapTokenKind.HexString; i += 2)
                        if (int.TryParse(tokens[i + 1].Text, out int cid)) map._cids[Int(tokens[i].Bytes!)] = cid;
                    break;
                case "begincidrange":
                    for (i++; i + 2 < tokens.Count && tokens[i].Kind == CMapTokenKind.HexString; i += 3)
                        if (int.TryParse(tokens[i + 2].Text, out int first))
                            map._cidRanges.Add((Int(tokens[i].Bytes!), Int(tokens[i + 1].Bytes!), first));
                    break;
            }
        }
        return map;
    }

    private int ReadBfRanges(List<CMapToken> tokens, int i)
    {
        while (i + 2 < tokens.Count && tokens[i].Kind == CMapTokenKind.HexString && tokens[i + 1].Kind == CMapTokenKind.HexString)
        {
            int low = Int(tokens[i].Bytes!), high = Int(tokens[i + 1].Bytes!);
            var target = tokens[i + 2];
            i += 3;
            if (high < low) continue;
            if (target.Kind == CMapTokenKind.ArrayStart)
            {
                // <low> <high> [<dst1> <dst2> ...]: one destination per code.
                for (int code = low; i < tokens.Count && tokens[i].Kind != CMapTokenKind.ArrayEnd; i++, code++)
                    if (code <= high && Destination(tokens[i]) is { } text) _unicode[code] = text;
                i++;
            }
            else if (Destination(target) is { Length: > 0 } first)
            {
                if (high - low < MaxExpandedRange)
                    for (int code = low; code <= high; code++) _unicode[code] = Offset(first, code - low);
                else _unicodeRanges.Add((low, high, first));
            }
        }
        return i;
    }

    /// <summary>A bfrange destination advanced by <paramref name="delta"/>: the last UTF-16 unit, or the code point when it is a surrogate pair.</summary>
    private static string Offset(string first, int delta)
    {
        if (delta == 0) return first;
        if (first.Length >= 2 && char.IsHighSurrogate(first[^2]) && char.IsLowSurrogate(first[^1]))
        {
            int codePoint = char.ConvertToUtf32(first[^2], first[^1]) + delta;
            return first[..^2] + (codePoint <= 0x10FFFF ? char.ConvertFromUtf32(codePoint) : "");
        }
        return first[..^1] + (char)(first[^1] + delta);
    }

    private static string? Destination(CMapToken token) => token.Kind switch
    {
        CMapTokenKind.HexString => Encoding.BigEndianUnicode.GetString(token.Bytes!),
        CMapTokenKind.Name => GlyphNames.ToUnicode(token.Text),
        _ => null,
    };

    private static int Int(byte[] bytes)
    {
        int value = 0;
        foreach (byte b in bytes.AsSpan(0, Math.Min(bytes.Length, 4))) value = (value << 8) | b;
        return value;
    }

    /// <summary>Reads the next code from <paramref name="bytes"/> at <paramref name="index"/>: its value and byte length.</summary>
    public (int Code, int Length) NextCode(ReadOnlySpan<byte> bytes, int index)
    {
        int value = 0;
        for (int length = 1; length <= 4 && index + length <= bytes.Length; length++)
        {
            value = (value << 8) | bytes[index + length - 1];
            foreach (var range in _codespaces)
                if (range.Length == length && range.Contains(value)) return (value, length);
        }
        // Not in any codespace: take the shortest codespace length so decoding moves on.
        int fallback = _codespaces.Count == 0 ? 1 : Math.Min(_codespaces.Min(r => r.Length), bytes.Length - index);
        value = 0;
        for (int k = 0; k < fallback; k++) value = (value << 8) | bytes[index + k];
        return (value, Math.Max(1, fallback));
    }

    public string? ToUnicode(int code)
    {
        if (_unicode.TryGetValue(code, out var text)) return text;
        foreach (var (low, high, first) in _unicodeRanges)
            if (code >= low && code <= high) return Offset(first, code - low);
        return null;
    }

    public int? ToCid(int code)
    {
        if (_cids.TryGetValue(code, out int cid)) return cid;
        foreach (var (low, high, firstCid) in _cidRanges)
            if (code >= low && code <= high) return firstCid + code - low;
        return null;
    }

    private readonly record struct CodespaceRange(int Length, int Low, int High)
    {
        /// <summary>Codespace ranges bound each byte separately (a "rectangle" of byte values), not the whole number.</summary>
        public bool Contains(int value)
        {
            for (int shift = 0; shift < Length * 8; shift += 8)
            {
                int b = (value >> shift) & 0xFF, lo = (Low >> shift) & 0xFF, hi = (High >> shift) & 0xFF;
                if (b < lo || b > hi) return false;
            }
            return true;
        }
    }
}
