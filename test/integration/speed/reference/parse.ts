// Frozen copy of electron/services/workbook/parse.ts before the sheet reading was made faster (issue 12, import speed): import-read-equal.test.ts reads every workbook with it and with the app's. Do not optimise.
/**
 * .xlsx → WorkbookData. Reads each spec sheet by its headers (loosely matched, any order),
 * turns every cell into a typed value or an error naming sheet, row and column, then runs the
 * cross-row checks of validate.ts. Only rows without a cell error reach `data`.
 */
import ExcelJS from 'exceljs'
import type { ImportIssue } from '../../../../shared/api/workbook'
import { formatDateVi, fromDayNumber, parseDateVi, type IsoDate } from '../../../../shared/domain/dates'
import {
  BoundedIssues,
  capIssues,
  checkWorkbookBounds,
  NOT_XLSX_MESSAGE
} from '../../../../electron/services/workbook/bounds'
import { makeIssue, sortIssues } from '../../../../electron/services/workbook/issues'
import {
  LISTS_SHEET_NAME,
  SHEET_SPECS,
  type ColumnSpec,
  type SheetSpec
} from '../../../../electron/services/workbook/spec'
import { isThreeActiveSheet } from '../../../../electron/services/workbook/three-active-sheets'
import {
  cleanLines,
  cleanText,
  foldKey,
  LEGACY_ENCODING_MESSAGE,
  looksLegacyEncoded
} from '../../../../electron/services/workbook/text'
import { emptyWorkbookData, type WorkbookData } from '../../../../electron/services/workbook/types'
import {
  choiceProblem,
  CHOICES,
  isChoiceType,
  splitCodes
} from '../../../../electron/services/workbook/values'
import {
  emptyLists,
  NO_EXISTING_RECORDS,
  validateWorkbook,
  type AbsentColumns,
  type DeclaredCodes,
  type ExistingRecords,
  type RowNumbers
} from '../../../../electron/services/workbook/validate'

export interface ParsedWorkbook {
  data: WorkbookData
  errors: ImportIssue[]
  warnings: ImportIssue[]
  /** Excel row number of each row of `data`, per sheet (parallel arrays). */
  rowNumbers: RowNumbers
  /** Optional columns a sheet does not have: an update keeps the stored values of those. */
  absent: AbsentColumns
  /** Errors found but not kept (bounds.ts): the list ends with "và N lỗi khác". */
  droppedErrors: number
}

/** One cell reduced to what matters for reading it. */
type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; code: string }
  /** A formula the file holds without the value it computes (written by a program, never opened in Excel). */
  | { kind: 'formula' }

const EMPTY: RawCell = { kind: 'empty' }
const MS_PER_DAY = 86_400_000
// Excel serial of 1970-01-01 in the 1900 date system; the 1904 system starts 1462 days later.
const UNIX_EPOCH_SERIAL = 25_569
const DATE_1904_OFFSET = 1_462

function rawOf(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return EMPTY
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value }
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'boolean') return { kind: 'bool', value }
  if (value instanceof Date) return { kind: 'date', value }
  if ('richText' in value) return rawOf(value.richText.map((part) => part.text).join(''))
  // Formulas: the value Excel last computed is what the clerk sees in the cell.
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result as ExcelJS.CellValue | undefined
    return result === undefined || result === null ? { kind: 'formula' } : rawOf(result)
  }
  if ('error' in value) return { kind: 'error', code: String(value.error) }
  if ('hyperlink' in value) return rawOf(value.text as ExcelJS.CellValue)
  return EMPTY
}

/** A date cell arrives as a JS Date at UTC midnight; a time of day is dropped (half a second of slack for float noise). */
function isoOfDate(date: Date): IsoDate | null {
  const ms = date.getTime()
  if (!Number.isFinite(ms)) return null
  return fromDayNumber(Math.floor((ms + 500) / MS_PER_DAY))
}

/** A date typed as a plain number (an Excel serial in a cell without a date format). */
function isoOfSerial(serial: number, date1904: boolean): IsoDate | null {
  // Serial 60 is Excel's fictitious 29/02/1900; nothing the office records is that old.
  if (!Number.isFinite(serial) || (!date1904 && serial < 61) || serial >= 2_958_466) return null
  const day = Math.floor(serial + 1e-6) - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_OFFSET : 0)
  return fromDayNumber(day)
}

function textOf(raw: RawCell): string {
  switch (raw.kind) {
    case 'text':
      return cleanText(raw.text)
    case 'number':
      return String(raw.value)
    case 'date': {
      const iso = isoOfDate(raw.value)
      return iso ? formatDateVi(iso) : ''
    }
    case 'bool':
      return raw.value ? 'Có' : 'Không'
    default:
      return ''
  }
}

const STRICT_DATE_TEXT = /^\d{1,2}\/\d{1,2}\/\d{4}$/

/**
 * `problem: null` means the row is unusable without a message of its own: its required column
 * is missing, which is reported once for the whole sheet.
 */
