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
import { FileChild, type IXmlableObject } from 'docx'
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
  /** Per line of a cell given as lines: what that line adds to the cell's style (a name, then its position in italics). */
  lineStyles?: readonly RunStyle[]
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
  /** Keep the table's last row on the page of what follows (a commitment and signatures). */
  keepWithNext?: boolean
}

/** How much a fitted column's wrapped header weighs against wrapped text, when room is short. */
const FITTED_HEADER_SHARE = 0.3

/** The sizes a table may step down to when its content does not fit (S1 §10: 13 pt, 12 for wide tables). */
const SMALLEST_SIZE = 22

/**
 * Room kept beside a measured line: Word, LibreOffice and WPS round glyph positions
 * differently, and a line measured exactly to the column's edge would break in one of them.
 */
function withSlack(width: number): number {
  return Math.ceil(width * 1.015 + 24)
}

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

/** The lines of a cell as plain strings (segments joined), each with what its style adds. */
function linesOf(spec: CellSpec): Array<{ text: string; style: RunStyle }> {
  const { text } = spec
  if (typeof text === 'string') return text.split('\n').map((t) => ({ text: t, style: {} }))
  if (text.every((t) => typeof t === 'string'))
    return (text as readonly string[]).map((t, i) => ({ text: t, style: spec.lineStyles?.[i] ?? {} }))
  return [{ text: (text as readonly Segment[]).map((s) => (typeof s === 'string' ? s : s.text)).join(''), style: {} }]
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
    const last = i === input.rows.length - 1 && (Boolean(input.totals) || Boolean(input.keepWithNext))
    out.push({
      kind: 'body',
      keepNext: Boolean(spec?.keepNext) || last,
      cells: placeRow(rowCells(row).map(toSpec), covered, count)
    })
  })
  if (input.totals) {
    const cells = placeRow(input.totals.map(toSpec), covered, count)
    out.push({ kind: 'totals', keepNext: Boolean(input.keepWithNext), cells })
  }
  return out
}

interface ColumnNeeds {
  /** The narrowest the column may be: its widest word (a fitted column: its widest line). */
  min: number[]
  /** As wide as its widest line would need, header included, with nothing wrapping. */
  max: number[]
}

/** What each column needs at this size, in twips, padding included. */
function columnNeeds(input: DataTableInput, rows: readonly LaidOutRow[], size: number, padding: number): ColumnNeeds {
  const min = input.columns.map((c) => c.minWidth ?? 0)
  const max = [...min]
  const room = (width: number) => (width > 0 ? withSlack(width) + 2 * padding : 0)
  for (const row of rows) {
    for (const { spec, column, span } of row.cells) {
      if (span !== 1) continue
      // Header words may wrap between them; a fitted column's figures, dates and codes never do.
      const fit = row.kind !== 'header' && Boolean(input.columns[column]?.fit)
      for (const line of linesOf(spec)) {
        const style = {
          size,
          bold: line.style.bold ?? (row.kind !== 'body' || Boolean(spec.bold)),
          italics: line.style.italics ?? Boolean(spec.italics)
        }
        const whole = room(textWidth(line.text, style))
        min[column] = Math.max(min[column] ?? 0, fit ? whole : room(widestWord(line.text, style)))
        max[column] = Math.max(max[column] ?? 0, whole)
      }
    }
  }
  return { min, max: max.map((m, i) => Math.max(m, min[i] ?? 0)) }
}

/**
 * Widths that add up to `total`, as a browser lays out an automatic table: when every column
 * can have its widest line, the columns that wrap share the rest by weight; otherwise every
 * column gets its minimum and the room left goes in proportion to what each still lacks
 * (times its weight; a fitted column's header weighs less), so long texts get the room and
 * short headers wrap a little. Null when the minimums alone are wider than `total`.
 */
export function distributeWidths(total: number, columns: readonly TableColumn[], needs: ColumnNeeds): number[] | null {
  const { min, max } = needs
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
  if (sum(min) > total) return null
  const weight = (i: number) => columns[i]?.weight ?? 1
  if (sum(max) <= total) {
    const flexible = columns.map((_, i) => i).filter((i) => !columns[i]?.fit)
    const takers = flexible.length ? flexible : columns.map((_, i) => i)
    const extra = fitColumnWidths(
      total - sum(max),
      takers.map((i) => weight(i) * Math.max(max[i] ?? 0, 1))
    )
    const widths = [...max]
    takers.forEach((i, k) => (widths[i] = (widths[i] ?? 0) + (extra[k] ?? 0)))
    return widths
  }
  // A fitted column lacks only room for its header on fewer lines: it counts for less than a
  // name or a note that would otherwise wrap.
  const lacking = columns.map(
    (c, i) => ((max[i] ?? 0) - (min[i] ?? 0)) * weight(i) * (c.fit ? FITTED_HEADER_SHARE : 1)
  )
  if (sum(lacking) <= 0) return fitColumnWidths(total, min.map((m) => Math.max(m, 1)))
  const extra = fitColumnWidths(
    total - sum(min),
    lacking.map((l) => Math.max(l, 0))
  )
  return min.map((m, i) => m + (extra[i] ?? 0))
}

