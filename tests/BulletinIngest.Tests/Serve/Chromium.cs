namespace BulletinIngest.Tests.Serve;

/// <summary>Debian's headless Chromium, with the flags the report test uses: a throwaway profile, no network chatter.</summary>
public static class Chromium
{
    public static string Program => FindOnPath("chromium") ?? throw new InvalidOperationException(
        "chromium is not installed (Debian: apt-get install chromium; scripts/test.sh installs it)");

    public static CliProcess.Result Run(string profileFolder, params string[] arguments) =>
        CliProcess.RunProgram(Program,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={Directory.CreateDirectory(profileFolder).FullName}", .. arguments,
        ], 120);

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
