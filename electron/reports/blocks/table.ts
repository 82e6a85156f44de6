/**
 * Data tables (DOCUMENT-FORMAT.md §10): thin single borders, the header row(s) bold, centred
 * and repeated on every page, 13 pt cells (12 pt for wide tables), single spacing, no
 * indent, and an optional bold totals row. Widths are fixed twips on the grid AND on every
 * cell: LibreOffice, WPS and Google Docs collapse percentage widths into equal columns.
 */
import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx'
import { SIZE, TABLE_BORDER, TABLE_CELL_MARGIN } from './constants'
import { line, type Align, type RunStyle, type Segment } from './text'

/**
 * Integer twips for columns of the given weights that add up to exactly `total` (the
 * rounding remainder goes to the widest columns), so the table spans the text width.
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
  /** Twips (see fitColumnWidths). */
  width: number
  /** Alignment of the column's body cells; names left, numbers centred or right. */
  align?: Align
}

export interface CellSpec extends RunStyle {
  /** Text, or lines (a "\n" also starts a new line). */
  text: string | readonly string[] | readonly Segment[]
  columnSpan?: number
  rowSpan?: number
  align?: Align
}

export type Cell = string | number | CellSpec

export interface DataTableInput {
  columns: readonly TableColumn[]
  /** Header rows (bold, centred, repeated on each page); cells may span rows and columns. */
  header: ReadonlyArray<readonly Cell[]>
  rows: ReadonlyArray<readonly Cell[]>
  /** Bold last row ("Tổng cộng"). */
  totals?: readonly Cell[] | null
  /** Half-points; 13 pt by default. */
  fontSize?: number
  /** Twips left and right inside each cell (wide tables use less than the default 45). */
  cellPadding?: number
}

const BORDER = { style: BorderStyle.SINGLE, size: TABLE_BORDER.size, color: TABLE_BORDER.color } as const

function toSpec(cell: Cell): CellSpec {
  if (typeof cell === 'number') return { text: String(cell) }
  if (typeof cell === 'string') return { text: cell }
  return cell
}

/** The cells of one row with the grid column each starts at, skipping columns still covered by a rowSpan above. */
function placeRow(
  cells: readonly CellSpec[],
  covered: number[],
  columnCount: number
): Array<{ spec: CellSpec; column: number; span: number }> {
  const placed: Array<{ spec: CellSpec; column: number; span: number }> = []
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

function cellParagraphs(spec: CellSpec, align: Align, size: number) {
  const { text, columnSpan: _c, rowSpan: _r, align: _a, ...style } = spec
  const base = { align, size, ...style }
  if (typeof text === 'string') return text.split('\n').map((t) => line(t, base))
  // Lines of plain strings, or one line of styled segments.
  if (text.every((t) => typeof t === 'string')) return (text as readonly string[]).map((t) => line(t, base))
  return [line(text as readonly Segment[], base)]
}

function buildRow(
  cells: readonly Cell[],
  input: DataTableInput,
  covered: number[],
  kind: 'header' | 'body' | 'totals',
  keepNext = false
): TableRow {
  const size = input.fontSize ?? SIZE.table
  const placed = placeRow(cells.map(toSpec), covered, input.columns.length)
  return new TableRow({
    ...(kind === 'header' ? { tableHeader: true } : {}),
    ...(keepNext ? { keepNext: true } : {}),
    cantSplit: true,
    children: placed.map(({ spec, column, span }) => {
      const width = input.columns.slice(column, column + span).reduce((sum, c) => sum + c.width, 0)
      const align = spec.align ?? (kind === 'header' ? 'center' : (input.columns[column]?.align ?? 'left'))
      const styled: CellSpec = kind === 'body' ? spec : { bold: true, ...spec }
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan } : {}),
        verticalAlign: VerticalAlignTable.CENTER,
        margins:
          input.cellPadding === undefined
            ? TABLE_CELL_MARGIN
            : { ...TABLE_CELL_MARGIN, left: input.cellPadding, right: input.cellPadding },
        borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
        children: cellParagraphs(styled, align, size)
      })
    })
  })
}

export function dataTable(input: DataTableInput): Table {
  const total = input.columns.reduce((sum, c) => sum + c.width, 0)
  const covered: number[] = []
  const rows: TableRow[] = [
    ...input.header.map((cells) => buildRow(cells, input, covered, 'header')),
    // The last row goes with the totals row: a totals row alone at the top of a page reads as a new table.
    ...input.rows.map((cells, i) =>
      buildRow(cells, input, covered, 'body', Boolean(input.totals) && i === input.rows.length - 1)
    ),
    ...(input.totals ? [buildRow(input.totals, input, covered, 'totals')] : [])
  ]
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: input.columns.map((c) => c.width),
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER
    },
    rows
  })
}
