/**
 * The first PostgreSQL schema: the SQLite one (sqlite/migrations) with PostgreSQL types, a
 * generated `tsvector` per document and per claim with GIN indexes for search, and the indexes
 * the worker's queries need (see docs/scale-out.md for which query uses which).
 *
 * Every fact table carries `document_id, start, end, quote, stage, rule` (STYLE 4.2); the whole
 * fact is kept as JSON text in `body`, byte for byte as written, so new contract fields need no
 * migration and the contract's key order survives (jsonb would re-order keys).
 * Offsets are JavaScript string indices (UTF-16 units): never slice `text` in SQL, PostgreSQL
 * counts code points.
 * Search uses the `simple` configuration: words as written, lower-cased, no stemming, which is
 * what the SQLite store's unicode61 tokenizer does and what the contract specifies.
 */
export const up = `
CREATE TABLE documents (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  content_hash text NOT NULL UNIQUE,
  byte_length integer NOT NULL,
  revision_key text,
  revision_of text REFERENCES documents(id),
  superseded_by text,
  ingested_at text NOT NULL,
  source text NOT NULL,
  outlet text,
  url text,
  published text,
  published_from text NOT NULL,
  title text,
  author text,
  language text,
  text text NOT NULL,
  metadata text NOT NULL,
  duplicate_of text,
  syndication_group text,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', text), 'B')
  ) STORED
);
CREATE INDEX documents_current_revision_key ON documents (revision_key) WHERE superseded_by IS NULL;
CREATE INDEX documents_current_seq ON documents (seq) WHERE superseded_by IS NULL;
CREATE INDEX documents_search ON documents USING gin (search);
-- putDocument looks for free ids with \`id LIKE 'name-%'\`: a plain btree serves LIKE only under
-- the C collation, managed databases default to others.
CREATE INDEX documents_id_prefix ON documents (id text_pattern_ops);

CREATE TABLE events (
  document_id text NOT NULL REFERENCES documents(id),
  position integer NOT NULL,
  id text NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  quote text NOT NULL,
  stage text NOT NULL,
  rule text,
  type text NOT NULL,
  stance text NOT NULL,
  place text,
  date_start text,
  date_end text,
  body text NOT NULL,
  PRIMARY KEY (document_id, position)
);
CREATE INDEX events_id ON events (id);

CREATE TABLE mentions (
  document_id text NOT NULL REFERENCES documents(id),
  position integer NOT NULL,
  entity_id text NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  quote text NOT NULL,
  stage text NOT NULL,
  rule text,
  PRIMARY KEY (document_id, position)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- document_id NULL: a diagnostic of the fused picture (about no single document).
CREATE TABLE diagnostics (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id text REFERENCES documents(id),
  position integer NOT NULL,
  severity text NOT NULL,
  message text NOT NULL,
  start integer,
  "end" integer,
  quote text,
  stage text NOT NULL,
  rule text NOT NULL,
  body text NOT NULL
);
CREATE INDEX diagnostics_document ON diagnostics (document_id, position);

-- Each document's own entities before fusion; no row means "run the pipeline on it".
CREATE TABLE document_facts (
  document_id text PRIMARY KEY REFERENCES documents(id),
  entities text NOT NULL
);

CREATE TABLE entities (
  position integer PRIMARY KEY,
  id text NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  body text NOT NULL
);
CREATE INDEX entities_id ON entities (id);

CREATE TABLE claims (
  position integer PRIMARY KEY,
  id text NOT NULL,
  type text NOT NULL,
  status text NOT NULL,
  story text,
  place text,
  summary text NOT NULL,
  body text NOT NULL,
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', summary)) STORED
);
CREATE INDEX claims_id ON claims (id);
CREATE INDEX claims_search ON claims USING gin (search);

CREATE TABLE claim_events (
  claim_id text NOT NULL,
  event_id text NOT NULL,
  PRIMARY KEY (claim_id, event_id)
);

CREATE TABLE disputes (
  position integer PRIMARY KEY,
  id text NOT NULL,
  kind text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL
);

CREATE TABLE control_states (
  position integer PRIMARY KEY,
  place text NOT NULL,
  date text NOT NULL,
  controller text NOT NULL,
  status text NOT NULL,
  body text NOT NULL
);

CREATE TABLE timeline (
  position integer PRIMARY KEY,
  claim_id text NOT NULL,
  date_start text NOT NULL,
  date_end text NOT NULL,
  body text NOT NULL
);

CREATE TABLE stories (
  position integer PRIMARY KEY,
  id text,
  body text NOT NULL
);

CREATE TABLE picture (
  singleton integer PRIMARY KEY CHECK (singleton = 1),
  generated_at text NOT NULL,
  extras text NOT NULL
);

CREATE TABLE history (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  kind text NOT NULL,
  inputs text NOT NULL,
  documents_added text NOT NULL,
  changes text NOT NULL,
  counts text NOT NULL
);

-- One row, bumped once per committed write transaction, just before COMMIT (so the row lock
-- every writer takes is held for microseconds): what lastUpdate() reads, across machines.
CREATE TABLE store_version (
  singleton integer PRIMARY KEY CHECK (singleton = 1),
  version bigint NOT NULL,
  at text
);
INSERT INTO store_version (singleton, version, at) VALUES (1, 0, NULL);
`