/**
 * The table style of data tables at a size (document.ts defines them): the text size, centred
 * paragraphs and vertically centred cells, so a cell names none of these itself; a cell
 * aligned otherwise (names, left) says only that.
 */
export function tableStyleId(size: number): string {
  return `BangSoLieu${size}`
}

/** The sizes table styles exist for (13 pt, and the steps a crowded table goes down to). */
export const TABLE_STYLE_SIZES = [22, 24, 26, 28] as const

/**
 * The XML of a table as docx writes an element: `{ "w:tc": [children] }`, attributes as
 * `{ _attr: {...} }`, text as a string child. Built directly, not through docx's TableRow,
 * TableCell, Paragraph and TextRun objects: a 2,000-cadre appendix has 30,000 cells, and
 * making an object per property of each (then asking each to write itself) took longer than
 * writing the XML. The XML is the same elements WordprocessingML defines, in schema order.
 */
type XmlNode = { [name: string]: XmlNode[] | { _attr: Record<string, string | number> } | Record<string, never> } | string

const EMPTY: Record<string, never> = Object.freeze({}) as Record<string, never>
const attr = (name: string, values: Record<string, string | number>): XmlNode => ({ [name]: { _attr: values } })
const PRESERVE = { _attr: { 'xml:space': 'preserve' } } as unknown as XmlNode

/** Text as a w:t; a space at either end is kept only when the element says so. */
function textXml(text: string): XmlNode {
  const value = nfc(text)
  return { 'w:t': value.trim() === value ? [value] : [PRESERVE, value] }
}

function runXml(text: string, style: RunStyle, size: number): XmlNode {
  const props: XmlNode[] = []
  if (style.bold) props.push({ 'w:b': EMPTY }, { 'w:bCs': EMPTY })
  if (style.italics) props.push({ 'w:i': EMPTY }, { 'w:iCs': EMPTY })
  if (style.size !== undefined && style.size !== size)
    props.push(attr('w:sz', { 'w:val': style.size }), attr('w:szCs', { 'w:val': style.size }))
  if (style.highlight) props.push(attr('w:highlight', { 'w:val': 'yellow' }))
  if (style.underline) props.push(attr('w:u', { 'w:val': 'single' }))
  const t = textXml(text)
  return { 'w:r': props.length ? [{ 'w:rPr': props }, t] : [t] }
}

/** A cell paragraph: centred by the table style, so only another alignment and "keep with next" are written. */
function paragraphXml(align: Align, keepNext: boolean, runs: XmlNode[]): XmlNode {
  const props: XmlNode[] = []
  if (keepNext) props.push({ 'w:keepNext': EMPTY })
  if (align !== 'center') props.push(attr('w:jc', { 'w:val': align === 'justify' ? 'both' : align }))
  return { 'w:p': props.length ? [{ 'w:pPr': props }, ...runs] : runs }
}

function cellParagraphsXml(spec: CellSpec, align: Align, size: number, bold: boolean, keepNext: boolean): XmlNode[] {
  const { text, columnSpan: _c, rowSpan: _r, align: _a, lineStyles, ...own } = spec
  const base: RunStyle = { ...own, bold: own.bold ?? bold }
  const paragraph = (runs: XmlNode[]) => paragraphXml(align, keepNext, runs)
  if (typeof text === 'string')
    return text.split('\n').map((t) => paragraph(t ? [runXml(t, base, size)] : []))
  if (text.every((t) => typeof t === 'string'))
    return (text as readonly string[]).map((t, i) =>
      paragraph(t ? [runXml(t, { ...base, ...lineStyles?.[i] }, size)] : [])
    )
  return [
    paragraph(
      (text as readonly Segment[]).map((s) =>
        typeof s === 'string' ? runXml(s, base, size) : runXml(s.text, { ...base, ...s }, size)
      )
    )
  ]
}

function cellXml(width: number, span: number, merge: 'restart' | 'continue' | null, body: XmlNode[]): XmlNode {
  const props: XmlNode[] = [attr('w:tcW', { 'w:type': 'dxa', 'w:w': width })]
  if (span > 1) props.push(attr('w:gridSpan', { 'w:val': span }))
  if (merge === 'restart') props.push(attr('w:vMerge', { 'w:val': 'restart' }))
  else if (merge === 'continue') props.push({ 'w:vMerge': EMPTY })
  return { 'w:tc': [{ 'w:tcPr': props }, ...body] }
}

