using System.Text;
using System.Text.RegularExpressions;
using BulletinIngest.Reading.TextTables;

namespace BulletinIngest.Reading;

/// <summary>
/// Plain-text bulletins: decodes UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the
/// NUL pattern makes it plain) and GB18030/GBK, refuses binary data, and reads the light markup that
/// text extracted from PDFs carries (# headings, "- " list items, TAB-separated table rows, **bold**), and the
/// tables web pages leave in copied text (`|` cells, aligned columns, one cell per line: see <see cref="TextTableFinder"/>),
/// and marks page noise (navigation, page tools, footers: see <see cref="NoiseRules"/>) as Noise blocks.
/// Lines broken in the middle of a sentence are joined again (see <see cref="LineJoiner"/>).
/// </summary>
public sealed partial class TxtReader : IDocumentReader
{
    static TxtReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public FileFormat Format => FileFormat.Txt;

    public DocumentText Read(byte[] content)
    {
        string text = Decode(content, out string? warning);
        var raw = text.Split('\n').Select(l => Markup().Replace(l.TrimEnd('\r', ' ', '\u3000', '\f'), "")).ToList();
        var noise = NoiseRules.Default.Mark(raw);
        // Noise lines (a footer bar with | between links) never make or break a table.
        var tables = TextTableFinder.Find(raw.Select((l, i) => noise[i] ? "" : l).ToList());
        var lines = new List<SourceLine>();
        for (int i = 0; i < raw.Count; i++)
        {
            if (noise[i])
            {
                lines.Add(new SourceLine(BlockKind.Noise, raw[i].Trim(), 0));
                continue;
            }
            var table = tables.FirstOrDefault(t => t.FirstLine <= i && i <= t.LastLine);
            if (table is null)
            {
                lines.Add(ParseLine(raw[i]));
                continue;
            }
            // A claimed table's rows replace its lines; they are table rows, so never joined to prose.
            lines.AddRange(table.Rows.Select(row => new SourceLine(BlockKind.TableRow, string.Join('\t', row), 0)));
            i = table.LastLine;
        }

        var builder = new DocumentTextBuilder("txt");
        if (warning is not null) builder.Warn(warning);
        foreach (var line in LineJoiner.Join(lines))
            builder.Add(line.Kind, line.Text, page: 0, line.HeadingLevel);
        if (builder.Count == 0)
            throw new DocumentRejectedException(RejectReason.Empty, "text file has no text");
        return builder.Build(pageCount: 0);
    }

    public static string Decode(byte[] content) => Decode(content, out _);

    /// <summary>
    /// Finds the encoding: BOM first, then NUL patterns, then strict UTF-8, then GB18030. A few bad bytes in
    /// otherwise valid text (a damaged copy) become U+FFFD with a warning instead of refusing the file.
    /// </summary>
    public static string Decode(byte[] content, out string? warning)
    {
        warning = null;
        if (content.Length == 0) throw new DocumentRejectedException(RejectReason.Empty, "empty file (0 bytes)");
        var span = content.AsSpan();
        string text;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) text = Strict(new UTF8Encoding(false, true), content, 3);
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) text = Strict(new UnicodeEncoding(false, false, true), content, 2);
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) text = Strict(new UnicodeEncoding(true, false, true), content, 2);
        else if (LooksLikeUtf16WithoutBom(span, out bool bigEndian)) text = Strict(new UnicodeEncoding(bigEndian, false, true), content, 0);
        else if (span.IndexOf((byte)0) >= 0)
            throw new DocumentRejectedException(RejectReason.Binary, "binary data (NUL bytes) in a text file");
        else
        {
            try { text = new UTF8Encoding(false, true).GetString(content); }
            catch (DecoderFallbackException)
            {
                var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                text = Tolerant(new UTF8Encoding(false, false), content, "UTF-8", ref warning)
                       ?? TryStrict(gb18030, content)
                       ?? Tolerant(Encoding.GetEncoding("GB18030"), content, "GB18030", ref warning)
                       ?? throw new DocumentRejectedException(RejectReason.Binary, "not valid text in any supported encoding (tried utf-8, gb18030)");
            }
        }
        if (LooksBinary(text))
            throw new DocumentRejectedException(RejectReason.Binary, "binary data (control characters) in a text file");
        return text;
    }

    private static string Strict(Encoding encoding, byte[] content, int skip)
    {
        try { return encoding.GetString(content, skip, content.Length - skip); }
        catch (DecoderFallbackException)
        {
            throw new DocumentRejectedException(RejectReason.Binary,
                $"not valid text in any supported encoding (tried {encoding.WebName})");
        }
    }

    private static string? TryStrict(Encoding encoding, byte[] content)
    {
        try { return encoding.GetString(content); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>The text with bad bytes replaced, when they are few: at most 1 in 50 of the non-ASCII bytes (text in another encoding has far more).</summary>
    private static string? Tolerant(Encoding replacing, byte[] content, string name, ref string? warning)
    {
        string text = replacing.GetString(content);
        int replaced = text.Count(c => c == '\uFFFD');
        int nonAscii = content.Count(b => b >= 0x80);
        if (replaced == 0 || replaced * 50 > nonAscii) return null;
        warning = $"{replaced} invalid {name} byte sequence{(replaced == 1 ? "" : "s")} replaced by U+FFFD (damaged file?)";
        return text;
    }

    /// <summary>UTF-16 without a BOM: NUL bytes in nearly all even (BE) or odd (LE) positions of ASCII-range text.</summary>
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return false;
        int sample = Math.Min(bytes.Length, 4096) & ~1, evenNul = 0, oddNul = 0;
        for (int i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenNul++;
            if (bytes[i + 1] == 0) oddNul++;
        }
        int pairs = sample / 2;
        // Chinese UTF-16 has few NULs at all; ASCII-heavy UTF-16 has them on one side only.
        if (oddNul > pairs / 4 && evenNul == 0) return true;
        if (evenNul > pairs / 4 && oddNul == 0) { bigEndian = true; return true; }
        return false;
    }

    private static bool LooksBinary(string text)
    {
        int control = 0;
        foreach (char c in text)
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD') control++;
        return control > Math.Max(2, text.Length / 100);
    }

    private static SourceLine ParseLine(string content)
    {
        if (string.IsNullOrWhiteSpace(content)) return SourceLine.Blank;
        if (content.Contains('\t')) return new SourceLine(BlockKind.TableRow, content, 0);
        var heading = HeadingMarker().Match(content);
        if (heading.Success)
            return new SourceLine(BlockKind.Heading, content[heading.Length..].Trim(), heading.Groups[1].Length);
        var bullet = ListMarker().Match(content);
        if (bullet.Success) return new SourceLine(BlockKind.ListItem, content[bullet.Length..].Trim(), 0);
        return new SourceLine(BlockKind.Paragraph, content.Trim(), 0);
    }

    [GeneratedRegex(@"\*\*|</?b>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*(#{1,6})\s+")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^\s*[-•·]\s+")]
    private static partial Regex ListMarker();
}
