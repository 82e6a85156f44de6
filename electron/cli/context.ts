/**
 * Opening the clerk's database for a command, with the same services as the app. Heavy
 * (drizzle, better-sqlite3): only the commands' run-*.ts modules import it.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { SnapshotInfo, SnapshotKind } from '../../shared/api/backups'
import { AppError } from '../../shared/api/errors'
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle } from '../db/connection'
import { takeSnapshot } from '../services/backups/snapshot'
import { holdsData } from '../services/backups/verify'
import { createServiceContext, type ServiceContext } from '../services/context'
import { DATABASE_FILE_NAME } from './args'

/** The snapshot capability the CLI hands the services (before an import). */
export function cliSnapshot(handle: DatabaseHandle): (kind: SnapshotKind) => SnapshotInfo | null {
  return (kind) =>
    holdsData(handle.sqlite)
      ? takeSnapshot(handle.sqlite, handle.file, {
          kind,
          nowIso: new Date().toISOString(),
          migrationsFolder: handle.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER
        })
      : null
}

/** The database refused as "not ours" says which file, in the clerk's words. */
function databaseProblem(error: unknown, file: string): unknown {
  if (!(error instanceof AppError)) return error
  if (error.code === 'DATABASE_UNREADABLE') {
    return new AppError(
      error.code,
      `Tệp ${file} không phải cơ sở dữ liệu của Sổ đi cơ sở (không đọc được như một tệp SQLite). Không có gì bị thay đổi.`
    )
  }
  if (error.code === 'DATABASE_MISMATCH' && error.message.startsWith('Tệp này không phải')) {
    return new AppError(
      error.code,
      `Tệp ${file} không phải cơ sở dữ liệu của Sổ đi cơ sở (là cơ sở dữ liệu của chương trình khác). Không có gì bị thay đổi.`
    )
  }
  return error
}

export async function withContext<T>(
  dbFile: string,
  mustExist: boolean,
  fn: (ctx: ServiceContext) => T | Promise<T>,
  shownAs: string = dbFile
): Promise<T> {
  let handle
  try {
    handle = openDatabase(resolve(dbFile), { mustExist })
  } catch (error) {
    throw databaseProblem(error, shownAs)
  }
  try {
    return await fn({ ...createServiceContext(handle), snapshot: cliSnapshot(handle) })
  } finally {
    handle.close()
  }
}

/**
 * A dry run reads a copy of the database (and of its write-ahead log) in a temporary folder,
 * so the clerk's file stays byte for byte as it was, even when it needs a migration or does
 * not exist yet (then the preview is against an empty database).
 */
export async function withCopyOf<T>(dbFile: string, fn: (ctx: ServiceContext) => T | Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'so-di-co-so-chay-thu-'))
  const copy = join(folder, DATABASE_FILE_NAME)
  try {
    for (const suffix of ['', '-wal']) {
      if (existsSync(dbFile + suffix)) copyFileSync(dbFile + suffix, copy + suffix)
    }
    return await withContext(copy, false, fn, dbFile)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}
