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
  | 'UNKNOWN_METHOD'
  | 'INTERNAL'

export interface AppErrorPayload {
  code: AppErrorCode
  message: string
  details: string[]
}

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: string[]

  constructor(code: AppErrorCode, message: string, details: string[] = []) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toPayload(): AppErrorPayload {
    return { code: this.code, message: this.message, details: this.details }
  }

  static fromPayload(payload: AppErrorPayload): AppError {
    return new AppError(payload.code, payload.message, payload.details)
  }
}

/** What every transport carries back: a value or an error the client rethrows. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload }
