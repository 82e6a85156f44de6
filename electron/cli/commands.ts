/**
 * The CLI commands. Each parses its own options (node:util parseArgs, strict) and calls the
 * services exactly as the app does.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { AppError } from '../../shared/api/errors'
import { isValidIsoDate, localToday } from '../../shared/domain/dates'
import { openDatabase } from '../db/connection'
import { DOCUMENT_CATALOG } from '../reports/catalog'
import { DOCUMENT_KINDS, exportDocument, type DocumentKind } from '../reports/export'
import { parseSigningDate, readTextsFile, resolveSigner } from '../reports/export-input'
import { createServiceContext, type ServiceContext } from '../services/context'
import { exportYearTable } from '../services/dashboard/year-table-xlsx'
import { buildDemoWorkbook } from '../services/demo'
import { readDepartment } from '../services/people-read'
import { loadYearSummaryView } from '../services/summary'
import { summaryToJson } from '../services/summary-json'
import { seedDemoSettings } from '../services/settings/demo'
import {
  exportWorkbook,
  importWorkbook,
  importWorkbookData,
  previewWorkbook,
  writeWorkbook
} from '../services/workbook'
import { printImportPreview, printImportResult, printSummaryTable } from './print'
import { backupCommand, cliSnapshot, restoreCommand } from './backup'
import { planCommand } from './plan'

export class UsageError extends Error {}

export interface Command {
  usage: string
  summary: string
  run(args: string[]): Promise<number>
}

/** node:util's parseArgs speaks English; the clerk reads Vietnamese. */
function translateParseError(error: Error & { code?: string }): string {
  const message = error.message
  const option = /'(-{1,2}[^'\s=]+)/.exec(message)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không hợp lệ: ${option}`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /argument '([^']*)'/.exec(message)?.[1] ?? ''
      return `Tham số thừa: "${argument}"`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? `Tùy chọn ${option} không nhận giá trị.`
        : `Thiếu giá trị cho ${option}.`
    default:
      return `Tham số không hợp lệ (${message.split('\n')[0] ?? ''}).`
  }
}

function parse<T extends ParseArgsConfig['options']>(args: string[], options: T, positionals: string[] = []) {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals.length > 0, strict: true })
  } catch (error) {
    throw new UsageError(translateParseError(error as Error & { code?: string }))
  }
  if (parsed.positionals.length < positionals.length) {
    const missing = positionals.slice(parsed.positionals.length).join(', ')
    throw new UsageError(
      `Cần ${positionals.length} tham số, nhận được ${parsed.positionals.length}. Thiếu ${missing}.`
    )
  }
  if (parsed.positionals.length > positionals.length) {
    throw new UsageError(`Tham số thừa: "${parsed.positionals.slice(positionals.length).join(' ')}"`)
  }
  return parsed
}

function requireOption(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Thiếu --${name}.`)
  return value
}

function parseYear(value: string): number {
  const year = Number(value)
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`Năm không hợp lệ: "${value}".`)
  return year
}

function parseAsOf(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new UsageError(`Ngày --as-of không hợp lệ: "${String(value)}" (cần dạng YYYY-MM-DD).`)
  }
  return value
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

