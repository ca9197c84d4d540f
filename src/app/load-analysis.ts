import type { Analysis } from '../core/model/analysis.js'
import { InputError } from '../ingest/input-error.js'
import { openStore } from '../store/open-store.js'
import { analyzeInputs } from './analyze.js'

export interface AnalysisRequest {
  /** Inputs to analyse in memory … */
  readonly inputs: readonly string[]
  /** … or a store whose current picture is read. */
  readonly db?: string
  readonly published?: string
  readonly outlet?: string
}

/**
 * The picture a reporting command works on: the stored one (`--db`) or the analysis of the given
 * inputs. Exactly one of the two must be given; unreadable inputs come back as problems.
 */
export async function loadAnalysis(
  command: string,
  request: AnalysisRequest,
): Promise<{ analysis: Analysis; problems: InputError[] }> {
  if (request.db !== undefined && request.inputs.length > 0)
    throw new InputError(command, 'give either --db or input files, not both')
  if (request.db === undefined && request.inputs.length === 0) {
    throw new InputError(
      command,
      `no input given (usage: triangulate ${command} <file|dir>... or --db PATH)`,
    )
  }
  if (request.db !== undefined) {
    const store = await openStore(request.db, { mustExist: true })
    try {
      return { analysis: await store.getAnalysis(), problems: [] }
    } finally {
      await store.close()
    }
  }
  return analyzeInputs(request.inputs, {
    ...(request.published !== undefined && { published: request.published }),
    ...(request.outlet !== undefined && { outlet: request.outlet }),
  })
}
