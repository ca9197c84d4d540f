import { up as initial } from './001-initial.js'
import { up as storyPartitions } from './002-story-partitions.js'
import { up as staleStories } from './003-stale-stories.js'

/**
 * The PostgreSQL schema history, oldest first. `triangulate migrate` applies the missing ones,
 * each in a transaction with its row in `schema_migrations`, under an advisory lock so two
 * machines migrating at once apply each migration once. Append; never edit a shipped one.
 */
export const POSTGRES_MIGRATIONS: readonly { readonly name: string; readonly up: string }[] = [
  { name: '001-initial', up: initial },
  { name: '002-story-partitions', up: storyPartitions },
  { name: '003-stale-stories', up: staleStories },
]
