/**
 * Is a file a sound Sổ đi cơ sở database, and what does it hold? Opened read-only, so
 * inspecting a picked file (a USB stick, another office's copy) never changes it.
 */
import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { DatabaseContents, SnapshotInfo } from '../../../shared/api/backups'
import { AppError } from '../../../shared/api/errors'
import { assertMigrationsCompatible } from '../../db/compatibility'
import { fileShape, integrityProblems } from '../../db/integrity'
import { parseSnapshotName } from './store'

function count(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

/** Whether there is anything worth an automatic snapshot: every data write is in the change log. */
export function holdsData(sqlite: Database.Database): boolean {
  return count(sqlite, 'change_log') > 0
}

export function readContents(sqlite: Database.Database): DatabaseContents {
  const last = sqlite.prepare('SELECT max(at) AS at FROM change_log').get() as { at: string | null }
  return {
    cadres: count(sqlite, 'cadres'),
    trips: count(sqlite, 'trips'),
    units: count(sqlite, 'units'),
    issuedDocuments: count(sqlite, 'issued_documents'),
    changes: count(sqlite, 'change_log'),
    lastChange: last.at
  }
}

/**
 * Checks the file (SQLite header, full integrity_check, our migrations as a known prefix,
 * at least one applied) and reads its contents. Throws a Vietnamese VALIDATION error naming
 * the file otherwise.
 */
export function verifyDatabaseFile(file: string, migrationsFolder: string): DatabaseContents {
  const shape = fileShape(file)
  if (shape === 'missing') throw new AppError('NOT_FOUND', `Không tìm thấy tệp ${file}.`)
  if (shape === 'empty')
    throw new AppError('VALIDATION', `Tệp ${file} rỗng (0 byte): không phải bản sao lưu.`)
  if (shape === 'other') {
    throw new AppError(
      'VALIDATION',
      `Tệp ${file} không phải cơ sở dữ liệu của Sổ đi cơ sở (không phải tệp SQLite).`
    )
  }
  let sqlite: Database.Database
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new AppError('VALIDATION', `Không mở được tệp ${file}.`, [(error as Error).message])
  }
  try {
    const problems = integrityProblems(sqlite, true)
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Tệp ${file} bị hỏng (kiểm tra toàn vẹn không đạt): không dùng được.`,
        problems.slice(0, 5)
      )
    }
    let applied: number
    try {
      applied = assertMigrationsCompatible(sqlite, migrationsFolder)
    } catch (error) {
      if (error instanceof AppError) throw new AppError('VALIDATION', `Tệp ${file}: ${error.message}`)
      throw error
    }
    if (applied === 0) {
      throw new AppError(
        'VALIDATION',
        `Tệp ${file} không phải cơ sở dữ liệu của Sổ đi cơ sở (chưa có bảng dữ liệu nào).`
      )
    }
    return readContents(sqlite)
  } finally {
    sqlite.close()
  }
}

/** The page's view of a file: never throws for a bad file, says why in `problem` instead. */
export function describeDatabaseFile(file: string, migrationsFolder: string): SnapshotInfo {
  const name = basename(file)
  const parsed = parseSnapshotName(name)
  let size = 0
  let modified = new Date(0).toISOString()
  try {
    const stat = statSync(file)
    size = stat.size
    modified = stat.mtime.toISOString()
  } catch {
    // Missing: verifyDatabaseFile says so below.
  }
  const info: SnapshotInfo = {
    file,
    name,
    kind: parsed?.kind ?? null,
    takenAt: parsed?.takenAt ?? modified,
    size,
    contents: null,
    problem: null
  }
  try {
    info.contents = verifyDatabaseFile(file, migrationsFolder)
  } catch (error) {
    info.problem = error instanceof Error ? error.message : String(error)
  }
  return info
}