type CellResult = { ok: true; value: unknown } | { ok: false; problem: string | null }

/** One cell of one column: its stored value, or what is wrong with it in Vietnamese. */
function readCell(column: ColumnSpec<unknown>, raw: RawCell, date1904: boolean): CellResult {
  const missing = (): CellResult =>
    column.required
      ? { ok: false, problem: 'thiếu giá trị bắt buộc' }
      : { ok: true, value: column.fallback ?? null }
  if (raw.kind === 'empty') return missing()
  if (raw.kind === 'error') return { ok: false, problem: `ô có lỗi công thức (${raw.code})` }
  if (raw.kind === 'formula') {
    return {
      ok: false,
      problem:
        'ô có công thức nhưng tệp không lưu kết quả của nó (tệp do một chương trình khác tạo ra): ' +
        'hãy mở tệp bằng Excel, lưu lại rồi chọn lại, hoặc gõ giá trị vào ô thay cho công thức'
    }
  }

  if (column.type === 'date') {
    if (raw.kind === 'date') {
      const iso = isoOfDate(raw.value)
      return iso ? { ok: true, value: iso } : { ok: false, problem: 'ngày không hợp lệ' }
    }
    if (raw.kind === 'number') {
      const iso = isoOfSerial(raw.value, date1904)
      return iso ? { ok: true, value: iso } : { ok: false, problem: `"${raw.value}" không phải là ngày` }
    }
    const text = textOf(raw)
    if (text === '') return missing()
    if (!STRICT_DATE_TEXT.test(text)) {
      return { ok: false, problem: `"${text}" không phải là ngày (cần dạng dd/mm/yyyy)` }
    }
    const iso = parseDateVi(text)
    return iso ? { ok: true, value: iso } : { ok: false, problem: `ngày ${text} không tồn tại` }
  }

  if (column.type === 'yesNo' && raw.kind === 'bool') return { ok: true, value: raw.value }

  const text = textOf(raw)
  if (text === '') return missing()
  if (looksLegacyEncoded(text)) return { ok: false, problem: LEGACY_ENCODING_MESSAGE }

  if (column.type === 'text') return { ok: true, value: text }
  if (column.type === 'lines') return { ok: true, value: cleanLines(text) }
  if (column.type === 'codes') {
    const codes = splitCodes(text)
    if (codes.length === 0) return missing()
    const repeated = codes.find((code, i) => codes.indexOf(code) !== i)
    if (repeated !== undefined) return { ok: false, problem: `mã "${repeated}" được ghi hai lần` }
    return { ok: true, value: codes }
  }
  if (isChoiceType(column.type)) {
    const choice = CHOICES[column.type]
    const key = foldKey(text)
    return choice.lookup.has(key)
      ? { ok: true, value: choice.lookup.get(key) }
      : { ok: false, problem: choiceProblem(column.type, text) }
  }
  return { ok: false, problem: `kiểu cột không xác định: ${column.type}` }
}

interface SheetResult {
  rows: unknown[]
  rowNumbers: number[]
  absent: string[]
  /** Codes of rows that have a cell error: they still exist for the clerk, so references to them are not reported again. */
  declaredCodes: string[]
}

function readSheet(
  worksheet: ExcelJS.Worksheet,
  spec: SheetSpec<unknown>,
  date1904: boolean,
  errors: BoundedIssues,
  warnings: ImportIssue[]
): SheetResult {
  const result: SheetResult = { rows: [], rowNumbers: [], absent: [], declaredCodes: [] }
  const byKey = new Map(spec.columns.map((c) => [foldKey(c.header), c]))
  const columnNumbers = new Map<ColumnSpec<unknown>, number>()

  worksheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = textOf(rawOf(cell.value))
    if (header === '') return
    const column = byKey.get(foldKey(header))
    if (!column) {
      warnings.push(makeIssue(spec.sheet, null, header, 'cột không thuộc mẫu, được bỏ qua', 'unknown-column'))
      return
    }
    const first = columnNumbers.get(column)
    if (first !== undefined) {
      const letters = `${worksheet.getColumn(first).letter} và ${worksheet.getColumn(col).letter}`
      errors.push(makeIssue(spec.sheet, null, column.header, `cột xuất hiện hai lần (cột ${letters})`))
      return
    }
    columnNumbers.set(column, col)
  })
  for (const column of spec.columns) {
    if (columnNumbers.has(column)) continue
    if (column.required) {
      errors.push(
        makeIssue(spec.sheet, null, column.header, 'thiếu cột bắt buộc này ở dòng tiêu đề (dòng 1)')
      )
    } else {
      result.absent.push(column.key)
    }
  }

  const codeColumn = spec.columns.find((c) => c.key === 'code')
  const dataRows: number[] = []
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return
    const raws = new Map<ColumnSpec<unknown>, RawCell>()
    for (const [column, col] of columnNumbers) raws.set(column, rawOf(row.getCell(col).value))
    if ([...raws.values()].every((raw) => raw.kind === 'empty')) return
    dataRows.push(rowNumber)
    const first = dataRows[0]
    if (spec.singleRow && first !== undefined && first !== rowNumber) {
      errors.push(makeIssue(spec.sheet, rowNumber, null, spec.singleRow(first)))
      return
    }

    const record: Record<string, unknown> = {}
    let usable = true
    for (const column of spec.columns) {
      const present = columnNumbers.has(column)
      const cell = present
        ? readCell(column, raws.get(column) ?? EMPTY, date1904)
        : column.required
          ? ({ ok: false, problem: null } as const)
          : ({ ok: true, value: column.fallback ?? null } as const)
      if (cell.ok) {
        record[column.key] = cell.value
      } else {
        usable = false
        if (cell.problem !== null) errors.push(makeIssue(spec.sheet, rowNumber, column.header, cell.problem))
      }
    }
    if (usable) {
      result.rows.push(record)
      result.rowNumbers.push(rowNumber)
    } else if (codeColumn && columnNumbers.has(codeColumn)) {
      const code = textOf(raws.get(codeColumn) ?? EMPTY)
      if (code !== '') result.declaredCodes.push(code)
    }
  })
  return result
}

