using System.Text;

namespace BulletinIngest.Reading.Pdf.Fonts;

/// <summary>A token of a CMap file: a hex string (its bytes), a name, a number, an operator word or an array bracket.</summary>
internal readonly record struct CMapToken(CMapTokenKind Kind, string Text, byte[]? Bytes = null);

internal enum CMapTokenKind { HexString, LiteralString, Name, Number, Word, ArrayStart, ArrayEnd, DictStart, DictEnd }

/// <summary>Splits the PostScript-like text of a CMap stream into tokens; comments are skipped.</summary>
internal static class CMapTokenizer
{
    public static IEnumerable<CMapToken> Tokenize(byte[] data)
    {
        int i = 0;
        while (i < data.Length)
        {
            byte c = data[i];
            if (IsWhite(c)) { i++; continue; }
            if (c == '%') { while (i < data.Length && data[i] != '\n' && data[i] != '\r') i++; continue; }
            if (c == '[') { i++; yield return new CMapToken(CMapTokenKind.ArrayStart, "["); continue; }
            if (c == ']') { i++; yield return new CMapToken(CMapTokenKind.ArrayEnd, "]"); continue; }
            if (c == '<' && i + 1 < data.Length && data[i + 1] == '<') { i += 2; yield return new CMapToken(CMapTokenKind.DictStart, "<<"); continue; }
            if (c == '>' && i + 1 < data.Length && data[i + 1] == '>') { i += 2; yield return new CMapToken(CMapTokenKind.DictEnd, ">>"); continue; }
            if (c == '<')
            {
                int end = Array.IndexOf(data, (byte)'>', i + 1);
                if (end < 0) end = data.Length;
                yield return new CMapToken(CMapTokenKind.HexString, "", HexBytes(data, i + 1, end));
                i = end + 1;
                continue;
            }
            if (c == '(')
            {
                var (bytes, next) = LiteralBytes(data, i + 1);
                i = next;
                yield return new CMapToken(CMapTokenKind.LiteralString, "", bytes);
                continue;
            }
            int start = c == '/' ? i + 1 : i;
            i = start;
            while (i < data.Length && !IsWhite(data[i]) && !IsDelimiter(data[i])) i++;
            if (i == start && c != '/') { i++; continue; } // a stray delimiter such as ')' or '>'
            string text = Encoding.Latin1.GetString(data, start, i - start);
            if (c == '/') yield return new CMapToken(CMapTokenKind.Name, text);
            else if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')) yield return new CMapToken(CMapTokenKind.Number, text);
            else yield return new CMapToken(CMapTokenKind.Word, text);
        }
    }

    private static bool IsWhite(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;

    private static bool IsDelimiter(byte c) => c is (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'/' or (byte)'%' or (byte)'{' or (byte)'}';

    private static byte[] HexBytes(byte[] data, int start, int end)
    {
        var digits = new List<int>();
        for (int i = start; i < end; i++)
        {
            int value = HexValue(data[i]);
            if (value >= 0) digits.Add(value);
        }
        if (digits.Count % 2 == 1) digits.Add(0);
        var bytes = new byte[digits.Count / 2];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(digits[2 * i] * 16 + digits[2 * i + 1]);
        return bytes;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static (byte[] Bytes, int Next) LiteralBytes(byte[] data, int i)
    {
        var bytes = new List<byte>();
        int depth = 1;
        while (i < data.Length)
        {
            byte c = data[i++];
            if (c == '\\' && i < data.Length)
            {
                byte e = data[i++];
                switch (e)
                {
                    case (byte)'n': bytes.Add((byte)'\n'); break;
                    case (byte)'r': bytes.Add((byte)'\r'); break;
                    case (byte)'t': bytes.Add((byte)'\t'); break;
                    case (byte)'b': bytes.Add(8); break;
                    case (byte)'f': bytes.Add(12); break;
                    case >= (byte)'0' and <= (byte)'7':
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < data.Length && data[i] is >= (byte)'0' and <= (byte)'7'; k++) value = value * 8 + data[i++] - '0';
                        bytes.Add((byte)value);
                        break;
                    case (byte)'\r': if (i < data.Length && data[i] == '\n') i++; break;
                    case (byte)'\n': break;
                    default: bytes.Add(e); break;
                }
                continue;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) break;
            bytes.Add(c);
        }
        return (bytes.ToArray(), i);
    }
}
