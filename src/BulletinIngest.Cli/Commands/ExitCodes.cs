namespace BulletinIngest.Cli.Commands;

/// <summary>The exit codes every command uses (README "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Ingest: some files failed (each recorded with its reason); the rest are stored.</summary>
    public const int FilesFailed = 1;
    /// <summary>The command line or an argument is wrong (unknown option, missing file, a folder given as --out).</summary>
    public const int Usage = 2;
    /// <summary>The environment stopped the command: disk full, database locked or read-only, a --db that is not ours.</summary>
    public const int Environment = 3;
    /// <summary>A bug of ours: reported in one line, without a stack trace (set BULLETIN_TRACE=1 to see it).</summary>
    public const int Internal = 4;
}
