/**
 * Opening the database, in an order that never changes a file it refuses:
 *   1. the file's first bytes (0-byte or not SQLite: refused untouched);
 *   2. the applied migrations must be a known prefix of the shipped ones (another program's
 *      database, an empty migrations table beside other tables included: refused untouched);
 *   3. quick_check, or the full integrity_check when the last run did not close (a marker
 *      file beside the database); a damaged file is refused, or quarantined by the app;
 *   4. a verified snapshot before migrating an existing database forward;
 *   5. pragmas for safety (WAL, foreign keys, busy timeout) and the pending migrations.
 */
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../shared/api/errors'
import { takeSnapshot } from '../services/backups/snapshot'
import { assertMigrationsCompatible, MIGRATIONS_TABLE, shippedMigrationCount } from './compatibility'
import {
  clearOpenMarker,
  CorruptDatabaseError,
  fileShape,
  checkDepthFor,
  integrityProblems,
  quarantineDatabase,
  setOpenMarker
} from './integrity'
import { schema } from './schema'

export { assertMigrationsCompatible } from './compatibility'
export { CorruptDatabaseError } from './integrity'

export type AppDatabase = BetterSQLite3Database<typeof schema>

export interface DatabaseHandle {
  db: AppDatabase
  sqlite: Database.Database
  file: string
  /**
   * The migrations this database was checked against (snapshots and restores verify with
   * them); openDatabase always sets it, a handle built by hand in a test may leave it out.
   */
  migrationsFolder?: string
  close(): void
}

/** The migrations shipped with this source tree (CLI, tests); the app passes its own path. */
export const DEFAULT_MIGRATIONS_FOLDER = join(__dirname, 'migrations')

export interface OpenOptions {
  migrationsFolder?: string
  /** Open without creating the file (CLI summary/export on a missing file is an error). */
  mustExist?: boolean
  /**
   * A damaged file: 'refuse' (default: the CLI and tests say so and leave it) or 'quarantine'
   * (the app moves it with its -wal/-shm into CachLy/ and offers a snapshot instead).
   */
  onCorrupt?: 'refuse' | 'quarantine'
  /** Take a verified snapshot before migrating a database that has data (default true). */
  snapshotBeforeMigration?: boolean
  /** The time for snapshot and quarantine names (tests fix it). */
  now?: () => string
}

function unreadable(file: string, reason: string): AppError {
  return new AppError('DATABASE_UNREADABLE', `Không mở được tệp cơ sở dữ liệu ${file}: ${reason}`)
}

export function openDatabase(file: string, options: OpenOptions = {}): DatabaseHandle {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER
  const now = options.now ?? (() => new Date().toISOString())
  const shape = fileShape(file)
  if (options.mustExist && shape === 'missing') {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp cơ sở dữ liệu: ${file}`)
  }
  // A 0-byte file is what a copy interrupted at its start or a crashed format leaves: adopting
  // it would silently start an empty office over the clerk's file name.
  if (shape === 'empty') {
    throw unreadable(
      file,
      'tệp rỗng (0 byte), không phải cơ sở dữ liệu của Sổ đi cơ sở. Không có gì bị thay đổi.'
    )
  }
  if (shape === 'other') {
    throw unreadable(file, 'tệp không phải cơ sở dữ liệu SQLite của Sổ đi cơ sở. Không có gì bị thay đổi.')
  }
  mkdirSync(dirname(file), { recursive: true })

  // An existing file is checked through a read-only connection: it can neither checkpoint a
  // -wal into the file nor delete it on close, so a refused or damaged file (and its -wal/-shm)
  // stays exactly as it was. Only a file that passes is opened for writing.
  if (shape === 'sqlite') {
    const applied = checkExistingFile(file, migrationsFolder, options, now)
    return openChecked(file, migrationsFolder, options, now, applied)
  }
  return openChecked(file, migrationsFolder, options, now, 0)
}

function checkExistingFile(
  file: string,
  migrationsFolder: string,
  options: OpenOptions,
  now: () => string
): number {
  const corrupt = (problems: string[]): never => {
    const quarantinedTo =
      options.onCorrupt === 'quarantine' && existsSync(file) ? quarantineDatabase(file, now()) : null
    throw new CorruptDatabaseError(file, quarantinedTo, problems)
  }
  // Reading a WAL-mode file creates an empty -wal/-shm beside it; those the probe created are
  // removed again, so a refused file is left with nothing new next to it either.
  const created = ['-wal', '-shm'].filter((suffix) => !existsSync(file + suffix))
  try {
    return probeFile(file, migrationsFolder, corrupt)
  } finally {
    for (const suffix of created) {
      const extra = file + suffix
      if (existsSync(extra) && (suffix === '-shm' || statSync(extra).size === 0))
        rmSync(extra, { force: true })
    }
  }
}

function probeFile(file: string, migrationsFolder: string, corrupt: (problems: string[]) => never): number {
  // Read-only first; a file SQLite will only read through a writable connection (a hot
  // rollback journal left by a crash needs rolling back) gets a second, writable probe.
  for (const readonly of [true, false]) {
    let probe: Database.Database
    try {
      probe = new Database(file, { readonly, fileMustExist: true })
    } catch (error) {
      throw unreadable(file, (error as Error).message)
    }
    try {
      // First read: a damaged schema page fails here.
      probe.prepare('SELECT count(*) FROM sqlite_master').get()
      const applied = assertMigrationsCompatible(probe, migrationsFolder)
      const problems = integrityProblems(probe, checkDepthFor(file) === 'full')
      probe.close()
      if (problems.length > 0) return corrupt(problems)
      return applied
    } catch (error) {
      if (probe.open) probe.close()
      if (error instanceof AppError) throw error
      const code = (error as { code?: string }).code ?? ''
      if (readonly && /^SQLITE_(READONLY|CANTOPEN|BUSY)/.test(code)) continue
      // The header said SQLite, yet reading the schema failed: the file is damaged.
      return corrupt([(error as Error).message])
    }
  }
  throw unreadable(file, 'không đọc được tệp.')
}

function openChecked(
  file: string,
  migrationsFolder: string,
  options: OpenOptions,
  now: () => string,
  applied: number
): DatabaseHandle {
  let sqlite: Database.Database
  try {
    sqlite = new Database(file, { fileMustExist: options.mustExist ?? false })
  } catch (error) {
    throw unreadable(file, (error as Error).message)
  }
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // NORMAL is durable in WAL mode against application crashes; a power loss may lose the
    // last transaction but never corrupts the file.
    sqlite.pragma('synchronous = NORMAL')
    // An older database is copied before it is migrated: a migration that goes wrong (or a
    // newer version the clerk wants to step back from) leaves a way back.
    if (
      applied > 0 &&
      applied < shippedMigrationCount(migrationsFolder) &&
      options.snapshotBeforeMigration !== false
    ) {
      takeSnapshot(sqlite, file, { kind: 'migration', nowIso: now(), migrationsFolder })
    }
    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE })
    setOpenMarker(file)
    return {
      db,
      sqlite,
      file,
      migrationsFolder,
      close: () => {
        if (!sqlite.open) return
        sqlite.close()
        clearOpenMarker(file)
      }
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
