/**
 * The workbook commands' work, once commands.ts has checked their options: import (or its
 * dry run), export-workbook, demo. Loaded on demand (exceljs, drizzle, SQLite).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { AppError } from '../../shared/api/errors'
import { localToday } from '../../shared/domain/dates'
import { buildDemoWorkbook } from '../services/demo'
import { seedDemoSettings } from '../services/settings/demo'
import {
  exportWorkbook,
  importWorkbook,
  importWorkbookData,
  previewWorkbook,
  writeWorkbook
} from '../services/workbook'
import { DATABASE_FILE_NAME, DEMO_WORKBOOK_NAME } from './args'
import { removeDatabaseFiles, withContext, withCopyOf } from './context'
import { printImportPreview, printImportResult } from './print'

export async function runImport(options: { xlsx: string; dbFile: string; dryRun: boolean }): Promise<number> {
  const { xlsx, dbFile } = options
  if (options.dryRun) {
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

export async function runExportWorkbook(options: {
  dbFile: string
  out: string
  template: boolean
}): Promise<number> {
  const buffer = await withContext(options.dbFile, true, (ctx) =>
    exportWorkbook(ctx, { template: options.template })
  )
  writeFileSync(options.out, buffer)
  process.stdout.write(`Đã xuất: ${options.out}\n`)
  return 0
}

/** How to open a data folder in the app (it reads SO_DI_CO_SO_DATA_DIR). */
function openInAppLines(folder: string): string[] {
  return [
    `Mở dữ liệu mẫu trong phần mềm: đặt biến môi trường SO_DI_CO_SO_DATA_DIR là thư mục ${folder}, rồi mở phần mềm:`,
    `  Linux, macOS:        SO_DI_CO_SO_DATA_DIR="${folder}" npm start`,
    `  Windows PowerShell:  $env:SO_DI_CO_SO_DATA_DIR="${folder}"; npm start`
  ]
}

export async function runDemo(folder: string): Promise<number> {
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
