using Microsoft.Data.Sqlite;

namespace BulletinIngest.Segmentation;

/// <summary>
/// A block whose words contain a query's words, with where they are in the block's text. Document is the bulletin's
/// counted file; Files are all the files holding that bulletin (the counted one first).
/// </summary>
public sealed record PassageHit(string Document, int Page, string? Region, long BlockId, int BlockStart, string Passage,
    IReadOnlyList<(int Start, int End)> Matches, IReadOnlyList<string> Files);

/// <summary>
/// Chinese full-text search over the stored blocks: the query is segmented like the blocks were at ingest
/// (<see cref="JiebaSearchTokenizer"/>) and matched as one phrase in the block_search FTS5 table.
/// </summary>
public sealed class PassageSearch(JiebaSearchTokenizer tokenizer)
{
    /// <summary>Best matches first (FTS5's bm25), each bulletin once (its counted file); empty when the query has no words.</summary>
    public IReadOnlyList<PassageHit> Find(SqliteConnection connection, string query, string? region = null, int limit = 20)
    {
        string? match = tokenizer.PhraseQuery(query);
        if (match is null) return [];
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT d.name, b.page, d.region, b.id, b.start_offset, b.text, bu.file_names
            FROM block_search s
            JOIN blocks b ON b.id = s.block_id
            JOIN documents d ON d.id = b.document_id
            JOIN bulletins bu ON bu.document_id = d.id
            WHERE block_search MATCH $match
              AND ($region IS NULL OR d.region = $region OR d.parent_region = $region)
            ORDER BY bm25(block_search), d.name, b.seq
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$region", (object?)region ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<PassageHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string passage = reader.GetString(5);
            hits.Add(new PassageHit(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), reader.GetInt32(4), passage, tokenizer.FindPhrase(passage, query), reader.GetString(6).Split('\n')));
        }
        return hits;
    }
}
