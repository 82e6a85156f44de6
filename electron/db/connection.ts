/**
 * Opening the database: pragmas for safety (WAL, foreign keys, busy timeout), a check that
 * the file's applied migrations are a prefix of the ones this build ships (refuse, change
 * nothing, otherwise), then the pending migrations in one go.
 */
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../shared/api/errors'
import { schema } from './schema'

export type AppDatabase = BetterSQLite3Database<typeof schema>

export interface DatabaseHandle {
  db: AppDatabase
  sqlite: Database.Database
  file: string
  close(): void
}

/** The migrations shipped with this source tree (CLI, tests); the app passes its own path. */
export const DEFAULT_MIGRATIONS_FOLDER = join(__dirname, 'migrations')

const MIGRATIONS_TABLE = '__drizzle_migrations'

interface AppliedMigration {
  hash: string
  created_at: number
}

/**
 * Throws DATABASE_MISMATCH when the database holds migrations this build does not know
 * (a newer version of the app wrote it, or it belongs to another program).
 */
export function assertMigrationsCompatible(sqlite: Database.Database, migrationsFolder: string): void {
  const shipped = readMigrationFiles({ migrationsFolder })
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE)
  if (!hasTable) {
    const userTables = sqlite
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .get() as { n: number }
    if (userTables.n > 0) {
      throw new AppError(
        'DATABASE_MISMATCH',
        'Tệp này không phải cơ sở dữ liệu của Sổ đi cơ sở (không có bảng phiên bản). Không có gì bị thay đổi.'
      )
    }
    return
  }
  const applied = sqlite
    .prepare(`SELECT hash, created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`)
    .all() as AppliedMigration[]
  const mismatch = applied.findIndex(
    (row, i) => shipped[i] === undefined || shipped[i]?.hash !== row.hash || shipped[i]?.folderMillis !== Number(row.created_at)
  )
  if (mismatch !== -1) {
    throw new AppError(
      'DATABASE_MISMATCH',
      `Cơ sở dữ liệu được tạo bởi một phiên bản khác của phần mềm (bản cập nhật thứ ${mismatch + 1} không khớp với phiên bản này). ` +
        'Hãy mở bằng phiên bản mới hơn của Sổ đi cơ sở. Không có gì bị thay đổi.'
    )
  }
}

export interface OpenOptions {
  migrationsFolder?: string
  /** Open without creating the file (CLI summary/export on a missing file is an error). */
  mustExist?: boolean
}

export function openDatabase(file: string, options: OpenOptions = {}): DatabaseHandle {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER
  if (options.mustExist && !existsSync(file)) {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp cơ sở dữ liệu: ${file}`)
  }
  mkdirSync(dirname(file), { recursive: true })
  let sqlite: Database.Database
  try {
    sqlite = new Database(file, { fileMustExist: options.mustExist ?? false })
    // First read: a file that is not SQLite fails here, before anything is written to it.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    throw new AppError('DATABASE_UNREADABLE', `Không mở được tệp cơ sở dữ liệu ${file}: ${(error as Error).message}`)
  }
  try {
    // Checked before any pragma that writes (journal_mode = WAL changes the file header), so
    // a refused file is left byte for byte as it was.
    assertMigrationsCompatible(sqlite, migrationsFolder)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // NORMAL is durable in WAL mode against application crashes; a power loss may lose the
    // last transaction but never corrupts the file.
    sqlite.pragma('synchronous = NORMAL')
    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE })
    return { db, sqlite, file, close: () => sqlite.close() }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
