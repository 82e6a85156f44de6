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
import { textWidth, widestWord, wordsOf } from './measure'
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
  /**
   * Keep each line whole when the table has the room (a person's name on one line), wrapping
   * only when it has not; unlike `fit`, a long line may still wrap between words.
   */
  whole?: boolean
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
  return [
    {
      text: (text as readonly Segment[]).map((s) => (typeof s === 'string' ? s : s.text)).join(''),
      style: {}
    }
  ]
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

export interface ColumnNeeds {
  /** The narrowest the column may be: its widest word (a fitted column: its widest line). */
  min: number[]
  /** As wide as its widest line would need, header included, with nothing wrapping. */
  max: number[]
  /** A `whole` column's widest line in its plain body cells (the header and bold group rows may wrap). */
  whole: number[]
}

/** What each column needs at this size, in twips, padding included. */
function columnNeeds(
  input: DataTableInput,
  rows: readonly LaidOutRow[],
  size: number,
  padding: number
): ColumnNeeds {
  const min = input.columns.map((c) => c.minWidth ?? 0)
  const max = [...min]
  const wholeLine = input.columns.map(() => 0)
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
        const width = room(textWidth(line.text, style))
        min[column] = Math.max(min[column] ?? 0, fit ? width : room(widestWord(line.text, style)))
        max[column] = Math.max(max[column] ?? 0, width)
        if (row.kind === 'body' && !style.bold) wholeLine[column] = Math.max(wholeLine[column] ?? 0, width)
      }
    }
  }
  return {
    min,
    max: max.map((m, i) => Math.max(m, min[i] ?? 0)),
    whole: wholeLine.map((w, i) => Math.max(w, min[i] ?? 0))
  }
}

/**
 * Widths that add up to `total` without a model of the rows: every column at least its
 * minimum (the lines of a `whole` column too, when there is room); when every column can have
 * its widest line, the columns that wrap share the rest by weight; otherwise the room left goes
 * in proportion to what each still lacks (times its weight). Null when the minimums alone are
 * wider than `total`. sizeTable() refines the last case with the rows themselves.
 */
export function distributeWidths(
  total: number,
  columns: readonly TableColumn[],
  needs: ColumnNeeds
): number[] | null {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
  if (sum(needs.min) > total) return null
  const min = wholeFirst(total, columns, needs)
  const max = needs.max.map((m, i) => Math.max(m, min[i] ?? 0))
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
  const lacking = columns.map((_, i) => ((max[i] ?? 0) - (min[i] ?? 0)) * weight(i))
  if (sum(lacking) <= 0)
    return fitColumnWidths(
      total,
      min.map((m) => Math.max(m, 1))
    )
  const extra = fitColumnWidths(
    total - sum(min),
    lacking.map((l) => Math.max(l, 0))
  )
  return min.map((m, i) => m + (extra[i] ?? 0))
}

/**
 * The minimums, with the plain lines of `whole` columns (a person's name, a position) whole,
 * column by column from the left, as long as the table has the room for them.
 */
function wholeFirst(total: number, columns: readonly TableColumn[], needs: ColumnNeeds): number[] {
  const widths = [...needs.min]
  let used = widths.reduce((a, b) => a + b, 0)
  columns.forEach((column, i) => {
    const want = Math.max(widths[i] ?? 0, needs.whole[i] ?? 0)
    const more = want - (widths[i] ?? 0)
    if (column.whole && more > 0 && used + more <= total) {
      widths[i] = want
      used += more
    }
  })
  return widths
}

/** A cell as the width search sees it: the columns it covers and the width of each word of each line. */
interface MeasuredCell {
  column: number
  span: number
  /** Never wraps (a fitted column's figure): always as many lines as it has. */
  fixed: boolean
  lines: number[][]
  space: number
}

interface MeasuredRow {
  /** How much the row counts: a header row is printed on every page, a sampled row stands for several. */
  weight: number
  cells: MeasuredCell[]
}

/** What a line saved in one cell of a row weighs against a line saved in the row's height. */
const CELL_LINE_WEIGHT = 0.02

/** Rows looked at when sizing a long table: every row up to this many, else an even sample of them. */
const SAMPLED_ROWS = 400

