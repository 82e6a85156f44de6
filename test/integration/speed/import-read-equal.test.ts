/**
 * Issue 12: the faster sheet reading of electron/services/workbook/parse.ts reads every
 * workbook exactly as before (the frozen ./reference/parse.ts): the same rows, row numbers,
 * absent columns, declared codes, errors and warnings (every Vietnamese sentence, sheet, row
 * and column), on the office fixture, on a workbook the app exports, and on seeded random
 * workbooks full of what clerks' files hold: headers in any order, case and spelling,
 * missing, repeated or unknown columns, blank and half-filled rows, texts in the old font
 * encodings, rich text, formulas with and without their result, error cells, booleans,
 * hyperlinks, merged cells, dates as dates, serials and texts, the 1904 date system, labels
 * of every list written loosely, repeated codes, extra and unknown sheets.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/db/connection'
import { createServiceContext } from '../../../electron/services/context'
import { exportWorkbook } from '../../../electron/services/workbook'
import { readWorkbook } from '../../../electron/services/workbook/parse'
import { LISTS_SHEET_NAME, SHEET_SPECS, type ColumnSpec } from '../../../electron/services/workbook/spec'
import { CHOICES, isChoiceType } from '../../../electron/services/workbook/values'
import { createRandom, type Random } from '../../../scripts/bench/random'
import { NATIONAL, seedDataset } from '../../../scripts/bench/dataset'
import { FIXTURE } from '../workbook-helpers'
import { readWorkbook as referenceRead } from './reference/parse'

const dir = mkdtempSync(join(tmpdir(), 'sdcs-speed-read-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function expectSameReading(buffer: Buffer): Promise<void> {
  const actual = await readWorkbook(buffer)
  const expected = await referenceRead(buffer)
  expect(actual).toStrictEqual(expected)
}

const TEXTS = [
  'Nguyễn Văn An',
  '  Trần Thị   Bình  ',
  'Nguye\u0302\u0303n Va\u0306n An', // NFD: stored as NFC
  'NguyÔn V¨n An', // TCVN3
  'Nguyeãn Vaên An', // VNI
  'Hòa',
  'Line one\nline two\r\n\r\n  line three',
  'A_x000D_B',
  '',
  '   ',
  'A01',
  'a01',
  'X01, X02',
  'X01;X01',
  'X01 ; X02 ;',
  'CB001',
  '12/13/2025',
  '05/04/2025',
  '5/4/2025',
  '31/02/2025',
  '2025-04-05',
  'Có',
  'không',
  'KHONG',
  'x'
]

const ERRORS = ['#N/A', '#VALUE!', '#REF!', '#DIV/0!'] as const

function loose(label: string, random: Random): string {
  switch (random.int(4)) {
    case 0:
      return label.toUpperCase()
    case 1:
      return label
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
    case 2:
      return `  ${label.toLowerCase()} `
    default:
      return label
  }
}

function dateValue(random: Random): ExcelJS.CellValue {
  const day = 1 + random.int(28)
  const month = 1 + random.int(12)
  const year = 2020 + random.int(7)
  switch (random.int(6)) {
    case 0:
      return new Date(Date.UTC(year, month - 1, day, random.chance(0.2) ? 13 : 0))
    case 1:
      return 43_000 + random.int(3_000) + (random.chance(0.2) ? 0.5 : 0)
    case 2:
      return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`
    case 3:
      return random.pick([30, 60, 61, 2_958_466, -5])
    default:
      return random.pick(TEXTS)
  }
}

function choiceValue(column: ColumnSpec<unknown>, random: Random): ExcelJS.CellValue {
  if (!isChoiceType(column.type)) return random.pick(TEXTS)
  const choice = CHOICES[column.type]
  if (column.type === 'yesNo' && random.chance(0.3)) return random.chance(0.5)
  if (random.chance(0.8)) return loose(random.pick(choice.labels), random)
  return random.pick(TEXTS)
}

/** One cell of `column` as a clerk's file may hold it. */
function cellValue(column: ColumnSpec<unknown>, random: Random, codes: string[]): ExcelJS.CellValue {
  const r = random.next()
  if (r < 0.08) return null
  if (r < 0.1) return { error: random.pick(ERRORS) } as ExcelJS.CellErrorValue
  if (r < 0.12) return { formula: 'A1', result: random.chance(0.5) ? random.pick(TEXTS) : undefined } as never
  if (r < 0.14) return { richText: [{ text: random.pick(TEXTS) }, { text: random.pick(TEXTS) }] }
  if (r < 0.15) return { text: random.pick(TEXTS), hyperlink: 'https://example.org' }
  if (r < 0.16) return random.chance(0.5)
  if (r < 0.17) return random.between(-3, 50_000)
  switch (column.type) {
    case 'date':
      return dateValue(random)
    case 'codes': {
      const n = random.between(1, 3)
      return Array.from({ length: n }, () => random.pick(codes)).join(random.pick([', ', ',', ';', '; ']))
    }
    case 'text':
    case 'lines':
      return String(column.key).toLowerCase().includes('code') ? random.pick(codes) : random.pick(TEXTS)
    default:
      return choiceValue(column, random)
  }
}

