using System.IO.Compression;
using System.Text;

namespace BulletinIngest.Bench;

/// <summary>
/// Mutated copies of sample PDFs and DOCX files for fuzzing the ingest: byte-level damage (flips, inserts,
/// deletes, truncation, duplicated chunks) and structure-aware damage that aims at what parsers trust
/// (PDF: lengths, references, page-tree kids, /Prev, filters, nesting; DOCX: a part's XML, missing or
/// renamed parts). The same seed gives the same files.
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Writes <paramref name="count"/> mutants of the seeds into <paramref name="folder"/>; returns their paths.</summary>
    public IReadOnlyList<string> Write(IReadOnlyList<string> seeds, int count, string folder)
    {
        Directory.CreateDirectory(folder);
        var sources = seeds.Select(s => (Name: Path.GetFileName(s), Bytes: File.ReadAllBytes(s))).ToList();
        var written = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            var (name, bytes) = sources[_random.Next(sources.Count)];
            bool docx = name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);
            var (kind, mutant) = _random.Next(3) == 0 ? ("bytes", MutateBytes(bytes))
                : docx ? ("docx", MutateDocx(bytes)) : ("pdf", MutatePdf(bytes));
            string path = Path.Combine(folder, $"{i:D5}-{kind}-{Path.GetFileNameWithoutExtension(name)}{Path.GetExtension(name)}");
            File.WriteAllBytes(path, mutant);
            written.Add(path);
        }
        return written;
    }

    public byte[] MutateBytes(byte[] input)
    {
        var data = new List<byte>(input);
        int rounds = 1 + _random.Next(8);
        for (int r = 0; r < rounds && data.Count > 16; r++)
        {
            int at = _random.Next(data.Count);
            switch (_random.Next(5))
            {
                case 0: data[at] = (byte)_random.Next(256); break;
                case 1: data.InsertRange(at, RandomBytes(1 + _random.Next(64))); break;
                case 2: data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(512))); break;
                case 3: data.RemoveRange(at, data.Count - at); break; // truncated download
                default:
                    int length = Math.Min(data.Count - at, 1 + _random.Next(4096));
                    data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                    break;
            }
        }
        return data.ToArray();
    }

    private static readonly string[] PdfTokens =
    [
        "/Length 2000000000", "/Length 0", "/Length -5", "/Length 3 0 R", "/Kids [2 0 R]", "/Kids [1 0 R 2 0 R 3 0 R]",
        "/Prev 0", "/Count -1", "/Filter /FlateDecode", "/Filter /LZWDecode", "/Type /Pages", "/Parent 2 0 R",
        "/Contents 1 0 R", "/Resources 2 0 R", "/Font << /F1 1 0 R >>", "/XObject << /X 4 0 R >>", "/X Do", "endobj", "endstream",
        "obj", "null", "(unterminated", "<4142", "999999999 0 R",
    ];

    public byte[] MutatePdf(byte[] input)
    {
        string text = Encoding.Latin1.GetString(input);
        int rounds = 1 + _random.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            int at = _random.Next(text.Length);
            switch (_random.Next(6))
            {
                case 0: // a number somewhere becomes huge, zero or negative
                {
                    int digit = IndexOfDigit(text, at);
                    if (digit < 0) break;
                    int end = digit;
                    while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
                    string[] values = ["0", "-1", "2147483648", "99999999999", "1"];
                    text = text[..digit] + values[_random.Next(values.Length)] + text[end..];
                    break;
                }
                case 1: text = text.Insert(at, " " + PdfTokens[_random.Next(PdfTokens.Length)] + " "); break;
                case 2: // deep nesting
                {
                    int depth = _random.Next(2) == 0 ? 50 + _random.Next(300) : 2000 + _random.Next(30000);
                    string open = _random.Next(2) == 0 ? "[" : "<< /A ";
                    string close = open == "[" ? "]" : ">>";
                    text = text.Insert(at, string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, _random.Next(2) * depth)));
                    break;
                }
                case 3: // a reference points elsewhere (cycles in trees, self-references)
                {
                    int reference = text.IndexOf(" 0 R", at, StringComparison.Ordinal);
                    if (reference < 1) break;
                    int start = reference;
                    while (start > 0 && char.IsAsciiDigit(text[start - 1])) start--;
                    text = text[..start] + (1 + _random.Next(12)) + text[reference..];
                    break;
                }
                case 4: // a keyword is removed
                {
                    string[] keywords = ["endstream", "endobj", "xref", "trailer", "startxref", "stream"];
                    string keyword = keywords[_random.Next(keywords.Length)];
                    int found = text.IndexOf(keyword, at, StringComparison.Ordinal);
                    if (found >= 0) text = text.Remove(found, keyword.Length);
                    break;
                }
                default: // the file is cut short
                    text = text[..Math.Max(16, at)];
                    break;
            }
        }
        return Encoding.Latin1.GetBytes(text);
    }

    public byte[] MutateDocx(byte[] input)
    {
        try
        {
            var parts = new List<(string Name, byte[] Bytes)>();
            using (var zip = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read))
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    parts.Add((entry.FullName, copy.ToArray()));
                }
            int target = _random.Next(parts.Count);
            int main = parts.FindIndex(p => p.Name == "word/document.xml");
            if (main >= 0 && _random.Next(2) == 0) target = main;
            switch (_random.Next(5))
            {
                case 0: parts.RemoveAt(target); break;
                case 1: parts[target] = (parts[target].Name.Replace("word/", "word/x") + (_random.Next(2) == 0 ? "" : "#?"), parts[target].Bytes); break;
                case 2: parts[target] = (parts[target].Name, MutateBytes(parts[target].Bytes)); break;
                case 3: // deep or repeated elements in the XML
                {
                    string xml = Encoding.UTF8.GetString(parts[target].Bytes);
                    int body = xml.IndexOf("<w:body>", StringComparison.Ordinal);
                    if (body < 0) break;
                    int depth = _random.Next(2) == 0 ? 100 + _random.Next(150) : 5000 + _random.Next(40000);
                    string nested = string.Concat(Enumerable.Repeat("<w:hyperlink>", depth)) + "<w:r><w:t>x</w:t></w:r>" + string.Concat(Enumerable.Repeat("</w:hyperlink>", depth));
                    xml = xml.Insert(body + "<w:body>".Length, "<w:p>" + nested + "</w:p>");
                    parts[target] = (parts[target].Name, Encoding.UTF8.GetBytes(xml));
                    break;
                }
                default: // the XML is cut short
                    parts[target] = (parts[target].Name, parts[target].Bytes[..Math.Max(1, _random.Next(parts[target].Bytes.Length))]);
                    break;
            }
            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (name, bytes) in parts)
                {
                    using var stream = zip.CreateEntry(name).Open();
                    stream.Write(bytes);
                }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return MutateBytes(input);
        }
    }

    private static int IndexOfDigit(string text, int from)
    {
        for (int i = from; i < text.Length; i++) if (char.IsAsciiDigit(text[i])) return i;
        return -1;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
