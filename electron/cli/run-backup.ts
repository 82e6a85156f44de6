/**
 * `backup` and `restore`'s work, once backup.ts has checked their options: the same verified
 * copy and atomic swap as the app's Sao lưu page (electron/services/backups). Loaded on demand.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseContents } from '../../shared/api/backups'
import { AppError } from '../../shared/api/errors'
import { formatDateVi } from '../../shared/domain/dates'
import {
  CorruptDatabaseError,
  DEFAULT_MIGRATIONS_FOLDER,
  openDatabase,
  type DatabaseHandle
} from '../db/connection'
import { restoreDatabaseFile } from '../services/backups/restore'
import { copyDatabaseTo, fsyncPath, takeSnapshot } from '../services/backups/snapshot'
import { TEMP_SUFFIX } from '../services/backups/store'
import { readContents, verifyDatabaseFile } from '../services/backups/verify'

function describe(contents: DatabaseContents): string {
  const last = contents.lastChange ? formatDateVi(contents.lastChange.slice(0, 10)) : 'chưa có'
  return (
    `${contents.cadres} cán bộ, ${contents.trips} chuyến đi, ${contents.units} đơn vị, ` +
    `${contents.issuedDocuments} văn bản đã cấp số, ${contents.changes} thay đổi (thay đổi cuối: ${last})`
  )
}

export function runBackup(dbFile: string, out: string): number {
  const handle = openDatabase(dbFile, { mustExist: true })
  try {
    if (existsSync(out) && statSync(out).isDirectory()) {
      const info = takeSnapshot(handle.sqlite, dbFile, {
        kind: 'manual',
        nowIso: new Date().toISOString(),
        migrationsFolder: handle.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER,
        folder: out
      })
      process.stdout.write(`Đã sao lưu: ${info.file}\n  ${info.contents ? describe(info.contents) : ''}\n`)
      return 0
    }
    if (existsSync(out)) {
      throw new AppError('CONFLICT', `Tệp ${out} đã có: hãy chọn tên khác (không ghi đè lên tệp có sẵn).`)
    }
    const temp = out + TEMP_SUFFIX
    rmSync(temp, { force: true })
    copyDatabaseTo(handle.sqlite, temp)
    let contents: DatabaseContents
    try {
      contents = verifyDatabaseFile(temp, handle.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER)
    } catch (error) {
      rmSync(temp, { force: true })
      throw error
    }
    renameSync(temp, out)
    fsyncPath(join(out, '..'))
    process.stdout.write(`Đã sao lưu: ${out}\n  ${describe(contents)}\n`)
    return 0
  } finally {
    handle.close()
  }
}

export function runRestore(source: string, dbFile: string): number {
  const checkFolder = DEFAULT_MIGRATIONS_FOLDER
  // Check the source first: a bad file must not even open (or create) the target.
  verifyDatabaseFile(source, checkFolder)
  let current: DatabaseHandle | null = null
  if (existsSync(dbFile)) {
    try {
      current = openDatabase(dbFile, { onCorrupt: 'quarantine' })
    } catch (error) {
      // A damaged database is moved aside (CachLy) and replaced; anything else refuses.
      if (!(error instanceof CorruptDatabaseError)) throw error
      process.stderr.write(`${error.message}\n`)
    }
  }
  let result
  try {
    result = restoreDatabaseFile(source, {
      databaseFile: dbFile,
      current,
      migrationsFolder: checkFolder,
      nowIso: new Date().toISOString()
    })
  } finally {
    current?.close()
  }
  // Reopening migrates an older copy forward (with its own snapshot first).
  const reopened = openDatabase(dbFile, { mustExist: true })
  const contents = readContents(reopened.sqlite)
  reopened.close()
  if (result.safetySnapshot)
    process.stdout.write(`Dữ liệu trước khi khôi phục đã được sao lưu: ${result.safetySnapshot.file}\n`)
  process.stdout.write(`Đã khôi phục ${dbFile} từ ${source}\n  ${describe(contents)}\n`)
  return 0
}
