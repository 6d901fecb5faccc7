-- rasd event store, version 1 (PostgreSQL). The same tables and columns as
-- sql/sqlite/0001_initial.sql; see docs/store.md for what each one holds.

-- Every article met, whatever happened to it: ok (events extracted),
-- failed (error says why; `rasd ingest --retry-failed` tries again),
-- skipped (a copy of another article, or not Arabic).
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    fingerprint  TEXT UNIQUE,          -- hash of the normalised words (NULL for copies)
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,                 -- YYYY-MM-DD
    text         TEXT,                 -- exactly as read (NULL for copies: stored once)
    status       TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
    error        TEXT,
    source       TEXT,                 -- where it was read: file, file:line, feed
    duplicate_of TEXT REFERENCES articles(id),
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_status ON articles(status);
CREATE INDEX articles_source ON articles(source);

-- MinHash LSH bands of each stored article (near-duplicate candidates).
CREATE TABLE article_bands (
    band_key   TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);

-- One row per real-world event (a cluster of article-level reports).
CREATE TABLE events (
    id                 TEXT PRIMARY KEY,  -- ev-<hash of its earliest report>
    event_id_cnty      TEXT UNIQUE,       -- ACLED-style: ISO3 + number
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    sub_event_type_alt TEXT,              -- JSON list
    event_date         TEXT,              -- YYYY-MM-DD
    year               INTEGER,
    date_precision     INTEGER,
    actor1             TEXT, actor1_text TEXT, inter1 INTEGER, actor1_country TEXT,
    actor2             TEXT, actor2_text TEXT, inter2 INTEGER, actor2_country TEXT,
    assoc_actors       TEXT,              -- JSON list of actor objects
    claimed            INTEGER NOT NULL DEFAULT 0,
    location           TEXT, location_text TEXT, admin1 TEXT, admin2 TEXT, country TEXT,
    latitude           DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision INTEGER,
    fatalities         INTEGER,           -- NULL = not reported
    injuries           INTEGER,
    weapons            TEXT,              -- JSON list
    confidence         DOUBLE PRECISION,
    background         INTEGER NOT NULL DEFAULT 0,
    notes              TEXT,
    n_sources          INTEGER NOT NULL,  -- article-level reports merged here
    merge_reason       TEXT               -- NULL when one report; else a summary
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_country ON events(country, admin1);
CREATE INDEX events_type ON events(event_type);

-- Every article-level report of an event, with its evidence and full JSON.
CREATE TABLE event_sources (
    id         TEXT PRIMARY KEY,          -- <article_id>#<index in the article>
    event_id   TEXT NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    event_type TEXT NOT NULL,             -- merge keys, copied from event_json
    event_date TEXT,
    evidence   TEXT NOT NULL,             -- JSON list of {start, end, text}
    event_json TEXT NOT NULL              -- the event as the article reported it (CODEBOOK §3)
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_article ON event_sources(article_id);
CREATE INDEX event_sources_block ON event_sources(event_type, event_date);

-- Why each non-anchor report joined its event.
CREATE TABLE merges (
    source_id    TEXT PRIMARY KEY REFERENCES event_sources(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    matched_with TEXT NOT NULL,           -- the anchor report it was compared with
    reason       TEXT NOT NULL
);
CREATE INDEX merges_event ON merges(event_id);

-- Pairs of reports an analyst split apart (`rasd dedup --split`): never merged again.
CREATE TABLE merge_splits (
    source_a TEXT NOT NULL,
    source_b TEXT NOT NULL,
    PRIMARY KEY (source_a, source_b)
);

-- Next number of event_id_cnty per ISO3 prefix.
CREATE TABLE id_counters (
    prefix TEXT PRIMARY KEY,
    next   INTEGER NOT NULL
);

-- Full-text index over normalised title and text of stored articles.
CREATE TABLE articles_fts (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    body       TSVECTOR NOT NULL
);
CREATE INDEX articles_fts_body ON articles_fts USING GIN (body);
