/**
 * What the renderer shows when a call fails. window.api rethrows the service's AppError as a
 * plain Error carrying `code` and `details` (the contextBridge and the test bridge both do),
 * so the message is already Vietnamese and meant for the clerk.
 */
export interface ErrorInfo {
  message: string
  details: string[]
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const details = (error as Error & { details?: unknown }).details
    return {
      message: error.message || 'Đã xảy ra lỗi không xác định.',
      details: Array.isArray(details) ? details.map(String) : []
    }
  }
  return { message: `Đã xảy ra lỗi không xác định: ${String(error)}`, details: [] }
}
