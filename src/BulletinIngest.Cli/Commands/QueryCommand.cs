using System.CommandLine;
using BulletinIngest.Cli.Output;
using BulletinIngest.Storage;

namespace BulletinIngest.Cli.Commands;

/// <summary>`bulletin query "SQL"`: any read-only SQL over the database.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "A SELECT statement" };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format("table", "table", "csv", "json");
        var command = new Command("query", """
            Run SQL on a read-only connection (writes are refused) and print the rows.
            Tables: documents, blocks, figures, flags, flag_figures, block_search; view figure_sources.

            Examples:
              bulletin query "SELECT region, project, percent FROM figures ORDER BY percent LIMIT 10"
              bulletin query "SELECT * FROM figure_sources WHERE region = '汨罗市'" --format csv > mil.csv
            """) { sql, database, format };
        command.SetAction(result => CommonOptions.Guard(() =>
            Run(result.GetValue(sql)!, result.GetValue(database)!, result.GetValue(format)!)));
        return command;
    }

    private static int Run(string sql, string databasePath, string format)
    {
        using var connection = BulletinStore.OpenReadOnly(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        RowsWriter.Write(columns, ReadRows(reader), format, Console.Out);
        return 0;
    }

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
