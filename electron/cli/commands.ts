/**
 * The CLI commands. Each parses its own options (node:util parseArgs, strict) and calls the
 * services exactly as the app does.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { AppError } from '../../shared/api/errors'
import { isValidIsoDate, localToday } from '../../shared/domain/dates'
import { openDatabase } from '../db/connection'
import { DOCUMENT_CATALOG } from '../reports/catalog'
import { DOCUMENT_KINDS, exportDocument, type DocumentKind } from '../reports/export'
import { createServiceContext, type ServiceContext } from '../services/context'
import { buildDemoWorkbook } from '../services/demo'
import { readDepartment } from '../services/people-read'
import { loadYearSummaryView } from '../services/summary'
import { summaryToJson } from '../services/summary-json'
import { exportWorkbook, importWorkbook, importWorkbookData, writeWorkbook } from '../services/workbook'
import { printImportResult, printSummaryTable } from './print'

export class UsageError extends Error {}

export interface Command {
  usage: string
  summary: string
  run(args: string[]): Promise<number>
}

function parse<T extends ParseArgsConfig['options']>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true })
    if (parsed.positionals.length !== positionals) {
      throw new UsageError(`Cần ${positionals} tham số, nhận được ${parsed.positionals.length}.`)
    }
    return parsed
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`Tham số không hợp lệ: ${(error as Error).message}`)
  }
}

function requireOption(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Thiếu --${name}.`)
  return value
}

function parseYear(value: string): number {
  const year = Number(value)
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm không hợp lệ: "${value}".`)
  return year
}

function parseAsOf(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new UsageError(`Ngày --as-of không hợp lệ: "${String(value)}" (cần dạng YYYY-MM-DD).`)
  }
  return value
}

async function withContext<T>(
  dbFile: string,
  mustExist: boolean,
  fn: (ctx: ServiceContext) => T | Promise<T>
): Promise<T> {
  const handle = openDatabase(resolve(dbFile), { mustExist })
  try {
    return await fn(createServiceContext(handle))
  } finally {
    handle.close()
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

const importCommand: Command = {
  usage: 'npm run cli -- import <tệp.xlsx> --db <tệp.sqlite>',
  summary: 'Nhập tệp Excel mẫu nhập liệu vào cơ sở dữ liệu (tạo mới nếu chưa có). Tất cả hoặc không gì cả.',
  async run(args) {
    const { values, positionals } = parse(args, { db: { type: 'string' } }, 1)
    const xlsx = resolve(positionals[0] ?? '')
    const dbFile = resolve(requireOption(values.db, 'db'))
    if (!existsSync(xlsx)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp Excel: ${xlsx}`)
    const created = !existsSync(dbFile)
    const result = await withContext(dbFile, false, (ctx) => importWorkbook(ctx, readFileSync(xlsx), basename(xlsx)))
    // A database created for a refused import is removed again: the clerk is left exactly
    // where they started.
    if (!result.committed && created) removeDatabaseFiles(dbFile)
    printImportResult(result)
    return result.committed ? 0 : 1
  }
}

const summaryCommand: Command = {
  usage: 'npm run cli -- summary --db <tệp.sqlite> --year <YYYY> [--as-of <YYYY-MM-DD>] [--json]',
  summary: 'Tổng hợp kết quả đi cơ sở của một năm (mặc định tính đến hôm nay hoặc cuối năm).',
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' },
      year: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' }
    })
    const year = parseYear(requireOption(values.year, 'year'))
    const asOf = parseAsOf(values['as-of'])
    const view = await withContext(requireOption(values.db, 'db'), true, (ctx) => loadYearSummaryView(ctx, year, asOf))
    if (values.json) process.stdout.write(`${JSON.stringify(summaryToJson(view), null, 2)}\n`)
    else printSummaryTable(view)
    return 0
  }
}

const exportWorkbookCommand: Command = {
  usage: 'npm run cli -- export-workbook --db <tệp.sqlite> --out <tệp.xlsx> [--template]',
  summary: 'Xuất toàn bộ dữ liệu ra tệp Excel mẫu nhập liệu (--template: mẫu trống).',
  async run(args) {
    const { values } = parse(args, { db: { type: 'string' }, out: { type: 'string' }, template: { type: 'boolean' } })
    const out = resolve(requireOption(values.out, 'out'))
    const buffer = await withContext(requireOption(values.db, 'db'), true, (ctx) =>
      exportWorkbook(ctx, { template: values.template ?? false })
    )
    writeFileSync(out, buffer)
    process.stdout.write(`Đã xuất: ${out}\n`)
    return 0
  }
}

const demoCommand: Command = {
  usage: 'npm run cli -- demo --out <thư mục>',
  summary: 'Tạo văn phòng mẫu (cơ cấu 2026, ~20 cán bộ, một năm chuyến đi): demo.sqlite và demo.xlsx.',
  async run(args) {
    const { values } = parse(args, { out: { type: 'string' } })
    const folder = resolve(requireOption(values.out, 'out'))
    mkdirSync(folder, { recursive: true })
    const dbFile = join(folder, 'so-di-co-so-demo.sqlite')
    if (existsSync(dbFile)) throw new AppError('CONFLICT', `Thư mục đã có cơ sở dữ liệu mẫu: ${dbFile}. Hãy chọn thư mục khác.`)
    const today = localToday()
    const data = buildDemoWorkbook({ year: Number(today.slice(0, 4)), today })
    writeFileSync(join(folder, 'so-di-co-so-demo.xlsx'), await writeWorkbook(data))
    const result = await withContext(dbFile, false, (ctx) => importWorkbookData(ctx, data, 'Dữ liệu mẫu (demo)'))
    printImportResult(result)
    process.stdout.write(`Cơ sở dữ liệu mẫu: ${dbFile}\nTệp Excel mẫu: ${join(folder, 'so-di-co-so-demo.xlsx')}\n`)
    return result.committed ? 0 : 1
  }
}

const exportCommand: Command = {
  usage:
    'npm run cli -- export <văn bản> --db <tệp.sqlite> --year <YYYY> [--quarter N] [--trip <mã>] [--cadre <mã>] ' +
    '[--department <mã ban>] [--as-of <YYYY-MM-DD>] [--draft] --out <tệp.docx>\n' +
    `${''.padEnd(19)}văn bản: ${DOCUMENT_KINDS.join(', ')}`,
  summary: 'Xuất văn bản Word theo thể thức của Đoàn (văn bản ban hành lấy số tiếp theo trong sổ đăng ký).',
  async run(args) {
    const { values, positionals } = parse(
      args,
      {
        db: { type: 'string' },
        year: { type: 'string' },
        quarter: { type: 'string' },
        trip: { type: 'string' },
        cadre: { type: 'string' },
        department: { type: 'string' },
        'as-of': { type: 'string' },
        draft: { type: 'boolean' },
        out: { type: 'string' }
      },
      1
    )
    const kind = positionals[0] ?? ''
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`Không có văn bản "${kind}". Chọn một trong: ${DOCUMENT_KINDS.join(', ')}.`)
    }
    const document = kind as DocumentKind
    const p = DOCUMENT_CATALOG[document].parameters
    const dbFile = requireOption(values.db, 'db')
    const year = parseYear(requireOption(values.year, 'year'))
    const out = resolve(requireOption(values.out, 'out'))
    const missing = [
      p.quarter === 'required' && values.quarter === undefined ? '--quarter <1–4>' : null,
      p.trip === 'required' && values.trip === undefined ? '--trip <mã chuyến đi>' : null,
      p.cadre === 'required' && values.cadre === undefined ? '--cadre <mã cán bộ>' : null,
      p.department === 'required' && values.department === undefined ? '--department <mã ban>' : null
    ].filter((m): m is string => m !== null)
    if (missing.length) throw new UsageError(`Văn bản "${document}" cần ${missing.join(', ')}.`)
    let quarter: number | undefined
    if (values.quarter !== undefined) {
      quarter = Number(values.quarter)
      if (!Number.isInteger(quarter)) {
        throw new AppError('VALIDATION', `Quý không hợp lệ: "${values.quarter}" (chỉ có quý 1, 2, 3 hoặc 4).`)
      }
    }
    const asOf = parseAsOf(values['as-of'])
    const result = await withContext(dbFile, true, (ctx) => {
      // --department names the ban the document covers, or the ban drafting it (its abbreviation ends the symbol).
      const department = values.department === undefined ? undefined : readDepartment(ctx, values.department)
      const covered = p.departmentRole === 'covered'
      return exportDocument(ctx, {
        document,
        year,
        quarter,
        tripCode: values.trip,
        cadreCode: values.cadre,
        departmentCode: covered ? department?.code : undefined,
        departmentAbbreviation: covered ? undefined : department?.abbreviation,
        asOf,
        draft: values.draft ?? false
      })
    })
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, result.buffer)
    process.stdout.write(`Đã xuất: ${out}\n`)
    if (result.issued) process.stdout.write(`Số văn bản: ${result.issued.symbol} (đã ghi vào sổ đăng ký)\n`)
    for (const note of result.notes) process.stdout.write(`  - ${note}\n`)
    return 0
  }
}

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  summary: summaryCommand,
  'export-workbook': exportWorkbookCommand,
  demo: demoCommand,
  export: exportCommand
}

export function printHelp(): void {
  const lines = ['Sổ đi cơ sở — dòng lệnh', '']
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(16)} ${command.summary}`, `  ${''.padEnd(16)} ${command.usage}`, '')
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
