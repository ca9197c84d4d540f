import { CompiledQuery, type Generated, Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
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
import { InputError } from '../../ingest/input-error.js'
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
import type {
  DocumentExtraction,
  DocumentStory,
  FusedPicture,
  HistoryEntry,
  NewDocument,
  NewHistoryEntry,
  PutDocumentResult,
  SearchResult,
  Store,
  StoreCounts,
  StoredDocument,
  StoreVersion,
  StoryReplacement,
  UnfusedDocument,
} from '../store.js'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../store.js'
import { POSTGRES_MIGRATIONS } from './migrations/index.js'
import { toSearchWords } from './search-words.js'

interface DocumentsTable extends DocumentRow {
  seq: Generated<number>
  duplicate_of: string | null
  syndication_group: string | null
}

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

interface Database {
  documents: DocumentsTable
  events: EventsTable
  mentions: SpanColumns & { entity_id: string }
  diagnostics: {
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
  document_facts: { document_id: string; entities: string }
  story_parts: { story: string; ordinal: number; extras: string }
  document_stories: {
    document_id: string
    story: string
    ordinal: number
    features: string
    stale: Generated<boolean>
  }
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
  store_version: { singleton: number; version: string; at: string | null }
  schema_migrations: { name: string; applied_at: string }
}

/** Rows per INSERT: PostgreSQL binds at most 65,535 values; 14 columns × 1,000 stays below. */
const BATCH = 1000

/**
 * Advisory lock keys (first half: a namespace, 'tr'). Transaction-scoped, so a killed process
 * never leaves one held: PostgreSQL releases it with the connection.
 */
const LOCK_NAMESPACE = 0x7472
export const LOCKS = {
  /** Document inserts: choosing a free id and a revision must not race another ingest. */
  documents: 1,
  /** The fused picture: one writer at a time (see src/worker/fuse-picture.ts). */
  picture: 2,
  /** `triangulate migrate`. */
  migrate: 3,
} as const

export interface PostgresStoreOptions {
  /** Connections in this process's pool (default 4: a worker uses one at a time, plus reads). */
  readonly poolSize?: number
}

/**
 * Opens the PostgreSQL store at `url`. The schema must be current: it is changed only by
 * `triangulate migrate` (`migratePostgres`), never as a side effect of opening, because many
 * workers on many machines open the same database and a deploy migrates once.
 *
 * @example
 * await migratePostgres(process.env.TRIANGULATE_DATABASE_URL!)
 * const store = await openPostgresStore(process.env.TRIANGULATE_DATABASE_URL!)
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 4 })
  // An idle client losing its connection (server restart) must not crash the process; the
  // next query reconnects.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    const pending = await pendingMigrations(db)
    if (pending.length > 0) {
      throw new InputError(
        redact(url),
        `the database schema is not current (${pending.length} migration${pending.length === 1 ? '' : 's'} to apply): run \`triangulate migrate --db URL\``,
      )
    }
  } catch (error) {
    await db.destroy()
    if (error instanceof InputError) throw error
    throw new InputError(redact(url), `cannot use the PostgreSQL database (${describe(error)})`, {
      cause: error,
    })
  }
  return new PostgresStore(db, redact(url), null)
}

/**
 * Applies the migrations `url` lacks and returns their names. Safe to run from several machines
 * at once (an advisory lock makes the second wait, then find nothing to do).
 */
export async function migratePostgres(url: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCKS.migrate})`.execute(tx)
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)`.execute(
        tx,
      )
      const applied = new Set(
        (await tx.selectFrom('schema_migrations').select('name').execute()).map((row) => row.name),
      )
      const done: string[] = []
      for (const migration of POSTGRES_MIGRATIONS) {
        if (applied.has(migration.name)) continue
        await tx.executeQuery(CompiledQuery.raw(migration.up))
        await tx
          .insertInto('schema_migrations')
          .values({ name: migration.name, applied_at: new Date().toISOString() })
          .execute()
        done.push(migration.name)
      }
      return done
    })
  } catch (error) {
    throw new InputError(redact(url), `migration failed (${describe(error)})`, { cause: error })
  } finally {
    await db.destroy()
  }
}

