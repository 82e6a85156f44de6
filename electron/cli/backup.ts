/**
 * `backup` and `restore` from a terminal: the same verified copy and atomic swap as the app's
 * Sao lưu page (electron/services/backups).
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { DatabaseContents, SnapshotInfo, SnapshotKind } from '../../shared/api/backups'
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
import { holdsData, readContents, verifyDatabaseFile } from '../services/backups/verify'

/** Same contract as commands.ts's Command (kept structural to avoid an import cycle). */
interface CliCommand {
  usage: string
  summary: string
  run(args: string[]): Promise<number>
}

/** A usage mistake: commands.ts's UsageError is created through this hook to keep exit code 2. */
export type UsageErrorFactory = (message: string) => Error

function parse(
  args: string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
  positionals: number,
  usageError: UsageErrorFactory
) {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true })
  } catch (error) {
    const option = /'(-{1,2}[^'\s=]+)/.exec((error as Error).message)?.[1]
    throw usageError(option ? `Tùy chọn không hợp lệ hoặc thiếu giá trị: ${option}` : 'Tham số không hợp lệ.')
  }
  if (parsed.positionals.length !== positionals) {
    throw usageError(positionals === 0 ? 'Tham số thừa.' : `Cần ${positionals} tham số (tệp sao lưu).`)
  }
  return parsed
}

function requireValue(value: unknown, name: string, usageError: UsageErrorFactory): string {
  if (typeof value !== 'string' || value.trim() === '') throw usageError(`Thiếu --${name}.`)
  return value
}

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

function describe(contents: DatabaseContents): string {
  const last = contents.lastChange ? formatDateVi(contents.lastChange.slice(0, 10)) : 'chưa có'
  return (
    `${contents.cadres} cán bộ, ${contents.trips} chuyến đi, ${contents.units} đơn vị, ` +
    `${contents.issuedDocuments} văn bản đã cấp số, ${contents.changes} thay đổi (thay đổi cuối: ${last})`
  )
}

export function backupCommand(usageError: UsageErrorFactory): CliCommand {
  return {
    usage: 'npm run cli -- backup --db <tệp.sqlite> --out <tệp sao lưu.sqlite | thư mục>',
    summary:
      'Sao lưu cơ sở dữ liệu (kể cả phần còn trong -wal khi phần mềm đang mở) ra một tệp, kiểm tra toàn vẹn bản sao. ' +
      'Nếu --out là thư mục, tệp được đặt tên theo giờ sao lưu.',
    async run(args) {
      const { values } = parse(args, { db: { type: 'string' }, out: { type: 'string' } }, 0, usageError)
      const dbFile = resolve(requireValue(values.db, 'db', usageError))
      const out = resolve(requireValue(values.out, 'out', usageError))
      const handle = openDatabase(dbFile, { mustExist: true })
      try {
        if (existsSync(out) && statSync(out).isDirectory()) {
          const info = takeSnapshot(handle.sqlite, dbFile, {
            kind: 'manual',
            nowIso: new Date().toISOString(),
            migrationsFolder: handle.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER,
            folder: out
          })
          process.stdout.write(
            `Đã sao lưu: ${info.file}\n  ${info.contents ? describe(info.contents) : ''}\n`
          )
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
  }
}

export function restoreCommand(usageError: UsageErrorFactory): CliCommand {
  return {
    usage: 'npm run cli -- restore <tệp sao lưu.sqlite> --db <tệp.sqlite>',
    summary:
      'Khôi phục cơ sở dữ liệu từ một bản sao lưu: kiểm tra tệp, sao lưu dữ liệu hiện tại (SaoLuu, "Trước khi khôi phục"), ' +
      'rồi thay tệp trong một bước. Hãy đóng phần mềm trước.',
    async run(args) {
      const { values, positionals } = parse(args, { db: { type: 'string' } }, 1, usageError)
      const source = resolve(positionals[0] ?? '')
      const dbFile = resolve(requireValue(values.db, 'db', usageError))
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
  }
}
