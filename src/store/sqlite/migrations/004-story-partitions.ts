/**
 * The picture kept story by story (issue 8): an ingest re-fuses only the stories its documents
 * join and replaces only their rows. Every fused row names its story (claims did already);
 * `story_parts` keeps each story's ordinal and its framing, history and admin-1 control;
 * `document_stories` keeps each document's story and the features the story step read of it,
 * so a later ingest matches new documents to stories without reading old documents again. Rows
 * of superseded versions stay there (their story is re-fused without them).
 */
export const up = `
ALTER TABLE entities ADD COLUMN story TEXT;
ALTER TABLE disputes ADD COLUMN story TEXT;
ALTER TABLE control_states ADD COLUMN story TEXT;
ALTER TABLE timeline ADD COLUMN story TEXT;
CREATE INDEX entities_story ON entities (story);
CREATE INDEX claims_story ON claims (story);
CREATE INDEX disputes_story ON disputes (story);
CREATE INDEX control_states_story ON control_states (story);
CREATE INDEX timeline_story ON timeline (story);
CREATE INDEX stories_id ON stories (id);

CREATE TABLE story_parts (
  story TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL,
  extras TEXT NOT NULL
);

CREATE TABLE document_stories (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  story TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  features TEXT NOT NULL
);
CREATE INDEX document_stories_story ON document_stories (story);
`