function measureRows(input: DataTableInput, rows: readonly LaidOutRow[], size: number): MeasuredRow[] {
  const body = rows.filter((r) => r.kind !== 'header')
  const step = Math.max(1, Math.ceil(body.length / SAMPLED_ROWS))
  // A table's header is printed again on each page (about twenty rows a page).
  const pages = Math.max(1, Math.round(body.length / 20))
  const out: MeasuredRow[] = []
  let bodyIndex = 0
  for (const row of rows) {
    if (row.kind !== 'header') {
      bodyIndex += 1
      if ((bodyIndex - 1) % step !== 0) continue
    }
    out.push({
      weight: row.kind === 'header' ? pages : step,
      cells: row.cells.map(({ spec, column, span }) => {
        const lines = linesOf(spec).map((line) => {
          const style = {
            size,
            bold: line.style.bold ?? (row.kind !== 'body' || Boolean(spec.bold)),
            italics: line.style.italics ?? Boolean(spec.italics)
          }
          return wordsOf(line.text).map((w) => textWidth(w, style))
        })
        const fixed = row.kind !== 'header' && span === 1 && Boolean(input.columns[column]?.fit)
        return { column, span, fixed, lines, space: textWidth(' ', { size }) }
      })
    })
  }
  return out
}

/** How many lines a cell takes at a column width (words wrapped as a word processor does, with the slack). */
function linesAt(cell: MeasuredCell, width: number, padding: number): number {
  if (cell.fixed) return Math.max(1, cell.lines.length)
  const room = width - 2 * padding
  let count = 0
  for (const words of cell.lines) {
    let used = 0
    let lines = 1
    for (const w of words) {
      const next = used === 0 ? w : used + cell.space + w
      if (used > 0 && withSlack(next) > room) {
        lines += 1
        used = w
      } else used = next
    }
    count += lines
  }
  return Math.max(1, count)
}

/**
 * The widths that make the table shortest: from the minimums, the room left is given a step at
 * a time to the column whose wider text saves the most printed lines (a row is as tall as its
 * tallest cell; a header row counts once per page). When no step saves a line any more, the
 * rest goes by weight to the columns that wrap.
 */
