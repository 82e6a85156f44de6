/**
 * WorkbookData → .xlsx: one sheet per spec sheet in spec order, the spec's Vietnamese headers
 * (bold, frozen, filterable), real date cells shown dd/mm/yyyy, and drop-down lists for the
 * fixed-list columns. What it writes, parse.ts reads back unchanged.
 */
import ExcelJS from 'exceljs'
import { LISTS_SHEET_NAME, SHEET_SPECS, type ColumnSpec } from './spec'
import { emptyWorkbookData, type WorkbookData } from './types'
import { CHOICES, isChoiceType, joinCodes, type ChoiceType } from './values'

const DATE_FORMAT = 'dd/mm/yyyy'
const MAX_WIDTH = 60
/** Rows below the data that still get the drop-down lists, so the clerk can type on. */
const SPARE_ROWS = 1000
/** Rows sampled when sizing columns. */
const WIDTH_SAMPLE = 500

// exceljs supports whole-range validations at runtime (Worksheet#dataValidations) but its
// typings only expose the per-cell form, which would create an empty cell per row.
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

function cellValue(column: ColumnSpec<unknown>, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  if (column.type === 'date') return new Date(`${String(value)}T00:00:00.000Z`)
  if (column.type === 'codes') return joinCodes(value as string[])
  if (isChoiceType(column.type)) return CHOICES[column.type].labelOf(value)
  return String(value)
}

function widthOf(column: ColumnSpec<unknown>, values: ExcelJS.CellValue[]): number {
  const longest = values
    .slice(0, WIDTH_SAMPLE)
    .reduce<number>(
      (max, v) => Math.max(max, v instanceof Date ? DATE_FORMAT.length : String(v ?? '').length),
      0
    )
  return Math.min(MAX_WIDTH, Math.max(column.width, column.header.length + 2, longest + 2))
}

/** The hidden sheet of drop-down lists: labels with commas cannot go in an inline list. */
function addListsSheet(workbook: ExcelJS.Workbook): Map<ChoiceType, string> {
  const sheet = workbook.addWorksheet(LISTS_SHEET_NAME, { state: 'hidden' })
  const refs = new Map<ChoiceType, string>()
  const types = Object.keys(CHOICES) as ChoiceType[]
  types.forEach((type, i) => {
    const column = sheet.getColumn(i + 1)
    const labels = CHOICES[type].labels
    labels.forEach((label, row) => {
      sheet.getCell(row + 1, i + 1).value = label
    })
    refs.set(type, `'${LISTS_SHEET_NAME}'!$${column.letter}$1:$${column.letter}$${labels.length}`)
  })
  return refs
}

export async function writeWorkbook(
  data: WorkbookData,
  options: {
    template?: boolean
    /** Sheets another domain adds after the spec sheets (the 3 chủ động sheets). */
    extraSheets?: (workbook: ExcelJS.Workbook) => void
  } = {}
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Sổ đi cơ sở'

  const listRows = new Map<
    ExcelJS.Worksheet,
    { column: ColumnSpec<unknown>; letter: string; lastRow: number }[]
  >()
  for (const spec of SHEET_SPECS) {
    const rows = data[spec.entity] as unknown as Record<string, unknown>[]
    const specColumns = spec.columns as unknown as ColumnSpec<unknown>[]
    // An extra column appears only when it carries something, so a plain export and the
    // template have exactly the spec's headers.
    const columns = specColumns.filter(
      (c) => !c.extra || (!options.template && rows.some((r) => r[c.key] !== null && r[c.key] !== undefined))
    )
    const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
    const values = rows.map((row) => columns.map((c) => cellValue(c, row[c.key])))
    sheet.columns = columns.map((c, i) => ({
      header: c.header,
      key: c.key,
      width: widthOf(
        c,
        values.map((v) => v[i] ?? null)
      ),
      // Text format keeps codes like "001" as typed; date columns show dd/mm/yyyy.
      style:
        c.type === 'date'
          ? { numFmt: DATE_FORMAT }
          : c.type === 'lines'
            ? // Shows the line break of the document header where the clerk typed it (Alt+Enter).
              { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } }
            : c.type === 'text' || c.type === 'codes'
              ? { numFmt: '@' }
              : {}
    }))
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.alignment = { vertical: 'middle', wrapText: true }
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } }
      cell.numFmt = 'General'
    })
    for (const row of values) sheet.addRow(row)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }

    const lastRow = rows.length + 1 + SPARE_ROWS
    listRows.set(
      sheet,
      columns
        .map((column, i) => ({ column, letter: sheet.getColumn(i + 1).letter, lastRow }))
        .filter(({ column }) => isChoiceType(column.type))
    )
  }

  options.extraSheets?.(workbook)
  const refs = addListsSheet(workbook)
  for (const [sheet, lists] of listRows) {
    for (const { column, letter, lastRow } of lists) {
      const ref = isChoiceType(column.type) ? refs.get(column.type) : undefined
      if (!ref) continue
      ;(sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [ref],
        showErrorMessage: true,
        // A warning, not a stop: the import also accepts codes (DU_SH_CHI_DOAN) typed by hand.
        errorStyle: 'warning',
        errorTitle: 'Giá trị ngoài danh sách',
        error: `Cột "${column.header}" nên chọn một giá trị trong danh sách.`
      })
    }
  }

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The empty workbook (headers and lists only) that offices download and fill in. */
export function writeTemplate(): Promise<Buffer> {
  return writeWorkbook(emptyWorkbookData(), { template: true })
}
