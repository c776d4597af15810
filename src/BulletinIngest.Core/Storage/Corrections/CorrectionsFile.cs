using System.Text;

namespace BulletinIngest.Storage.Corrections;

/// <summary>
/// corrections.tsv: the analysts' corrections as a plain file to keep in version control, one correction a line,
/// appended as they are made. Tabs, line breaks and backslashes inside a value are written \t, \n and \\ (a table
/// row's span holds tabs, and the span's text must come back exactly). Lines starting with # are comments.
/// </summary>
public static class CorrectionsFile
{
    public const string FileName = "corrections.tsv";

    public static readonly string[] Columns =
    [
        "id", "made_at", "made_by", "action", "field", "old_value", "new_value", "why",
        "doc", "doc_sha256", "start", "end", "indicator", "region", "source_text",
    ];

    /// <summary>The file beside the database, unless one is named: never the current folder by accident.</summary>
    public static string PathFor(string databasePath, string? named = null) =>
        Path.GetFullPath(named ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, FileName));

    public static void Append(string path, Correction correction)
    {
        bool isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, append: true, new UTF8Encoding(false));
        if (isNew)
        {
            writer.WriteLine("# Corrections of bulletin figures (bulletin correct / bulletin serve); re-applied after every ingest.");
            writer.WriteLine(string.Join('\t', Columns));
        }
        var f = correction.Figure;
        string?[] values =
        [
            correction.Id, correction.MadeAt, correction.MadeBy, correction.Action, correction.Field, correction.OldValue, correction.NewValue,
            correction.Why, f.Doc, f.DocSha256, f.Start.ToString(), f.End.ToString(), f.Indicator, f.Region, f.SourceText,
        ];
        writer.WriteLine(string.Join('\t', values.Select(Escape)));
    }

    public static IReadOnlyList<Correction> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0) return [];
        var header = lines[0].Split('\t').Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var missing = Columns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path}: no column {string.Join(", ", missing)} in its header line");
        var corrections = new List<Correction>();
        foreach (var (line, number) in lines.Skip(1).Select((l, i) => (l, i + 2)))
        {
            var cells = line.Split('\t');
            string? Cell(string name) => header[name] < cells.Length ? Unescape(cells[header[name]]) : null;
            if (!int.TryParse(Cell("start"), out int start) || !int.TryParse(Cell("end"), out int end))
                throw new InvalidDataException($"{path}: record {number} has no start/end offsets");
            corrections.Add(new Correction(Cell("id") ?? "", Cell("made_at") ?? "", Cell("made_by") ?? "", Cell("why"), Cell("action") ?? "",
                Cell("field"), Cell("old_value"), Cell("new_value"),
                new FigureKey(Cell("doc") ?? "", Cell("doc_sha256") ?? "", start, end, Cell("source_text") ?? "", Cell("indicator") ?? "", Cell("region") ?? "")));
        }
        return corrections;
    }

    /// <summary>An empty cell is "no value" (null).</summary>
    private static string Escape(string? value) =>
        value is null ? "" : value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    private static string? Unescape(string cell)
    {
        if (cell.Length == 0) return null;
        var text = new StringBuilder(cell.Length);
        for (int i = 0; i < cell.Length; i++)
        {
            if (cell[i] != '\\' || i + 1 == cell.Length) { text.Append(cell[i]); continue; }
            char next = cell[++i];
            text.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => next });
        }
        return text.ToString();
    }
}