function shortestWidths(
  total: number,
  columns: readonly TableColumn[],
  start: readonly number[],
  rows: readonly MeasuredRow[],
  padding: number
): number[] {
  const widths = [...start]
  let left = total - widths.reduce((a, b) => a + b, 0)
  const step = Math.max(20, Math.ceil(left / 120))
  const widthOf = (cell: MeasuredCell, w: readonly number[]) => {
    let sum = 0
    for (let i = cell.column; i < cell.column + cell.span; i += 1) sum += w[i] ?? 0
    return sum
  }
  // Lines of every cell at the current widths, and each row's height.
  const lines = rows.map((row) => row.cells.map((cell) => linesAt(cell, widthOf(cell, widths), padding)))
  // For each column, the rows with a cell over it that can still lose a line by widening.
  const covering = columns.map((_, c) =>
    rows.flatMap((row, r) => {
      const cells = row.cells.flatMap((cell, k) =>
        !cell.fixed && c >= cell.column && c < cell.column + cell.span ? [k] : []
      )
      return cells.length ? [{ r, cells }] : []
    })
  )
  // What widening column `c` by `by` saves (printed lines, weighted) and the cells it changes.
  // The row's height counts; each cell's own lines a little, so two tall cells of one row (two
  // wrapped headers) can be unwrapped one after the other.
  const tryWiden = (c: number, by: number) => {
    let saving = 0
    const changed: Array<{ r: number; k: number; n: number }> = []
    for (const { r, cells } of covering[c] ?? []) {
      const row = rows[r]
      const current = lines[r]
      if (!row || !current) continue
      let fewer = 0
      let rowChanged = false
      const from = changed.length
      for (const k of cells) {
        const was = current[k] ?? 1
        if (was <= 1) continue
        const cell = row.cells[k]
        if (!cell) continue
        const n = linesAt(cell, widthOf(cell, widths) + by, padding)
        if (n !== was) {
          fewer += was - n
          rowChanged = true
          changed.push({ r, k, n })
        }
      }
      if (!rowChanged) continue
      let before = 0
      let after = 0
      for (let k = 0; k < current.length; k += 1) {
        const was = current[k] ?? 1
        before = Math.max(before, was)
        let now = was
        for (let j = from; j < changed.length; j += 1) if (changed[j]?.k === k) now = changed[j]?.n ?? was
        after = Math.max(after, now)
      }
      saving += (before - after + CELL_LINE_WEIGHT * fewer) * row.weight
    }
    return { saving, changed }
  }
  while (left >= step) {
    let best = -1
    let bestBy = step
    let bestRate = 0
    let bestLines: Array<{ r: number; k: number; n: number }> = []
    for (let c = 0; c < columns.length; c += 1) {
      const { saving, changed } = tryWiden(c, step)
      if (saving / step > bestRate) {
        best = c
        bestRate = saving / step
        bestLines = changed
      }
    }
    // No single step saves a line (a long header word needs more than a step to move to the
    // line above): look further, doubling, for the nearest width that does, per twip given.
    if (best < 0) {
      for (let c = 0; c < columns.length; c += 1) {
        for (let by = 2 * step; by <= left; by = Math.min(left, 2 * by)) {
          let found = tryWiden(c, by)
          if (found.saving > 0) {
            // The least width in (previous try, by] that saves as much, a step at a time.
            let low = by === left ? Math.floor(by / 2 / step) * step : by / 2
            let high = by
            while (high - low > step) {
              // At least one step above low (and still below high), so the search always moves.
              const mid = low + Math.max(step, Math.floor((high - low) / 2 / step) * step)
              const atMid = tryWiden(c, mid)
              if (atMid.saving > 0) {
                high = mid
                found = atMid
              } else low = mid
            }
            if (found.saving / high > bestRate) {
              best = c
              bestBy = high
              bestRate = found.saving / high
              bestLines = found.changed
            }
            break
          }
          if (by === left) break
        }
      }
    }
    if (best < 0) break
    widths[best] = (widths[best] ?? 0) + bestBy
    for (const { r, k, n } of bestLines) {
      const row = lines[r]
      if (row) row[k] = n
    }
    left -= bestBy
  }
  if (left > 0) {
    const flexible = columns.map((_, i) => i).filter((i) => !columns[i]?.fit)
    const takers = flexible.length ? flexible : columns.map((_, i) => i)
    const extra = fitColumnWidths(
      left,
      takers.map((i) => columns[i]?.weight ?? 1)
    )
    takers.forEach((i, k) => (widths[i] = (widths[i] ?? 0) + (extra[k] ?? 0)))
  }
  return widths
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
type XmlNode =
  { [name: string]: XmlNode[] | { _attr: Record<string, string | number> } | Record<string, never> } | string

const EMPTY: Record<string, never> = Object.freeze({}) as Record<string, never>
const attr = (name: string, values: Record<string, string | number>): XmlNode => ({
  [name]: { _attr: values }
})
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

function cellParagraphsXml(
  spec: CellSpec,
  align: Align,
  size: number,
  bold: boolean,
  keepNext: boolean
): XmlNode[] {
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

function cellXml(
  width: number,
  span: number,
  merge: 'restart' | 'continue' | null,
  body: XmlNode[]
): XmlNode {
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

function rowsXml(
  rows: readonly LaidOutRow[],
  input: DataTableInput,
  widths: readonly number[],
  size: number
): XmlNode[] {
  const covering: Array<Covering | undefined> = []
  const widthOf = (column: number, span: number) =>
    widths.slice(column, column + span).reduce((a, b) => a + b, 0)
  return rows.map((row) => {
    const cells: XmlNode[] = []
    const startAt = new Map(row.cells.map((c) => [c.column, c]))
    let column = 0
    while (column < widths.length) {
      const cover = covering[column]
      if (cover && cover.rowsLeft > 0) {
        // The continuation of a cell spanning rows: Word needs it in every row it covers.
        cells.push(
          cellXml(widthOf(column, cover.span), cover.span, 'continue', [
            paragraphXml('center', row.keepNext, [])
          ])
        )
        cover.rowsLeft -= 1
        column += cover.span
        continue
      }
      const placed = startAt.get(column)
      if (!placed) break
      const { spec, span } = placed
      const align =
        spec.align ?? (row.kind === 'header' ? 'center' : (input.columns[column]?.align ?? 'left'))
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
    const needs = columnNeeds(input, rows, size, padding)
    const simple = distributeWidths(total, input.columns, needs)
    if (!simple) continue
    // Everything on one line: nothing to choose. Else find the widths that print the fewest lines.
    if (needs.max.reduce((a, b) => a + b, 0) <= total) return { widths: simple, size }
    const start = wholeFirst(total, input.columns, needs)
    return {
      widths: shortestWidths(total, input.columns, start, measureRows(input, rows, size), padding),
      size
    }
  }
  // Nothing fits even at 11 pt (a code of fifty characters): keep the proportions of the minimums.
  const { min } = columnNeeds(input, rows, SMALLEST_SIZE, padding)
  return {
    widths: fitColumnWidths(
      total,
      min.map((m) => Math.max(m, 1))
    ),
    size: SMALLEST_SIZE
  }
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
            'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(
              (side) => ({
                [side]: border
              })
            )
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
