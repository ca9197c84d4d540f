/**
 * As PostgreSQL's 003-stale-stories: a document whose facts are replaced after it joined a
 * story is marked `stale` until its story is fused again (listUnfusedDocuments lists it).
 */
export const up = `
ALTER TABLE document_stories ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
CREATE INDEX document_stories_stale ON document_stories (document_id) WHERE stale = 1;
`
