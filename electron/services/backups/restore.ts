/**
 * Restore: verify the chosen file, snapshot the current data, then put a verified copy of the
 * chosen file in place with one rename, so a crash at any moment leaves either the old
 * database or the restored one, never a mix. The caller reopens it (which migrates an older
 * copy forward, with its own snapshot first).
 */
import Database from 'better-sqlite3'
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { SnapshotInfo } from '../../../shared/api/backups'
import { AppError } from '../../../shared/api/errors'
import type { DatabaseHandle } from '../../db/connection'
import { copyDatabaseTo, fsyncPath, takeSnapshot } from './snapshot'
import { describeDatabaseFile, holdsData, verifyDatabaseFile } from './verify'

export interface RestoreFileOptions {
  /** The database file the app uses. */
  databaseFile: string
  /** The open database, if any (null on the corrupt-database screen). */
  current: DatabaseHandle | null
  migrationsFolder: string
  nowIso: string
}

export interface RestoredFile {
  restored: SnapshotInfo
  safetySnapshot: SnapshotInfo | null
}

export function restoreTempOf(databaseFile: string): string {
  return `${databaseFile}.khoi-phuc.tmp`
}

/** Leftover of a restore killed before its rename: never the database, safe to remove. */
export function removeRestoreLeftover(databaseFile: string): void {
  rmSync(restoreTempOf(databaseFile), { force: true })
}

/**
 * Closes `current` after moving everything from its -wal into the file. Refuses (leaving it
 * open) when another program holds the database: its -wal would otherwise be replayed onto the
 * restored file.
 */
function closeForReplace(current: DatabaseHandle): void {
  const [result] = current.sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
  if (result && result.busy !== 0) {
    throw new AppError(
      'CONFLICT',
      'Một chương trình khác (dòng lệnh, hoặc máy khác qua thư mục chia sẻ) đang dùng cơ sở dữ liệu. Hãy đóng nó rồi khôi phục lại. Dữ liệu chưa bị thay đổi.'
    )
  }
  current.close()
  const wal = `${current.file}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new AppError(
      'CONFLICT',
      'Một chương trình khác đang mở cơ sở dữ liệu nên không thể thay tệp. Hãy đóng nó rồi khôi phục lại. Dữ liệu chưa bị thay đổi.'
    )
  }
}

export function restoreDatabaseFile(source: string, options: RestoreFileOptions): RestoredFile {
  const { databaseFile, current, migrationsFolder, nowIso } = options
  const from = resolve(source)
  if (from === resolve(databaseFile)) {
    throw new AppError(
      'VALIDATION',
      'Tệp được chọn chính là cơ sở dữ liệu đang dùng: hãy chọn một bản sao lưu.'
    )
  }
  // 1. The chosen file must be sound and ours before anything else happens.
  verifyDatabaseFile(from, migrationsFolder)
  // 2. The data as it is now becomes a snapshot ("Trước khi khôi phục").
  //    A database that holds nothing yet (a new PC) has nothing to keep.
  const safetySnapshot =
    current && holdsData(current.sqlite)
      ? takeSnapshot(current.sqlite, databaseFile, { kind: 'restore', nowIso, migrationsFolder })
      : null
  // 3. A copy of the chosen file beside the database (same disk, so the rename is atomic),
  //    read through SQLite so a -wal beside the chosen file is included; verified again.
  const temp = restoreTempOf(databaseFile)
  rmSync(temp, { force: true })
  const reader = new Database(from, { readonly: true, fileMustExist: true })
  try {
    copyDatabaseTo(reader, temp)
  } finally {
    reader.close()
  }
  try {
    verifyDatabaseFile(temp, migrationsFolder)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  // 4. Swap: close the current database (its -wal folded in), drop the now stale -wal/-shm,
  //    and rename the copy over the file in one step.
  if (current) closeForReplace(current)
  rmSync(`${databaseFile}-wal`, { force: true })
  rmSync(`${databaseFile}-shm`, { force: true })
  renameSync(temp, databaseFile)
  fsyncPath(dirname(databaseFile))
  return { restored: describeDatabaseFile(from, migrationsFolder), safetySnapshot }
}
