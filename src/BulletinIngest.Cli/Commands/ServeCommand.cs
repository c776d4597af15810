using System.CommandLine;
using BulletinIngest.Cli.Serve;
using BulletinIngest.Storage;
using BulletinIngest.Storage.Corrections;
using Microsoft.Extensions.Hosting;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin serve`: a local web app to browse, check and correct the figures (Serve/WebApp.cs).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 8737 };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on; anything but loopback also requires the access token printed at start",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var corrections = CorrectCommand.Corrections();
        var models = new Option<string?>("--models") { Description = "Folder with catalog/projects.tsv, to check corrected project ids" };
        var command = new Command("serve", """
            A local web app over the database, in Chinese: overview (counts, lagging projects by region, documents
            to check, heat maps per city), figures (filters, sorting, full-text search, CSV/XLSX of what is shown),
            each figure with its source text highlighted, its flags, why its numbers got their roles and its
            corrections (edit, drop, or add a missed figure by selecting its text), projects across regions and
            issues, documents and their text. JSON under /api/. Corrections are the only write, the same store as
            `bulletin correct`. Stop it with Ctrl+C.

            Examples:
              bulletin serve
              bulletin serve --db bulletins.db --port 8080
              bulletin serve --host 0.0.0.0          # prints an access token the browser must bring
            """) { database, port, host, corrections, models };
        command.SetAction(result => CommonOptions.Guard(() => Run(new ServeOptions(
            Path.GetFullPath(result.GetValue(database)!), CorrectionsFile.PathFor(result.GetValue(database)!, result.GetValue(corrections)),
            result.GetValue(models), result.GetValue(host)!, result.GetValue(port)))));
        return command;
    }

    private static int Run(ServeOptions options)
    {
        if (options.Port is < 0 or > 65535) throw new ArgumentException("--port takes 0 to 65535");
        if (!System.Net.IPAddress.TryParse(options.Host, out _) && options.Host != "localhost")
            throw new ArgumentException($"--host takes an IP address (127.0.0.1, 0.0.0.0) or localhost, not {options.Host}");
        // Migrated once by a writer, so the per-request readers find today's schema (the corrections table).
        BulletinStore.Open(options.DatabasePath).Dispose();
        var app = WebApp.Build(options, out string? token);
        app.Start();
        string address = WebApp.Address(app);
        Console.WriteLine($"bulletin serve: {address}/{(token is null ? "" : $"?token={token}")}");
        Console.WriteLine($"  database {options.DatabasePath}; corrections {options.CorrectionsPath}");
        if (token is not null) Console.WriteLine($"  not loopback: every request needs the access token {token} (in the address above, once)");
        Console.Out.Flush();
        app.WaitForShutdown();
        return 0;
    }
}
