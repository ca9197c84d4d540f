/**
 * Events and mentions become ordinary rowid tables. As WITHOUT ROWID tables their ~1 KB rows
 * (the JSON body) overflowed the index b-tree pages and took about three times the space
 * (the ingest benchmark showed 3.5 MB for 200 articles' events); SQLite advises WITHOUT ROWID
 * only for small rows. The (document_id, position) key stays, as a unique index.
 */
export const up = `
CREATE TABLE events_new (
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
  body TEXT NOT NULL
);
INSERT INTO events_new SELECT document_id, position, id, start, "end", quote, stage, rule, type, stance, place, date_start, date_end, body FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE UNIQUE INDEX events_document_position ON events (document_id, position);
CREATE INDEX events_id ON events (id);

CREATE TABLE mentions_new (
  document_id TEXT NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  quote TEXT NOT NULL,
  stage TEXT NOT NULL,
  rule TEXT
);
INSERT INTO mentions_new SELECT document_id, position, entity_id, start, "end", quote, stage, rule FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;
CREATE UNIQUE INDEX mentions_document_position ON mentions (document_id, position);
CREATE INDEX mentions_entity ON mentions (entity_id);
`
