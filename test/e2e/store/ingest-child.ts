// Child process of kill-ingest.test.ts: ingests each directory given, one ingest (one
// transaction) per directory, and says where it is on stdout so the parent can kill it at a
// known point: `begin <dir>`, `analyzing <dir>` (inside the transaction), `committed <dir>`.
import { basename } from 'node:path'
import { ingestInputs } from '../../../src/app/ingest.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'

const [db, ...dirs] = process.argv.slice(2)
if (db === undefined) throw new Error('usage: ingest-child.ts <db> <dir>...')
const store = await openSqliteStore(db)
for (const dir of dirs) {
  const name = basename(dir)
  process.stdout.write(`begin ${name}\n`)
  let announced = false
  await ingestInputs(store, [dir], {
    onProgress: () => {
      if (announced) return
      announced = true
      process.stdout.write(`analyzing ${name}\n`)
    },
  })
  process.stdout.write(`committed ${name}\n`)
}
await store.close()
process.stdout.write('done\n')