/** A cell merged into the one above it (rowSpan): it only carries the merge and one empty paragraph. */
interface Covering {
  rowsLeft: number
  span: number
}

function rowsXml(rows: readonly LaidOutRow[], input: DataTableInput, widths: readonly number[], size: number): XmlNode[] {
  const covering: Array<Covering | undefined> = []
  const widthOf = (column: number, span: number) => widths.slice(column, column + span).reduce((a, b) => a + b, 0)
  return rows.map((row) => {
    const cells: XmlNode[] = []
    const startAt = new Map(row.cells.map((c) => [c.column, c]))
    let column = 0
    while (column < widths.length) {
      const cover = covering[column]
      if (cover && cover.rowsLeft > 0) {
        // The continuation of a cell spanning rows: Word needs it in every row it covers.
        cells.push(
          cellXml(widthOf(column, cover.span), cover.span, 'continue', [paragraphXml('center', row.keepNext, [])])
        )
        cover.rowsLeft -= 1
        column += cover.span
        continue
      }
      const placed = startAt.get(column)
      if (!placed) break
      const { spec, span } = placed
      const align = spec.align ?? (row.kind === 'header' ? 'center' : (input.columns[column]?.align ?? 'left'))
      const rowSpan = spec.rowSpan ?? 1
      if (rowSpan > 1) covering[column] = { rowsLeft: rowSpan - 1, span }
      cells.push(
        cellXml(
          widthOf(column, span),
          span,
          rowSpan > 1 ? 'restart' : null,
          cellParagraphsXml(spec, align, size, row.kind !== 'body', row.keepNext)
        )
      )
      column += span
    }
    const rowProps: XmlNode[] = [{ 'w:cantSplit': EMPTY }]
    if (row.kind === 'header') rowProps.push({ 'w:tblHeader': EMPTY })
    return { 'w:tr': [{ 'w:trPr': rowProps }, ...cells] }
  })
}

/**
 * A data table in the document: a docx FileChild (it goes in a section like a Paragraph or a
 * Table) that writes the XML built by dataTable().
 */
export class DataTable extends FileChild {
  constructor(private readonly xml: XmlNode) {
    super('w:tbl')
  }

  override prepForXml(): IXmlableObject {
    return this.xml as unknown as IXmlableObject
  }
}

/** The widths and text size a table gets: the largest size from the requested one down to 11 pt at which it fits. */
export function sizeTable(
  input: DataTableInput,
  rows: readonly LaidOutRow[] = layOut(input)
): { widths: number[]; size: number } {
  const total = input.width ?? USABLE_WIDTH.portrait
  const padding = input.cellPadding ?? TABLE_CELL_MARGIN.left
  const requested = input.fontSize ?? SIZE.table
  for (let size = requested; size >= SMALLEST_SIZE; size -= 2) {
    const widths = distributeWidths(total, input.columns, columnNeeds(input, rows, size, padding))
    if (widths) return { widths, size }
  }
  // Nothing fits even at 11 pt (a code of fifty characters): keep the proportions of the minimums.
  const { min } = columnNeeds(input, rows, SMALLEST_SIZE, padding)
  return { widths: fitColumnWidths(total, min.map((m) => Math.max(m, 1))), size: SMALLEST_SIZE }
}

export function dataTable(input: DataTableInput): DataTable {
  const laidOut = layOut(input)
  const { widths, size } = sizeTable(input, laidOut)
  const padding = input.cellPadding ?? TABLE_CELL_MARGIN.left
  const total = widths.reduce((a, b) => a + b, 0)
  const border = attrs({ 'w:val': 'single', 'w:color': TABLE_BORDER.color, 'w:sz': TABLE_BORDER.size })
  const margin = (w: number) => attrs({ 'w:type': 'dxa', 'w:w': w })
  return new DataTable({
    'w:tbl': [
      {
        'w:tblPr': [
          attr('w:tblStyle', { 'w:val': tableStyleId(size) }),
          attr('w:tblW', { 'w:type': 'dxa', 'w:w': total }),
          {
            'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => ({
              [side]: border
            }))
          },
          attr('w:tblLayout', { 'w:type': 'fixed' }),
          {
            'w:tblCellMar': [
              { 'w:top': margin(TABLE_CELL_MARGIN.top) },
              { 'w:left': margin(padding) },
              { 'w:bottom': margin(TABLE_CELL_MARGIN.bottom) },
              { 'w:right': margin(padding) }
            ]
          }
        ]
      },
      { 'w:tblGrid': widths.map((w) => attr('w:gridCol', { 'w:w': w })) },
      ...rowsXml(laidOut, input, widths, size)
    ]
  })
}

function attrs(values: Record<string, string | number>): { _attr: Record<string, string | number> } {
  return { _attr: values }
}
