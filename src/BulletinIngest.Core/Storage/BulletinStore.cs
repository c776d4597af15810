using BulletinIngest.Extraction;
using BulletinIngest.Extraction.Metadata;
using BulletinIngest.Reading;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Storage;

/// <summary>A --db file that exists but is not a BulletinIngest database: refused before anything in it changes.</summary>
public sealed class NotOurDatabaseException(string message) : Exception(message);

/// <summary>The status values of a read document (failures carry their reader's status: corrupt, needs-ocr …).</summary>
public static class DocumentStatus
{
    public const string Ok = "ok";
    /// <summary>Read, but its figures account for too few of its numbers (reason in <c>error</c>).</summary>
    public const string Suspect = "suspect";
}

/// <summary>A document as the store knows it.</summary>
public sealed record StoredDocument(long Id, string Path, string Name, string Sha256, string Status, string? Error);

/// <summary>A file about to be stored: what is known before reading it.</summary>
public sealed record SourceFile(string Path, string Sha256, long SizeBytes)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// The SQLite file: one writer connection, WAL mode, schema migrated on open.
/// Each document is written atomically, so a failure part-way leaves nothing behind: in a transaction of its own,
/// or, inside a batch (<see cref="BeginBatch"/>), in a savepoint of the batch's transaction, so that many
/// documents share one commit (and the full-text index one flush of its pending terms).
/// </summary>
public sealed class BulletinStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private BulletinStore(SqliteConnection connection, bool writeLogFound)
    {
        _connection = connection;
        WriteLogFound = writeLogFound;
    }

    public SqliteConnection Connection => _connection;

    /// <summary>
    /// The file had a write-ahead log (-wal) when opened: another connection is open, or the last writer was killed
    /// before it closed (a clean close removes the log). Either way, what the last ingest stored may not have been
    /// analysed yet.
    /// </summary>
    public bool WriteLogFound { get; }

    /// <summary>How long a writer waits for another (a second ingest into the same file) before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    public static BulletinStore Open(string databasePath)
    {
        if (File.Exists(databasePath)) EnsureOurs(databasePath);
        bool writeLogFound = File.Exists(databasePath + "-wal");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds, // Microsoft.Data.Sqlite retries SQLITE_BUSY this long
        }.ToString());
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
        // temp_store MEMORY: each document's savepoint journals the pages it changes, and in a file (the default) that
        // was ~500 writes a document, 280,000 for the 560-file archive against 45,000 for the WAL and its checkpoints.
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;");
        int from = Schema.Migrate(connection);
        // Flags stored before bulletins were counted once repeat in every rendering: recompute them on the counted files.
        if (from is > 0 and < Schema.BulletinsCountedOnce) Analysis.Flags.FlagAnalysis.Refresh(connection);
        return new BulletinStore(connection, writeLogFound);
    }

    /// <summary>
    /// A connection that cannot write, for analysts' queries. When no ingest is writing (no -wal file), the file
    /// is opened immutable: SQLite then creates no -wal/-shm beside it, and a database in a read-only folder opens.
    /// </summary>
    public static SqliteConnection OpenReadOnly(string databasePath)
    {
        if (!File.Exists(databasePath))
            throw new FileNotFoundException($"no database at {databasePath}; run `bulletin ingest` first", databasePath);
        EnsureOurs(databasePath);
        MigrateIfOlder(databasePath);
        bool writerActive = File.Exists(databasePath + "-wal");
        var connection = writerActive ? ReadOnlyConnection(databasePath) : ImmutableConnection(databasePath);
        try
        {
            connection.Open();
        }
        catch (SqliteException) when (writerActive)
        {
            // A -wal left in a folder we cannot write: its changes cannot be read, but the checkpointed file can.
            connection.Dispose();
            connection = ImmutableConnection(databasePath);
            connection.Open();
        }
        return connection;
    }

    /// <summary>
    /// A read-only connection for a long-running reader (`bulletin serve`) while ingests may write: never immutable,
    /// so it reads through the WAL and sees each committed batch.
    /// </summary>
    public static SqliteConnection OpenWalReader(string databasePath)
    {
        if (!File.Exists(databasePath))
            throw new FileNotFoundException($"no database at {databasePath}; run `bulletin ingest` first", databasePath);
        var connection = ReadOnlyConnection(databasePath);
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
        return connection;
    }

    /// <summary>
    /// A database of an older schema is migrated before it is read (the reading commands expect the latest tables);
    /// one that cannot be written is refused with the reason rather than read wrongly.
    /// </summary>
    private static void MigrateIfOlder(string databasePath)
    {
        using (var connection = File.Exists(databasePath + "-wal") ? ReadOnlyConnection(databasePath) : ImmutableConnection(databasePath))
        {
            connection.Open();
            int version = connection.ExecuteScalar<int>("PRAGMA user_version");
            if (version == 0 || version >= Schema.LatestVersion) return;
        }
        try
        {
            using var store = Open(databasePath);
        }
        catch (SqliteException error)
        {
            throw new IOException($"{databasePath} has an older schema and cannot be migrated here ({error.Message}); run `bulletin ingest` where it can be written", error);
        }
    }

    private static SqliteConnection ReadOnlyConnection(string databasePath) => new(new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());

    private static SqliteConnection ImmutableConnection(string databasePath) => new(new SqliteConnectionStringBuilder
    {
        DataSource = "file:" + Uri.EscapeDataString(Path.GetFullPath(databasePath)).Replace("%2F", "/") + "?immutable=1",
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());

    /// <summary>
    /// Refuses a file that is not one of ours (not SQLite, or SQLite with other tables) by reading it only:
    /// nothing, not even the journal mode, is changed in another application's file.
    /// </summary>
    private static void EnsureOurs(string databasePath)
    {
        var info = new FileInfo(databasePath);
        if (info.Length == 0) return; // an empty file: SQLite makes it a new database
        var header = new byte[16];
        using (var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            stream.ReadExactly(header, 0, Math.Min(16, (int)Math.Min(16, info.Length)));
        if (info.Length < 100 || !header.AsSpan().SequenceEqual("SQLite format 3\0"u8))
            throw new NotOurDatabaseException($"{databasePath} is not a SQLite database; refusing to use it as --db");
        using var connection = File.Exists(databasePath + "-wal") ? ReadOnlyConnection(databasePath) : ImmutableConnection(databasePath);
        connection.Open();
        int version = connection.ExecuteScalar<int>("PRAGMA user_version");
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet();
        bool ours = version == 0 ? tables.Count == 0 : tables.Contains("documents") && tables.Contains("figures");
        if (!ours)
            throw new NotOurDatabaseException(
                $"{databasePath} is a SQLite database of another application (tables: {string.Join(", ", tables.Order().Take(5))}); refusing to use it as --db");
    }

    private SqliteTransaction? _batch;

    /// <summary>
    /// The search rows of the batch's stored documents, inserted just before it commits. FTS5 writes its pending terms
    /// out as a new index segment at every savepoint, so rows inserted under each document's savepoint made a segment
    /// a document and the index spent the writer's time merging them; inserted at the end, a batch makes one or a few.
    /// They are in the same transaction as their documents, so a crash keeps both or neither.
    /// </summary>
    private readonly List<(string Tokens, long BlockId)> _batchSearchRows = [];

    /// <summary>
    /// The bulletins the batch's documents joined or left: their counted file is chosen again once, before the batch
    /// commits, not after every document (a bulletin of many files read all of them again for each new one).
    /// </summary>
    private readonly SortedSet<long> _batchBulletins = [];

    /// <summary>Opens a transaction that the documents saved until <see cref="CommitBatch"/> share.</summary>
    public void BeginBatch()
    {
        if (_batch is not null) throw new InvalidOperationException("a batch is already open");
        _batch = _connection.BeginTransaction();
    }

    /// <summary>Commits the documents saved since <see cref="BeginBatch"/>; nothing when no batch is open.</summary>
    public void CommitBatch()
    {
        if (_batch is null) return;
        FinishWrites(_batch, _batchSearchRows, _batchBulletins);
        _batch.Commit();
        _batch.Dispose();
        _batch = null;
    }

    /// <summary>What a transaction's documents leave until it commits: their search rows, their bulletins' choice.</summary>
    private void FinishWrites(SqliteTransaction transaction, List<(string Tokens, long BlockId)> searchRows, SortedSet<long> bulletins)
    {
        var insertTokens = Statement(transaction, "INSERT INTO block_search (tokens, block_id) VALUES ($tokens, $block)", "$tokens", "$block");
        foreach (var (tokens, blockId) in searchRows)
        {
            insertTokens.Parameters[0].Value = tokens;
            insertTokens.Parameters[1].Value = blockId;
            insertTokens.ExecuteNonQuery();
        }
        searchRows.Clear();
        foreach (long bulletin in bulletins) BulletinGrouping.Refresh(_connection, bulletin, transaction);
        bulletins.Clear();
    }

    /// <summary>
    /// Runs one document's writes atomically: in the open batch under a savepoint (rolled back alone on failure),
    /// else in a transaction of its own. The write adds its search rows and bulletins to the lists it is given;
    /// they join the batch's only when the document's savepoint is released.
    /// </summary>
    private T Atomically<T>(Func<SqliteTransaction, List<(string Tokens, long BlockId)>, SortedSet<long>, T> write)
    {
        var searchRows = new List<(string Tokens, long BlockId)>();
        var bulletins = new SortedSet<long>();
        if (_batch is null)
        {
            using var transaction = _connection.BeginTransaction();
            var result = write(transaction, searchRows, bulletins);
            FinishWrites(transaction, searchRows, bulletins);
            transaction.Commit();
            return result;
        }
        const string savepoint = "document";
        _batch.Save(savepoint);
        try
        {
            var result = write(_batch, searchRows, bulletins);
            _batch.Release(savepoint);
            _batchSearchRows.AddRange(searchRows);
            _batchBulletins.UnionWith(bulletins);
            return result;
        }
        catch
        {
            _batch.Rollback(savepoint);
            _batch.Release(savepoint);
            throw;
        }
    }

    /// <summary>The writer's statements, compiled once and reused for every document (SQL text → command).</summary>
    private readonly Dictionary<string, SqliteCommand> _statements = [];

    /// <summary>A prepared statement with its parameters, in the order named, for this transaction.</summary>
    private SqliteCommand Statement(SqliteTransaction transaction, string sql, params string[] parameterNames)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (string name in parameterNames) command.Parameters.Add(new SqliteParameter(name, null));
            command.Transaction = transaction;
            command.Prepare();
            _statements[sql] = command;
        }
        command.Transaction = transaction;
        return command;
    }

    public StoredDocument? FindBySha256(string sha256) => _connection.QueryFirstOrDefault<StoredDocument>(
        "SELECT id, path, name, sha256, status, error FROM documents WHERE sha256 = @sha256 ORDER BY id LIMIT 1",
        new { sha256 }, _batch);

    /// <summary>Content hashes of the documents already stored and read (ok or suspect: reading them again changes nothing).</summary>
    public IReadOnlySet<string> KnownHashes() =>
        _connection.Query<string>("SELECT sha256 FROM documents WHERE status IN ('ok', 'suspect')", transaction: _batch).ToHashSet();

    /// <summary>Each path's stamp when its content hash was taken (<see cref="RecordStamp"/>).</summary>
    public IReadOnlyDictionary<string, (string Sha256, FileStamp Stamp)> FileStamps()
    {
        var stamps = new Dictionary<string, (string, FileStamp)>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT path, sha256, size_bytes, modified_ns, changed_ns, inode, device, seen_ns FROM file_stamps";
        command.Transaction = _batch;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            stamps[reader.GetString(0)] = (reader.GetString(1), new FileStamp(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                (ulong)reader.GetInt64(5), (ulong)reader.GetInt64(6), reader.GetInt64(7)));
        return stamps;
    }

    /// <summary>Remembers that the file at <paramref name="path"/> had this content hash when it had this stamp.</summary>
    public void RecordStamp(string path, string sha256, FileStamp stamp)
    {
        var upsert = Statement(_batch ?? throw new InvalidOperationException("stamps are recorded in a batch"),
            """
            INSERT OR REPLACE INTO file_stamps (path, sha256, size_bytes, modified_ns, changed_ns, inode, device, seen_ns)
            VALUES ($path, $sha, $size, $modified, $changed, $inode, $device, $seen)
            """, "$path", "$sha", "$size", "$modified", "$changed", "$inode", "$device", "$seen");
        object[] values = [path, sha256, stamp.Size, stamp.ModifiedNs, stamp.ChangedNs, (long)stamp.Inode, (long)stamp.Device, stamp.SeenNs];
        for (int i = 0; i < values.Length; i++) upsert.Parameters[i].Value = values[i];
        upsert.ExecuteNonQuery();
    }

    public StoredDocument? FindByPath(string path) => _connection.QueryFirstOrDefault<StoredDocument>(
        "SELECT id, path, name, sha256, status, error FROM documents WHERE path = @path", new { path }, _batch);

    /// <summary>
    /// Stores a document that was read, with its blocks, figures, search tokens and coverage, replacing any
    /// earlier version stored from the same path. Its status is 'suspect' (with the reason) when the coverage
    /// says so, else 'ok'. Returns the new document id.
    /// </summary>
    public long SaveDocument(SourceFile file, DocumentText text, ExtractionResult extraction,
        IReadOnlyList<string>? blockSearchTokens = null, DocumentCoverage? coverage = null)
    {
        string? suspect = coverage?.SuspectReason;
        string status = suspect is null ? DocumentStatus.Ok : DocumentStatus.Suspect;
        return Atomically((transaction, searchRows, bulletins) =>
            InsertDocument(file, text, extraction, blockSearchTokens, coverage, status, suspect, transaction, searchRows, bulletins));
    }

    private long InsertDocument(SourceFile file, DocumentText text, ExtractionResult extraction, IReadOnlyList<string>? blockSearchTokens,
        DocumentCoverage? coverage, string status, string? suspect, SqliteTransaction transaction,
        List<(string Tokens, long BlockId)> searchRows, SortedSet<long> bulletins)
    {
        var identity = BulletinIdentity.Of(text);
        long? previousBulletin = DeleteAtPath(file.Path, transaction);
        var meta = extraction.Metadata;
        long documentId = _connection.ExecuteScalar<long>(
            """
            INSERT INTO documents (path, name, sha256, format, size_bytes, pages, status, error, region, parent_region,
                                   issuing_body, kind, issue, issue_date, campaign, period, ingested_at,
                                   number_mentions, mentions_used, figure_count, region_evidence, warnings, text_sha256, title)
            VALUES (@Path, @Name, @Sha256, @Format, @SizeBytes, @Pages, @Status, @Error, @Region, @ParentRegion,
                    @IssuingBody, @Kind, @Issue, @Date, @Campaign, @Period, @IngestedAt,
                    @Mentions, @MentionsUsed, @FigureCount, @RegionEvidence, @Warnings, @TextSha256, @Title)
            RETURNING id
            """,
            new
            {
                file.Path, file.Name, file.Sha256, text.Format, file.SizeBytes, Pages = text.PageCount, Status = status, Error = suspect,
                meta.Region, meta.ParentRegion, meta.IssuingBody, meta.Kind, meta.Issue, meta.Date, meta.Campaign, meta.Period,
                IngestedAt = Now(), coverage?.Mentions, coverage?.MentionsUsed, FigureCount = extraction.Figures.Count,
                meta.RegionEvidence, Warnings = meta.Warnings.Count == 0 ? null : string.Join("\n", meta.Warnings),
                identity.TextSha256, identity.Title,
            }, transaction);

        InsertBlocks(documentId, text, blockSearchTokens, transaction, searchRows);
        InsertFigures(documentId, extraction.Figures, transaction);
        bulletins.Add(BulletinGrouping.Place(_connection, documentId, transaction));
        if (previousBulletin is { } previous) bulletins.Add(previous);
        return documentId;
    }

    /// <summary>Records a file that could not be read, so the batch summary and later queries show why.</summary>
    public void SaveFailure(SourceFile file, string? format, string status, string error) => Atomically((transaction, _, bulletins) =>
    {
        long? previousBulletin = DeleteAtPath(file.Path, transaction);
        int rows = _connection.Execute(
            """
            INSERT INTO documents (path, name, sha256, format, size_bytes, status, error, ingested_at)
            VALUES (@Path, @Name, @Sha256, @Format, @SizeBytes, @Status, @Error, @IngestedAt)
            """,
            new { file.Path, file.Name, file.Sha256, Format = format, file.SizeBytes, Status = status, Error = error, IngestedAt = Now() },
            transaction);
        if (previousBulletin is { } previous) bulletins.Add(previous);
        return rows;
    });

    /// <summary>Deletes the document stored from a path; returns the bulletin it was a file of, to be chosen for again.</summary>
    private long? DeleteAtPath(string path, SqliteTransaction transaction)
    {
        // Most documents of a batch are new: skip the delete, whose FTS part scans the whole index (block_id is unindexed).
        var stored = _connection.QueryFirstOrDefault<(long Id, long? BulletinId)>(
            "SELECT id, bulletin_id FROM documents WHERE path = @path", new { path }, transaction);
        if (stored.Id == 0) return null;  // rowids start at 1
        // block_search is an FTS table without foreign keys: clear it by hand.
        _connection.Execute(
            """
            DELETE FROM block_search WHERE block_id IN (SELECT id FROM blocks WHERE document_id = @Id);
            DELETE FROM documents WHERE id = @Id;
            """, new { Id = stored.Id }, transaction);
        return stored.BulletinId;
    }

    private void InsertBlocks(long documentId, DocumentText text, IReadOnlyList<string>? searchTokens, SqliteTransaction transaction,
        List<(string Tokens, long BlockId)> searchRows)
    {
        var insertBlock = Statement(transaction,
            """
            INSERT INTO blocks (document_id, seq, kind, heading_level, page, start_offset, end_offset, text, source, ocr_confidence)
            VALUES ($doc, $seq, $kind, $level, $page, $start, $end, $text, $source, $ocr) RETURNING id
            """, "$doc", "$seq", "$kind", "$level", "$page", "$start", "$end", "$text", "$source", "$ocr");
        var parameters = insertBlock.Parameters;
        for (int seq = 0; seq < text.Blocks.Count; seq++)
        {
            var block = text.Blocks[seq];
            parameters[0].Value = documentId;
            parameters[1].Value = seq;
            parameters[2].Value = block.Kind.ToString().ToLowerInvariant();
            parameters[3].Value = block.HeadingLevel;
            parameters[4].Value = block.Page;
            parameters[5].Value = block.Start;
            parameters[6].Value = block.End;
            parameters[7].Value = block.Text;
            parameters[8].Value = block.Ocr is null ? "text" : "ocr";
            parameters[9].Value = (object?)block.Ocr?.MeanConfidence ?? DBNull.Value;
            long id = (long)insertBlock.ExecuteScalar()!;
            if (searchTokens is not null) searchRows.Add((searchTokens[seq], id));
        }
    }

    private void InsertFigures(long documentId, IReadOnlyList<Figure> figures, SqliteTransaction transaction)
    {
        var insert = Statement(transaction,
            """
            INSERT INTO figures (document_id, region, tier, project, indicator, target, actual, unit, percent, qualifier,
                                 approximate, optional, inconsistent, canonical_project_id, page, start_offset, end_offset,
                                 sentence, decided_by, confidence, why, source, ocr_confidence, suspect)
            VALUES ($doc, $region, $tier, $project, $indicator, $target, $actual, $unit, $percent, $qualifier,
                    $approximate, $optional, $inconsistent, $canonical, $page, $start, $end,
                    $sentence, $decided, $confidence, $why, $source, $ocr, $suspect)
            """, "$doc", "$region", "$tier", "$project", "$indicator", "$target", "$actual", "$unit", "$percent", "$qualifier",
            "$approximate", "$optional", "$inconsistent", "$canonical", "$page", "$start", "$end",
            "$sentence", "$decided", "$confidence", "$why", "$source", "$ocr", "$suspect");
        var parameters = insert.Parameters;
        foreach (var f in figures)
        {
            object?[] values =
            [
                documentId, f.Region, f.Tier, f.Project, f.Indicator, f.Target, f.Actual, f.Unit, f.Percent, f.Qualifier,
                f.Approximate, f.Optional, f.Inconsistent, f.CanonicalProjectId, f.Page, f.Start, f.End,
                f.Sentence, f.DecidedBy, f.Confidence, f.Why, f.OcrConfidence is null ? "text" : "ocr", f.OcrConfidence, f.Suspect,
            ];
            for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");

    /// <summary>Closes the file; a batch still open is rolled back (its documents were never reported stored).</summary>
    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _batch?.Dispose();
        _connection.Dispose();
    }
}