/** Reads the cells of every spec sheet; no cross-row or database checks yet. */
export async function readWorkbook(buffer: Buffer): Promise<ParsedWorkbook & { declared: DeclaredCodes }> {
  const errors = new BoundedIssues()
  const warnings: ImportIssue[] = []
  const data: WorkbookData = emptyWorkbookData()
  const rowNumbers: RowNumbers = emptyLists()
  const declared: DeclaredCodes = emptyLists()
  const absent: AbsentColumns = emptyLists()
  const result = () => ({
    data,
    errors: errors.kept,
    droppedErrors: errors.dropped,
    warnings,
    rowNumbers,
    absent,
    declared
  })

  // Size, parts and rows are counted in the zip before exceljs builds anything in memory.
  const refusal = await checkWorkbookBounds(buffer)
  if (refusal !== null) {
    errors.push(makeIssue('', null, null, refusal))
    return result()
  }

  const workbook = new ExcelJS.Workbook()
  try {
    // Validation lists are not needed to read values, and exceljs expands a whole-column
    // list into one entry per cell (a million of them for a typical clerk's sheet).
    // exceljs types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
    const input = buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]
    await workbook.xlsx.load(input, { ignoreNodes: ['dataValidations'] })
  } catch {
    errors.push(makeIssue('', null, null, NOT_XLSX_MESSAGE))
    return result()
  }
  const date1904 = Boolean(workbook.properties?.date1904)

  const specByName = new Map(
    SHEET_SPECS.map((spec) => [foldKey(spec.sheet), spec as unknown as SheetSpec<unknown>])
  )
  const seen = new Set<SheetSpec<unknown>>()
  for (const worksheet of workbook.worksheets) {
    const key = foldKey(worksheet.name)
    if (key === foldKey(LISTS_SHEET_NAME)) continue
    // The 3 chủ động sheets belong to the workbook but are read by their own page (three-active-sheets.ts).
    if (isThreeActiveSheet(worksheet.name)) continue
    const spec = specByName.get(key)
    if (!spec || seen.has(spec)) {
      warnings.push(
        makeIssue(worksheet.name, null, null, 'trang tính không thuộc mẫu, được bỏ qua', 'unknown-sheet')
      )
      continue
    }
    seen.add(spec)
    const sheet = readSheet(worksheet, spec, date1904, errors, warnings)
    ;(data as unknown as Record<string, unknown[]>)[spec.entity] = sheet.rows
    rowNumbers[spec.entity] = sheet.rowNumbers
    declared[spec.entity] = sheet.declaredCodes
    absent[spec.entity] = sheet.absent
  }
  if (seen.size === 0 && errors.kept.length === 0) {
    const names = SHEET_SPECS.map((s) => s.sheet).join(', ')
    errors.push(makeIssue('', null, null, `Tệp không có trang tính nào theo mẫu (${names}).`))
  }
  return result()
}

/**
 * The whole parse: cells, then duplicates, date order and references. References may point
 * to rows of the workbook or to records already in the database (`existing`).
 */
export async function parseWorkbook(
  buffer: Buffer,
  existing: ExistingRecords = NO_EXISTING_RECORDS
): Promise<ParsedWorkbook> {
  const read = await readWorkbook(buffer)
  const crossErrors = validateWorkbook(read.data, read.rowNumbers, existing, read.declared)
  return {
    data: read.data,
    rowNumbers: read.rowNumbers,
    absent: read.absent,
    errors: capIssues(sortIssues([...read.errors, ...crossErrors]), read.droppedErrors),
    droppedErrors: 0,
    warnings: sortIssues(read.warnings)
  }
}
