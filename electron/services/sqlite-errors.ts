/**
 * SQLite's refusals in the clerk's words. better-sqlite3 throws a SqliteError whose `code`
 * is SQLite's extended result code name ("SQLITE_BUSY", "SQLITE_IOERR_WRITE",
 * "SQLITE_CONSTRAINT_FOREIGNKEY" …); drizzle may wrap it (its `cause`). The English reason
 * ("database is locked") never reaches the clerk: each kind becomes an AppError that says
 * what happened, that nothing was saved (a failed write rolled back as a whole) and what to do.
 */
import { AppError } from '../../shared/api/errors'

const NOTHING_SAVED = 'Thao tác vừa rồi không được lưu, dữ liệu vẫn như trước.'

/** The SQLite result code name carried by an error or one of its causes, if any. */
export function sqliteCodeOf(error: unknown): string | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    try {
      const code = (current as { code?: unknown }).code
      if (typeof code === 'string' && code.startsWith('SQLITE_')) return code
      current = (current as { cause?: unknown }).cause
    } catch {
      return null
    }
  }
  return null
}

/** The AppError for a SQLite failure, or null when `error` is not one. */
export function sqliteAppError(error: unknown): AppError | null {
  const code = sqliteCodeOf(error)
  if (code === null) return null
  const is = (prefix: string) => code === prefix || code.startsWith(`${prefix}_`)
  if (is('SQLITE_BUSY') || is('SQLITE_LOCKED')) {
    return new AppError(
      'DATABASE_BUSY',
      'Cơ sở dữ liệu đang bận: một chương trình khác (cửa sổ Sổ đi cơ sở thứ hai, lệnh dòng lệnh, hoặc máy khác dùng chung thư mục) đang ghi vào. ' +
        `${NOTHING_SAVED} Hãy đợi một lát rồi làm lại; nếu vẫn bận, đóng chương trình kia.`
    )
  }
  if (is('SQLITE_FULL')) {
    return new AppError(
      'DATABASE_FULL',
      `Ổ đĩa chứa dữ liệu đã đầy. ${NOTHING_SAVED} Hãy xóa bớt tệp không cần trên ổ đĩa (hoặc dọn thùng rác) rồi làm lại.`
    )
  }
  if (is('SQLITE_READONLY') || is('SQLITE_PERM') || is('SQLITE_AUTH')) {
    return new AppError(
      'DATABASE_READONLY',
      `Không ghi được vào tệp dữ liệu: tệp hoặc thư mục chỉ cho đọc (ổ USB khóa ghi, thư mục mạng, hoặc thiếu quyền). ${NOTHING_SAVED} ` +
        'Hãy kiểm tra quyền ghi của thư mục dữ liệu rồi mở lại Sổ đi cơ sở.'
    )
  }
  if (is('SQLITE_CORRUPT') || is('SQLITE_NOTADB')) {
    return new AppError(
      'DATABASE_CORRUPT',
      `Tệp dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của Sổ đi cơ sở. ${NOTHING_SAVED} ` +
        'Hãy đóng Sổ đi cơ sở và khôi phục từ bản sao lưu gần nhất (trang Sao lưu và khôi phục).'
    )
  }
  if (is('SQLITE_IOERR') || is('SQLITE_CANTOPEN') || is('SQLITE_NOMEM') || is('SQLITE_PROTOCOL')) {
    return new AppError(
      'DATABASE_IO',
      `Không đọc/ghi được tệp dữ liệu (ổ đĩa bị rút ra, lỗi ổ đĩa hoặc mạng, hoặc máy thiếu bộ nhớ). ${NOTHING_SAVED} ` +
        'Hãy kiểm tra ổ đĩa hoặc kết nối rồi làm lại; nếu lặp lại, đóng và mở lại Sổ đi cơ sở.'
    )
  }
  if (is('SQLITE_CONSTRAINT')) {
    const what = is('SQLITE_CONSTRAINT_FOREIGNKEY')
      ? 'một bản ghi liên quan không còn (hoặc còn đang được dùng ở nơi khác)'
      : is('SQLITE_CONSTRAINT_UNIQUE') || is('SQLITE_CONSTRAINT_PRIMARYKEY')
        ? 'một mã đã có trong dữ liệu'
        : 'dữ liệu không thỏa một ràng buộc'
    return new AppError(
      'CONFLICT',
      `Không lưu được vì ${what}. ${NOTHING_SAVED} Hãy tải lại trang để xem dữ liệu mới nhất rồi làm lại.`
    )
  }
  if (is('SQLITE_TOOBIG')) {
    return new AppError('VALIDATION', `Dữ liệu gửi lên quá lớn để lưu. ${NOTHING_SAVED}`)
  }
  return new AppError(
    'DATABASE_IO',
    `Cơ sở dữ liệu báo lỗi khi làm việc. ${NOTHING_SAVED} Hãy làm lại; nếu lặp lại, đóng và mở lại Sổ đi cơ sở.`
  )
}

/**
 * Rethrows a SQLite failure as its AppError; anything else unchanged. The SQLite error stays
 * as the cause, so a caller that expects one kind (undo: a row used elsewhere since) can still
 * tell it apart with sqliteCodeOf and say it more precisely.
 */
export function rethrowSqlite(error: unknown): never {
  const mapped = sqliteAppError(error)
  if (!mapped) throw error
  Object.defineProperty(mapped, 'cause', { value: error, enumerable: false })
  throw mapped
}