async function withContext<T>(
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
async function withCopyOf<T>(dbFile: string, fn: (ctx: ServiceContext) => T | Promise<T>): Promise<T> {
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

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

const importCommand: Command = {
  usage: 'npm run cli -- import <tệp.xlsx> --db <tệp.sqlite> [--dry-run]',
  summary:
    'Nhập tệp Excel mẫu nhập liệu vào cơ sở dữ liệu (tạo mới nếu chưa có). Tất cả hoặc không gì cả. ' +
    '--dry-run: chỉ xem trước (thêm, sửa từng ô cũ → mới, lỗi, cảnh báo), không ghi gì.',
  async run(args) {
    const { values, positionals } = parse(args, { db: { type: 'string' }, 'dry-run': { type: 'boolean' } }, [
      '<tệp.xlsx>'
    ])
    const xlsx = resolve(positionals[0] ?? '')
    const dbFile = resolve(requireOption(values.db, 'db'))
    if (!existsSync(xlsx)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp Excel: ${xlsx}`)
    if (values['dry-run']) {
      const preview = await withCopyOf(dbFile, (ctx) =>
        previewWorkbook(ctx, readFileSync(xlsx), basename(xlsx))
      )
      printImportPreview(preview)
      return preview.errors.length > 0 ? 1 : 0
    }
    const created = !existsSync(dbFile)
    const result = await withContext(dbFile, false, (ctx) =>
      importWorkbook(ctx, readFileSync(xlsx), basename(xlsx))
    )
    // A database created for an import that wrote nothing is removed again: the clerk is
    // left exactly where they started.
    if (!result.committed && created) removeDatabaseFiles(dbFile)
    printImportResult(result)
    // Nothing new to import is not a refusal: the database already holds the file.
    return result.committed || result.nothingNew ? 0 : 1
  }
}

const summaryCommand: Command = {
  usage:
    'npm run cli -- summary --db <tệp.sqlite> --year <YYYY> [--as-of <YYYY-MM-DD>] [--json] [--xlsx <tệp.xlsx>]',
  summary:
    'Tổng hợp kết quả đi cơ sở của một năm (mặc định tính đến hôm nay hoặc cuối năm). ' +
    '--xlsx: lưu bảng Tổng hợp năm ra tệp Excel (cùng các cột và dòng cộng như trên màn hình).',
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' },
      year: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      xlsx: { type: 'string' }
    })
    const dbFile = requireOption(values.db, 'db')
    const year = parseYear(requireOption(values.year, 'year'))
    const asOf = parseAsOf(values['as-of'])
    if (values.xlsx !== undefined) {
      const out = resolve(requireOption(values.xlsx, 'xlsx'))
      const file = await withContext(dbFile, true, (ctx) => exportYearTable(ctx, year, asOf))
      mkdirSync(dirname(out), { recursive: true })
      writeFileSync(out, Buffer.from(file.contentBase64, 'base64'))
      process.stdout.write(`Đã xuất: ${out}\n`)
      return 0
    }
    const view = await withContext(dbFile, true, (ctx) => loadYearSummaryView(ctx, year, asOf))
    if (values.json) process.stdout.write(`${JSON.stringify(summaryToJson(view), null, 2)}\n`)
    else printSummaryTable(view)
    return 0
  }
}

const exportWorkbookCommand: Command = {
  usage: 'npm run cli -- export-workbook --db <tệp.sqlite> --out <tệp.xlsx> [--template]',
  summary: 'Xuất toàn bộ dữ liệu ra tệp Excel mẫu nhập liệu (--template: mẫu trống).',
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      template: { type: 'boolean' }
    })
    const out = resolve(requireOption(values.out, 'out'))
    const buffer = await withContext(requireOption(values.db, 'db'), true, (ctx) =>
      exportWorkbook(ctx, { template: values.template ?? false })
    )
    writeFileSync(out, buffer)
    process.stdout.write(`Đã xuất: ${out}\n`)
    return 0
  }
}

/** The app's database file name (electron/main/database.ts): a folder holding it can be opened as the app's data folder. */
const DATABASE_FILE_NAME = 'so-di-co-so.sqlite'
const DEMO_WORKBOOK_NAME = 'so-di-co-so-demo.xlsx'

/** How to open a data folder in the app (it reads SO_DI_CO_SO_DATA_DIR). */
function openInAppLines(folder: string): string[] {
  return [
    `Mở dữ liệu mẫu trong phần mềm: đặt biến môi trường SO_DI_CO_SO_DATA_DIR là thư mục ${folder}, rồi mở phần mềm:`,
    `  Linux, macOS:        SO_DI_CO_SO_DATA_DIR="${folder}" npm start`,
    `  Windows PowerShell:  $env:SO_DI_CO_SO_DATA_DIR="${folder}"; npm start`
  ]
}

const demoCommand: Command = {
  usage: 'npm run cli -- demo --out <thư mục>',
  summary:
    `Tạo văn phòng mẫu (cơ cấu 2026, ~20 cán bộ, một năm chuyến đi) trong <thư mục>: cơ sở dữ liệu ` +
    `${DATABASE_FILE_NAME} và tệp Excel ${DEMO_WORKBOOK_NAME} (cùng dữ liệu). Mở trong phần mềm: ` +
    'SO_DI_CO_SO_DATA_DIR=<thư mục> npm start (Windows PowerShell: $env:SO_DI_CO_SO_DATA_DIR="<thư mục>"; npm start).',
  async run(args) {
    const { values } = parse(args, { out: { type: 'string' } })
    const folder = resolve(requireOption(values.out, 'out'))
    mkdirSync(folder, { recursive: true })
    const dbFile = join(folder, DATABASE_FILE_NAME)
    if (existsSync(dbFile)) {
      throw new AppError(
        'CONFLICT',
        `Thư mục đã có cơ sở dữ liệu: ${dbFile}. Hãy chọn thư mục khác (dữ liệu cũ không bị đụng tới).`
      )
    }
    const today = localToday()
    const year = Number(today.slice(0, 4))
    const data = buildDemoWorkbook({ year, today })
    const workbookFile = join(folder, DEMO_WORKBOOK_NAME)
    writeFileSync(workbookFile, await writeWorkbook(data))
    const result = await withContext(dbFile, false, (ctx) => {
      const imported = importWorkbookData(ctx, data, 'Dữ liệu mẫu (demo)')
      // The year rules with their legal basis, as an office would have saved them in Cài đặt.
      if (imported.committed) seedDemoSettings(ctx, year)
      return imported
    })
    printImportResult(result)
    if (!result.committed) return 1
    process.stdout.write(
      [`Cơ sở dữ liệu mẫu: ${dbFile}`, `Tệp Excel mẫu:     ${workbookFile}`, ...openInAppLines(folder)].join(
        '\n'
      ) + '\n'
    )
    return 0
  }
}

const exportCommand: Command = {
  usage:
    'npm run cli -- export <văn bản> --db <tệp.sqlite> --year <YYYY> [--quarter N] [--trip <mã>] [--cadre <mã>] ' +
    '[--department <mã ban>] [--unit <mã đơn vị>] [--as-of <YYYY-MM-DD>] [--signer <họ và tên>] [--date <dd/mm/yyyy>] ' +
    '[--number <số>] [--texts <tệp.json>] [--chart] [--draft] --out <tệp.docx>\n' +
    `${''.padEnd(19)}--chart: báo cáo năm kèm biểu đồ số ngày của từng cán bộ (phụ lục cuối)\n` +
    `${''.padEnd(19)}--unit: phiếu đăng ký, biên bản đánh giá 3 chủ động của một đơn vị (mặc định: mọi đơn vị)\n` +
    `${''.padEnd(19)}văn bản: ${DOCUMENT_KINDS.join(', ')}\n` +
    `${''.padEnd(19)}--texts: tệp JSON { "summary": "trích yếu", "recipients": ["nơi nhận", …], "<phần>": "nội dung" }`,
  summary:
    'Xuất văn bản Word theo thể thức của Đoàn: người ký (--signer, mặc định người ký mặc định), ngày ký ' +
    '(--date, mặc định hôm nay), số (--number, mặc định số tiếp theo trong sổ đăng ký), trích yếu, nội dung và ' +
    'nơi nhận (--texts).',
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
        unit: { type: 'string' },
        'as-of': { type: 'string' },
        signer: { type: 'string' },
        date: { type: 'string' },
        number: { type: 'string' },
        texts: { type: 'string' },
        draft: { type: 'boolean' },
        chart: { type: 'boolean' },
        out: { type: 'string' }
      },
      ['<văn bản>']
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
    if (values.chart && !p.chart)
      throw new UsageError(`Văn bản "${document}" không có phụ lục biểu đồ (--chart).`)
    let quarter: number | undefined
    if (values.quarter !== undefined) {
      quarter = Number(values.quarter)
      if (!Number.isInteger(quarter)) {
        throw new AppError('VALIDATION', `Quý không hợp lệ: "${values.quarter}" (chỉ có quý 1, 2, 3 hoặc 4).`)
      }
    }
    const asOf = parseAsOf(values['as-of'])
    let date: string | undefined
    if (values.date !== undefined) {
      date = parseSigningDate(values.date) ?? undefined
      if (!date)
        throw new UsageError(
          `Ngày ký --date không hợp lệ: "${values.date}" (dạng dd/mm/yyyy hoặc YYYY-MM-DD).`
        )
    }
    let number: number | undefined
    if (values.number !== undefined) {
      number = Number(values.number)
      if (!/^\d+$/.test(values.number.trim()) || !Number.isInteger(number) || number < 1) {
        throw new UsageError(`Số văn bản --number không hợp lệ: "${values.number}" (số nguyên từ 1 trở lên).`)
      }
    }
    if (number !== undefined && values.draft) {
      throw new UsageError('Bản nháp (--draft) để trống số cho văn thư: không dùng cùng --number.')
    }
    const texts = values.texts === undefined ? undefined : readTextsFile(resolve(values.texts), document)
    const result = await withContext(dbFile, true, (ctx) => {
      // --department names the ban the document covers, or the ban drafting it (its abbreviation ends the symbol).
      const department = values.department === undefined ? undefined : readDepartment(ctx, values.department)
      const covered = p.departmentRole === 'covered'
      const signerId = values.signer === undefined ? undefined : resolveSigner(ctx, values.signer)
      return exportDocument(ctx, {
        document,
        year,
        quarter,
        tripCode: values.trip,
        cadreCode: values.cadre,
        ...(values.unit === undefined ? {} : { unitCode: values.unit }),
        departmentCode: covered ? department?.code : undefined,
        departmentAbbreviation: covered ? undefined : department?.abbreviation,
        asOf,
        draft: values.draft ?? false,
        ...(values.chart ? { withChart: true } : {}),
        ...(signerId === undefined ? {} : { signerId }),
        ...(date === undefined ? {} : { date }),
        ...(number === undefined ? {} : { number }),
        ...(texts === undefined ? {} : { texts })
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
  export: exportCommand,
  backup: backupCommand((message) => new UsageError(message)),
  restore: restoreCommand((message) => new UsageError(message)),
  plan: planCommand((message) => new UsageError(message))
}

export function printHelp(): void {
  const lines = ['Sổ đi cơ sở — dòng lệnh', '']
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(16)} ${command.summary}`, `  ${''.padEnd(16)} ${command.usage}`, '')
  }
  lines.push(
    'Mã thoát: 0 thành công; 1 dữ liệu bị từ chối (lý do in ra, cơ sở dữ liệu giữ nguyên); 2 gõ lệnh sai.',
    `Phần mềm đọc dữ liệu từ tệp ${DATABASE_FILE_NAME} trong thư mục dữ liệu của nó; ` +
      'biến môi trường SO_DI_CO_SO_DATA_DIR chỉ sang thư mục khác (ví dụ thư mục của lệnh demo).'
  )
  process.stdout.write(`${lines.join('\n')}\n`)
}
