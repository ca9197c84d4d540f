import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readInputs } from '../ingest/read-inputs.js'
import { analyzeDocuments } from './analyze.js'
import { type DocumentFacts, analyzeIncrementally } from './analyze-incremental.js'

const TEXT_DIR = resolve(import.meta.dirname, '../../examples/fall-of-the-south')
const GENERATED_AT = '2024-12-10T00:00:00.000Z'

describe('analyzeIncrementally()', () => {
  it('draws the picture analyzeDocuments draws, from scratch and from stored per-document facts', async () => {
    const files = readdirSync(TEXT_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => join(TEXT_DIR, name))
    const { documents } = await readInputs(files)
    expect(documents.length).toBeGreaterThanOrEqual(10)
    const full = analyzeDocuments(documents, { generatedAt: GENERATED_AT })

    // Nothing known: the pipeline runs on every document.
    const scratch = analyzeIncrementally(documents, new Map(), { generatedAt: GENERATED_AT })
    expect(scratch.analysed).toBe(documents.length)
    expect(scratch.analysis).toEqual(full)

    // All but the last two known (as a store holds them after an earlier ingest).
    const known = new Map<string, DocumentFacts>()
    for (const document of documents.slice(0, -2))
      known.set(document.id, scratch.facts.get(document.id)!)
    const progress: string[] = []
    const incremental = analyzeIncrementally(documents, known, {
      generatedAt: GENERATED_AT,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    })
    expect(incremental.analysed).toBe(2)
    expect(progress).toEqual(['1/2', '2/2'])
    expect(incremental.analysis).toEqual(full)
  }, 60_000)
})
