import BetterSqlite3 from 'better-sqlite3'
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely'
import type {
  Analysis,
  AnalysisEvent,
  Claim,
  ControlState,
  Dispute,
  Entity,
  TimelineEntry,
} from '../../core/model/analysis.js'
import type { Diagnostic } from '../../core/model/diagnostic.js'
import {
  claimSearchText,
  claimSummary,
  type DocumentRow,
  diagnosticRow,
  eventRow,
  storyId,
  toStoredDocument,
} from '../fact-rows.js'
import {
  assembleAnalysis,
  joinStoredStories,
  type StoryRows,
  storyRows,
  toAnalysisDocument,
} from '../picture.js'
import { toFtsQuery } from './fts-query.js'
import {
  type DocumentExtraction,
  type DocumentStory,
  type FusedPicture,
  type HistoryEntry,
  type NewDocument,
  type NewHistoryEntry,
  type PutDocumentResult,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type SearchResult,
  type Store,
  type StoreCounts,
  type StoredDocument,
  type StoreVersion,
  type StoryReplacement,
  type UnfusedDocument,
} from '../store.js'
import { SQLITE_MIGRATIONS } from './migrations/index.js'

/** The default store file, in the working directory (`--db PATH` changes it). */
export const DEFAULT_DB_PATH = './triangulate.db'

interface DocumentsTable extends DocumentRow {
  seq: Generated<number>
  duplicate_of: string | null
  syndication_group: string | null
}

type DocumentsRow = Omit<DocumentsTable, 'seq'> & { seq: number }

interface SpanColumns {
  document_id: string
  position: number
  start: number
  end: number
  quote: string
  stage: string
  rule: string | null
}

interface EventsTable extends SpanColumns {
  id: string
  type: string
  stance: string
  place: string | null
  date_start: string | null
  date_end: string | null
  body: string
}

interface MentionsTable extends SpanColumns {
  entity_id: string
}

interface DiagnosticsTable {
  seq: Generated<number>
  document_id: string | null
  position: number
  severity: string
  message: string
  start: number | null
  end: number | null
  quote: string | null
  stage: string
  rule: string
  body: string
}

interface Database {
  documents: DocumentsTable
  events: EventsTable
  mentions: MentionsTable
  diagnostics: DiagnosticsTable
  entities: {
    position: number
    id: string
    kind: string
    name: string
    body: string
    story: string | null
  }
  claims: {
    position: number
    id: string
    type: string
    status: string
    story: string | null
    place: string | null
    summary: string
    body: string
  }
  claim_events: { claim_id: string; event_id: string }
  disputes: {
    position: number
    id: string
    kind: string
    summary: string
    body: string
    story: string | null
  }
  control_states: {
    position: number
    place: string
    date: string
    controller: string
    status: string
    body: string
    story: string | null
  }
  timeline: {
    position: number
    claim_id: string
    date_start: string
    date_end: string
    body: string
    story: string | null
  }
  stories: { position: number; id: string | null; body: string }
  picture: { singleton: number; generated_at: string; extras: string }
  history: {
    id: Generated<number>
    at: string
    kind: string
    inputs: string
    documents_added: string
    changes: string
    counts: string
  }
  store_version: { singleton: number; version: number; at: string | null }
  document_facts: { document_id: string; entities: string }
  story_parts: { story: string; ordinal: number; extras: string }
  document_stories: {
    document_id: string
    story: string
    ordinal: number
    features: string
    stale: Generated<number>
  }
  schema_migrations: { name: string; applied_at: string }
}

/** Rows inserted per statement: SQLite allows 32,766 bound values; 14 columns × 500 stays below. */
const BATCH = 500

export interface SqliteStoreOptions {
  /** Refuse to create a missing file (read commands on a store that does not exist). */
  readonly mustExist?: boolean
  /** How long a writer waits for another process's write transaction (default 30 s). */
  readonly busyTimeoutMs?: number
}

/**
 * Opens (creating if needed) a SQLite store and brings its schema up to date.
 *
 * Settings, and why:
 * - WAL: readers (the server, `status`) never wait for an ingest, and an ingest that dies
 *   mid-way leaves only uncommitted WAL frames, which the next open ignores.
 * - synchronous=FULL: with WAL, NORMAL can lose the last committed ingests on a power cut
 *   (never on a crash of the process). We commit once per ingest, not per row, so the extra
 *   fsync per commit costs little and a reported ingest is on disk.
 * - foreign_keys on; busy_timeout 30 s so a second writer waits for the first instead of failing.
 */
