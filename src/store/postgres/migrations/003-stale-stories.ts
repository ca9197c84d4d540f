/**
 * Fusion per story in the workers (issue 9): a document whose facts are replaced after it
 * joined a story (an operator's retry, a re-extraction) marks its row `stale`, so the next
 * fusion takes it again and re-fuses its story; recording the story again clears it. The
 * partial index keeps "which documents wait for fusion" cheap however large the library.
 */
export const up = `
ALTER TABLE document_stories ADD COLUMN stale boolean NOT NULL DEFAULT false;
CREATE INDEX document_stories_stale ON document_stories (document_id) WHERE stale;
`
