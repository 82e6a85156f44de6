/** Shared by the backup tests: temp folders, a ticking clock, and a table-by-table dump of a file. */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Clock } from '../../../electron/services/context'

export const root = resolve(__dirname, '../../..')
export const fixtureWorkbook = join(root, 'test/fixtures/office-2025.xlsx')

export function tempDir(prefix = 'sdcs-backup-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A clock that moves one second per call, so snapshots taken in a row get distinct times. */
export function tickingClock(startIso = '2026-03-02T02:00:00.000Z', today = '2026-03-02'): Clock {
  let t = Date.parse(startIso)
  return {
    today: () => today,
    now: () => {
      const iso = new Date(t).toISOString()
      t += 1000
      return iso
    }
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Every table (sqlite_sequence and the migrations table included) with all its rows, in rowid order. */
export function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as Array<{ name: string; sql: string }>
    const dump: Record<string, unknown[]> = {}
    for (const { name, sql } of tables) {
      const order = /WITHOUT ROWID/i.test(sql) ? '1' : 'rowid'
      dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()
    }
    dump['(schema)'] = db
      .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`)
      .all()
    return dump
  } finally {
    db.close()
  }
}

export function rowCount(file: string, table: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
  } finally {
    db.close()
  }
}
