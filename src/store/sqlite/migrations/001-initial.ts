/**
 * The first schema. Every fact table carries `document_id, start, end, quote, stage, rule` so
 * the API and the UI never lose the link to the words (STYLE 4.2); the whole fact is kept as JSON
 * in `body` beside the columns, so new contract fields need no migration.
 * Offsets are JavaScript string indices: never slice `text` in SQL (SQLite counts bytes or code
 * points, not UTF-16 units).
 */
export const up = `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  byte_length INTEGER NOT NULL,
  revision_key TEXT,
  revision_of TEXT REFERENCES documents(id),
  superseded_by TEXT,
  ingested_at TEXT NOT NULL,
  source TEXT NOT NULL,
  outlet TEXT,
  url TEXT,
  published TEXT,
  published_from TEXT NOT NULL,
  title TEXT,
  author TEXT,
  language TEXT,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  duplicate_of TEXT,
  syndication_group TEXT
);
CREATE INDEX documents_current_revision_key ON documents (revision_key) WHERE superseded_by IS NULL;

CREATE TABLE events (
  document_id TEXT NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  quote TEXT NOT NULL,
  stage TEXT NOT NULL,
  rule TEXT,
  type TEXT NOT NULL,
  stance TEXT NOT NULL,
  place TEXT,
  date_start TEXT,
  date_end TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX events_id ON events (id);

CREATE TABLE mentions (
  document_id TEXT NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  quote TEXT NOT NULL,
  stage TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity_id);

-- document_id NULL: a diagnostic of the fused picture (about no single document).
CREATE TABLE diagnostics (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT REFERENCES documents(id),
  position INTEGER NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  start INTEGER,
  "end" INTEGER,
  quote TEXT,
  stage TEXT NOT NULL,
  rule TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX diagnostics_document ON diagnostics (document_id, position);

CREATE TABLE entities (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX entities_id ON entities (id);

CREATE TABLE claims (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  story TEXT,
  place TEXT,
  summary TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX claims_id ON claims (id);

CREATE TABLE claim_events (
  claim_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (claim_id, event_id)
) WITHOUT ROWID;

CREATE TABLE disputes (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE control_states (
  position INTEGER PRIMARY KEY,
  place TEXT NOT NULL,
  date TEXT NOT NULL,
  controller TEXT NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE timeline (
  position INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL,
  date_start TEXT NOT NULL,
  date_end TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE stories (
  position INTEGER PRIMARY KEY,
  id TEXT,
  body TEXT NOT NULL
);

-- One row: when the picture was drawn and the Analysis fields without a table of their own.
CREATE TABLE picture (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  generated_at TEXT NOT NULL,
  extras TEXT NOT NULL
);

CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  inputs TEXT NOT NULL,
  documents_added TEXT NOT NULL,
  changes TEXT NOT NULL,
  counts TEXT NOT NULL
);

-- One row, bumped by every write: what lastUpdate() reads, across processes.
CREATE TABLE store_version (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  version INTEGER NOT NULL,
  at TEXT
);
INSERT INTO store_version (singleton, version, at) VALUES (1, 0, NULL);

-- External-content index over documents: the text is stored once. Documents are never updated
-- in place (a new version is a new row), so inserting into the index beside each row suffices.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'documents', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
  summary, claim_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
`
