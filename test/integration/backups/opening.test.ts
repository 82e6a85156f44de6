/**
 * Opening a database safely: files that are not ours are refused byte for byte unchanged, a
 * damaged page is caught at open and the file quarantined with its -wal/-shm, an older
 * database is snapshotted before it is migrated, and the snapshot folder is rotated.
 */
import Database from 'better-sqlite3'
import {
  cpSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  closeSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupStatus, RestoreResult, SnapshotInfo } from '../../../shared/api/backups'
import { AppError } from '../../../shared/api/errors'
import {
  CorruptDatabaseError,
  DEFAULT_MIGRATIONS_FOLDER,
  openDatabase
} from '../../../electron/db/connection'
import { checkDepthFor, openMarkerOf } from '../../../electron/db/integrity'
import { isNetworkLocation } from '../../../electron/services/backups/network'
import { rotateSnapshots, snapshotsToKeep } from '../../../electron/services/backups/rotate'
import { DatabaseSession } from '../../../electron/services/backups/session'
import { listSnapshotFiles, snapshotFileName } from '../../../electron/services/backups/store'
import { dumpTables, fixtureWorkbook, rowCount, sha256, tempDir, tickingClock } from './helpers'

function refusedUnchanged(file: string, pattern: RegExp): void {
  const before = sha256(file)
  const size = statSync(file).size
  let caught: unknown
  try {
    openDatabase(file)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(AppError)
  expect((caught as AppError).message).toMatch(pattern)
  expect(sha256(file)).toBe(before)
  expect(statSync(file).size).toBe(size)
  expect(existsSync(`${file}-wal`)).toBe(false)
  expect(existsSync(`${file}-shm`)).toBe(false)
  expect(existsSync(openMarkerOf(file))).toBe(false)
}

/** A closed database file holding the fixture office. */
async function fixtureFile(dir: string): Promise<string> {
  const file = join(dir, 'so-di-co-so.sqlite')
  const session = new DatabaseSession({
    file,
    migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
    clock: tickingClock()
  })
  const result = await session.dispatch('workbook.commit', {
    fileName: 'office-2025.xlsx',
    contentBase64: readFileSync(fixtureWorkbook).toString('base64')
  })
  expect(result.ok).toBe(true)
  session.close()
  return file
}

describe('refused files stay byte for byte as they were', () => {
  it('a 0-byte file', () => {
    const file = join(tempDir(), 'so-di-co-so.sqlite')
    writeFileSync(file, '')
    refusedUnchanged(file, /rỗng \(0 byte\)/)
  })

  it('a SQLite file of another program', () => {
    const file = join(tempDir(), 'notes.sqlite')
    const raw = new Database(file)
    raw.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('ghi chú')"
    )
    raw.close()
    refusedUnchanged(file, /không phải cơ sở dữ liệu của Sổ đi cơ sở/)
  })

  it('another drizzle app: an empty __drizzle_migrations table beside its own tables', () => {
    const file = join(tempDir(), 'other-app.sqlite')
    const raw = new Database(file)
    // Another drizzle app in WAL mode, closed cleanly: reading it must not leave a -wal/-shm.
    raw.pragma('journal_mode = WAL')
    raw.exec(
      'CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric);' +
        'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5)'
    )
    raw.close()
    refusedUnchanged(file, /không phải cơ sở dữ liệu của Sổ đi cơ sở/)
  })
})

