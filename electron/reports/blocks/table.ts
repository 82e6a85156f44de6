/**
 * Data tables (DOCUMENT-FORMAT.md §10): thin single borders, the header row(s) bold, centred
 * and repeated on every page, 13 pt cells, single spacing, no indent, and an optional bold
 * totals row.
 *
 * Columns are sized from their content: a `fit` column (order numbers, days, dates, codes)
 * is as wide as its widest line, so a number never wraps ("1.006," over "5"); the other
 * columns share what is left by weight, never narrower than their longest word, so no word is
 * broken either. When the content cannot fit at 13 pt the table steps down to 12, then 11 pt.
 *
 * Widths are fixed twips on the grid AND on every cell (LibreOffice, WPS and Google Docs
 * collapse percentage widths into equal columns). Borders and cell padding are set once on
 * the table and the text size and alignment by paragraph style (document.ts), not repeated
 * on every cell and run: a year report of 2,000 cadres stays a few MB of XML.
 */
import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType
} from 'docx'
import { SIZE, TABLE_BORDER, TABLE_CELL_MARGIN, USABLE_WIDTH } from './constants'
import { textWidth, widestWord } from './measure'
import { nfc, type Align, type RunStyle, type Segment } from './text'

/**
 * Integer twips for columns of the given weights that add up to exactly `total` (the
 * rounding remainder goes to the columns with the largest fractions), so a table spans the
 * text width.
 */
export function fitColumnWidths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum <= 0) throw new Error('Column weights must be positive')
  const raw = weights.map((w) => (w * total) / sum)
  const widths = raw.map(Math.floor)
  let rest = total - widths.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac)
  for (const { i } of order) {
    if (rest <= 0) break
    widths[i] = (widths[i] ?? 0) + 1
    rest -= 1
  }
  return widths
}

export interface TableColumn {
  /** Alignment of the column's body cells; names left, numbers centred or right. */
  align?: Align
  /**
   * As wide as its widest line and never wrapping: order numbers, days, percentages, dates,
   * codes. The other columns wrap between words.
   */
  fit?: boolean
  /** Share of the width the fitted columns leave (1 by default). */
  weight?: number
  /** At least this many twips (a column that must look alike in every table of a document). */
  minWidth?: number
}

export interface CellSpec extends RunStyle {
  /** Text, or lines (a "\n" also starts a new line), or one line of styled segments. */
  text: string | readonly string[] | readonly Segment[]
  columnSpan?: number
  rowSpan?: number
  align?: Align
}

export type Cell = string | number | CellSpec

/** A row with options: kept on the page of the row after it (a group's heading, a subtotal's last row). */
export interface RowSpec {
  cells: readonly Cell[]
  keepNext?: boolean
}

export type Row = readonly Cell[] | RowSpec

export interface DataTableInput {
  columns: readonly TableColumn[]
  /** Header rows (bold, centred, repeated on each page); cells may span rows and columns. */
  header: ReadonlyArray<readonly Cell[]>
  rows: ReadonlyArray<Row>
  /** Bold last row ("Tổng cộng"), kept on the page of the row before it. */
  totals?: readonly Cell[] | null
  /** Half-points; 13 pt by default. A table that cannot fit steps down 1 pt at a time to 11 pt. */
  fontSize?: number
  /** The width to fill, in twips (the portrait text width by default). */
  width?: number
  /** Twips left and right inside each cell. */
  cellPadding?: number
}

/** The sizes a table may step down to when its content does not fit (S1 §10: 13 pt, 12 for wide tables). */
const SMALLEST_SIZE = 22

/**
 * Room kept beside a measured line: Word, LibreOffice and WPS round glyph positions
 * differently, and a line measured exactly to the column's edge would break in one of them.
 */
function withSlack(width: number): number {
  return Math.ceil(width * 1.03 + 40)
}

const BORDER = { style: BorderStyle.SINGLE, size: TABLE_BORDER.size, color: TABLE_BORDER.color } as const

function toSpec(cell: Cell): CellSpec {
  if (typeof cell === 'number') return { text: String(cell) }
  if (typeof cell === 'string') return { text: cell }
  return cell
}

function rowCells(row: Row): readonly Cell[] {
  return Array.isArray(row) ? (row as readonly Cell[]) : (row as RowSpec).cells
}

interface Placed {
  spec: CellSpec
  column: number
  span: number
}

