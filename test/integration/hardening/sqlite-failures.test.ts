/**
 * SQLite's refusals reach the clerk as Vietnamese sentences that say what to do, and leave the
 * database as it was (issue 13, item 4): a second writer holding the lock (writes begin
 * IMMEDIATE, so the busy timeout applies: shown with a second process), a read-only file,
 * a full disk (PRAGMA max_page_count), a file that is not a database, a corrupt page.
 */
import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { detailsToShow, type ApiEnvelope, type AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { schema } from '../../../electron/db/schema'
import { departments } from '../../../electron/db/schema'
import { AppError } from '../../../shared/api/errors'
import { createServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { englishIn } from './english'

const root = resolve(__dirname, '../../..')
const fixtureWorkbook = readFileSync(join(root, 'test/fixtures/office-2025.xlsx'))
const dirs: string[] = []
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-sqlite-'))
  dirs.push(dir)
  return dir
}

const clock = { today: () => '2025-12-20', now: () => '2025-12-20T08:00:00.000Z' }

/** A handle on a connection opened by hand (to simulate what openDatabase would refuse). */
function rawHandle(file: string, options: Database.Options = {}): DatabaseHandle {
  const sqlite = new Database(file, options)
  return {
    db: drizzle(sqlite, { schema }),
    sqlite,
    file,
    migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
    close: () => sqlite.close()
  }
}

async function call(
  handle: DatabaseHandle,
  method: ApiMethod,
  input: unknown
): Promise<ApiEnvelope<unknown>> {
  return dispatch(createHandlers(createServiceContext(handle, clock)), method, input)
}

function refusalOf(envelope: ApiEnvelope<unknown>): AppErrorPayload {
  if (envelope.ok) throw new Error('expected a refusal')
  return envelope.error
}

function expectClerkWords(error: AppErrorPayload): void {
  for (const line of [error.message, ...detailsToShow(error)]) expect(englishIn(line), line).toBeNull()
  expect(error.message).toContain('Thao tác vừa rồi không được lưu, dữ liệu vẫn như trước.')
}

function fileHash(file: string): string {
  const hash = createHash('sha256')
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) hash.update(readFileSync(file + suffix))
  return hash.digest('hex')
}

function rowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as Array<{ name: string }>
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n
    ])
  )
}

const department = { code: 'ZZ', name: 'Ban thử khóa', abbreviation: 'ZZ' }

