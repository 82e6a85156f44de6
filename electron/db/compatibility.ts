/**
 * Is this file a Sổ đi cơ sở database this build may open? Its applied migrations must be a
 * prefix of the shipped ones. Read-only: a refused file is never touched.
 */
import type Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { AppError } from '../../shared/api/errors'

export const MIGRATIONS_TABLE = '__drizzle_migrations'

interface AppliedMigration {
  hash: string
  created_at: number
}

export const FOREIGN_DATABASE_MESSAGE =
  'Tệp này không phải cơ sở dữ liệu của Sổ đi cơ sở (không có bảng phiên bản). Không có gì bị thay đổi.'

function userTableCount(sqlite: Database.Database): number {
  const row = sqlite
    .prepare(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`
    )
    .get(MIGRATIONS_TABLE) as { n: number }
  return row.n
}

/**
 * Throws DATABASE_MISMATCH when the database holds migrations this build does not know
 * (a newer version of the app wrote it, or it belongs to another program), or tables
 * without our migrations (another program's database, an empty migrations table included:
 * another drizzle app looks exactly like that). Returns how many migrations are applied.
 */
export function assertMigrationsCompatible(sqlite: Database.Database, migrationsFolder: string): number {
  const shipped = readMigrationFiles({ migrationsFolder })
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE)
  if (!hasTable) {
    if (userTableCount(sqlite) > 0) throw new AppError('DATABASE_MISMATCH', FOREIGN_DATABASE_MESSAGE)
    return 0
  }
  const applied = sqlite
    .prepare(`SELECT hash, created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`)
    .all() as AppliedMigration[]
  // An empty migrations table beside our own nothing is what a first start killed between
  // drizzle's CREATE TABLE and its migration transaction leaves: ours, safe to migrate. With
  // other tables beside it, it is another program's database.
  if (applied.length === 0) {
    if (userTableCount(sqlite) > 0) {
      throw new AppError(
        'DATABASE_MISMATCH',
        'Tệp này không phải cơ sở dữ liệu của Sổ đi cơ sở (bảng phiên bản trống, bên cạnh dữ liệu của một chương trình khác). Không có gì bị thay đổi.'
      )
    }
    return 0
  }
  const mismatch = applied.findIndex(
    (row, i) =>
      shipped[i] === undefined ||
      shipped[i]?.hash !== row.hash ||
      shipped[i]?.folderMillis !== Number(row.created_at)
  )
  if (mismatch !== -1) {
    throw new AppError(
      'DATABASE_MISMATCH',
      `Cơ sở dữ liệu được tạo bởi một phiên bản khác của phần mềm (bản cập nhật thứ ${mismatch + 1} không khớp với phiên bản này). ` +
        'Hãy mở bằng phiên bản mới hơn của Sổ đi cơ sở. Không có gì bị thay đổi.'
    )
  }
  return applied.length
}

/** How many shipped migrations there are (a database with fewer applied will be migrated). */
export function shippedMigrationCount(migrationsFolder: string): number {
  return readMigrationFiles({ migrationsFolder }).length
}
