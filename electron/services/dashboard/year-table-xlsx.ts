/**
 * Tổng hợp năm as an Excel file: a title row with the year and the as-of date, the same
 * columns in the same order as the screen (two heading rows, groups merged), one row per cadre
 * in the screen's order, then the totals rows. Days and targets are numbers (format 0.0),
 * shares are percentages (0.0%), so the office can go on computing in Excel.
 */
import ExcelJS from 'exceljs'
import {
  ratioRuleNote,
  shownStatusLabel,
  yearTableTotalsTexts,
  type YearTableCadre,
  type YearTableView
} from '../../../shared/api/dashboard'
import type { FileDownload } from '../../../shared/api/contract'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import { CONTENT_KINDS, CONTENT_KIND_SHORT_LABELS } from '../../../shared/domain/kinds'
import type { ServiceContext } from '../context'
import { loadYearTable } from './year-table'

const DAYS = '0.0'
const SHARE = '0.0%'

interface Column {
  /** The screen's column id (data-col), so tests can line the two up. */
  id: string
  group?: string
  heading: string
  width: number
  numFmt?: string
  value(c: YearTableCadre, index: number): string | number | null
}

/** The screen's columns (renderer/src/pages/summary/SummaryTable.tsx), in its order. */
export function yearTableColumns(view: YearTableView): Column[] {
  const columns: Column[] = [
    { id: 'stt', heading: 'STT', width: 6, value: (_c, i) => i + 1 },
    { id: 'name', heading: 'Họ và tên', width: 28, value: (c) => c.name },
    { id: 'target', heading: 'Chỉ tiêu', width: 9, numFmt: DAYS, value: (c) => c.target },
    { id: 'days', heading: 'Đã đi', width: 9, numFmt: DAYS, value: (c) => c.days },
    ...CONTENT_KINDS.map((kind): Column => ({
      id: `kind-${kind}`,
      group: 'Theo nội dung (ngày)',
      heading: CONTENT_KIND_SHORT_LABELS[kind],
      width: 11,
      numFmt: DAYS,
      value: (c) => c.daysByKind[kind]
    })),
    ...view.ratioRules.map((rule): Column => ({
      id: `ratio-${rule.id}`,
      group: 'Tỉ lệ cơ cấu',
      heading: `${rule.label}${ratioRuleNote(rule)}`,
      width: 16,
      numFmt: SHARE,
      value: (c) => (c.status === 'MIEN' ? null : (c.ratios[rule.id] ?? 0))
    })),
    {
      id: 'status',
      heading: 'Trạng thái',
      width: 26,
      value: (c) => (c.reason ? `${shownStatusLabel(c)}: ${c.reason}` : shownStatusLabel(c))
    }
  ]
  // As on screen: pace only while the year runs.
  if (view.inProgress) {
    columns.push(
      {
        id: 'expected',
        group: 'Tiến độ',
        heading: 'Cần đạt',
        width: 10,
        numFmt: DAYS,
        value: (c) => c.pace?.expectedDays ?? null
      },
      {
        id: 'pace',
        group: 'Tiến độ',
        heading: 'So với tiến độ',
        width: 26,
        value: (c) => (c.standingText ? `${c.standingText}${c.pace?.behind ? ' (chậm tiến độ)' : ''}` : null)
      }
    )
  }
  return columns
}

export function yearTableFileName(view: Pick<YearTableView, 'year' | 'asOf'>): string {
  return `tong-hop-nam-${view.year}-den-${view.asOf}.xlsx`
}

export async function yearTableWorkbook(view: YearTableView): Promise<Buffer> {
  const columns = yearTableColumns(view)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Sổ đi cơ sở'
  const sheet = workbook.addWorksheet(`Tổng hợp năm ${view.year}`, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
  })
  sheet.columns = columns.map((c) => ({ key: c.id, width: c.width }))
  const last = columns.length

  sheet.mergeCells(1, 1, 1, last)
  const title = sheet.getCell(1, 1)
  title.value = `TỔNG HỢP KẾT QUẢ ĐI CƠ SỞ NĂM ${view.year}`
  title.font = { bold: true, size: 14 }
  title.alignment = { horizontal: 'center' }
  sheet.mergeCells(2, 1, 2, last)
  const subtitle = sheet.getCell(2, 1)
  subtitle.value = `Tính đến ngày ${formatDateVi(view.asOf)} (số liệu từ ${formatDateVi(view.windowStart)} đến ${formatDateVi(view.asOf)}${view.inProgress ? ', năm chưa kết thúc' : ''})`
  subtitle.alignment = { horizontal: 'center' }

  // Two heading rows: a group's name over its columns, a column outside a group spans both.
  const top = 4
  const headingStyle = (cell: ExcelJS.Cell) => {
    cell.font = { bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = thinBorder
  }
  let i = 0
  while (i < columns.length) {
    const column = columns[i]!
    if (!column.group) {
      sheet.mergeCells(top, i + 1, top + 1, i + 1)
      sheet.getCell(top, i + 1).value = column.heading
      headingStyle(sheet.getCell(top, i + 1))
      i += 1
      continue
    }
    let end = i
    while (end + 1 < columns.length && columns[end + 1]!.group === column.group) end += 1
    if (end > i) sheet.mergeCells(top, i + 1, top, end + 1)
    sheet.getCell(top, i + 1).value = column.group
    headingStyle(sheet.getCell(top, i + 1))
    for (let j = i; j <= end; j++) {
      sheet.getCell(top + 1, j + 1).value = columns[j]!.heading
      headingStyle(sheet.getCell(top + 1, j + 1))
    }
    i = end + 1
  }
  sheet.getRow(top + 1).height = 30
  sheet.views = [{ state: 'frozen', ySplit: top + 1, xSplit: 2 }]

  view.cadres.forEach((c, index) => {
    const row = sheet.addRow(columns.map((col) => col.value(c, index)))
    columns.forEach((col, n) => {
      const cell = row.getCell(n + 1)
      if (col.numFmt) cell.numFmt = col.numFmt
      cell.border = thinBorder
    })
  })

  const t = view.totals
  const words = yearTableTotalsTexts(t)
  const totals: Record<string, string | number | null> = {
    name: words.name,
    days: t.totalDays,
    status: words.status,
    ...Object.fromEntries(CONTENT_KINDS.map((k) => [`kind-${k}`, t.daysByKind[k]])),
    ...Object.fromEntries(view.ratioRules.map((r) => [`ratio-${r.id}`, view.ratioTotals[r.id] ?? 0])),
    ...(view.inProgress ? { pace: words.behind } : {})
  }
  const totalsRow = sheet.addRow(columns.map((c) => totals[c.id] ?? null))
  const averageRow = sheet.addRow(
    columns.map((c) => (c.id === 'name' ? words.average : c.id === 'days' ? t.averageDays : null))
  )
  for (const row of [totalsRow, averageRow]) {
    row.font = { bold: true }
    columns.forEach((col, n) => {
      const cell = row.getCell(n + 1)
      if (col.numFmt) cell.numFmt = col.numFmt
      cell.border = thinBorder
    })
  }
  averageRow.getCell(columns.findIndex((c) => c.id === 'days') + 1).numFmt = '0.00'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } }
const thinBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }

export async function exportYearTable(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate
): Promise<FileDownload> {
  const view = loadYearTable(ctx, year, asOf)
  const buffer = await yearTableWorkbook(view)
  return { fileName: yearTableFileName(view), contentBase64: buffer.toString('base64') }
}