/** A second process takes the write lock and keeps it for `holdMs`; resolves once it holds it. */
function holdWriteLock(file: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(${JSON.stringify(file)})
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0) }, ${holdMs})
  `
  const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('locked')) resolvePromise(child)
    })
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)))
  })
}

describe('a second writer', () => {
  it('makes a write wait for the busy timeout, then go through once the lock is free', async () => {
    const file = join(tempDir(), 'busy.sqlite')
    const handle = openDatabase(file)
    try {
      const holder = await holdWriteLock(file, 1_500)
      const started = Date.now()
      const saved = await call(handle, 'departments.save', department)
      const waited = Date.now() - started
      expect(saved.ok).toBe(true)
      // It waited for the other process to commit (a deferred transaction would have failed at once).
      expect(waited).toBeGreaterThan(1_000)
      expect(waited).toBeLessThan(5_000)
      await new Promise((r) => holder.once('exit', r))
    } finally {
      handle.close()
    }
  }, 30_000)

  it('is refused in Vietnamese after the timeout, with nothing written', async () => {
    const file = join(tempDir(), 'locked.sqlite')
    const handle = openDatabase(file)
    try {
      handle.sqlite.pragma('busy_timeout = 700')
      const before = rowCounts(handle.sqlite)
      const holder = await holdWriteLock(file, 10_000)
      const started = Date.now()
      const error = refusalOf(await call(handle, 'departments.save', department))
      const waited = Date.now() - started
      expect(error.code).toBe('DATABASE_BUSY')
      expect(error.message).toMatch(/^Cơ sở dữ liệu đang bận/)
      expect(error.message).toContain('Hãy đợi một lát rồi làm lại')
      expectClerkWords(error)
      expect(waited).toBeGreaterThanOrEqual(600)
      holder.kill('SIGKILL')
      await new Promise((r) => holder.once('exit', r))
      expect(rowCounts(handle.sqlite)).toEqual(before)
    } finally {
      handle.close()
    }
  }, 30_000)
})

describe('a constraint that slips past the services’ own checks', () => {
  it('is a CONFLICT in Vietnamese, and the whole write is rolled back', async () => {
    const file = join(tempDir(), 'constraint.sqlite')
    const handle = openDatabase(file)
    try {
      await call(handle, 'departments.save', department)
      const before = rowCounts(handle.sqlite)
      const ctx = createServiceContext(handle, clock)
      let thrown: unknown = null
      try {
        ctx.write('Thêm hai ban', (_tx, log) => {
          log.rows.insert(departments, { code: 'YY', name: 'Ban mới', abbreviation: 'YY' })
          log.record('department', 'YY', 'insert', null, { code: 'YY' })
          // The same code again: the unique index refuses, after the first row was written.
          log.rows.insert(departments, { code: 'ZZ', name: 'Ban trùng', abbreviation: 'ZZ' })
        })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(AppError)
      const error = (thrown as AppError).toPayload()
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toMatch(/^Không lưu được vì một mã đã có trong dữ liệu\./)
      expectClerkWords(error)
      expect(rowCounts(handle.sqlite)).toEqual(before)
    } finally {
      handle.close()
    }
  })
})

describe('a file that cannot take the write', () => {
  it('read-only: refused, the file byte for byte the same', async () => {
    const file = join(tempDir(), 'readonly.sqlite')
    openDatabase(file).close()
    const hash = fileHash(file)
    // Tests run as root, for whom file permissions do not bite: the connection is read-only instead.
    const handle = rawHandle(file, { readonly: true })
    try {
      const error = refusalOf(await call(handle, 'departments.save', department))
      expect(error.code).toBe('DATABASE_READONLY')
      expect(error.message).toContain('chỉ cho đọc')
      expectClerkWords(error)
    } finally {
      handle.close()
    }
    expect(fileHash(file)).toBe(hash)
  })

  it('disk full in the middle of an import: refused, nothing half-written', async () => {
    const file = join(tempDir(), 'full.sqlite')
    const handle = openDatabase(file)
    try {
      await call(handle, 'departments.save', department)
      const before = rowCounts(handle.sqlite)
      const pages = handle.sqlite.pragma('page_count', { simple: true }) as number
      // The file may not grow: the import's first new page is "database or disk is full".
      handle.sqlite.pragma(`max_page_count = ${pages + 2}`)
      const error = refusalOf(
        await call(handle, 'workbook.commit', {
          fileName: 'office-2025.xlsx',
          contentBase64: fixtureWorkbook.toString('base64')
        })
      )
      expect(error.code).toBe('DATABASE_FULL')
      expect(error.message).toContain('Ổ đĩa chứa dữ liệu đã đầy')
      expectClerkWords(error)
      expect(rowCounts(handle.sqlite)).toEqual(before)
      expect(handle.sqlite.inTransaction).toBe(false)
      // Room again: the same import goes through whole.
      handle.sqlite.pragma('max_page_count = 1073741823')
      const imported = await call(handle, 'workbook.commit', {
        fileName: 'office-2025.xlsx',
        contentBase64: fixtureWorkbook.toString('base64')
      })
      expect(imported.ok && (imported.value as { committed: boolean }).committed).toBe(true)
    } finally {
      handle.close()
    }
  }, 60_000)
})

describe('a file that is not (or no longer) a database', () => {
  it('not a database: refused in Vietnamese, the file untouched', async () => {
    const file = join(tempDir(), 'notadb.sqlite')
    writeFileSync(file, Buffer.alloc(8192, 'Sổ đi cơ sở, không phải SQLite. '))
    const hash = fileHash(file)
    const handle = rawHandle(file)
    try {
      for (const [method, input] of [
        ['years.list', {}],
        ['departments.save', department]
      ] as const) {
        const error = refusalOf(await call(handle, method, input))
        expect(error.code).toBe('DATABASE_CORRUPT')
        expect(error.message).toContain('khôi phục từ bản sao lưu gần nhất')
        expectClerkWords(error)
      }
    } finally {
      handle.close()
    }
    expect(fileHash(file)).toBe(hash)
  })

  it('a corrupt page met while working: refused in Vietnamese', async () => {
    const dir = tempDir()
    const good = join(dir, 'good.sqlite')
    const handle = openDatabase(good)
    await call(handle, 'workbook.commit', {
      fileName: 'office-2025.xlsx',
      contentBase64: fixtureWorkbook.toString('base64')
    })
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = handle.sqlite.pragma('page_size', { simple: true }) as number
    // The first page of the trips table's b-tree: every read of trips goes through it.
    const rootPage = (
      handle.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'trips'`).get() as {
        rootpage: number
      }
    ).rootpage
    handle.close()
    const broken = join(dir, 'broken.sqlite')
    copyFileSync(good, broken)
    const bytes = readFileSync(broken)
    bytes.fill(0xa5, (rootPage - 1) * pageSize, rootPage * pageSize)
    writeFileSync(broken, bytes)
    const hash = fileHash(broken)
    const damaged = rawHandle(broken)
    try {
      const error = refusalOf(await call(damaged, 'trips.search', {}))
      expect(error.code).toBe('DATABASE_CORRUPT')
      expectClerkWords(error)
    } finally {
      damaged.close()
    }
    expect(fileHash(broken)).toBe(hash)
  }, 60_000)
})
