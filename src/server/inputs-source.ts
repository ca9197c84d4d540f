import { analyzeDocuments } from '../app/analyze.js'
import type { InputError } from '../ingest/input-error.js'
import { readInputs } from '../ingest/read-inputs.js'
import type { AnalysisSource } from './analysis-source.js'
import { createMemorySource } from './memory-source.js'

export interface InputsSourceOptions {
  /** Publication date for inputs and posted articles that carry none (`--published`). */
  readonly published?: string
  /** Outlet for inputs and posted articles that name none (`--outlet`). */
  readonly outlet?: string
}

/**
 * Reads files and directories as `triangulate analyze` does and serves them from memory with
 * the real pipeline; posted articles are analysed together with them. Unreadable inputs are
 * returned as problems, the rest is served.
 */
export async function createInputsSource(
  paths: readonly string[],
  options: InputsSourceOptions = {},
): Promise<{ source: AnalysisSource; problems: InputError[] }> {
  const defaults = {
    ...(options.published !== undefined && { published: options.published }),
    ...(options.outlet !== undefined && { outlet: options.outlet }),
  }
  const { documents, problems } = await readInputs(paths, defaults)
  const source = createMemorySource(documents, {
    ...defaults,
    analyze: (all) => analyzeDocuments(all),
  })
  return { source, problems }
}