export async function openSqliteStore(
  path: string = DEFAULT_DB_PATH,
  options: SqliteStoreOptions = {},
): Promise<Store> {
  const raw = new BetterSqlite3(path, {
    fileMustExist: options.mustExist ?? false,
    timeout: 30_000,
  })
  try {
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = FULL')
    raw.pragma('foreign_keys = ON')
    migrate(raw)
  } catch (error) {
    raw.close()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
  return new SqliteStore(db, path, false)
}

/** Applies the migrations not yet recorded, in order, each in its own transaction. */
function migrate(raw: BetterSqlite3.Database): void {
  raw.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  )
  const applied = new Set(
    (raw.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map(
      (row) => row.name,
    ),
  )
  for (const migration of SQLITE_MIGRATIONS) {
    if (applied.has(migration.name)) continue
    // IMMEDIATE: two processes opening a new file at once must not both apply it.
    raw.exec('BEGIN IMMEDIATE')
    try {
      const again = raw
        .prepare('SELECT 1 FROM schema_migrations WHERE name = ?')
        .get(migration.name)
      if (!again) {
        raw.exec(migration.up)
        raw
          .prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)')
          .run(migration.name, new Date().toISOString())
      }
      raw.exec('COMMIT')
    } catch (error) {
      raw.exec('ROLLBACK')
      throw error
    }
  }
}

class SqliteStore implements Store {
  readonly backend = 'sqlite'

  constructor(
    private readonly db: Kysely<Database>,
    readonly location: string,
    private readonly inTransaction: boolean,
  ) {}

