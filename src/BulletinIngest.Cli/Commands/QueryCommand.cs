using System.CommandLine;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin query "SQL"`: any read-only SQL over the database.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "One read-only statement (SELECT, WITH, read-only PRAGMA, EXPLAIN)" };
        var database = CommonOptions.Database();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds before a long query is interrupted",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("query", """
            Run one SQL statement on a read-only connection and print the rows. Statements that SQLite reports as
            writing (INSERT, VACUUM INTO, ATTACH then writes, PRAGMA journal_mode=...) are refused before they run,
            and so are several statements at once. csv, tsv, json and jsonl stream the rows; the table view shows 1000
            unless --limit says otherwise. Values keep SQLite's types (numbers are JSON numbers).
            Tables: documents, blocks, figures, flags, flag_figures, block_search, corrections; view figure_sources.

            Examples:
              bulletin query "SELECT region, project, percent FROM figures ORDER BY percent LIMIT 10"
              bulletin query "SELECT * FROM figure_sources WHERE region = '汨罗市'" --out mil.csv
              bulletin query "SELECT region, count(*) AS n FROM figures GROUP BY region" --format json
            """) { sql, database, timeout };
        var output = OutputOptions.AddTo(command);
        command.SetAction(result => CommonOptions.Guard(() => Run(result.GetValue(sql)!, result.GetValue(database)!,
            output.Read(result), result.GetValue(timeout))));
        return command;
    }

    private static int Run(string sql, string databasePath, RowsOutput output, int timeoutSeconds)
    {
        if (timeoutSeconds <= 0) throw new ArgumentException("--timeout must be positive");
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        CheckReadOnly(connection, sql);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        // sqlite3_interrupt stops the running statement from another thread; the reader then fails with SQLITE_INTERRUPT.
        using var deadline = new Timer(_ => raw.sqlite3_interrupt(connection.Handle), null, TimeSpan.FromSeconds(timeoutSeconds), Timeout.InfiniteTimeSpan);
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            output.Write(columns, ReadRows(reader), sheet: "query");
        }
        catch (SqliteException error) when (error.SqliteErrorCode == raw.SQLITE_INTERRUPT)
        {
            throw new ArgumentException($"query stopped after {timeoutSeconds} s (--timeout {timeoutSeconds}); narrow it or raise the timeout");
        }
        return 0;
    }

    /// <summary>
    /// Prepares each statement of the text without running it and refuses the text unless it is exactly one
    /// statement that SQLite itself reports as read-only (sqlite3_stmt_readonly): the file is opened read-only
    /// too, but VACUUM INTO and ATTACH write other files.
    /// </summary>
    private static void CheckReadOnly(SqliteConnection connection, string sql)
    {
        var statements = new List<(string Text, bool ReadOnly)>();
        string rest = sql;
        while (!string.IsNullOrWhiteSpace(rest))
        {
            int rc = raw.sqlite3_prepare_v2(connection.Handle, rest, out sqlite3_stmt statement, out string tail);
            using (statement)
            {
                if (rc != raw.SQLITE_OK)
                    throw new ArgumentException($"SQL error: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
                if (statement is null || statement.IsInvalid) break; // only comments or whitespace left
                string text = rest[..(rest.Length - tail.Length)].Trim();
                statements.Add((text, raw.sqlite3_stmt_readonly(statement) != 0 && !IsAttach(text)));
            }
            rest = tail;
        }
        if (statements.Count == 0) throw new ArgumentException("no SQL statement given");
        if (statements.Count > 1)
            throw new ArgumentException($"{statements.Count} statements given; query runs one statement at a time");
        if (!statements[0].ReadOnly)
            throw new ArgumentException($"refused: `{OneLine(statements[0].Text)}` is not read-only (it writes or attaches a file); query runs read-only statements only");
    }

    /// <summary>ATTACH only changes the connection (SQLite calls it read-only), but it creates the file it names.</summary>
    private static bool IsAttach(string statement) =>
        statement.TrimStart().StartsWith("ATTACH", StringComparison.OrdinalIgnoreCase);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ") is { Length: > 80 } line ? line[..77] + "..." : text.ReplaceLineEndings(" ");

    private static IEnumerable<IReadOnlyList<object?>> ReadRows(System.Data.Common.DbDataReader reader)
    {
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            yield return row;
        }
    }
}
