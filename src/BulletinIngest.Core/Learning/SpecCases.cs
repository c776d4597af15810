using System.Text.Json.Nodes;

namespace BulletinIngest.Learning;

/// <summary>
/// The spec cases of a folder (tests/specs/…/*.jsonl, one JSON case a line), in file order then line order, each with
/// its file, its line number and its id `file.jsonl#N`: the training sets read them as the spec tests do.
/// </summary>
public static class SpecCases
{
    public sealed record Case(string File, int Line, JsonObject Row)
    {
        public string Id => $"{Path.GetFileName(File)}#{Line}";
    }

    public static IEnumerable<Case> Read(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            int number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line)) yield return new(file, number, JsonNode.Parse(line)!.AsObject());
            }
        }
    }
}
