using Dapper;
using Microsoft.Data.Sqlite;

namespace BulletinIngest.Storage;

/// <summary>
/// The database schema, versioned with PRAGMA user_version. Each entry of <see cref="Migrations"/>
/// moves the schema one version up; a database is migrated on open. Append, never edit, a migration.
/// </summary>
public static class Schema
{
    private static readonly string[] Migrations =
    [
        // 1: documents, their text blocks, figures with provenance, flags, full-text search.
        """
        CREATE TABLE documents (
            id            INTEGER PRIMARY KEY,
            path          TEXT NOT NULL,            -- absolute path it was ingested from
            name          TEXT NOT NULL,            -- file name; the `doc` of exports
            sha256        TEXT NOT NULL,            -- content hash: the same bytes are never ingested twice
            format        TEXT,                     -- pdf | docx | txt (from the content, not the name)
            size_bytes    INTEGER NOT NULL,
            pages         INTEGER,
            status        TEXT NOT NULL,            -- ok | suspect (since 2) | needs-ocr | encrypted | corrupt | unsupported | too-large | binary | empty | failed
            error         TEXT,                     -- one-line reason when status is not ok
            region        TEXT,                     -- issuing region (canonical name)
            parent_region TEXT,
            issuing_body  TEXT,
            kind          TEXT,                     -- bulletin | plan
            issue         INTEGER,
            issue_date    TEXT,                     -- YYYY-MM-DD
            campaign      TEXT,
            period        TEXT,
            ingested_at   TEXT NOT NULL
        );
        CREATE UNIQUE INDEX documents_by_path ON documents(path);
        CREATE INDEX documents_by_sha256 ON documents(sha256);
        CREATE INDEX documents_by_region ON documents(region, issue_date);

        CREATE TABLE blocks (
            id            INTEGER PRIMARY KEY,
            document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq           INTEGER NOT NULL,         -- reading order within the document
            kind          TEXT NOT NULL,            -- paragraph | heading | listitem | tablerow (cells TAB-separated)
            heading_level INTEGER NOT NULL,
            page          INTEGER NOT NULL,         -- 1-based, 0 when the format has no pages
            start_offset  INTEGER NOT NULL,         -- character offsets in the document's full text
            end_offset    INTEGER NOT NULL,
            text          TEXT NOT NULL
        );
        CREATE INDEX blocks_by_document ON blocks(document_id, seq);

        CREATE TABLE figures (
            id                   INTEGER PRIMARY KEY,
            document_id          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            region               TEXT NOT NULL,
            tier                 TEXT,              -- 省级 | 市级 | 县级
            project              TEXT NOT NULL,
            indicator            TEXT NOT NULL,
            target               REAL,
            actual               REAL,
            unit                 TEXT,              -- base unit after scaling (万人次 -> 人次)
            percent              REAL,
            qualifier            TEXT,              -- NULL exact; > >= < <= for a bound
            approximate          INTEGER NOT NULL DEFAULT 0,
            optional             INTEGER NOT NULL DEFAULT 0,
            inconsistent         INTEGER NOT NULL DEFAULT 0,
            canonical_project_id TEXT,
            page                 INTEGER NOT NULL,
            start_offset         INTEGER NOT NULL,
            end_offset           INTEGER NOT NULL,
            sentence             TEXT NOT NULL,     -- the source sentence, for checking by eye
            decided_by           TEXT NOT NULL,     -- rules, or the model version that kept it
            confidence           REAL
        );
        CREATE INDEX figures_by_document ON figures(document_id);
        CREATE INDEX figures_by_project ON figures(canonical_project_id, region);
        CREATE INDEX figures_by_region ON figures(region);

        CREATE TABLE flags (
            id                   INTEGER PRIMARY KEY,
            kind                 TEXT NOT NULL,
            severity             TEXT NOT NULL,     -- error | warning | info
            message              TEXT NOT NULL,     -- one line an analyst can read
            document_id          INTEGER REFERENCES documents(id) ON DELETE CASCADE,
            region               TEXT,
            canonical_project_id TEXT
        );
        CREATE TABLE flag_figures (
            flag_id   INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            figure_id INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
            PRIMARY KEY (flag_id, figure_id)
        );
        CREATE INDEX flag_figures_by_figure ON flag_figures(figure_id);

        -- Full-text search over segmented block text: `tokens` holds the block's words separated by spaces.
        CREATE VIRTUAL TABLE block_search USING fts5(tokens, block_id UNINDEXED, tokenize = 'unicode61');

        CREATE VIEW figure_sources AS
            SELECT f.*, d.name AS doc, d.issue_date, d.issue, d.kind AS doc_kind, d.region AS issuing_region
            FROM figures f JOIN documents d ON d.id = f.document_id;
        """,
        // 2: coverage and the evidence behind the metadata. A read document whose figures account for too few of
        // its numbers has status 'suspect' (reason in error); warnings say what an analyst should check (unknown region).
        """
        ALTER TABLE documents ADD COLUMN number_mentions INTEGER;   -- amount and percent mentions in the text
        ALTER TABLE documents ADD COLUMN mentions_used   INTEGER;   -- of those, how many a figure uses
        ALTER TABLE documents ADD COLUMN figure_count    INTEGER;
        ALTER TABLE documents ADD COLUMN region_evidence TEXT;      -- why the region is what it is
        ALTER TABLE documents ADD COLUMN warnings        TEXT;      -- one per line
        """,
        // 3: analysts' corrections (Storage/Corrections), keyed by what survives a re-ingest: the document's content
        // hash, the figure's span and the region and indicator it was read with; and why a figure's numbers got their roles.
        """
        ALTER TABLE figures ADD COLUMN why TEXT;                    -- the extraction's explanation (roles, deciding features)
        CREATE TABLE corrections (
            id           TEXT PRIMARY KEY,              -- stable id, the same in corrections.tsv
            made_at      TEXT NOT NULL,                 -- UTC, ISO 8601
            made_by      TEXT NOT NULL,
            why          TEXT,
            action       TEXT NOT NULL,                 -- set | drop | add
            field        TEXT,                          -- set: target | actual | percent | unit | region | project
            old_value    TEXT,                          -- set: the value before the correction (NULL: none)
            new_value    TEXT,                          -- set: the value; add: the figure as JSON
            doc          TEXT NOT NULL,                 -- file name of the document corrected
            doc_sha256   TEXT NOT NULL,                 -- its content hash when corrected
            start_offset INTEGER NOT NULL,              -- the figure's span in that content
            end_offset   INTEGER NOT NULL,
            source_text  TEXT NOT NULL,                 -- the span's text: finds the figure again in a changed file
            indicator    TEXT NOT NULL,                 -- the figure as the extractor read it
            region       TEXT NOT NULL,
            status       TEXT NOT NULL DEFAULT 'applied', -- applied | orphaned (its document or span is gone)
            figure_id    INTEGER,                       -- the figure it applies to now
            applied_at   TEXT
        );
        CREATE INDEX corrections_by_figure ON corrections(figure_id);
        """,
        // 4: bulletins. Files holding the same bulletin (TXT, DOCX, PDF renderings, encoding copies) are one bulletin
        // (Storage/BulletinGrouping.cs); the analysis counts the figures of its chosen file only. Existing documents are
        // grouped by the backfill below.
        """
        CREATE TABLE bulletins (
            id             INTEGER PRIMARY KEY,
            document_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL,  -- the file whose figures count
            region         TEXT,                    -- region, kind, issue, issue_date, title: those of that file
            kind           TEXT,
            issue          INTEGER,
            issue_date     TEXT,
            title          TEXT,
            files          INTEGER NOT NULL,        -- how many files hold this bulletin
            file_names     TEXT NOT NULL,           -- their names, one a line, the counted one first
            chosen_because TEXT                     -- the rule that picked the counted file
        );
        ALTER TABLE documents ADD COLUMN text_sha256 TEXT;   -- hash of the text normalized (letters and digits, simplified, no page noise)
        ALTER TABLE documents ADD COLUMN title       TEXT;   -- the first line, normalized the same way
        ALTER TABLE documents ADD COLUMN bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE SET NULL;  -- NULL for files not read
        CREATE INDEX documents_by_text ON documents(text_sha256);
        CREATE INDEX documents_by_bulletin ON documents(bulletin_id);

        DROP VIEW figure_sources;
        CREATE VIEW figure_sources AS
            SELECT f.*, d.name AS doc, d.issue_date, d.issue, d.kind AS doc_kind, d.region AS issuing_region,
                   d.bulletin_id, (b.document_id IS d.id) AS counted
            FROM figures f JOIN documents d ON d.id = f.document_id LEFT JOIN bulletins b ON b.id = d.bulletin_id;
        """,
        // 5: text recognized from images by OCR is marked on its blocks and figures; a figure with a word OCR was
        // unsure of is suspect (its digits may be misread: check the page image).
        """
        ALTER TABLE blocks  ADD COLUMN source         TEXT NOT NULL DEFAULT 'text';  -- text (a text layer) | ocr
        ALTER TABLE blocks  ADD COLUMN ocr_confidence REAL;                          -- mean word confidence 0-100, ocr only
        ALTER TABLE figures ADD COLUMN source         TEXT NOT NULL DEFAULT 'text';  -- text | ocr
        ALTER TABLE figures ADD COLUMN ocr_confidence REAL;                          -- lowest uncertain word, else the block's mean
        ALTER TABLE figures ADD COLUMN suspect        INTEGER NOT NULL DEFAULT 0;    -- ocr_confidence below 60
        """,
        // 6: each path's file stamp when its content hash was last taken, so that an unchanged re-run need not read
        // and hash the files again (Pipeline/FileStamp.cs).
        """
        CREATE TABLE file_stamps (
            path        TEXT PRIMARY KEY,    -- absolute path, as documents.path
            sha256      TEXT NOT NULL,       -- the content hash taken after this stamp
            size_bytes  INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,    -- mtime and ctime, nanoseconds since 1970
            changed_ns  INTEGER NOT NULL,
            inode       INTEGER NOT NULL,
            device      INTEGER NOT NULL,
            seen_ns     INTEGER NOT NULL     -- when the stamp was taken
        ) WITHOUT ROWID;
        """,
    ];

