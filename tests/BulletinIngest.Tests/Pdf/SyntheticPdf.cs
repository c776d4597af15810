using System.Text;

namespace BulletinIngest.Tests.Pdf;

/// <summary>
/// Writes small, valid PDF files by hand (objects, a cross-reference table, a trailer) so tests can exercise
/// one font or operator feature at a time with PDFsharp parsing the result like any other file.
/// </summary>
public sealed class SyntheticPdf
{
    private const int PageTree = 1;
    // Object 1 is the page tree, written by Build once all pages are known.
    private readonly List<byte[]> _objects = [[]];
    private readonly List<int> _pages = [];

    /// <summary>Adds an object and returns its number.</summary>
    public int Add(string body) => Add(Encoding.Latin1.GetBytes(body));

    public int Add(byte[] body)
    {
        _objects.Add(body);
        return _objects.Count;
    }

    public int AddStream(string dictionary, string data) => AddStream(dictionary, Encoding.Latin1.GetBytes(data));

    public int AddStream(string dictionary, byte[] data) =>
        Add([.. Encoding.Latin1.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8.ToArray()]);

    /// <summary>Adds an A4 page with the given content stream and resources dictionary.</summary>
    public void AddPage(string content, string resources, string extra = "")
    {
        int contents = AddStream("", content);
        _pages.Add(Add($"<< /Type /Page /Parent {PageTree} 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {contents} 0 R {extra} >>"));
    }

    public byte[] Build()
    {
        _objects[PageTree - 1] = Encoding.Latin1.GetBytes($"<< /Type /Pages /Kids [{string.Join(" ", _pages.Select(p => $"{p} 0 R"))}] /Count {_pages.Count} >>");
        int catalog = Add($"<< /Type /Catalog /Pages {PageTree} 0 R >>");
        var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n");
        var offsets = new List<long>();
        for (int i = 0; i < _objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            output.Write(_objects[i]);
            Write("\nendobj\n");
        }
        long xref = output.Position;
        Write($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (long offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {_objects.Count + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    public static string Hex(byte[] bytes) => "<" + Convert.ToHexString(bytes) + ">";
}
