/**
 * Import errors and warnings, always phrased `<sheet>, dòng <row>, cột "<header>": <problem>`
 * so the clerk can go straight to the cell (row as Excel shows it; header row = 1).
 */
import { WORKBOOK_SHEETS, type ImportIssue, type ImportIssueKind } from '../../../shared/api/workbook'
import { SHEET_SPECS } from './spec'

export function makeIssue(
  sheet: string,
  row: number | null,
  column: string | null,
  message: string,
  kind: ImportIssueKind = 'error'
): ImportIssue {
  const place = [sheet, row === null ? null : `dòng ${row}`, column === null ? null : `cột "${column}"`]
    .filter((part): part is string => part !== null && part !== '')
    .join(', ')
  return { kind, sheet, row, column, message, text: place === '' ? message : `${place}: ${message}` }
}

function sheetIndex(sheet: string): number {
  const i = (WORKBOOK_SHEETS as readonly string[]).indexOf(sheet)
  // File-level issues (no sheet) first, unknown sheets last.
  return sheet === '' ? -1 : i === -1 ? WORKBOOK_SHEETS.length : i
}

function columnIndex(sheet: string, column: string | null): number {
  if (column === null) return -1
  const spec = SHEET_SPECS.find((s) => s.sheet === sheet)
  const i = spec ? spec.columns.findIndex((c) => c.header === column) : -1
  return i === -1 ? Number.MAX_SAFE_INTEGER : i
}

/** Sheet order, then row, then column order: the order the clerk walks through the file. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        sheetIndex(a.issue.sheet) - sheetIndex(b.issue.sheet) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        columnIndex(a.issue.sheet, a.issue.column) - columnIndex(b.issue.sheet, b.issue.column) ||
        a.i - b.i
    )
    .map(({ issue }) => issue)
}
