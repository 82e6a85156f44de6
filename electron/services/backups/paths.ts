/**
 * Which paths a backup method may touch when the request comes from the window. In the app a
 * page only ever passes a folder or file the clerk chose in a desktop dialog (Sao lưu ngay…,
 * Khôi phục từ tệp…) or one of the app's own snapshots from the list; anything else means the
 * page went wrong (or was made to), and a backup must not write into, or restore from, an
 * arbitrary place on the disk. The CLI and the tests give no guard: there the person typing
 * the path is the clerk.
 */
import { relative, resolve, isAbsolute } from 'node:path'
import { AppError } from '../../../shared/api/errors'
import { snapshotsFolderOf } from './store'

export interface PathGuard {
  /** Paths chosen in a desktop dialog this session (resolved). */
  picked: ReadonlySet<string>
}

function inside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** "Sao lưu ngay" writes only into a folder the clerk picked. */
export function assertMayWriteInto(guard: PathGuard | undefined, folder: string): void {
  if (!guard || guard.picked.has(resolve(folder))) return
  throw new AppError(
    'VALIDATION',
    'Chỉ sao lưu được vào thư mục vừa chọn bằng nút "Sao lưu ngay…". Hãy bấm nút đó và chọn lại thư mục.'
  )
}

/** Restoring (or looking into) a file: one picked by the clerk, or one of the app's own snapshots. */
export function assertMayRead(guard: PathGuard | undefined, databaseFile: string, file: string): void {
  if (!guard || guard.picked.has(resolve(file)) || inside(snapshotsFolderOf(databaseFile), file)) return
  throw new AppError(
    'VALIDATION',
    'Chỉ khôi phục được từ một bản sao lưu trong danh sách, hoặc từ tệp vừa chọn bằng nút "Khôi phục từ tệp…".'
  )
}
