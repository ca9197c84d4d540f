#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (npm run build).
import { main } from '../dist/src/cli/main.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.stderr.write(`triangulate: internal error: ${error instanceof Error ? error.message : String(error)} (rerun with --debug for the stack)\n`)
    if (process.argv.includes('--debug')) console.error(error)
    process.exitCode = 1
  },
)
