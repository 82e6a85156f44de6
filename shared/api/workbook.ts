/**
 * Results of importing the exchange workbook (IMPORT-TEMPLATE.md): a preview before anything
 * is written, and the outcome after the single all-or-nothing transaction.
 */
import type { ChangeReceipt } from './history'

export const WORKBOOK_SHEETS = [
  'Ban',
  'Đơn vị',
  'Cán bộ',
  'Miễn giảm',
  'Chuyến đi',
  'Cơ quan',
  'Người ký'
] as const
export type WorkbookSheet = (typeof WORKBOOK_SHEETS)[number]

/**
 * What a warning is about. Screens and the CLI group warnings by it (WARNING_GROUPS), never by
 * the wording of the message.
 */
export type WarningKind =
  /** An update gives an existing code another person's (or unit's) name. */
  'rename' | 'overlap' | 'exemption' | 'unit-validity' | 'unknown-column' | 'unknown-sheet' | 'other'

/** Errors are all of one kind: each stops the import. */
export type ImportIssueKind = 'error' | WarningKind

/** `<sheet>, dòng <row>, cột "<header>": <problem>` (row as Excel shows it, header = row 1). */
export interface ImportIssue {
  kind: ImportIssueKind
  sheet: string
  /** Null for a problem of the whole sheet or file. */
  row: number | null
  column: string | null
  message: string
  /** The full sentence as shown to the clerk. */
  text: string
  /**
   * What several warnings share, for showing them together ("đơn vị TAN – Đoàn xã Tân Ân chỉ
   * có hiệu lực đến 30/06/2025" for every trip to it); absent when each stands alone.
   */
  subject?: string
}

export interface WarningGroupSpec {
  id: string
  /** The warning kinds this group holds. */
  kinds: readonly WarningKind[]
  title: string
  hint: string
  /** Shown open: the clerk should read these before committing. */
  open?: boolean
  /** Lines grouped again by their `subject` (a unit with a hundred trips is one line to open). */
  bySubject?: boolean
}

/** Warning groups in the order they are shown (renames first: they may mean a wrong file). */
export const WARNING_GROUPS: readonly WarningGroupSpec[] = [
  {
    id: 'rename',
    kinds: ['rename'],
    title: 'Mã đã có sẽ mang tên khác',
    hint: 'Có thể là tệp của đơn vị khác hoặc cột bị lệch; kiểm tra trước khi nhập.',
    open: true
  },
  {
    id: 'overlap',
    kinds: ['overlap'],
    title: 'Chuyến đi trùng thời gian',
    hint: 'Phần trùng chỉ được tính một lần, cho chuyến ghi trước.'
  },
  {
    id: 'exemption',
    kinds: ['exemption'],
    title: 'Chuyến đi trong thời gian miễn giảm',
    hint: 'Cán bộ đi cơ sở trong thời gian được miễn giảm; xem lại ngày đi hoặc kỳ miễn giảm.'
  },
  {
    id: 'unit-validity',
    kinds: ['unit-validity'],
    title: 'Đơn vị không có hiệu lực vào ngày đi',
    hint: 'Đơn vị chưa thành lập hoặc đã giải thể, sáp nhập vào ngày của chuyến đi.',
    bySubject: true
  },
  {
    id: 'unknown-column',
    kinds: ['unknown-column', 'unknown-sheet'],
    title: 'Cột, trang tính không thuộc mẫu',
    hint: 'Được bỏ qua khi nhập.'
  },
  { id: 'other', kinds: ['other'], title: 'Cảnh báo khác', hint: '' }
]

export interface SheetCounts {
  sheet: WorkbookSheet
  add: number
  update: number
  unchanged: number
}

/** One field of an updated row, in the clerk's words (dd/mm/yyyy, "Có"/"Không", codes). */
export interface FieldChange {
  /** The column header of the sheet. */
  column: string
  /** "" when the cell was empty. */
  old: string
  new: string
}

/** A row of the workbook the import adds. */
export interface RowAdded {
  sheet: WorkbookSheet
  /** The row's code (a trip code, a cadre code, a signer's name ...). */
  key: string
  /** What the code names: the person, the unit, the trip's dates ... */
  label: string
  /** Excel row number. */
  row: number | null
}

/** A row the import updates, with every field that changes. */
export interface RowChange extends RowAdded {
  fields: FieldChange[]
}

export interface ImportPreview {
  fileName: string
  counts: SheetCounts[]
  /** Rows to add, sheet by sheet in workbook order. */
  added: RowAdded[]
  /** Rows to update, each with its changed fields (old → new). */
  changes: RowChange[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
  /** True when every row of the file is already in the database exactly as written. */
  nothingNew: boolean
  /** What the clerk should read first (the "nothing new" sentence), or null. */
  message: string | null
  /** True when there is no error and something to write: commit would write exactly this. */
  canCommit: boolean
}

export interface ImportResult extends ImportPreview {
  committed: boolean
  /** Change-log batch of the import (null when nothing was written). */
  batchId: string | null
  /** The receipt for "Hoàn tác" (null when nothing was written). */
  change: ChangeReceipt | null
}

/** Said when a file holds nothing the database does not already have. */
export const NOTHING_NEW_MESSAGE = 'Tệp không có gì mới để nhập: mọi dòng đều đã có, không có thay đổi.'