async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{
    found: string | null
  }>`SELECT to_regclass('schema_migrations')::text AS found`.execute(db)
  if (!exists.rows[0]?.found) return POSTGRES_MIGRATIONS.map((migration) => migration.name)
  const applied = new Set(
    (await db.selectFrom('schema_migrations').select('name').execute()).map((row) => row.name),
  )
  return POSTGRES_MIGRATIONS.map((migration) => migration.name).filter((name) => !applied.has(name))
}

/** What one open transaction knows: whether it wrote (then the version is bumped at commit). */
interface TransactionState {
  wrote: boolean
}

/**
 * The Store on PostgreSQL. Beyond the interface it offers what the queue and workers need:
 * `executeSql` (so pg-boss enqueues inside the store's transaction: a document and its job
 * commit together), `lockPicture` and the raw `database` for the worker's status queries.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres'

  constructor(
    private readonly db: Kysely<Database>,
    readonly location: string,
    private readonly tx: TransactionState | null,
  ) {}

  /**
   * Runs one SQL statement on this store's connection (inside its transaction, when it is a
   * transaction store). The shape is pg-boss's `db` adapter: `{ rows }`.
   */
  async executeSql(text: string, values: readonly unknown[] = []): Promise<{ rows: unknown[] }> {
    const result = await this.db.executeQuery(CompiledQuery.raw(text, [...values]))
    return { rows: [...result.rows] }
  }

  /** Takes the picture's advisory lock until this transaction ends (only in a transaction). */
  async lockPicture(): Promise<void> {
    if (this.tx === null) throw new Error('lockPicture: call it inside withTransaction')
    await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCKS.picture})`.execute(this.db)
  }

  async withTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.tx !== null) return fn(this)
    return this.db.transaction().execute(async (trx) => {
      const state: TransactionState = { wrote: false }
      const result = await fn(new PostgresStore(trx, this.location, state))
      // Last statement before COMMIT: every writer updates this one row, so it is locked for
      // the shortest possible time, and a version that readers see is always committed.
      if (state.wrote) await bumpVersion(trx)
      return result
    })
  }

  /** Typed access for code of this backend that reads across the interface (worker status). */
  transactionStore<T>(fn: (tx: PostgresStore) => Promise<T>): Promise<T> {
    return this.withTransaction((tx) => fn(tx as PostgresStore))
  }

  /** Runs a write in a transaction (joining the current one) and marks it for a version bump. */
  private write<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.transactionStore(async (tx) => {
      tx.tx!.wrote = true
      return fn(tx.db)
    })
  }

  /**
   * A consistent read of several statements (REPEATABLE READ, read only): a picture read while
   * a worker commits is either before or after that commit, never half of it.
   */
  private snapshot<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.tx !== null) return fn(this.db)
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(fn)
  }

  putDocument(input: NewDocument): Promise<PutDocumentResult> {
    return this.transactionStore(async (tx) => {
      const db = tx.db
      // Serialises document inserts across processes until this ingest commits: the free id
      // and the current revision chosen below stay true (SQLite gets this from BEGIN IMMEDIATE).
      await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCKS.documents})`.execute(db)
      const existing = await db
        .selectFrom('documents')
        .select('id')
        .where('content_hash', '=', input.contentHash)
        .executeTakeFirst()
      // Known content writes nothing, so the version (what pollers watch) stays put.
      if (existing) return { status: 'unchanged', id: existing.id, revisionOf: null }
      tx.tx!.wrote = true

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
      await db
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
        .execute()
      if (previous) {
        await db
          .updateTable('documents')
          .set({ superseded_by: id })
          .where('id', '=', previous.id)
          .execute()
        await deleteExtraction(db, previous.id)
      }
      return { status: 'inserted', id, revisionOf: previous?.id ?? null }
    })
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = await selectDocuments(this.db).where('id', '=', id).executeTakeFirst()
    return row ? toStoredDocument(row) : null
  }

  async getDocumentByHash(contentHash: string): Promise<StoredDocument | null> {
    const row = await selectDocuments(this.db)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst()
    return row ? toStoredDocument(row) : null
  }

  async listDocuments(
    options: { includeSuperseded?: boolean; ids?: readonly string[] } = {},
  ): Promise<StoredDocument[]> {
    if (options.ids !== undefined) {
      if (options.ids.length === 0) return []
      const rows = await selectDocuments(this.db)
        .where('id', '=', sql<string>`ANY(${[...options.ids]})`)
        .orderBy('seq')
        .execute()
      return rows.map(toStoredDocument)
    }
    let query = selectDocuments(this.db).orderBy('seq')
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
      if (extractions.length === 0) return
      const ids = [...new Set(extractions.map((extraction) => extraction.documentId))]
      const known = new Set(
        (await db.selectFrom('documents').select('id').where('id', 'in', ids).execute()).map(
          (row) => row.id,
        ),
      )
      const missing = ids.filter((id) => !known.has(id))
      if (missing.length > 0)
        throw new Error(`replaceExtractions: no document ${missing.join(', ')} in the store`)
      for (const table of ['events', 'mentions', 'diagnostics', 'document_facts'] as const)
        await db.deleteFrom(table).where('document_id', 'in', ids).execute()
      // A document already in a story: its story was fused from the old facts.
      await db
        .updateTable('document_stories')
        .set({ stale: true })
        .where('document_id', 'in', ids)
        .where('stale', '=', false)
        .execute()

      const events = extractions.flatMap((extraction) =>
        extraction.events.map((event, position) =>
          eventRow(extraction.documentId, position, event),
        ),
      )
      const mentions = extractions.flatMap((extraction) =>
        extraction.mentions.map((mention, position) => ({
          document_id: extraction.documentId,
          position,
          entity_id: mention.entity,
          start: mention.span.start,
          end: mention.span.end,
          quote: mention.span.text,
          stage: 'mentions',
          rule: null,
        })),
      )
      const diagnostics = extractions.flatMap((extraction) =>
        extraction.diagnostics.map((diagnostic, position) =>
          diagnosticRow(extraction.documentId, position, diagnostic),
        ),
      )
      const facts = extractions.flatMap((extraction) =>
        extraction.entities === undefined
          ? []
          : [{ document_id: extraction.documentId, entities: JSON.stringify(extraction.entities) }],
      )
      for (const chunk of chunks(events)) await db.insertInto('events').values(chunk).execute()
      for (const chunk of chunks(mentions)) await db.insertInto('mentions').values(chunk).execute()
      for (const chunk of chunks(diagnostics))
        await db.insertInto('diagnostics').values(chunk).execute()
      // A document named twice in one call keeps its last facts, as sequential calls would.
      for (const chunk of chunks(facts))
        await db
          .insertInto('document_facts')
          .values(chunk)
          .onConflict((oc) =>
            oc
              .column('document_id')
              .doUpdateSet((eb) => ({ entities: eb.ref('excluded.entities') })),
          )
          .execute()
    })
  }

  async getExtraction(documentId: string): Promise<DocumentExtraction | null> {
    return this.snapshot(async (db) => {
      const known = await db
        .selectFrom('documents')
        .select('id')
        .where('id', '=', documentId)
        .executeTakeFirst()
      if (!known) return null
      return (await readExtractions(db, [documentId]))[0] ?? null
    })
  }

  listExtractions(
    options: { documentIds?: readonly string[] } = {},
  ): Promise<DocumentExtraction[]> {
    const ids = options.documentIds ?? null
    if (ids !== null && ids.length === 0) return Promise.resolve([])
    return this.snapshot((db) => readExtractions(db, ids))
  }

  replaceFusion(fusion: FusedPicture): Promise<void> {
    return this.write(async (db) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCKS.picture})`.execute(db)
      // TRUNCATE would take an ACCESS EXCLUSIVE lock and block every reader of the picture
      // until commit; DELETE lets readers keep reading the previous picture meanwhile.
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
      const claimEvents = [
        ...new Map(
          fusion.claims.flatMap((claim) =>
            claim.events.map((event) => [
              `${claim.id}\u0000${event}`,
              { claim_id: claim.id, event_id: event },
            ]),
          ),
        ).values(),
      ]
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
        await db.insertInto('claim_events').values(chunk).execute()
      for (const chunk of chunks(disputes)) await db.insertInto('disputes').values(chunk).execute()
      for (const chunk of chunks(control))
        await db.insertInto('control_states').values(chunk).execute()
      for (const chunk of chunks(timeline)) await db.insertInto('timeline').values(chunk).execute()
      for (const chunk of chunks(stories)) await db.insertInto('stories').values(chunk).execute()
      for (const chunk of chunks(diagnostics))
        await db.insertInto('diagnostics').values(chunk).execute()
      await db
        .insertInto('picture')
        .values({
          singleton: 1,
          generated_at: fusion.generatedAt,
          extras: JSON.stringify(fusion.extras),
        })
        .execute()

      // Links: clear the rows that have one, then set the new ones in one statement (a
      // million-document store must not get a million UPDATEs).
      await db
        .updateTable('documents')
        .set({ duplicate_of: null, syndication_group: null })
        .where((eb) =>
          eb.or([eb('duplicate_of', 'is not', null), eb('syndication_group', 'is not', null)]),
        )
        .execute()
      const links = fusion.documentLinks.filter(
        (link) => link.duplicateOf !== null || link.syndicationGroup !== null,
      )
      for (const chunk of chunks(links)) {
        await sql`
          UPDATE documents d
          SET duplicate_of = l."duplicateOf", syndication_group = l."syndicationGroup"
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
            AS l(id text, "duplicateOf" text, "syndicationGroup" text)
          WHERE d.id = l.id`.execute(db)
      }
    })
  }

  replaceStories(update: StoryReplacement): Promise<void> {
    return this.write(async (db) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCKS.picture})`.execute(db)
      if (update.all) {
        for (const table of FUSED_TABLES) await db.deleteFrom(table).execute()
        await db.deleteFrom('diagnostics').where('document_id', 'is', null).execute()
        await db.deleteFrom('story_parts').execute()
        await db
          .updateTable('documents')
          .set({ duplicate_of: null, syndication_group: null })
          .where((eb) =>
            eb.or([eb('duplicate_of', 'is not', null), eb('syndication_group', 'is not', null)]),
          )
          .execute()
      }
      const remove = update.all ? [] : [...update.remove]
      if (remove.length > 0) {
        const stories = sql<string>`ANY(${remove})`
        const claimIds = db.selectFrom('claims').select('id').where('story', '=', stories)
        await db.deleteFrom('claim_events').where('claim_id', 'in', claimIds).execute()
        for (const table of [
          'entities',
          'claims',
          'disputes',
          'control_states',
          'timeline',
        ] as const)
          await db.deleteFrom(table).where('story', '=', stories).execute()
        await db.deleteFrom('stories').where('id', '=', stories).execute()
        await db.deleteFrom('story_parts').where('story', '=', stories).execute()
        await db
          .updateTable('documents')
          .set({ duplicate_of: null, syndication_group: null })
          .where(
            'id',
            'in',
            db.selectFrom('document_stories').select('document_id').where('story', '=', stories),
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
        const claimEvents = [
          ...new Map(
            picture.claims.flatMap((claim) =>
              claim.events.map((event) => [
                `${claim.id}\u0000${event}`,
                { claim_id: claim.id, event_id: event },
              ]),
            ),
          ).values(),
        ]
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
          await db.insertInto('claim_events').values(chunk).execute()
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
        const links = picture.documentLinks.filter(
          (link) => link.duplicateOf !== null || link.syndicationGroup !== null,
        )
        for (const chunk of chunks(links)) {
          await sql`
            UPDATE documents d
            SET duplicate_of = l."duplicateOf", syndication_group = l."syndicationGroup"
            FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
              AS l(id text, "duplicateOf" text, "syndicationGroup" text)
            WHERE d.id = l.id`.execute(db)
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
    if (stories.length === 0) return { claims: [], disputes: [] }
    const inStories = sql<string>`ANY(${[...stories]})`
    const claims = await this.db
      .selectFrom('claims')
      .select('body')
      .where('story', '=', inStories)
      .orderBy('position')
      .execute()
    const disputes = await this.db
      .selectFrom('disputes')
      .select('body')
      .where('story', '=', inStories)
      .orderBy('position')
      .execute()
    return {
      claims: claims.map((row) => JSON.parse(row.body) as Claim),
      disputes: disputes.map((row) => JSON.parse(row.body) as Dispute),
    }
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
              stale: false,
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
    // An anti-join over indexed keys: the documents table is read once, whatever the backlog.
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
              .where('s.stale', '=', false),
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

  /**
   * The current documents under the given revision keys (URLs, paths), by key: one indexed
   * query, where `listDocuments()` would read every text in the library.
   */
  async currentByRevisionKeys(keys: readonly string[]): Promise<Map<string, StoredDocument>> {
    const found = new Map<string, StoredDocument>()
    if (keys.length === 0) return found
    const rows = await selectDocuments(this.db)
      .where('revision_key', '=', sql<string>`ANY(${[...new Set(keys)]})`)
      .where('superseded_by', 'is', null)
      .execute()
    for (const row of rows) found.set(row.revision_key!, toStoredDocument(row))
    return found
  }

  /** Whether a document is stored and current (not superseded by a newer revision). */
  async isCurrent(documentId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('documents')
      .select('id')
      .where('id', '=', documentId)
      .where('superseded_by', 'is', null)
      .executeTakeFirst()
    return row !== undefined
  }

  getAnalysis(): Promise<Analysis> {
    return this.snapshot((db) => readAnalysis(db))
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
    const words = toSearchWords(query)
    if (words.length === 0) return { documents: [], claims: [] }
    const limit = options.limit ?? 20
    // Each word becomes a phrase query over its own tokens (`al-Assad` → al <-> assad), all
    // words joined by AND: built from bound values, so no input is query syntax.
    const tsquery = sql.join(
      words.map((word) => sql`phraseto_tsquery('simple', ${word})`),
      sql` && `,
    )
    const headline = `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…`
    const documents = await sql<{
      id: string
      title: string | null
      outlet: string | null
      published: string | null
      snippet: string
    }>`
      WITH q AS (SELECT ${tsquery} AS q),
      hits AS (
        SELECT d.id, d.title, d.outlet, d.published, d.text, d.seq,
          ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.search, q.q) AS rank
        FROM documents d, q
        WHERE d.search @@ q.q AND d.superseded_by IS NULL
        ORDER BY rank DESC, d.seq
        LIMIT ${limit}
      )
      SELECT hits.id, hits.title, hits.outlet, hits.published,
        ts_headline('simple', hits.text, q.q, ${headline}) AS snippet
      FROM hits, q
      ORDER BY hits.rank DESC, hits.seq`.execute(this.db)
    const claims = await sql<{ id: string; status: string; body: string; snippet: string }>`
      WITH q AS (SELECT ${tsquery} AS q)
      SELECT c.id, c.status, c.body,
        ts_headline('simple', c.summary, q.q, ${headline}) AS snippet
      FROM claims c, q
      WHERE c.search @@ q.q
      ORDER BY ts_rank_cd(c.search, q.q) DESC, c.position
      LIMIT ${limit}`.execute(this.db)
    return {
      documents: documents.rows.map((row) => ({
        id: row.id,
        title: row.title,
        outlet: row.outlet,
        published: row.published,
        snippet: row.snippet,
      })),
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
        (SELECT count(*) FROM documents WHERE superseded_by IS NULL)::int AS documents,
        (SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL)::int AS revisions,
        (SELECT count(*) FROM events)::int AS events,
        (SELECT count(DISTINCT id) FROM entities)::int AS entities,
        (SELECT count(*) FROM claims)::int AS claims,
        (SELECT count(*) FROM disputes)::int AS disputes,
        (SELECT count(*) FROM stories)::int AS stories,
        (SELECT count(*) FROM diagnostics)::int AS diagnostics,
        (SELECT count(*) FROM history)::int AS history`.execute(this.db)
    return row.rows[0]!
  }

  async lastUpdate(): Promise<StoreVersion> {
    const row = await this.db
      .selectFrom('store_version')
      .select(['version', 'at'])
      .where('singleton', '=', 1)
      .executeTakeFirstOrThrow()
    return { version: Number(row.version), at: row.at }
  }

  async close(): Promise<void> {
    if (this.tx !== null)
      throw new Error('close: called on a transaction store; close the outer store')
    await this.db.destroy()
  }
}

function selectDocuments(db: Kysely<Database>) {
  return db
    .selectFrom('documents')
    .select([
      'seq',
      'id',
      'content_hash',
      'byte_length',
      'revision_key',
      'revision_of',
      'superseded_by',
      'ingested_at',
      'source',
      'outlet',
      'url',
      'published',
      'published_from',
      'title',
      'author',
      'language',
      'text',
      'metadata',
      'duplicate_of',
      'syndication_group',
    ])
}

/** Extractions of the given documents, or of every current one (null), in ingest order. */
async function readExtractions(
  db: Kysely<Database>,
  ids: readonly string[] | null,
): Promise<DocumentExtraction[]> {
  let documents = db.selectFrom('documents').select('id').orderBy('seq')
  documents =
    ids === null
      ? documents.where('superseded_by', 'is', null)
      : documents.where('id', 'in', [...ids])
  const order = await documents.execute()
  if (order.length === 0) return []
  const inScope =
    ids === null
      ? sql<boolean>`document_id IN (SELECT id FROM documents WHERE superseded_by IS NULL)`
      : sql<boolean>`document_id = ANY(${[...ids]})`
  // One statement per table, sequential: a transaction's statements share one connection.
  const events = await db
    .selectFrom('events')
    .select(['document_id', 'body'])
    .where(inScope)
    .orderBy('document_id')
    .orderBy('position')
    .execute()
  const mentions = await db
    .selectFrom('mentions')
    .select(['document_id', 'entity_id', 'start', 'end', 'quote'])
    .where(inScope)
    .orderBy('document_id')
    .orderBy('position')
    .execute()
  const diagnostics = await db
    .selectFrom('diagnostics')
    .select(['document_id', 'body'])
    .where(inScope)
    .orderBy('document_id')
    .orderBy('position')
    .execute()
  const facts = await db.selectFrom('document_facts').selectAll().where(inScope).execute()
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

async function readAnalysis(db: Kysely<Database>): Promise<Analysis> {
  const documents = await selectDocuments(db)
    .where('superseded_by', 'is', null)
    .orderBy('seq')
    .execute()
  const extractions = (await readExtractions(db, null)).map(
    ({ entities: _own, ...extraction }) => extraction,
  )
  const picture = await db.selectFrom('picture').selectAll().executeTakeFirst()
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
    extractions,
    fusion,
  })
}

/** The stored id: the document's own when free, else `<id>-2`, `<id>-3` … */
async function freeId(db: Kysely<Database>, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('documents')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', wanted), eb('id', 'like', `${escapeLike(wanted)}-%`)]))
        .execute()
    ).map((row) => row.id),
  )
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

async function bumpVersion(db: Kysely<Database>): Promise<void> {
  await sql`UPDATE store_version SET version = version + 1, at = ${new Date().toISOString()} WHERE singleton = 1`.execute(
    db,
  )
}

async function deleteExtraction(db: Kysely<Database>, documentId: string): Promise<void> {
  for (const table of ['events', 'mentions', 'diagnostics', 'document_facts'] as const)
    await db.deleteFrom(table).where('document_id', '=', documentId).execute()
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

/** A connection URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@')
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: string }).code
  return code && !message.includes(code) ? `${code}: ${message}` : message || String(code)
}
