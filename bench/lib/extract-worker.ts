/**
 * Worker thread of extractInWorkers: runs analyzeDocument on the documents it is sent and posts
 * back what fusion needs (events, entities) and how long the pipeline took, lexicon load
 * excluded.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { SourceDocument } from '../../src/core/model/document.js'
import { analyzeDocument } from '../../src/core/pipeline/analyze-document.js'
import { loadLexicon } from '../../src/datasets/load-lexicon.js'
import type { WorkerResult } from './extract-in-workers.js'

const documents = (workerData as { documents: SourceDocument[] }).documents
const lexicon = loadLexicon()
const started = performance.now()
const facts: WorkerResult['facts'] = documents.map((document) => {
  const analysis = analyzeDocument(document, lexicon)
  return { events: analysis.events, entities: analysis.entities }
})
const result: WorkerResult = { facts, busyMs: performance.now() - started }
parentPort?.postMessage(result)
