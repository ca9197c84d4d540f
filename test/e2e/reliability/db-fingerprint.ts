import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'

export interface DbFingerprint {
  /** Rows per table, every table of the file (FTS shadow tables included). */
  readonly counts: Readonly<Record<string, number>>
  /** SHA-256 over every row of every table, in table then rowid order. */
  readonly checksum: string
}

/**
 * Reads a SQLite file read-only and fingerprints its whole content, so a test can say "the
 * store is byte-for-byte the same picture as before" without knowing its schema.
 */
export function fingerprintDb(path: string): DbFingerprint {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string; sql: string | null }[]
    const hash = createHash('sha256')
    const counts: Record<string, number> = {}
    for (const { name, sql } of tables) {
      // Virtual tables are read through their shadow tables, which are listed on their own.
      if (sql !== null && /^CREATE VIRTUAL TABLE/i.test(sql)) continue
      const quoted = `"${name.replace(/"/g, '""')}"`
      const withoutRowid = sql !== null && /WITHOUT\s+ROWID/i.test(sql)
      const rows = db
        .prepare(`SELECT * FROM ${quoted}${withoutRowid ? '' : ' ORDER BY rowid'}`)
        .raw()
        .all()
      counts[name] = rows.length
      hash.update(`${name}\n`)
      for (const row of rows) hash.update(JSON.stringify(row, bytesAsHex) + '\n')
    }
    return { counts, checksum: hash.digest('hex') }
  } finally {
    db.close()
  }
}

function bytesAsHex(_key: string, value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`
  if (typeof value === 'bigint') return value.toString()
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return `x'${Buffer.from((value as { data: number[] }).data).toString('hex')}'`
  }
  return value
}
