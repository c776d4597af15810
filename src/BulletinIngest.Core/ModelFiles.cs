namespace BulletinIngest;

/// <summary>
/// Where the data files the pipeline loads live (dictionaries, gazetteer, project catalog, trained models):
/// $BULLETIN_MODELS if set, else the models/ folder copied beside the program at build time.
/// </summary>
public static class ModelFiles
{
    public static string Directory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("BULLETIN_MODELS");
            if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
            return Path.Combine(AppContext.BaseDirectory, "models");
        }
    }

    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"model file {fileName} not found in {Directory} (set BULLETIN_MODELS to the models/ folder)", path);
        return path;
    }

    /// <summary>The model file a switch such as BULLETIN_ROLE_MODEL=PATH names (a path ending in .model), else the shipped one.</summary>
    public static string PathOf(string fileName, string? setting) =>
        setting is { } path && path.EndsWith(".model", StringComparison.Ordinal) ? path : PathOf(fileName);
}
