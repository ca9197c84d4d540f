/**
 * The picture kept story by story (issue 8), as in SQLite's 004-story-partitions: every fused
 * row names its story, `story_parts` keeps each story's ordinal and framing, history and
 * admin-1 control, `document_stories` each document's story and story features. Positions
 * become bigint: a story's rows sit at ordinal × 1,000,000 + their place in it.
 */
export const up = `
ALTER TABLE entities ALTER COLUMN position TYPE bigint;
ALTER TABLE claims ALTER COLUMN position TYPE bigint;
ALTER TABLE disputes ALTER COLUMN position TYPE bigint;
ALTER TABLE control_states ALTER COLUMN position TYPE bigint;
ALTER TABLE timeline ALTER COLUMN position TYPE bigint;
ALTER TABLE stories ALTER COLUMN position TYPE bigint;
ALTER TABLE entities ADD COLUMN story text;
ALTER TABLE disputes ADD COLUMN story text;
ALTER TABLE control_states ADD COLUMN story text;
ALTER TABLE timeline ADD COLUMN story text;
CREATE INDEX entities_story ON entities (story);
CREATE INDEX claims_story ON claims (story);
CREATE INDEX disputes_story ON disputes (story);
CREATE INDEX control_states_story ON control_states (story);
CREATE INDEX timeline_story ON timeline (story);
CREATE INDEX stories_id ON stories (id);

CREATE TABLE story_parts (
  story text PRIMARY KEY,
  ordinal integer NOT NULL,
  extras text NOT NULL
);

CREATE TABLE document_stories (
  document_id text PRIMARY KEY REFERENCES documents(id),
  story text NOT NULL,
  ordinal integer NOT NULL,
  features text NOT NULL
);
CREATE INDEX document_stories_story ON document_stories (story);
`
