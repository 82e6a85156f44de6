/**
 * The CLI commands: a light table of their usage and summary (what `help` prints) and of how
 * each checks its options. A command's work (drizzle, better-sqlite3, exceljs, docx) sits in
 * its run-*.ts module, loaded with import() only once its options are right, so `help`, an
 * unknown command and a usage mistake answer without loading any of them (issue 12: `help`
 * in ≤ 300 ms). The work calls the services exactly as the app does.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../shared/api/errors'
import { DOCUMENT_KINDS, DOCUMENT_PARAMETERS, isDocumentKind } from '../reports/kinds'
import {
  DATABASE_FILE_NAME,
  DEMO_WORKBOOK_NAME,
  parse,
  parseAsOf,
  parseYear,
  requireOption,
  UsageError
} from './args'
import { backupCommand, restoreCommand } from './backup'
import { planCommand } from './plan'

export { UsageError } from './args'

export interface Command {
  usage: string
  summary: string
  run(args: string[]): Promise<number>
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
    const { runImport } = await import('./run-workbook')
    return runImport({ xlsx, dbFile, dryRun: values['dry-run'] ?? false })
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
    const xlsx = values.xlsx === undefined ? undefined : resolve(requireOption(values.xlsx, 'xlsx'))
    const { runSummary } = await import('./run-summary')
    return runSummary({ dbFile, year, asOf, json: values.json ?? false, xlsx })
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
    const dbFile = requireOption(values.db, 'db')
    const { runExportWorkbook } = await import('./run-workbook')
    return runExportWorkbook({ dbFile, out, template: values.template ?? false })
  }
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
    const { runDemo } = await import('./run-workbook')
    return runDemo(folder)
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
    if (!isDocumentKind(kind)) {
      throw new UsageError(`Không có văn bản "${kind}". Chọn một trong: ${DOCUMENT_KINDS.join(', ')}.`)
    }
    const document = kind
    const p = DOCUMENT_PARAMETERS[document]
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
      // The one check that loads the document machinery (export-input.ts imports the
      // catalog): only an export with --date pays for it, and it goes on to build the document.
      const { parseSigningDate } = await import('../reports/export-input')
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
    const { runExport } = await import('./run-export')
    return runExport({
      document,
      dbFile,
      year,
      out,
      quarter,
      trip: values.trip,
      cadre: values.cadre,
      department: values.department,
      unit: values.unit,
      asOf,
      signer: values.signer,
      date,
      number,
      textsFile: values.texts,
      draft: values.draft ?? false,
      chart: values.chart ?? false
    })
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
