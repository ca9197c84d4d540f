import { z } from 'zod'
import { EVENT_TYPES } from '../core/model/analysis.js'

/**
 * Request schemas of every route, in one place: the routes validate with them and the OpenAPI
 * document is generated from them (`z.toJSONSchema`), so the two cannot drift. Query objects
 * are strict: an unknown parameter (`?stauts=`) is a 400, not a silently ignored filter.
 */

/** Largest page a list route returns; bigger `limit` values are refused, not clipped. */
export const MAX_LIMIT = 500
export const DEFAULT_LIMIT = 50

const CLAIM_STATUSES = ['corroborated', 'single-source', 'disputed'] as const
const CONTROL_STATUSES = ['claimed', 'corroborated', 'disputed'] as const
const STANCES = ['asserted', 'denied', 'hedged'] as const
const DISPUTE_KINDS = ['stance', 'framing', 'controller', 'date', 'number'] as const
const ENTITY_KINDS = ['place', 'actor', 'person', 'organization', 'country'] as const

/** A calendar day, `YYYY-MM-DD`, that exists (2025-02-30 is refused). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'not a real calendar date')

const Words = z.string().trim().min(1).max(200)

const paging = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe('page size'),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0).describe('items to skip'),
}
const dateRange = {
  from: Day.optional().describe(
    'first day (inclusive) of the date range; undated items are left out',
  ),
  to: Day.optional().describe('last day (inclusive) of the date range'),
}
const story = { story: Words.optional().describe('story id') }
const place = { place: Words.optional().describe('place entity id, name or alias') }
const actor = { actor: Words.optional().describe('actor entity id, name, alias or side code') }
const outlet = { outlet: Words.optional().describe('outlet name (case-insensitive)') }

/** Rejects `from` after `to`, the one cross-field mistake a date filter invites. */
function orderedRange<T extends z.ZodObject>(schema: T) {
  return schema.refine(
    (value: { from?: string; to?: string }) =>
      value.from === undefined || value.to === undefined || value.from <= value.to,
    {
      message: '"from" is after "to"',
      path: ['from'],
    },
  )
}

export const DocumentsQuery = orderedRange(
  z.strictObject({
    ...paging,
    ...dateRange,
    ...story,
    ...place,
    ...actor,
    ...outlet,
    q: Words.optional().describe('words in the title or outlet'),
  }),
)
export const EventsQuery = orderedRange(
  z.strictObject({
    ...paging,
    ...dateRange,
    ...story,
    ...place,
    ...actor,
    ...outlet,
    status: z.enum(CLAIM_STATUSES).optional().describe("status of the event's claim"),
    type: z.enum(EVENT_TYPES).optional(),
    stance: z.enum(STANCES).optional(),
    doc: Words.optional().describe('document id'),
  }),
)
export const ClaimsQuery = orderedRange(
  z.strictObject({
    ...paging,
    ...dateRange,
    ...story,
    ...place,
    ...actor,
    ...outlet,
    status: z.enum(CLAIM_STATUSES).optional(),
    type: z.enum(EVENT_TYPES).optional(),
  }),
)
export const DisputesQuery = orderedRange(
  z.strictObject({
    ...paging,
    ...dateRange,
    ...story,
    ...place,
    ...actor,
    ...outlet,
    kind: z.enum(DISPUTE_KINDS).optional(),
    type: z.enum(EVENT_TYPES).optional(),
  }),
)
export const ControlQuery = orderedRange(
  z.strictObject({
    ...paging,
    ...dateRange,
    ...story,
    ...place,
    ...actor,
    status: z.enum(CONTROL_STATUSES).optional(),
  }),
)
export const TimelineQuery = orderedRange(
  z.strictObject({
    ...paging,
    ...dateRange,
    ...story,
    ...place,
    ...actor,
    ...outlet,
    status: z.enum(CLAIM_STATUSES).optional(),
    type: z.enum(EVENT_TYPES).optional(),
  }),
)
export const EntitiesQuery = z.strictObject({
  ...paging,
  ...outlet,
  kind: z.enum(ENTITY_KINDS).optional(),
  q: Words.optional().describe('words in a name or alias'),
})
export const OutletsQuery = orderedRange(z.strictObject({ ...paging, ...dateRange, ...outlet }))
export const StoriesQuery = z.strictObject({ ...paging })
export const SearchQuery = z.strictObject({
  ...paging,
  q: Words.describe('words to find (all must match, case-insensitive)'),
})

