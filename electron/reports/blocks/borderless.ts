/**
 * Borderless two-column layout tables (header, signature): fixed layout and widths in twips
 * on the grid and on every cell, or LibreOffice and WPS collapse them into equal columns.
 */
import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type Table as TableType
} from 'docx'

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER
}
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }

/** Each row is [left cell paragraphs, right cell paragraphs]. */
export function borderlessTwoColumns(
  widths: readonly [number, number],
  rows: ReadonlyArray<readonly [Paragraph[], Paragraph[]]>,
  options: {
    cantSplit?: boolean
    /** Twips above both cells' content (keeps them level). */ spaceAbove?: number
    /** Keep every row on the page of the next (a signature's title with its space and name). */
    keepRowsTogether?: boolean
  } = {}
): TableType {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: [...widths],
    borders: NO_BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          ...(options.cantSplit ? { cantSplit: true } : {}),
          ...(options.keepRowsTogether && r < rows.length - 1 ? { keepNext: true } : {}),
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_CELL_BORDERS,
                // No padding, so long issuer names and date lines keep to one line.
                margins: { top: r === 0 ? (options.spaceAbove ?? 0) : 0, bottom: 0, left: 0, right: 0 },
                children: children.length ? children : [new Paragraph({})]
              })
          )
        })
    )
  })
}