/** The cells of one row with the grid column each starts at, skipping columns still covered by a rowSpan above. */
function placeRow(cells: readonly CellSpec[], covered: number[], columnCount: number): Placed[] {
  const placed: Placed[] = []
  let column = 0
  for (const spec of cells) {
    while (column < columnCount && (covered[column] ?? 0) > 0) column += 1
    const span = spec.columnSpan ?? 1
    placed.push({ spec, column, span })
    column += span
  }
  // This row is laid out: rows still covered from above count down, new rowSpans start.
  for (let c = 0; c < columnCount; c += 1) if ((covered[c] ?? 0) > 0) covered[c] = (covered[c] ?? 0) - 1
  for (const p of placed) {
    const rows = p.spec.rowSpan ?? 1
    if (rows > 1) for (let c = p.column; c < p.column + p.span; c += 1) covered[c] = rows - 1
  }
  return placed
}

/** The lines of a cell as plain strings (segments joined). */
function linesOf(spec: CellSpec): string[] {
  const { text } = spec
  if (typeof text === 'string') return text.split('\n')
  if (text.every((t) => typeof t === 'string')) return (text as readonly string[]).flatMap((t) => t.split('\n'))
  return [(text as readonly Segment[]).map((s) => (typeof s === 'string' ? s : s.text)).join('')]
}

type Kind = 'header' | 'body' | 'totals'

interface LaidOutRow {
  kind: Kind
  keepNext: boolean
  cells: Placed[]
}

function layOut(input: DataTableInput): LaidOutRow[] {
  const covered: number[] = []
  const count = input.columns.length
  const out: LaidOutRow[] = input.header.map((cells) => ({
    kind: 'header' as const,
    keepNext: false,
    cells: placeRow(cells.map(toSpec), covered, count)
  }))
  input.rows.forEach((row, i) => {
    const spec = Array.isArray(row) ? null : (row as RowSpec)
    // The last row goes with the totals row: a totals row alone at the top of a page reads as a new table.
    const last = Boolean(input.totals) && i === input.rows.length - 1
    out.push({
      kind: 'body',
      keepNext: Boolean(spec?.keepNext) || last,
      cells: placeRow(rowCells(row).map(toSpec), covered, count)
    })
  })
  if (input.totals) out.push({ kind: 'totals', keepNext: false, cells: placeRow(input.totals.map(toSpec), covered, count) })
  return out
}

/**
 * The narrowest each column may be at this size: a fitted column its widest line, another
 * column its widest word (header words included, which may wrap between them).
 */
function minimumWidths(input: DataTableInput, rows: readonly LaidOutRow[], size: number, padding: number): number[] {
  const mins = input.columns.map((c) => c.minWidth ?? 0)
  for (const row of rows) {
    for (const { spec, column, span } of row.cells) {
      if (span !== 1) continue
      const bold = row.kind !== 'body' || Boolean(spec.bold)
      const style = { size, bold, italics: Boolean(spec.italics) }
      const fit = row.kind !== 'header' && Boolean(input.columns[column]?.fit)
      const need = linesOf(spec).reduce(
        (max, line) => Math.max(max, fit ? textWidth(line, style) : widestWord(line, style)),
        0
      )
      if (need > 0) mins[column] = Math.max(mins[column] ?? 0, withSlack(need) + 2 * padding)
    }
  }
  return mins
}

/**
 * Widths that add up to `total`: every column at least its minimum; the columns that wrap
 * share what is left by weight (a column whose share is below its minimum keeps its
 * minimum and the others share the rest); with no such column the fitted ones grow alike.
 * Null when the minimums alone are wider than `total`.
 */
export function distributeWidths(total: number, columns: readonly TableColumn[], mins: readonly number[]): number[] | null {
  const sumMins = mins.reduce((a, b) => a + b, 0)
  if (sumMins > total) return null
  const flexible = columns.map((c, i) => i).filter((i) => !columns[i]?.fit)
  const widths = [...mins]
  if (flexible.length === 0) {
    const extra = total - sumMins
    const grown = fitColumnWidths(extra + sumMins, mins.map((m) => Math.max(m, 1)))
    return grown
  }
  const fixed = new Set<number>()
  // Water-filling: repeat until every flexible column's share covers its minimum.
  for (;;) {
    const open = flexible.filter((i) => !fixed.has(i))
    if (open.length === 0) {
      // Every wrapping column is at its minimum: they share what is left on top of it.
      const extra = fitColumnWidths(
        total - widths.reduce((a, b) => a + b, 0),
        flexible.map((i) => columns[i]?.weight ?? 1)
      )
      flexible.forEach((i, k) => (widths[i] = (widths[i] ?? 0) + (extra[k] ?? 0)))
      return widths
    }
    const room = total - widths.reduce((sum, w, i) => (open.includes(i) ? sum : sum + w), 0)
    const weight = open.reduce((sum, i) => sum + (columns[i]?.weight ?? 1), 0)
    const below = open.filter((i) => ((columns[i]?.weight ?? 1) * room) / weight < (mins[i] ?? 0))
    if (below.length === 0) {
      const shares = fitColumnWidths(
        room,
        open.map((i) => columns[i]?.weight ?? 1)
      )
      open.forEach((i, k) => (widths[i] = shares[k] ?? 0))
      return widths
    }
    for (const i of below) fixed.add(i)
  }
}