/** Longest article text accepted by `POST /api/documents` (characters). */
export const MAX_ARTICLE_CHARS = 2_000_000

export const NewArticleBody = z
  .strictObject({
    text: z
      .string()
      .min(1)
      .max(MAX_ARTICLE_CHARS)
      .optional()
      .describe('plain text, optionally with a "key: value" header block'),
    html: z
      .string()
      .min(1)
      .max(MAX_ARTICLE_CHARS)
      .optional()
      .describe('an HTML page; its main text is extracted'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe('where the article was found (metadata; never fetched)'),
    outlet: z.string().trim().min(1).max(200).optional(),
    published: Day.optional(),
    title: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'give exactly one of "text" or "html"',
  })

// ---- responses (for the OpenAPI document; the contract types are the source of truth) ----------

const Span = z
  .object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })
  .describe('text.slice(start, end) === text')
const DateValue = z
  .object({ start: Day, end: Day, precision: z.string(), text: Span.optional() })
  .nullable()
const Place = z
  .object({
    entity: z.string(),
    name: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  })
  .loose()
  .nullable()

export const ResponseSchemas = {
  Error: z.object({ error: z.string(), detail: z.unknown().optional() }),
  Span,
  Document: z.looseObject({
    id: z.string(),
    source: z.string(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    published: Day.nullable(),
    title: z.string().nullable(),
    length: z.number().int(),
    events: z.number().int(),
  }),
  DocumentWithText: z.looseObject({
    id: z.string(),
    outlet: z.string().nullable(),
    published: Day.nullable(),
    title: z.string().nullable(),
    text: z.string(),
    events: z.array(z.looseObject({ id: z.string() })),
  }),
  Event: z.looseObject({
    id: z.string(),
    doc: z.string(),
    type: z.string(),
    place: Place,
    stance: z.enum(STANCES),
    date: DateValue,
    evidence: Span,
    claim: z.string().nullable(),
    status: z.enum(CLAIM_STATUSES).nullable(),
  }),
  Claim: z.looseObject({
    id: z.string(),
    type: z.string(),
    place: Place,
    date: DateValue,
    events: z.array(z.string()),
    asserting: z.array(z.string()),
    denying: z.array(z.string()),
    independentGroups: z.number().int(),
    status: z.enum(CLAIM_STATUSES),
    origins: z.array(
      z.object({
        origin: z.string(),
        stance: z.enum(STANCES),
        outlets: z.array(z.string()),
        events: z.array(z.string()),
      }),
    ),
  }),
  Dispute: z.looseObject({
    id: z.string(),
    kind: z.enum(DISPUTE_KINDS),
    claims: z.array(z.string()),
    events: z.array(z.string()),
    summary: z.string(),
  }),
  ControlDay: z.object({
    date: Day,
    states: z.array(
      z.looseObject({
        place: Place,
        date: Day,
        controller: z.string(),
        previous: z.string().nullable(),
        status: z.enum(CONTROL_STATUSES),
        claims: z.array(z.string()),
      }),
    ),
  }),
  TimelineEntry: z.looseObject({
    date: z.object({ start: Day, end: Day, precision: z.string() }),
    claim: z.string(),
    summary: z.string(),
    status: z.enum(CLAIM_STATUSES),
  }),
  Entity: z.looseObject({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    name: z.string(),
    aliases: z.array(z.string()),
    mentionCount: z.number().int(),
  }),
  Outlet: z.object({
    outlet: z.string(),
    documents: z.array(z.string()),
    firstPublished: Day.nullable(),
    lastPublished: Day.nullable(),
    events: z.number().int(),
    framing: z.record(z.string(), z.number()),
    names: z.record(z.string(), z.array(z.string())),
    sources: z.record(z.string(), z.number()),
  }),
  Story: z.looseObject({ id: z.string() }),
  Added: z.object({
    id: z.string(),
    unchanged: z.boolean(),
    version: z.union([z.number(), z.string()]),
  }),
} as const
