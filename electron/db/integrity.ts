/**
 * Open-time checks of the file itself: is it SQLite at all, is it intact (quick_check, or the
 * full integrity_check after an unclean exit), and where a corrupt file goes (quarantine) so
 * the clerk's only copy is kept as it was while the app offers a snapshot instead.
 */
import type Database from 'better-sqlite3'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../shared/api/errors'

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** Folder beside the database where corrupt files are moved ("cách ly"). */
export const QUARANTINE_FOLDER = 'CachLy'

export type FileShape = 'missing' | 'empty' | 'sqlite' | 'other'

/** What the file looks like from its first bytes, read without opening it with SQLite. */
export function fileShape(file: string): FileShape {
  if (!existsSync(file)) return 'missing'
  const size = statSync(file).size
  if (size === 0) return 'empty'
  if (size < SQLITE_HEADER.length) return 'other'
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length)
    readSync(fd, head, 0, head.length, 0)
    return head.equals(SQLITE_HEADER) ? 'sqlite' : 'other'
  } finally {
    closeSync(fd)
  }
}

/**
 * The problems SQLite finds ([] when intact). quick_check reads every page but skips the
 * index-versus-table comparison, so it is fast enough for every start; integrity_check is the
 * full check, run after an unclean exit. A check that throws (SQLITE_CORRUPT) is a problem too.
 */
export function integrityProblems(sqlite: Database.Database, full: boolean): string[] {
  try {
    const rows = sqlite.pragma(full ? 'integrity_check(20)' : 'quick_check(20)') as Array<
      Record<string, unknown>
    >
    const lines = rows.map((row) => String(Object.values(row)[0] ?? ''))
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)]
  }
}

/** Raised when the database file is damaged; `quarantinedTo` says where it was moved (if it was). */
export class CorruptDatabaseError extends AppError {
  readonly file: string
  readonly quarantinedTo: string | null
  readonly problems: string[]

  constructor(file: string, quarantinedTo: string | null, problems: string[]) {
    super(
      'DATABASE_UNREADABLE',
      quarantinedTo
        ? `Tệp cơ sở dữ liệu ${file} bị hỏng. Tệp hỏng đã được chuyển sang ${quarantinedTo} (giữ nguyên để có thể cứu). Hãy khôi phục từ bản sao lưu gần nhất.`
        : `Tệp cơ sở dữ liệu ${file} bị hỏng. Không có gì bị thay đổi. Hãy khôi phục từ một bản sao lưu (npm run cli -- restore <tệp sao lưu> --db ${file}).`,
      problems.slice(0, 5)
    )
    this.file = file
    this.quarantinedTo = quarantinedTo
    this.problems = problems
  }
}

/** "2026-11-29T23-40-12" from an ISO timestamp: sortable, and legal in Windows file names. */
export function fileStamp(iso: string): string {
  return iso
    .replace(/\.\d+Z?$/, '')
    .replace(/Z$/, '')
    .replace(/:/g, '-')
}

/**
 * Moves the database and its -wal/-shm (the -wal may hold the newest committed changes, so
 * they travel together) into CachLy/<time>/ beside it. Rename, not copy: nothing of the
 * damaged file stays where the app opens it, and nothing of it is rewritten.
 */
export function quarantineDatabase(file: string, nowIso: string): string {
  const base = join(dirname(file), QUARANTINE_FOLDER, fileStamp(nowIso))
  let folder = base
  for (let n = 2; existsSync(folder); n++) folder = `${base}-${n}`
  mkdirSync(folder, { recursive: true })
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, join(folder, basename(file) + suffix))
  }
  writeFileSync(
    join(folder, 'DOC-TRUOC.txt'),
    `Tệp cơ sở dữ liệu này bị hỏng nên Sổ đi cơ sở đã chuyển nó vào đây lúc ${nowIso} (giờ UTC).\r\n` +
      'Đừng xóa: có thể nhờ kỹ thuật viên cứu dữ liệu từ tệp này.\r\n'
  )
  return folder
}

/** Marker beside the database while it is open: found at open, it means the last run did not close. */
export function openMarkerOf(file: string): string {
  return `${file}.dang-mo`
}

/** After an unclean exit (the marker was left behind) the full check, otherwise the quick one. */
export function checkDepthFor(file: string): 'full' | 'quick' {
  return existsSync(openMarkerOf(file)) ? 'full' : 'quick'
}

export function setOpenMarker(file: string): void {
  try {
    writeFileSync(openMarkerOf(file), `${process.pid}\n`)
  } catch {
    // A read-only folder: the full check after a crash is lost, nothing else.
  }
}

export function clearOpenMarker(file: string): void {
  rmSync(openMarkerOf(file), { force: true })
}