  async withTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this)
    return this.db.connection().execute(async (connection) => {
      // IMMEDIATE takes the write lock now: the reads inside (which documents exist, the
      // previous picture) stay true until commit, even with another process ingesting.
      await sql`BEGIN IMMEDIATE`.execute(connection)
      try {
        const result = await fn(new SqliteStore(connection, this.location, true))
        await sql`COMMIT`.execute(connection)
        return result
      } catch (error) {
        await sql`ROLLBACK`.execute(connection)
        throw error
      }
    })
  }

  /** Runs a write in a transaction (joining the current one) and bumps the store version. */
  private write<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.withTransaction(async (tx) => {
      const db = (tx as SqliteStore).db
      const result = await fn(db)
      await bumpVersion(db)
      return result
    })
  }

  putDocument(input: NewDocument): Promise<PutDocumentResult> {
    return this.withTransaction(async (tx) => {
      const db = (tx as SqliteStore).db
      const existing = await db
        .selectFrom('documents')
        .select('id')
        .where('content_hash', '=', input.contentHash)
        .executeTakeFirst()
      // Known content writes nothing, so the version (what pollers watch) stays put.
      if (existing) return { status: 'unchanged', id: existing.id, revisionOf: null }

      const previous =
        input.revisionKey === null
          ? undefined
          : await db
              .selectFrom('documents')
              .select('id')
              .where('revision_key', '=', input.revisionKey)
              .where('superseded_by', 'is', null)
              .executeTakeFirst()
      const id = await freeId(db, input.document.id)
      const { document } = input
      const inserted = await db
        .insertInto('documents')
        .values({
          id,
          content_hash: input.contentHash,
          byte_length: input.byteLength,
          revision_key: input.revisionKey,
          revision_of: previous?.id ?? null,
          superseded_by: null,
          ingested_at: input.ingestedAt,
          source: document.source,
          outlet: document.outlet,
          url: document.url,
          published: document.published,
          published_from: document.publishedFrom,
          title: document.title,
          author: document.author ?? null,
          language: document.language ?? null,
          text: document.text,
          metadata: JSON.stringify(document.metadata),
          duplicate_of: null,
          syndication_group: null,
        })
        .returning('seq')
        .executeTakeFirstOrThrow()
      await sql`INSERT INTO documents_fts (rowid, title, text) VALUES (${inserted.seq}, ${document.title ?? ''}, ${document.text})`.execute(
        db,
      )
      if (previous) {
        await db
          .updateTable('documents')
          .set({ superseded_by: id })
          .where('id', '=', previous.id)
          .execute()
        await deleteExtraction(db, previous.id)
      }
      await bumpVersion(db)
      return { status: 'inserted', id, revisionOf: previous?.id ?? null }
    })
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return row ? toStoredDocument(row) : null
  }

  async getDocumentByHash(contentHash: string): Promise<StoredDocument | null> {
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('content_hash', '=', contentHash)
      .executeTakeFirst()
    return row ? toStoredDocument(row) : null
  }

  async listDocuments(
    options: { includeSuperseded?: boolean; ids?: readonly string[] } = {},
  ): Promise<StoredDocument[]> {
    if (options.ids !== undefined) {
      const rows: DocumentsRow[] = []
      for (const ids of chunks(options.ids)) {
        if (ids.length > 0)
          rows.push(
            ...(await this.db.selectFrom('documents').selectAll().where('id', 'in', ids).execute()),
          )
      }
      return rows.sort((a, b) => a.seq - b.seq).map(toStoredDocument)
    }
    let query = this.db.selectFrom('documents').selectAll().orderBy('seq')
    if (!options.includeSuperseded) query = query.where('superseded_by', 'is', null)
    return (await query.execute()).map(toStoredDocument)
  }

  async listDocumentIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('superseded_by', 'is', null)
      .orderBy('seq')
      .execute()
    return rows.map((row) => row.id)
  }

  replaceExtractions(extractions: readonly DocumentExtraction[]): Promise<void> {
    return this.write(async (db) => {
      for (const extraction of extractions) {
        const id = extraction.documentId
        const known = await db
          .selectFrom('documents')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst()
        if (!known) throw new Error(`replaceExtractions: no document ${id} in the store`)
        await deleteExtraction(db, id)
        // A document already in a story: its story was fused from the old facts.
        await db
          .updateTable('document_stories')
          .set({ stale: 1 })
          .where('document_id', '=', id)
          .where('stale', '=', 0)
          .execute()
        const events = extraction.events.map((event, position) => eventRow(id, position, event))
        const mentions = extraction.mentions.map((mention, position) => ({
          document_id: id,
          position,
          entity_id: mention.entity,
          start: mention.span.start,
          end: mention.span.end,
          quote: mention.span.text,
          stage: 'mentions',
          rule: null,
        }))
        const diagnostics = extraction.diagnostics.map((diagnostic, position) =>
          diagnosticRow(id, position, diagnostic),
        )
        for (const chunk of chunks(events)) await db.insertInto('events').values(chunk).execute()
        for (const chunk of chunks(mentions))
          await db.insertInto('mentions').values(chunk).execute()
        for (const chunk of chunks(diagnostics))
          await db.insertInto('diagnostics').values(chunk).execute()
        if (extraction.entities !== undefined) {
          await db
            .insertInto('document_facts')
            .values({ document_id: id, entities: JSON.stringify(extraction.entities) })
            .execute()
        }
      }
    })
  }

  async getExtraction(documentId: string): Promise<DocumentExtraction | null> {
    const known = await this.db
      .selectFrom('documents')
      .select('id')
      .where('id', '=', documentId)
      .executeTakeFirst()
    if (!known) return null
    return (await this.readExtractions([documentId]))[0] ?? null
  }

  async listExtractions(
    options: { documentIds?: readonly string[] } = {},
  ): Promise<DocumentExtraction[]> {
    if (options.documentIds !== undefined) {
      const found: DocumentExtraction[] = []
      for (const ids of chunks(options.documentIds))
        if (ids.length > 0) found.push(...(await this.readExtractions(ids)))
      return found
    }
    if (this.inTransaction) return this.readExtractions(null)
    return this.db.connection().execute(async (connection) => {
      await sql`BEGIN`.execute(connection)
      try {
        return await new SqliteStore(connection, this.location, true).readExtractions(null)
      } finally {
        await sql`COMMIT`.execute(connection)
      }
    })
  }

  /** Extractions of the given documents, or of every current one (null), in ingest order. */
  private async readExtractions(ids: readonly string[] | null): Promise<DocumentExtraction[]> {
    const db = this.db
    let documents = db.selectFrom('documents').select(['id', 'seq']).orderBy('seq')
    documents =
      ids === null ? documents.where('superseded_by', 'is', null) : documents.where('id', 'in', ids)
    const order = await documents.execute()
    if (order.length === 0) return []
    const inScope =
      ids === null
        ? sql<boolean>`document_id IN (SELECT id FROM documents WHERE superseded_by IS NULL)`
        : sql<boolean>`document_id IN (${sql.join(ids)})`
    const [events, mentions, diagnostics, facts] = await Promise.all([
      db
        .selectFrom('events')
        .select(['document_id', 'body'])
        .where(inScope)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('mentions')
        .selectAll()
        .where(inScope)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('diagnostics')
        .select(['document_id', 'body'])
        .where(inScope)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      db.selectFrom('document_facts').selectAll().where(inScope).execute(),
    ])
    const byId = new Map<
      string,
      {
        events: AnalysisEvent[]
        mentions: DocumentExtraction['mentions'][number][]
        diagnostics: Diagnostic[]
        entities?: Entity[]
      }
    >()
    for (const row of order) byId.set(row.id, { events: [], mentions: [], diagnostics: [] })
    for (const row of events)
      byId.get(row.document_id)?.events.push(JSON.parse(row.body) as AnalysisEvent)
    for (const row of mentions) {
      byId.get(row.document_id)?.mentions.push({
        entity: row.entity_id,
        span: { doc: row.document_id, start: row.start, end: row.end, text: row.quote },
      })
    }
    for (const row of diagnostics) {
      if (row.document_id !== null)
        byId.get(row.document_id)?.diagnostics.push(JSON.parse(row.body) as Diagnostic)
    }
    for (const row of facts) {
      const found = byId.get(row.document_id)
      if (found) found.entities = JSON.parse(row.entities) as Entity[]
    }
    return [...byId].map(([documentId, found]) => ({ documentId, ...found }))
  }

  replaceFusion(fusion: FusedPicture): Promise<void> {
    return this.write(async (db) => {
      for (const table of [
        'entities',
        'claims',
        'claim_events',
        'disputes',
        'control_states',
        'timeline',
        'stories',
        'picture',
      ] as const) {
        await db.deleteFrom(table).execute()
      }
      await db.deleteFrom('diagnostics').where('document_id', 'is', null).execute()
      await sql`DELETE FROM claims_fts`.execute(db)
      // A whole picture is not kept by story: the next ingest re-fuses every story.
      await db.deleteFrom('story_parts').execute()
      await db.deleteFrom('document_stories').execute()

      const entities = fusion.entities.map((entity, position) => ({
        position,
        id: entity.id,
        kind: entity.kind,
        name: entity.name,
        body: JSON.stringify({ ...entity, mentions: [] }),
        story: null,
      }))
      const claims = fusion.claims.map((claim, position) => ({
        position,
        id: claim.id,
        type: claim.type,
        status: claim.status,
        story: claim.story ?? null,
        place: claim.place?.name ?? null,
        summary: claimSearchText(claim),
        body: JSON.stringify(claim),
      }))
      const claimEvents = fusion.claims.flatMap((claim) =>
        [...new Set(claim.events)].map((event) => ({ claim_id: claim.id, event_id: event })),
      )
      const disputes = fusion.disputes.map((dispute, position) => ({
        position,
        id: dispute.id,
        kind: dispute.kind,
        summary: dispute.summary,
        body: JSON.stringify(dispute),
        story: null,
      }))
      const control = fusion.control.map((state, position) => ({
        position,
        place: state.place.name,
        date: state.date,
        controller: state.controller,
        status: state.status,
        body: JSON.stringify(state),
        story: null,
      }))
      const timeline = fusion.timeline.map((entry, position) => ({
        position,
        claim_id: entry.claim,
        date_start: entry.date.start,
        date_end: entry.date.end,
        body: JSON.stringify(entry),
        story: null,
      }))
      const stories = fusion.stories.map((story, position) => ({
        position,
        id: storyId(story),
        body: JSON.stringify(story),
      }))
      const diagnostics = fusion.diagnostics.map((diagnostic, position) =>
        diagnosticRow(null, position, diagnostic),
      )
      for (const chunk of chunks(entities)) await db.insertInto('entities').values(chunk).execute()
      for (const chunk of chunks(claims)) await db.insertInto('claims').values(chunk).execute()
      for (const chunk of chunks(claimEvents))
        await db
          .insertInto('claim_events')
          .values(chunk)
          .onConflict((oc) => oc.doNothing())
          .execute()
      for (const chunk of chunks(disputes)) await db.insertInto('disputes').values(chunk).execute()
      for (const chunk of chunks(control))
        await db.insertInto('control_states').values(chunk).execute()
      for (const chunk of chunks(timeline)) await db.insertInto('timeline').values(chunk).execute()
      for (const chunk of chunks(stories)) await db.insertInto('stories').values(chunk).execute()
      for (const chunk of chunks(diagnostics))
        await db.insertInto('diagnostics').values(chunk).execute()
      for (const claim of claims) {
        await sql`INSERT INTO claims_fts (summary, claim_id) VALUES (${claim.summary}, ${claim.id})`.execute(
          db,
        )
      }
      await db
        .insertInto('picture')
        .values({
          singleton: 1,
          generated_at: fusion.generatedAt,
          extras: JSON.stringify(fusion.extras),
        })
        .execute()

      await db
        .updateTable('documents')
        .set({ duplicate_of: null, syndication_group: null })
        .execute()
      for (const link of fusion.documentLinks) {
        if (link.duplicateOf === null && link.syndicationGroup === null) continue
        await db
          .updateTable('documents')
          .set({ duplicate_of: link.duplicateOf, syndication_group: link.syndicationGroup })
          .where('id', '=', link.id)
          .execute()
      }
    })
  }

  replaceStories(update: StoryReplacement): Promise<void> {
    return this.write(async (db) => {
      if (update.all) {
        for (const table of FUSED_TABLES) await db.deleteFrom(table).execute()
        await db.deleteFrom('diagnostics').where('document_id', 'is', null).execute()
        await sql`DELETE FROM claims_fts`.execute(db)
        await db.deleteFrom('story_parts').execute()
        await db
          .updateTable('documents')
          .set({ duplicate_of: null, syndication_group: null })
          .execute()
      }
      for (const stories of chunks(update.all ? [] : update.remove)) {
        if (stories.length === 0) continue
        const claimIds = db.selectFrom('claims').select('id').where('story', 'in', stories)
        await sql`DELETE FROM claims_fts WHERE claim_id IN (${claimIds})`.execute(db)
        await db.deleteFrom('claim_events').where('claim_id', 'in', claimIds).execute()
        for (const table of [
          'entities',
          'claims',
          'disputes',
          'control_states',
          'timeline',
        ] as const)
          await db.deleteFrom(table).where('story', 'in', stories).execute()
        await db.deleteFrom('stories').where('id', 'in', stories).execute()
        await db.deleteFrom('story_parts').where('story', 'in', stories).execute()
        await db
          .updateTable('documents')
          .set({ duplicate_of: null, syndication_group: null })
          .where(
            'id',
            'in',
            db.selectFrom('document_stories').select('document_id').where('story', 'in', stories),
          )
          .execute()
      }
      for (const picture of update.stories) {
        const rows = storyRows(picture)
        const entities = rows.entities.map(({ position, story, entity }) => ({
          position,
          id: entity.id,
          kind: entity.kind,
          name: entity.name,
          body: JSON.stringify(entity),
          story,
        }))
        const claims = rows.claims.map(({ position, story, claim }) => ({
          position,
          id: claim.id,
          type: claim.type,
          status: claim.status,
          story,
          place: claim.place?.name ?? null,
          summary: claimSearchText(claim),
          body: JSON.stringify(claim),
        }))
        const claimEvents = picture.claims.flatMap((claim) =>
          [...new Set(claim.events)].map((event) => ({ claim_id: claim.id, event_id: event })),
        )
        const disputes = rows.disputes.map(({ position, story, dispute }) => ({
          position,
          id: dispute.id,
          kind: dispute.kind,
          summary: dispute.summary,
          body: JSON.stringify(dispute),
          story,
        }))
        const control = rows.control.map(({ position, story, state }) => ({
          position,
          place: state.place.name,
          date: state.date,
          controller: state.controller,
          status: state.status,
          body: JSON.stringify(state),
          story,
        }))
        const timeline = rows.timeline.map(({ position, story, entry }) => ({
          position,
          claim_id: entry.claim,
          date_start: entry.date.start,
          date_end: entry.date.end,
          body: JSON.stringify(entry),
          story,
        }))
        for (const chunk of chunks(entities))
          await db.insertInto('entities').values(chunk).execute()
        for (const chunk of chunks(claims)) await db.insertInto('claims').values(chunk).execute()
        for (const chunk of chunks(claimEvents))
          await db
            .insertInto('claim_events')
            .values(chunk)
            .onConflict((oc) => oc.doNothing())
            .execute()
        for (const chunk of chunks(disputes))
          await db.insertInto('disputes').values(chunk).execute()
        for (const chunk of chunks(control))
          await db.insertInto('control_states').values(chunk).execute()
        for (const chunk of chunks(timeline))
          await db.insertInto('timeline').values(chunk).execute()
        await db
          .insertInto('stories')
          .values({
            position: rows.summary.position,
            id: picture.story,
            body: JSON.stringify(rows.summary.body),
          })
          .execute()
        await db
          .insertInto('story_parts')
          .values({
            story: picture.story,
            ordinal: picture.ordinal,
            extras: JSON.stringify(picture.extras),
          })
          .execute()
        for (const claim of claims) {
          await sql`INSERT INTO claims_fts (summary, claim_id) VALUES (${claim.summary}, ${claim.id})`.execute(
            db,
          )
        }
        for (const link of picture.documentLinks) {
          if (link.duplicateOf === null && link.syndicationGroup === null) continue
          await db
            .updateTable('documents')
            .set({ duplicate_of: link.duplicateOf, syndication_group: link.syndicationGroup })
            .where('id', '=', link.id)
            .execute()
        }
      }
      await db
        .insertInto('picture')
        .values({ singleton: 1, generated_at: update.generatedAt, extras: '{}' })
        .onConflict((oc) =>
          oc.column('singleton').doUpdateSet({ generated_at: update.generatedAt }),
        )
        .execute()
    })
  }

  async listStoryFacts(
    stories: readonly string[],
  ): Promise<{ claims: readonly Claim[]; disputes: readonly Dispute[] }> {
    const claims: Claim[] = []
    const disputes: Dispute[] = []
    for (const chunk of chunks(stories)) {
      if (chunk.length === 0) continue
      for (const row of await this.db
        .selectFrom('claims')
        .select('body')
        .where('story', 'in', chunk)
        .orderBy('position')
        .execute())
        claims.push(JSON.parse(row.body) as Claim)
      for (const row of await this.db
        .selectFrom('disputes')
        .select('body')
        .where('story', 'in', chunk)
        .orderBy('position')
        .execute())
        disputes.push(JSON.parse(row.body) as Dispute)
    }
    return { claims, disputes }
  }

  putDocumentStories(rows: readonly DocumentStory[]): Promise<void> {
    return this.write(async (db) => {
      const values = rows.map((row) => ({
        document_id: row.documentId,
        story: row.story,
        ordinal: row.ordinal,
        features: JSON.stringify(row.features),
      }))
      for (const chunk of chunks(values))
        await db
          .insertInto('document_stories')
          .values(chunk)
          .onConflict((oc) =>
            oc.column('document_id').doUpdateSet((eb) => ({
              story: eb.ref('excluded.story'),
              ordinal: eb.ref('excluded.ordinal'),
              features: eb.ref('excluded.features'),
              stale: 0,
            })),
          )
          .execute()
    })
  }

  async listDocumentStories(): Promise<(DocumentStory & { current: boolean })[]> {
    const rows = await this.db
      .selectFrom('document_stories')
      .innerJoin('documents', 'documents.id', 'document_stories.document_id')
      .select([
        'document_stories.document_id',
        'document_stories.story',
        'document_stories.ordinal',
        'document_stories.features',
        'documents.superseded_by',
      ])
      .orderBy('documents.seq')
      .execute()
    return rows.map((row) => ({
      documentId: row.document_id,
      story: row.story,
      ordinal: row.ordinal,
      features: JSON.parse(row.features) as unknown,
      current: row.superseded_by === null,
    }))
  }

  async listUnfusedDocuments(options: { before?: string } = {}): Promise<UnfusedDocument[]> {
    let query = this.db
      .selectFrom('documents as d')
      .select(['d.id', 'd.revision_of'])
      .where('d.superseded_by', 'is', null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('document_facts as f')
            .select('f.document_id')
            .whereRef('f.document_id', '=', 'd.id'),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('document_stories as s')
              .select('s.document_id')
              .whereRef('s.document_id', '=', 'd.id')
              .where('s.stale', '=', 0),
          ),
        ),
      )
      .orderBy('d.seq')
    if (options.before !== undefined)
      query = query.where(
        'd.seq',
        '<',
        this.db.selectFrom('documents').select('seq').where('id', '=', options.before),
      )
    return (await query.execute()).map((row) => ({ id: row.id, revisionOf: row.revision_of }))
  }

  async getAnalysis(): Promise<Analysis> {
    if (this.inTransaction) return this.readAnalysis()
    // A deferred (read) transaction: one consistent snapshot of a WAL file, without taking the
    // write lock, so the server can read while an ingest runs in another process.
    return this.db.connection().execute(async (connection) => {
      await sql`BEGIN`.execute(connection)
      try {
        return await new SqliteStore(connection, this.location, true).readAnalysis()
      } finally {
        await sql`COMMIT`.execute(connection)
      }
    })
  }

  private async readAnalysis(): Promise<Analysis> {
    const db = this.db
    const documents = await db
      .selectFrom('documents')
      .selectAll()
      .where('superseded_by', 'is', null)
      .orderBy('seq')
      .execute()
    const current = sql<boolean>`document_id IN (SELECT id FROM documents WHERE superseded_by IS NULL)`
    const events = await db
      .selectFrom('events')
      .innerJoin('documents', 'documents.id', 'events.document_id')
      .select(['events.document_id', 'events.body'])
      .where('documents.superseded_by', 'is', null)
      .orderBy('documents.seq')
      .orderBy('events.position')
      .execute()
    const mentions = await db
      .selectFrom('mentions')
      .innerJoin('documents', 'documents.id', 'mentions.document_id')
      .select(['mentions.document_id', 'entity_id', 'start', 'end', 'quote'])
      .where('documents.superseded_by', 'is', null)
      .orderBy('documents.seq')
      .orderBy('mentions.position')
      .execute()
    const diagnostics = await db
      .selectFrom('diagnostics')
      .select(['document_id', 'body'])
      .where(current)
      .orderBy('document_id')
      .orderBy('position')
      .execute()
    const picture = await db.selectFrom('picture').selectAll().executeTakeFirst()

    const extractions = new Map<
      string,
      {
        events: AnalysisEvent[]
        mentions: DocumentExtraction['mentions'][number][]
        diagnostics: Diagnostic[]
      }
    >()
    for (const row of documents)
      extractions.set(row.id, { events: [], mentions: [], diagnostics: [] })
    for (const row of events)
      extractions.get(row.document_id)?.events.push(JSON.parse(row.body) as AnalysisEvent)
    for (const row of mentions) {
      extractions.get(row.document_id)?.mentions.push({
        entity: row.entity_id,
        span: { doc: row.document_id, start: row.start, end: row.end, text: row.quote },
      })
    }
    for (const row of diagnostics) {
      if (row.document_id !== null)
        extractions.get(row.document_id)?.diagnostics.push(JSON.parse(row.body) as Diagnostic)
    }

    const parts = await db.selectFrom('story_parts').selectAll().orderBy('ordinal').execute()
    // A picture kept by story is joined as FusionState joins its stories.
    const layer =
      parts.length === 0
        ? {
            entities: await bodies<Entity>(db, 'entities'),
            claims: await bodies<Claim>(db, 'claims'),
            disputes: await bodies<Dispute>(db, 'disputes'),
            control: await bodies<ControlState>(db, 'control_states'),
            timeline: await bodies<TimelineEntry>(db, 'timeline'),
            stories: await bodies<unknown>(db, 'stories'),
            extras: {},
          }
        : joinStoredStories({
            parts: parts.map((part) => ({
              story: part.story,
              extras: JSON.parse(part.extras) as Record<string, unknown>,
            })),
            entities: await storyBodies<Entity>(db, 'entities'),
            claims: await storyBodies<Claim>(db, 'claims'),
            disputes: await storyBodies<Dispute>(db, 'disputes'),
            control: await storyBodies<ControlState>(db, 'control_states'),
            timeline: await storyBodies<TimelineEntry>(db, 'timeline'),
            stories: (
              await db.selectFrom('stories').select(['id', 'body']).orderBy('position').execute()
            ).map((row) => ({ story: row.id, body: JSON.parse(row.body) as unknown })),
          })
    const fusion: FusedPicture | null = picture
      ? {
          generatedAt: picture.generated_at,
          extras: { ...(JSON.parse(picture.extras) as Record<string, unknown>), ...layer.extras },
          entities: layer.entities,
          claims: layer.claims,
          disputes: layer.disputes,
          control: layer.control,
          timeline: layer.timeline,
          stories: layer.stories,
          diagnostics: (
            await db
              .selectFrom('diagnostics')
              .select('body')
              .where('document_id', 'is', null)
              .orderBy('position')
              .execute()
          ).map((row) => JSON.parse(row.body) as Diagnostic),
          documentLinks: [],
        }
      : null
    return assembleAnalysis({
      documents: documents.map((row) =>
        toAnalysisDocument(toStoredDocument(row), {
          duplicateOf: row.duplicate_of,
          syndicationGroup: row.syndication_group,
        }),
      ),
      extractions: [...extractions].map(([documentId, found]) => ({ documentId, ...found })),
      fusion,
    })
  }

  appendHistory(entry: NewHistoryEntry): Promise<HistoryEntry> {
    return this.write(async (db) => {
      const row = await db
        .insertInto('history')
        .values({
          at: entry.at,
          kind: entry.kind,
          inputs: JSON.stringify(entry.inputs),
          documents_added: JSON.stringify(entry.documentsAdded),
          changes: JSON.stringify(entry.changes),
          counts: JSON.stringify(entry.counts),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { ...entry, id: row.id }
    })
  }

  async listHistory(options: { limit?: number } = {}): Promise<HistoryEntry[]> {
    let query = this.db.selectFrom('history').selectAll().orderBy('id', 'desc')
    if (options.limit !== undefined) query = query.limit(options.limit)
    return (await query.execute()).map((row) => ({
      id: row.id,
      at: row.at,
      kind: row.kind as HistoryEntry['kind'],
      inputs: JSON.parse(row.inputs) as string[],
      documentsAdded: JSON.parse(row.documents_added) as string[],
      changes: JSON.parse(row.changes) as Record<string, unknown>,
      counts: JSON.parse(row.counts) as Record<string, number>,
    }))
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchResult> {
    const match = toFtsQuery(query)
    if (match === null) return { documents: [], claims: [] }
    const limit = options.limit ?? 20
    const documents = await sql<{
      id: string
      title: string | null
      outlet: string | null
      published: string | null
      snippet: string
    }>`
      SELECT d.id, d.title, d.outlet, d.published,
        snippet(documents_fts, 1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 24) AS snippet
      FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
      WHERE documents_fts MATCH ${match} AND d.superseded_by IS NULL
      ORDER BY bm25(documents_fts, 4.0, 1.0), d.seq
      LIMIT ${limit}`.execute(this.db)
    const claims = await sql<{ id: string; status: string; body: string; snippet: string }>`
      SELECT c.id, c.status, c.body,
        snippet(claims_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 24) AS snippet
      FROM claims_fts JOIN claims c ON c.id = claims_fts.claim_id
      WHERE claims_fts MATCH ${match}
      ORDER BY bm25(claims_fts), c.position
      LIMIT ${limit}`.execute(this.db)
    return {
      documents: documents.rows,
      claims: claims.rows.map((row) => ({
        id: row.id,
        status: row.status,
        summary: claimSummary(JSON.parse(row.body) as Analysis['claims'][number]),
        snippet: row.snippet,
      })),
    }
  }

  async counts(): Promise<StoreCounts> {
    const row = await sql<Record<keyof StoreCounts, number>>`
      SELECT
        (SELECT count(*) FROM documents WHERE superseded_by IS NULL) AS documents,
        (SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL) AS revisions,
        (SELECT count(*) FROM events) AS events,
        (SELECT count(DISTINCT id) FROM entities) AS entities,
        (SELECT count(*) FROM claims) AS claims,
        (SELECT count(*) FROM disputes) AS disputes,
        (SELECT count(*) FROM stories) AS stories,
        (SELECT count(*) FROM diagnostics) AS diagnostics,
        (SELECT count(*) FROM history) AS history`.execute(this.db)
    return row.rows[0]!
  }

  async lastUpdate(): Promise<StoreVersion> {
    const row = await this.db
      .selectFrom('store_version')
      .select(['version', 'at'])
      .where('singleton', '=', 1)
      .executeTakeFirstOrThrow()
    return { version: row.version, at: row.at }
  }

  async close(): Promise<void> {
    if (this.inTransaction)
      throw new Error('close: called on a transaction store; close the outer store')
    await this.db.destroy()
  }
}

/** The stored id: the document's own when free, else `<id>-2`, `<id>-3` … */
async function freeId(db: Kysely<Database>, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`
    const taken = await db
      .selectFrom('documents')
      .select('id')
      .where('id', '=', candidate)
      .executeTakeFirst()
    if (!taken) return candidate
  }
}

async function bumpVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('store_version')
    .set((eb) => ({ version: eb('version', '+', 1), at: new Date().toISOString() }))
    .where('singleton', '=', 1)
    .execute()
}

async function deleteExtraction(db: Kysely<Database>, documentId: string): Promise<void> {
  await db.deleteFrom('events').where('document_id', '=', documentId).execute()
  await db.deleteFrom('mentions').where('document_id', '=', documentId).execute()
  await db.deleteFrom('diagnostics').where('document_id', '=', documentId).execute()
  await db.deleteFrom('document_facts').where('document_id', '=', documentId).execute()
}

async function storyBodies<T>(
  db: Kysely<Database>,
  table: 'entities' | 'claims' | 'disputes' | 'control_states' | 'timeline',
): Promise<StoryRows<T>[]> {
  const rows = await db.selectFrom(table).select(['story', 'body']).orderBy('position').execute()
  return rows.map((row) => ({ story: row.story, body: JSON.parse(row.body) as T }))
}

/** Tables of the fused picture, all dropped by a whole replacement. */
const FUSED_TABLES = [
  'entities',
  'claims',
  'claim_events',
  'disputes',
  'control_states',
  'timeline',
  'stories',
  'picture',
] as const

async function bodies<T>(
  db: Kysely<Database>,
  table: 'entities' | 'claims' | 'disputes' | 'control_states' | 'timeline' | 'stories',
): Promise<T[]> {
  const rows = await db.selectFrom(table).select('body').orderBy('position').execute()
  return rows.map((row) => JSON.parse(row.body) as T)
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH)
}
