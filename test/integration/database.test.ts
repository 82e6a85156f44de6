/**
 * The database file: pragmas, migrations, the refusal to open a database written by another
 * version, and the append-only change log, on real SQLite files.
 */
import Database from 'better-sqlite3'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../electron/db/connection'
import { departments } from '../../electron/db/schema'
import { createServiceContext } from '../../electron/services/context'
import { dispatch } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services'
import { AppError } from '../../shared/api/errors'

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sdcs-db-'))
}

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and every shipped migration applied', () => {
    const file = join(tempDir(), 'a.sqlite')
    const handle = openDatabase(file)
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    const journal = JSON.parse(
      readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')
    ) as {
      entries: unknown[]
    }
    const applied = handle.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
      n: number
    }
    expect(applied.n).toBe(journal.entries.length)
    handle.close()
    // Opening again applies nothing new and keeps the data.
    const again = openDatabase(file)
    expect(
      (again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
    ).toBe(journal.entries.length)
    again.close()
  })

  it('refuses a database with a migration this build does not ship, and leaves the file unchanged', () => {
    const dir = tempDir()
    const file = join(dir, 'newer.sqlite')
    openDatabase(file).close()
    const raw = new Database(file)
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('f'.repeat(64), 9_999_999_999_999)
    raw.close()
    const before = readFileSync(file)
    let caught: unknown
    try {
      openDatabase(file)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('DATABASE_MISMATCH')
    expect((caught as AppError).message).toContain('phiên bản')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a database whose applied migration differs from the shipped one', () => {
    const dir = tempDir()
    const folder = join(dir, 'migrations')
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true })
    const file = join(dir, 'x.sqlite')
    openDatabase(file, { migrationsFolder: folder }).close()
    // The same tag with other SQL: what a hand-edited or foreign migration looks like.
    writeFileSync(join(folder, '0001_change_log_append_only.sql'), '-- changed\nSELECT 1;')
    expect(() => openDatabase(file, { migrationsFolder: folder })).toThrow(/phiên bản khác/)
  })

  it('refuses a SQLite file of another program', () => {
    const file = join(tempDir(), 'other.sqlite')
    const raw = new Database(file)
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
    raw.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrow(/không phải cơ sở dữ liệu của Sổ đi cơ sở/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not SQLite with a Vietnamese message', () => {
    const file = join(tempDir(), 'garbage.sqlite')
    writeFileSync(file, 'this is not a database at all, just text'.repeat(200))
    expect(() => openDatabase(file)).toThrow(/Không mở được tệp cơ sở dữ liệu/)
  })
})

describe('writes and the change log', () => {
  it('records every write in the same transaction, and rolls both back together', () => {
    const handle = openDatabase(join(tempDir(), 'log.sqlite'))
    const ctx = createServiceContext(handle)
    ctx.write('Thêm ban', (tx, log) => {
      tx.insert(departments).values({ code: 'VP', name: 'Văn phòng', abbreviation: 'VP' }).run()
      log.record('department', 'VP', 'insert', null, { code: 'VP' })
    })
    expect(() =>
      ctx.write('Thêm ban lỗi', (tx, log) => {
        tx.insert(departments).values({ code: 'TG', name: 'Ban Tuyên giáo', abbreviation: 'TG' }).run()
        log.record('department', 'TG', 'insert', null, { code: 'TG' })
        throw new Error('power cut')
      })
    ).toThrow('power cut')
    const rows = handle.sqlite.prepare('SELECT code FROM departments').all()
    expect(rows).toEqual([{ code: 'VP' }])
    const log = handle.sqlite
      .prepare('SELECT source, entity, entity_key, action, new_value FROM change_log')
      .all()
    expect(log).toEqual([
      {
        source: 'Thêm ban',
        entity: 'department',
        entity_key: 'VP',
        action: 'insert',
        new_value: '{"code":"VP"}'
      }
    ])
    expect(() => handle.sqlite.prepare('DELETE FROM change_log').run()).toThrow(/chỉ được ghi thêm/)
    expect(() => handle.sqlite.prepare("UPDATE change_log SET source = 'x'").run()).toThrow(
      /chỉ được ghi thêm/
    )
    handle.close()
  })
})

describe('dispatch', () => {
  it('validates input with the contract and answers in Vietnamese', async () => {
    const file = join(tempDir(), 'd.sqlite')
    const handle = openDatabase(file)
    const handlers = createHandlers(createServiceContext(handle))
    const bad = await dispatch(handlers, 'summary.year', { year: 2025.5 })
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Dữ liệu gửi lên không hợp lệ.',
        // The field's path for forms, its label for the clerk.
        details: ['year: Năm phải là số nguyên.'],
        shownDetails: ['Năm: Năm phải là số nguyên.']
      }
    })
    const unknown = await dispatch(handlers, 'db.exec', { sql: 'DROP TABLE trips' })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.code).toBe('UNKNOWN_METHOD')
    const ok = await dispatch(handlers, 'summary.year', { year: 2025, asOf: '2025-12-31' })
    expect(ok.ok).toBe(true)
    if (ok.ok) expect((ok.value as { totals: { cadres: number } }).totals.cadres).toBe(0)
    handle.close()
  })
})
