/**
 * `backup` and `restore` from a terminal: their usage and option checks (light, for `help` and
 * usage mistakes); the work is run-backup.ts's, loaded once the options are right.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

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
      const { runBackup } = await import('./run-backup')
      return runBackup(dbFile, out)
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
      const { runRestore } = await import('./run-backup')
      return runRestore(source, dbFile)
    }
  }
}
