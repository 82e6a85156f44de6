/**
 * The change history and "Hoàn tác": every write answers with a receipt naming its
 * change-log batch, and undoing a batch is one more write (logged, and undoable in turn).
 */
import { z } from 'zod'
import { returns } from './returns'

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

export const historyContract = {
  'history.undo': returns<UndoResult>()(z.object({ batchId: batchIdSchema }))
}
