namespace BulletinIngest.Learning;

/// <summary>
/// Tab-separated label files that analysts edit by hand: a header line, one record a line, '#' lines are
/// comments. Tabs and line breaks inside a value are written as spaces.
/// </summary>
public static class TsvFile
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0) return [];
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split('\t');
            return (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < cells.Length ? cells[i].Trim() : ""))
                .ToDictionary(c => c.name, c => c.value);
        }).ToList();
    }

    /// <summary>One column of every record (a word list's <c>word</c>).</summary>
    public static IEnumerable<string> Column(string path, string column) => Read(path).Select(row => row[column]);

    /// <summary>Appends one record, writing the header first when the file is new.</summary>
    public static void Append(string path, IReadOnlyList<string> header, IReadOnlyList<string> values)
    {
        bool isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: true, new System.Text.UTF8Encoding(false));
        if (isNew) writer.WriteLine(string.Join('\t', header));
        writer.WriteLine(string.Join('\t', values.Select(Clean)));
    }

    public static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
