/**
 * Crash test: kill -9 at random moments (seeded) during imports and restores, then the file
 * must pass integrity_check and hold either the state before or the state after, never a mix.
 * The child is bundled once with esbuild so each run starts in a fraction of a second.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../../electron/db/connection'
import { departments } from '../../../electron/db/schema'
import { createServiceContext } from '../../../electron/services/context'
import { takeSnapshot } from '../../../electron/services/backups/snapshot'
import { fixtureWorkbook, root, tempDir } from './helpers'

const RUNS = 12
const TABLES = ['cadres', 'trips', 'units', 'trip_participants', 'change_log', 'change_rows', 'departments']

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let work: string
let child: string

function counts(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return TABLES.map(
      (t) => `${t}=${(db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`
    ).join(' ')
  } finally {
    db.close()
  }
}

/** Copies a closed database (no -wal) to `to`, removing whatever was there. */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  for (const suffix of ['', '-wal', '-shm', '.dang-mo', '.khoi-phuc.tmp'])
    rmSync(to + suffix, { force: true })
  copyFileSync(from, to)
}

/** Runs the child; kills it `killAfterMs` after it said "ready" (never, when null). Resolves with how long the work took. */
function runChild(args: string[], killAfterMs: number | null): Promise<{ ms: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The bundle lives in a temp folder; better-sqlite3 (native, not bundled) is found here.
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') }
    })
    let out = ''
    let err = ''
    let readyAt = 0
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!readyAt && out.includes('ready\n')) {
        readyAt = Date.now()
        if (killAfterMs !== null) setTimeout(() => proc.kill('SIGKILL'), killAfterMs)
      }
    })
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    proc.on('error', reject)
    proc.on('close', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ ms: Date.now() - readyAt, finished: out.includes('done\n') })
      if (code !== 0) return reject(new Error(`child failed (${code}): ${err}`))
      resolve({ ms: Date.now() - readyAt, finished: true })
    })
  })
}

/** Opens the file as the app would after the crash, then checks it. */
function checkAfterCrash(file: string, before: string, after: string): 'before' | 'after' {
  const handle = openDatabase(file)
  const integrity = handle.sqlite.pragma('integrity_check', { simple: true })
  handle.close()
  expect(integrity).toBe('ok')
  const now = counts(file)
  expect([before, after], `row counts after the kill: ${now}`).toContain(now)
  return now === before ? 'before' : 'after'
}

let beforeImport: string
let afterImport: string

beforeAll(() => {
  work = tempDir('sdcs-crash-')
  child = join(work, 'crash-child.cjs')
  const built = spawnSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      join(__dirname, 'crash-child.ts'),
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--external:better-sqlite3',
      `--outfile=${child}`,
      '--log-level=error'
    ],
    { encoding: 'utf8', cwd: root, env: { ...process.env, NODE_PATH: join(root, 'node_modules') } }
  )
  expect(built.status, built.stderr).toBe(0)
  // The "before" of an import: a database holding a little (so the import snapshots it first).
  beforeImport = join(work, 'before-import.sqlite')
  const handle = openDatabase(beforeImport)
  createServiceContext(handle).write('Thêm ban', (tx, log) => {
    tx.insert(departments).values({ code: 'ZZ', name: 'Ban thử', abbreviation: 'ZZ' }).run()
    log.record('department', 'ZZ', 'insert', null, { code: 'ZZ' })
  })
  handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  handle.close()
})

describe('crash test (kill -9 at random moments)', () => {
  it(`imports: ${RUNS} kills leave the database intact, before or after, never between`, async () => {
    const db = join(work, 'import', 'so-di-co-so.sqlite')
    // One run to the end gives the "after" state and how long the work takes.
    place(beforeImport, db)
    const full = await runChild(['import', db, fixtureWorkbook, DEFAULT_MIGRATIONS_FOLDER], null)
    afterImport = join(work, 'after-import.sqlite')
    const handle = openDatabase(db)
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    handle.close()
    copyFileSync(db, afterImport)
    const before = counts(beforeImport)
    const after = counts(afterImport)
    expect(after).not.toBe(before)

    const random = seeded(13)
    const outcomes: string[] = []
    for (let run = 0; run < RUNS; run++) {
      place(beforeImport, db)
      const killAt = Math.floor(random() * full.ms * 1.1)
      const result = await runChild(['import', db, fixtureWorkbook, DEFAULT_MIGRATIONS_FOLDER], killAt)
      const state = checkAfterCrash(db, before, after)
      if (result.finished) expect(state).toBe('after')
      outcomes.push(state)
      // A snapshot killed half-way never shows up as a snapshot.
      const saoLuu = join(work, 'import', 'SaoLuu')
      if (existsSync(saoLuu)) {
        for (const name of readdirSync(saoLuu).filter((n) => n.endsWith('.sqlite'))) {
          expect(counts(join(saoLuu, name))).toBe(before)
        }
      }
    }
    // Both outcomes occur: the kills really landed inside the work.
    expect(outcomes).toContain('before')
  }, 120_000)

  it(`restores: ${RUNS} kills leave the database intact, before or after, never between`, async () => {
    const db = join(work, 'restore', 'so-di-co-so.sqlite')
    // Restoring the small "before import" snapshot over the full office.
    const src = openDatabase(beforeImport)
    const snapshot = takeSnapshot(src.sqlite, join(work, 'snaps', 'x.sqlite'), {
      kind: 'manual',
      nowIso: new Date().toISOString(),
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER
    })
    src.close()
    const before = counts(afterImport)
    const after = counts(snapshot.file)
    place(afterImport, db)
    const full = await runChild(['restore', db, snapshot.file, DEFAULT_MIGRATIONS_FOLDER], null)
    expect(counts(db)).toBe(after)

    const random = seeded(31)
    const outcomes: string[] = []
    for (let run = 0; run < RUNS; run++) {
      place(afterImport, db)
      const killAt = Math.floor(random() * full.ms * 1.1)
      const result = await runChild(['restore', db, snapshot.file, DEFAULT_MIGRATIONS_FOLDER], killAt)
      const state = checkAfterCrash(db, before, after)
      if (result.finished) expect(state).toBe('after')
      outcomes.push(state)
      expect(counts(snapshot.file)).toBe(after)
    }
    expect(outcomes).toContain('before')
  }, 120_000)
})
