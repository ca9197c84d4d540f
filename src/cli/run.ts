// The executable entry: `node dist/src/cli/run.js …` (bin/triangulate.js) or `npx tsx src/cli/run.ts …`.
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