describe('a damaged file', () => {
  it('is caught at open, quarantined with its -wal/-shm, and the newest verified snapshot is offered and restored', async () => {
    const dir = tempDir()
    const file = await fixtureFile(dir)
    // A verified snapshot to come back to, taken while the file was sound.
    const good = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    const snapshot = good.snapshot('daily') as SnapshotInfo
    good.close()
    const sound = dumpTables(file)

    // Overwrite one page in the middle of the file with garbage, as a failing disk would.
    const size = statSync(file).size
    const page = 4096
    const offset = Math.floor(size / page / 2) * page
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, offset)
    closeSync(fd)
    writeFileSync(`${file}-shm`, Buffer.alloc(0))
    const damaged = sha256(file)

    // The CLI and tests refuse it in place, the file and its -shm untouched.
    expect(() => openDatabase(file)).toThrow(CorruptDatabaseError)
    expect(sha256(file)).toBe(damaged)
    expect(existsSync(`${file}-shm`)).toBe(true)

    // The app quarantines it and runs in recovery mode.
    const session = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock('2026-03-03T01:00:00.000Z')
    })
    expect(existsSync(file)).toBe(false)
    const status = await session.dispatch('backups.status', {})
    expect(status.ok).toBe(true)
    const problem = (status as { value: BackupStatus }).value.problem
    expect(problem?.quarantinedTo).toBeTruthy()
    const quarantined = readdirSync(problem!.quarantinedTo!)
    expect(quarantined).toEqual(expect.arrayContaining(['so-di-co-so.sqlite', 'so-di-co-so.sqlite-shm']))
    expect(sha256(join(problem!.quarantinedTo!, 'so-di-co-so.sqlite'))).toBe(damaged)
    expect(problem?.newestVerified?.file).toBe(snapshot.file)
    expect(problem?.message).toMatch(/bị hỏng/)
    // Other pages say what happened instead of showing an empty office.
    const summary = await session.dispatch('summary.year', { year: 2025 })
    expect(summary.ok).toBe(false)
    if (!summary.ok) expect(summary.error.message).toMatch(/bị hỏng.*Sao lưu và khôi phục/)

    const restored = await session.dispatch('backups.restore', { file: snapshot.file })
    expect(restored.ok).toBe(true)
    expect((restored as { value: RestoreResult }).value.safetySnapshot).toBeNull()
    const back = dumpTables(file)
    expect(back['cadres']).toEqual(sound['cadres'])
    expect(back['change_log']).toEqual(sound['change_log'])
    expect((await session.dispatch('backups.status', {})).ok).toBe(true)
    const again = await session.dispatch('summary.year', { year: 2025 })
    expect(again.ok).toBe(true)
    session.close()
  })

  it('chooses the full integrity_check after an unclean exit (the open marker left behind)', async () => {
    const dir = tempDir()
    const file = await fixtureFile(dir)
    expect(checkDepthFor(file)).toBe('quick')
    const handle = openDatabase(file)
    expect(existsSync(openMarkerOf(file))).toBe(true)
    // The crash: the connection goes away without close(), the marker stays.
    handle.sqlite.close()
    expect(checkDepthFor(file)).toBe('full')
    const reopened = openDatabase(file)
    reopened.close()
    expect(checkDepthFor(file)).toBe('quick')
  })
})

describe('the app with a 0-byte database file', () => {
  it('moves it aside unchanged and offers the newest snapshot instead of refusing to start', async () => {
    const dir = tempDir()
    const file = await fixtureFile(dir)
    const good = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    const snapshot = good.snapshot('daily') as SnapshotInfo
    good.close()
    writeFileSync(file, '')
    const session = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    const problem = session.databaseProblem
    expect(problem?.message).toMatch(/rỗng \(0 byte\)/)
    expect(statSync(join(problem!.quarantinedTo!, 'so-di-co-so.sqlite')).size).toBe(0)
    expect(problem?.newestVerified?.file).toBe(snapshot.file)
    const restored = await session.dispatch('backups.restore', { file: snapshot.file })
    expect(restored.ok).toBe(true)
    expect(rowCount(file, 'cadres')).toBeGreaterThan(0)
    session.close()
  })
})

