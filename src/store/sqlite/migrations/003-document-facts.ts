/**
 * Each document's own entities, as the per-document pipeline found them (before fusion), so an
 * ingest re-fuses the stored documents without re-running the pipeline on them. One row per
 * document whose facts are known; no row means "run the pipeline again".
 */
export const up = `
CREATE TABLE document_facts (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  entities TEXT NOT NULL
);
`