/** A seeded random workbook: the spec sheets, loosely written, plus extra sheets. */
async function randomWorkbook(seed: number): Promise<Buffer> {
  const random = createRandom(seed)
  const workbook = new ExcelJS.Workbook()
  if (random.chance(0.25)) workbook.properties.date1904 = true
  const codes = ['A01', 'A02', 'X01', 'X02', 'CB001', 'CB002', 'T1', 'T2', 'a01', '']
  const specs = [...SHEET_SPECS].filter(() => random.chance(0.85))
  if (random.chance(0.5)) specs.reverse()
  for (const spec of specs) {
    const sheet = workbook.addWorksheet(random.chance(0.2) ? loose(spec.sheet, random).trim() : spec.sheet)
    const columns = (spec.columns as readonly ColumnSpec<unknown>[]).filter(
      (column) => !random.chance(column.required ? 0.05 : 0.2)
    )
    if (random.chance(0.5)) columns.reverse()
    // Each sheet column: its header as written and the spec column its cells are drawn for.
    const slots: { header: string | null; column: ColumnSpec<unknown> | null }[] = columns.map((column) => ({
      header: loose(column.header, random),
      column
    }))
    if (random.chance(0.15) && columns.length > 0) {
      const first = columns[random.int(columns.length)] as ColumnSpec<unknown>
      slots.push({ header: first.header, column: first })
    }
    if (random.chance(0.2)) slots.splice(random.int(slots.length + 1), 0, { header: 'Cột lạ', column: null })
    if (random.chance(0.1)) slots.splice(random.int(slots.length + 1), 0, { header: null, column: null })
    slots.forEach(({ header }, c) => {
      if (header !== null) sheet.getCell(1, c + 1).value = header
    })
    const rows = spec.singleRow ? random.between(0, 3) : random.between(0, 40)
    for (let r = 2; r <= rows + 1; r++) {
      if (random.chance(0.1)) continue
      const sparse = random.chance(0.1)
      slots.forEach(({ column }, c) => {
        if (sparse && random.chance(0.8)) return
        const value = column ? cellValue(column, random, codes) : random.pick(TEXTS)
        if (value !== null) {
          const cell = sheet.getCell(r, c + 1)
          cell.value = value
          if (value instanceof Date || (typeof value === 'number' && random.chance(0.5)))
            cell.numFmt = random.pick(['dd/mm/yyyy', 'd/m/yy', '0', 'General'])
        }
      })
      if (random.chance(0.05) && slots.length > 2) sheet.mergeCells(r, 1, r, 2)
    }
  }
  if (random.chance(0.5)) workbook.addWorksheet(LISTS_SHEET_NAME).getCell(1, 1).value = 'x'
  if (random.chance(0.4)) workbook.addWorksheet('Trang tính lạ').getCell(1, 1).value = 'x'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('reading a workbook, now vs before issue 12', () => {
  it('reads the office fixture the same', async () => {
    await expectSameReading(readFileSync(FIXTURE))
  })

  it('reads a workbook the app exports the same (3,000 trips)', async () => {
    const handle = openDatabase(join(dir, 'seeded.sqlite'))
    try {
      seedDataset(handle.sqlite, { ...NATIONAL, provinces: 1, cadresPerProvince: 40, trips: 3_000 })
      const buffer = await exportWorkbook(
        createServiceContext(handle, {
          today: () => NATIONAL.today,
          now: () => `${NATIONAL.today}T08:00:00.000Z`
        })
      )
      const read = await readWorkbook(buffer)
      expect(read.data.trips.length).toBe(3_000)
      await expectSameReading(buffer)
    } finally {
      handle.close()
    }
  }, 120_000)

  it('reads 150 seeded random workbooks the same, errors and warnings included', async () => {
    let errors = 0
    let rows = 0
    for (let seed = 1; seed <= 150; seed++) {
      const buffer = await randomWorkbook(20261130 + seed)
      const read = await readWorkbook(buffer)
      errors += read.errors.length
      rows += Object.values(read.data).reduce((n, list) => n + (list as unknown[]).length, 0)
      await expectSameReading(buffer)
    }
    // The files are hostile enough to produce errors, and still have usable rows.
    expect(errors).toBeGreaterThan(1_000)
    expect(rows).toBeGreaterThan(100)
  }, 240_000)
})