    /// <summary>Work a migration needs beyond SQL, run right after the migration to the version it is keyed by.</summary>
    private static readonly Dictionary<int, Action<SqliteConnection, SqliteTransaction>> Backfills = new()
    {
        [4] = BulletinGrouping.GroupUngrouped,
    };

    public static int LatestVersion => Migrations.Length;

    /// <summary>
    /// Brings the schema up to date. The version is read inside an IMMEDIATE transaction (the write lock), so two
    /// first ingests into one new file do not both create the tables: the second waits, then sees version 1.
    /// </summary>
    /// <returns>The version the database had (0 for a new one).</returns>
    public static int Migrate(SqliteConnection connection)
    {
        if (connection.ExecuteScalar<int>("PRAGMA user_version") == LatestVersion) return LatestVersion;
        using var transaction = connection.BeginTransaction(deferred: false);
        int version = connection.ExecuteScalar<int>("PRAGMA user_version", transaction: transaction);
        int from = version;
        if (version > LatestVersion)
            throw new InvalidOperationException(
                $"database schema version {version} is newer than this program's ({LatestVersion}); update bulletin");
        for (; version < LatestVersion; version++)
        {
            connection.Execute(Migrations[version], transaction: transaction);
            if (Backfills.TryGetValue(version + 1, out var backfill)) backfill(connection, transaction);
        }
        connection.Execute($"PRAGMA user_version = {LatestVersion}", transaction: transaction);
        transaction.Commit();
        return from;
    }

    /// <summary>The first version whose analysis counts each bulletin once: flags stored before it counted every file.</summary>
    public const int BulletinsCountedOnce = 4;
}
