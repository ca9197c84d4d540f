import { up as initial } from './001-initial.js'
import { up as rowidFactTables } from './002-rowid-fact-tables.js'
import { up as documentFacts } from './003-document-facts.js'
import { up as storyPartitions } from './004-story-partitions.js'
import { up as staleStories } from './005-stale-stories.js'

/**
 * The SQLite schema history, oldest first. Each entry runs once, inside a transaction together
 * with its row in `schema_migrations`, so a crash mid-migration leaves the previous schema.
 * Append new migrations; never edit one that has shipped.
 */
export const SQLITE_MIGRATIONS: readonly { readonly name: string; readonly up: string }[] = [
  { name: '001-initial', up: initial },
  { name: '002-rowid-fact-tables', up: rowidFactTables },
  { name: '003-document-facts', up: documentFacts },
  { name: '004-story-partitions', up: storyPartitions },
  { name: '005-stale-stories', up: staleStories },
]
