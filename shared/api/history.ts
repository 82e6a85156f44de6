/**
 * The change history and "Hoàn tác": every write answers with a receipt naming its
 * change-log batch, and undoing a batch is one more write (logged, and undoable in turn).
 */
import { z } from 'zod'
import { returns } from './returns'
import { isoDate } from './schemas'

/** What a write hands back so the screen can offer "Hoàn tác" for it. */
export interface ChangeReceipt {
  batchId: string
  /** What was done, in words: "Thêm cán bộ CB021 Nguyễn Thị Ngọc". */
  label: string
}

/** The result of a write: its own value (if any) and the receipt. */
export interface Saved<T> {
  value: T
  change: ChangeReceipt
}

export interface UndoResult {
  /** The batch that was undone. */
  undone: ChangeReceipt
  /** The undo itself (a batch of its own). */
  change: ChangeReceipt
}

export const batchIdSchema = z
  .string({ message: 'Thiếu mã thao tác cần hoàn tác.' })
  .trim()
  .min(1, 'Thiếu mã thao tác cần hoàn tác.')
  .max(100, 'Mã thao tác không hợp lệ.')

export const CHANGE_ORIGINS = ['form', 'import', 'undo'] as const
export type ChangeOriginName = (typeof CHANGE_ORIGINS)[number]

export const CHANGE_ORIGIN_LABELS: Record<ChangeOriginName, string> = {
  form: 'Nhập tay',
  import: 'Nhập Excel',
  undo: 'Hoàn tác'
}

/** Where a changed record lives in the app (its page), when it has one. */
export interface RecordLink {
  page: 'cadre' | 'unit' | 'trip'
  code: string
}

export interface FieldChange {
  /** The field as the workbook's column names it: "Đến ngày". */
  field: string
  /** In words: "05/04/2022", "Có", "Nghỉ thai sản"; "" when empty. */
  old: string
  new: string
}

export interface ChangeEntry {
  /** "Cán bộ", "Chuyến đi" ... */
  entityLabel: string
  entity: string
  key: string
  /** The key as the clerk reads it ("A07 từ 15/01/2025" for an exemption period). */
  keyLabel: string
  action: 'insert' | 'update' | 'delete'
  /** "Thêm", "Sửa", "Xóa". */
  actionLabel: string
  link: RecordLink | null
  changes: FieldChange[]
}

export interface ChangeBatchView {
  batchId: string
  /** ISO timestamp of the write. */
  at: string
  source: string
  origin: ChangeOriginName
  /** Set when this batch was undone (by the batch named). */
  undoneBy: string | null
  entryCount: number
  /** The first entries (an import can hold thousands; the rest are counted). */
  entries: ChangeEntry[]
}

export interface ChangeLogPage {
  total: number
  batches: ChangeBatchView[]
  /** The record kinds present in the log, for the filter. */
  entities: Array<{ entity: string; label: string }>
}

export const HISTORY_PAGE_SIZE = 50

export const historyQuerySchema = z.object({
  entity: z.string().trim().max(50).optional(),
  key: z.string().trim().max(100, 'Mã bản ghi quá dài.').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  origin: z.enum(CHANGE_ORIGINS, { message: 'Nguồn thay đổi không hợp lệ.' }).optional(),
  page: z.number().int().min(0, 'Trang không hợp lệ.').max(1_000_000).default(0)
})

export const historyContract = {
  'history.undo': returns<UndoResult>()(z.object({ batchId: batchIdSchema })),
  'history.list': returns<ChangeLogPage>()(historyQuerySchema)
}
