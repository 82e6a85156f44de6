/**
 * What the renderer shows when a call fails. window.api rethrows the service's AppError as a
 * plain Error carrying `code`, `details` and `shownDetails` (the contextBridge and the test
 * bridge both do), so the message is already Vietnamese and meant for the clerk.
 */
export interface ErrorInfo {
  message: string
  /** The lines the clerk reads: field names said by their labels ("Từ ngày: …"). */
  details: string[]
  /**
   * The same lines as the API wrote them, a field's path first ("startDate: …"), parallel to
   * `details`: forms match these against their field names.
   */
  fieldLines?: string[]
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) ? value.map(String) : null
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const carried = error as Error & { details?: unknown; shownDetails?: unknown }
    const raw = strings(carried.details) ?? []
    const shown = strings(carried.shownDetails)
    return {
      message: error.message || 'Đã xảy ra lỗi không xác định.',
      details: shown && shown.length === raw.length ? shown : raw,
      fieldLines: raw
    }
  }
  return { message: `Đã xảy ra lỗi không xác định: ${String(error)}`, details: [], fieldLines: [] }
}