describe('migrations', () => {
  it('snapshots an older database before migrating it forward', () => {
    const dir = tempDir()
    const older = join(dir, 'older-migrations')
    cpSync(DEFAULT_MIGRATIONS_FOLDER, older, { recursive: true })
    const journalFile = join(older, 'meta/_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
    const total = journal.entries.length
    journal.entries = journal.entries.slice(0, 3)
    writeFileSync(journalFile, JSON.stringify(journal))
    const file = join(dir, 'so-di-co-so.sqlite')
    const old = openDatabase(file, { migrationsFolder: older })
    old.sqlite.exec("INSERT INTO departments (code, name, abbreviation) VALUES ('VP', 'Văn phòng', 'VP')")
    old.close()

    const handle = openDatabase(file, { now: () => '2026-04-01T03:00:00.000Z' })
    const applied = (
      handle.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    ).n
    handle.close()
    expect(applied).toBe(total)
    const snapshots = listSnapshotFiles(join(dir, 'SaoLuu'))
    expect(snapshots.map((s) => s.kind)).toEqual(['migration'])
    expect(snapshots[0]?.takenAt).toBe('2026-04-01T03:00:00.000Z')
    expect(rowCount(snapshots[0]!.file, '__drizzle_migrations')).toBe(3)
    expect(rowCount(snapshots[0]!.file, 'departments')).toBe(1)
    // Opening again (nothing to migrate) takes no further snapshot.
    openDatabase(file).close()
    expect(listSnapshotFiles(join(dir, 'SaoLuu'))).toHaveLength(1)
  })
})

describe('rotation', () => {
  it('keeps the newest 10 and the newest of each of the last 12 months', () => {
    const now = '2026-06-15T10:00:00.000Z'
    const snapshots = [
      // 12 in June 2026 (the newest 10 are kept by count).
      ...Array.from({ length: 12 }, (_, i) => ({
        name: `jun-${i}`,
        takenAt: `2026-06-${String(14 - i).padStart(2, '0')}T08:00:00.000Z`
      })),
      { name: 'may-late', takenAt: '2026-05-30T08:00:00.000Z' },
      { name: 'may-early', takenAt: '2026-05-02T08:00:00.000Z' },
      { name: 'jul-2025', takenAt: '2025-07-31T08:00:00.000Z' },
      { name: 'jun-2025', takenAt: '2025-06-30T08:00:00.000Z' }
    ]
    const keep = snapshotsToKeep(snapshots, now)
    expect([...keep].sort()).toEqual(
      [...Array.from({ length: 10 }, (_, i) => `jun-${i}`), 'may-late', 'jul-2025'].sort()
    )
  })

  it('deletes exactly the dropped files from the folder', () => {
    const folder = tempDir()
    const names: string[] = []
    for (let day = 1; day <= 14; day++) {
      const name = snapshotFileName(folder, 'daily', `2026-06-${String(day).padStart(2, '0')}T08:00:00.000Z`)
      writeFileSync(join(folder, name), 'x')
      names.push(name)
    }
    writeFileSync(join(folder, 'ghi-chu.txt'), 'not ours')
    const dropped = rotateSnapshots(folder, '2026-06-15T10:00:00.000Z')
    // Days 1–4 fall out of the newest 10; day 14 is June's monthly one anyway.
    expect(dropped.sort()).toEqual(names.slice(0, 4).sort())
    expect(readdirSync(folder).sort()).toEqual([...names.slice(4), 'ghi-chu.txt'].sort())
  })

  it('rotates the SaoLuu folder as snapshots are taken', async () => {
    const dir = tempDir()
    const file = await fixtureFile(dir)
    const session = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    for (let i = 0; i < 12; i++) session.snapshot('daily')
    session.close()
    const left = listSnapshotFiles(join(dir, 'SaoLuu'))
    expect(left).toHaveLength(10)
    expect(readdirSync(join(dir, 'SaoLuu')).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('network share', () => {
  it('recognises UNC paths and Linux network file systems', () => {
    expect(isNetworkLocation('\\\\may-chu\\du-lieu\\SoDiCoSo', 'win32', null)).toBe(true)
    expect(isNetworkLocation('C:\\Users\\vanthu\\AppData\\Roaming\\SoDiCoSo', 'win32', null)).toBe(false)
    expect(isNetworkLocation('/mnt/chia-se/SoDiCoSo', 'linux', 0xff534d42)).toBe(true)
    expect(isNetworkLocation('/home/vanthu/.config/SoDiCoSo', 'linux', 0xef53)).toBe(false)
  })
})