/** The paragraph style of table text (document.ts defines one per size and alignment). */
export function tableStyleId(size: number, align: Align): string {
  const a = align === 'center' ? 'C' : align === 'right' ? 'R' : align === 'justify' ? 'J' : 'L'
  return `Tbl${size}${a}`
}

/** The sizes and alignments table styles exist for. */
export const TABLE_STYLE_SIZES = [22, 24, 26, 28] as const
export const TABLE_STYLE_ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify']

/** A run of table text: only what differs from the paragraph style (size and font come from it). */
function cellRun(text: string, style: RunStyle, size: number): TextRun {
  return new TextRun({
    text: nfc(text),
    ...(style.size !== undefined && style.size !== size ? { size: style.size } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(style.highlight ? { highlight: 'yellow' as const } : {})
  })
}

function cellParagraphs(spec: CellSpec, align: Align, size: number, bold: boolean): Paragraph[] {
  const { text, columnSpan: _c, rowSpan: _r, align: _a, ...own } = spec
  const base: RunStyle = { ...own, bold: own.bold ?? bold }
  const style = tableStyleId(size, align)
  const paragraph = (children: TextRun[]) => new Paragraph({ style, children })
  if (typeof text === 'string') return text.split('\n').map((t) => paragraph(t ? [cellRun(t, base, size)] : []))
  if (text.every((t) => typeof t === 'string'))
    return (text as readonly string[]).map((t) => paragraph(t ? [cellRun(t, base, size)] : []))
  return [
    paragraph(
      (text as readonly Segment[]).map((s) =>
        typeof s === 'string' ? cellRun(s, base, size) : cellRun(s.text, { ...base, ...s }, size)
      )
    )
  ]
}

function buildRow(row: LaidOutRow, input: DataTableInput, widths: readonly number[], size: number): TableRow {
  return new TableRow({
    ...(row.kind === 'header' ? { tableHeader: true } : {}),
    ...(row.keepNext ? { keepNext: true } : {}),
    cantSplit: true,
    children: row.cells.map(({ spec, column, span }) => {
      const width = widths.slice(column, column + span).reduce((sum, w) => sum + w, 0)
      const align = spec.align ?? (row.kind === 'header' ? 'center' : (input.columns[column]?.align ?? 'left'))
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan } : {}),
        verticalAlign: VerticalAlignTable.CENTER,
        children: cellParagraphs(spec, align, size, row.kind !== 'body')
      })
    })
  })
}

/** The widths and text size a table gets: the largest size from the requested one down to 11 pt at which it fits. */
export function sizeTable(input: DataTableInput): { widths: number[]; size: number } {
  const total = input.width ?? USABLE_WIDTH.portrait
  const padding = input.cellPadding ?? TABLE_CELL_MARGIN.left
  const rows = layOut(input)
  const requested = input.fontSize ?? SIZE.table
  for (let size = requested; size >= SMALLEST_SIZE; size -= 2) {
    const widths = distributeWidths(total, input.columns, minimumWidths(input, rows, size, padding))
    if (widths) return { widths, size }
  }
  // Nothing fits even at 11 pt (a code of fifty characters): keep the proportions of the minimums.
  return {
    widths: fitColumnWidths(total, minimumWidths(input, rows, SMALLEST_SIZE, padding).map((m) => Math.max(m, 1))),
    size: SMALLEST_SIZE
  }
}

export function dataTable(input: DataTableInput): Table {
  const { widths, size } = sizeTable(input)
  const padding = input.cellPadding ?? TABLE_CELL_MARGIN.left
  const rows = layOut(input).map((row) => buildRow(row, input, widths, size))
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER
    },
    margins: { top: TABLE_CELL_MARGIN.top, bottom: TABLE_CELL_MARGIN.bottom, left: padding, right: padding },
    rows
  })
}
