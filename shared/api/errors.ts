/**
 * Errors that cross the API boundary. The message is Vietnamese and meant for the clerk;
 * `details` lists one line per problem (for instance every bad cell of a workbook).
 */

export type AppErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IMPORT_INVALID'
  | 'DATABASE_MISMATCH'
  | 'DATABASE_UNREADABLE'
  // SQLite refusals met while working (electron/services/sqlite-errors.ts): each says what to do.
  | 'DATABASE_BUSY'
  | 'DATABASE_FULL'
  | 'DATABASE_READONLY'
  | 'DATABASE_CORRUPT'
  | 'DATABASE_IO'
  | 'UNKNOWN_METHOD'
  | 'INTERNAL'

export interface AppErrorPayload {
  code: AppErrorCode
  message: string
  /**
   * One line per problem. A line about an input field starts with the field's path as the
   * API names it ("startDate: Đến ngày không được trước Từ ngày."), so a form can put it under
   * its field: that prefix is for programs, not for the clerk.
   */
  details: string[]
  /**
   * The same lines as the clerk reads them, each field path said by its label ("Từ ngày: …");
   * set by dispatch when some line names a field. Screens and the CLI show these.
   */
  shownDetails?: string[]
}

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: string[]
  readonly shownDetails: string[] | undefined

  constructor(code: AppErrorCode, message: string, details: string[] = [], shownDetails?: string[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.shownDetails = shownDetails
  }

  toPayload(): AppErrorPayload {
    const payload: AppErrorPayload = { code: this.code, message: this.message, details: this.details }
    if (this.shownDetails) payload.shownDetails = this.shownDetails
    return payload
  }

  static fromPayload(payload: AppErrorPayload): AppError {
    return new AppError(payload.code, payload.message, payload.details, payload.shownDetails)
  }
}

/** The lines to show the clerk: the labelled ones when the service said which field. */
export function detailsToShow(payload: { details: string[]; shownDetails?: string[] | undefined }): string[] {
  return payload.shownDetails ?? payload.details
}

/** What every transport carries back: a value or an error the client rethrows. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload }
