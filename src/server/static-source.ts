import type { Analysis } from '../core/model/analysis.js'
import type { AnalysisSource } from './analysis-source.js'

/**
 * A finished analysis (an `analyze --json` file, an export) served as it is: read-only, and its
 * version never changes.
 */
export function createStaticSource(analysis: Analysis): AnalysisSource {
  return {
    async getAnalysis() {
      return analysis
    },
    async version() {
      return 1
    },
  }
}
