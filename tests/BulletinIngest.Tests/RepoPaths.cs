namespace BulletinIngest.Tests;

/// <summary>Paths of the repository's corpus and fixtures, found from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus");
    public static string Bulletins => Path.Combine(Corpus, "bulletins");
    public static string Expected => Path.Combine(Corpus, "expected");
    public static string Labels => Path.Combine(Corpus, "labels");
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Bulletin(string relative) => Path.Combine(Bulletins, relative);
    public static string Fixture(string relative) => Path.Combine(Fixtures, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BulletinIngest.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (BulletinIngest.sln) not found above " + AppContext.BaseDirectory);
    }
}
