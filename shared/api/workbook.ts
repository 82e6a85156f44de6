/**
 * Results of importing the exchange workbook (IMPORT-TEMPLATE.md): a preview before anything
 * is written, and the outcome after the single all-or-nothing transaction.
 */

export const WORKBOOK_SHEETS = ['Ban', 'Đơn vị', 'Cán bộ', 'Miễn giảm', 'Chuyến đi'] as const
export type WorkbookSheet = (typeof WORKBOOK_SHEETS)[number]

/** `<sheet>, dòng <row>, cột "<header>": <problem>` (row as Excel shows it, header = row 1). */
export interface ImportIssue {
  sheet: string
  /** Null for a problem of the whole sheet or file. */
  row: number | null
  column: string | null
  message: string
  /** The full sentence as shown to the clerk. */
  text: string
}

export interface SheetCounts {
  sheet: WorkbookSheet
  add: number
  update: number
  unchanged: number
}

export interface ImportPreview {
  fileName: string
  counts: SheetCounts[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
  /** True when there is no error: commit would write exactly these counts. */
  canCommit: boolean
}

export interface ImportResult extends ImportPreview {
  committed: boolean
  /** Change-log batch of the import (null when nothing was written). */
  batchId: string | null
}
