/**
 * Helpers for the workbook tests: a fresh SQLite file with a fixed clock, real .xlsx buffers
 * built with exceljs, and raw table counts.
 */
import ExcelJS from 'exceljs'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../../electron/db/connection'
import { createServiceContext, type Clock, type ServiceContext } from '../../electron/services/context'

export const FIXTURE = resolve(__dirname, '../fixtures/office-2025.xlsx')

export const FIXED_CLOCK: Clock = {
  today: () => '2026-01-15',
  now: () => '2026-01-15T08:00:00.000Z'
}

export interface TestDatabase {
  ctx: ServiceContext
  file: string
  close(): void
}

export function freshDatabase(): TestDatabase {
  const file = join(mkdtempSync(join(tmpdir(), 'sdcs-workbook-')), 'office.sqlite')
  const handle = openDatabase(file)
  return { ctx: createServiceContext(handle, FIXED_CLOCK), file, close: () => handle.close() }
}

export function fixtureBuffer(): Buffer {
  return readFileSync(FIXTURE)
}

export type CellInput = ExcelJS.CellValue

/** One sheet per entry: first row the headers, then the data rows, as typed in Excel. */
export async function buildXlsx(sheets: Record<string, CellInput[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name)
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return
        const cell = sheet.getCell(r + 1, c + 1)
        cell.value = value
        if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy'
      })
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A date cell as Excel stores it (exceljs: a Date at UTC midnight). */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`)
}

export async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0])
  return workbook
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const TABLES = [
  'departments',
  'units',
  'cadres',
  'exemptions',
  'trips',
  'trip_participants',
  'trip_units',
  'change_log'
]

export function tableCounts(ctx: ServiceContext): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [
      t,
      (ctx.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    ])
  )
}

/** Hash of the database file and its write-ahead log: what is on disk. */
export function fileDigest(file: string): string {
  const hash = createHash('sha256')
  for (const part of [file, `${file}-wal`]) {
    hash.update(part.endsWith('-wal') ? 'wal' : 'db')
    if (existsSync(part)) hash.update(readFileSync(part))
  }
  return hash.digest('hex')
}
