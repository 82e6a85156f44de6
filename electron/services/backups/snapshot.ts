/**
 * Taking a snapshot: VACUUM INTO a temp name beside the final one, flush it to disk, verify
 * the copy (full integrity_check, our migrations present), and only then rename it to its
 * final name. A half-written or unverified copy therefore never shows up as a snapshot.
 */
import type Database from 'better-sqlite3'
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { SnapshotInfo, SnapshotKind } from '../../../shared/api/backups'
import { AppError } from '../../../shared/api/errors'
import { rotateSnapshots } from './rotate'
import { removeStaleTempFiles, snapshotFileName, snapshotsFolderOf, TEMP_SUFFIX } from './store'
import { verifyDatabaseFile } from './verify'

/** Flushes a file (or, where the OS allows, a folder entry) to disk. */
export function fsyncPath(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // Folders cannot be opened for fsync on Windows; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Writes a consistent copy of the open database to `target` (which must not exist).
 * VACUUM INTO reads inside one read transaction, so it sees the committed state including
 * what still sits in the -wal, while other writes wait or continue on the original.
 */
export function copyDatabaseTo(sqlite: Database.Database, target: string): void {
  try {
    sqlite.prepare('VACUUM INTO ?').run(target)
  } catch (error) {
    rmSync(target, { force: true })
    const reason = (error as Error).message
    const full = /full|space/i.test(reason)
    throw new AppError(
      'CONFLICT',
      full
        ? `Không ghi được bản sao lưu vào ${target}: ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn nơi khác.`
        : `Không ghi được bản sao lưu vào ${target} (thư mục không cho ghi, hoặc USB đã rút ra?).`,
      [reason]
    )
  }
  fsyncPath(target)
}

export interface SnapshotOptions {
  kind: SnapshotKind
  nowIso: string
  migrationsFolder: string
  /** Another folder (a USB stick); default: SaoLuu beside the database, which is rotated. */
  folder?: string
}

export function takeSnapshot(
  sqlite: Database.Database,
  databaseFile: string,
  options: SnapshotOptions
): SnapshotInfo {
  const own = snapshotsFolderOf(databaseFile)
  const folder = resolve(options.folder ?? own)
  try {
    mkdirSync(folder, { recursive: true })
  } catch (error) {
    throw new AppError('CONFLICT', `Không tạo được thư mục sao lưu ${folder}.`, [(error as Error).message])
  }
  removeStaleTempFiles(folder, Date.parse(options.nowIso))
  const name = snapshotFileName(folder, options.kind, options.nowIso)
  const final = join(folder, name)
  const temp = final + TEMP_SUFFIX
  copyDatabaseTo(sqlite, temp)
  let contents
  try {
    contents = verifyDatabaseFile(temp, options.migrationsFolder)
  } catch (error) {
    rmSync(temp, { force: true })
    throw new AppError(
      'CONFLICT',
      'Bản sao lưu vừa ghi không qua được kiểm tra nên đã bị bỏ; dữ liệu hiện tại không bị đụng tới.',
      [error instanceof Error ? error.message : String(error)]
    )
  }
  renameSync(temp, final)
  fsyncPath(folder)
  const size = statSync(final).size
  if (folder === resolve(own)) rotateSnapshots(folder, options.nowIso, undefined, name)
  return {
    file: final,
    name,
    kind: options.kind,
    takenAt: options.nowIso,
    size,
    contents,
    problem: null
  }
}
