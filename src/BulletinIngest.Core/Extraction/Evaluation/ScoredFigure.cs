using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulletinIngest.Extraction.Evaluation;

/// <summary>A figure as the scorer sees it: the keys of the gold label format (shared/gold/README.md).</summary>
public sealed record ScoredFigure
{
    public required string Doc { get; init; }
    public string? Region { get; init; }
    public string? Project { get; init; }
    public string? Indicator { get; init; }
    public double? Target { get; init; }
    public double? Actual { get; init; }
    public double? Percent { get; init; }
    public string? Unit { get; init; }
    public bool Optional { get; init; }
    public bool Inconsistent { get; init; }
    /// <summary>The line as read, for listing misses and extras.</summary>
    public string Json { get; init; } = "";

    /// <summary>Reads a JSONL file of figures (gold or predicted), skipping blank lines.</summary>
    public static List<ScoredFigure> Load(string path)
    {
        var figures = new List<ScoredFigure>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonObject row;
            try { row = JsonNode.Parse(line)!.AsObject(); }
            catch (JsonException error) { throw new InvalidDataException($"{path}:{lineNumber}: not JSON: {error.Message}"); }
            figures.Add(FromJson(row, line.Trim()));
        }
        return figures;
    }

    public static ScoredFigure FromJson(JsonObject row, string json) => new()
    {
        Doc = Text(row["doc"]) ?? "",
        Region = Text(row["region"]),
        Project = Text(row["project"]),
        Indicator = Text(row["indicator"]),
        Target = Number(row["target"]),
        Actual = Number(row["actual"]),
        Percent = Number(row["percent"]),
        Unit = Text(row["unit"]),
        Optional = Truthy(row["optional"]),
        Inconsistent = Truthy(row["inconsistent"]),
        Json = json,
    };

    private static string? Text(JsonNode? node) => node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    /// <summary>Like score.py's num(): numbers and numeric strings count, anything else is no number.</summary>
    private static double? Number(JsonNode? node)
    {
        if (node is null) return null;
        switch (node.GetValueKind())
        {
            case JsonValueKind.Number: return node.GetValue<double>();
            case JsonValueKind.String:
                var s = node.GetValue<string>().Trim();
                return double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
            case JsonValueKind.True: return 1;
            case JsonValueKind.False: return 0;
            default: return null;
        }
    }

    private static bool Truthy(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => node.GetValue<double>() != 0,
        JsonValueKind.String => node.GetValue<string>().Length > 0,
        _ => false,
    };
}
