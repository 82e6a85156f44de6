/**
 * A service refusal (VALIDATION) lists its problems as "field.path: message"; the form puts
 * each under its field and keeps the rest for the banner above the form (in the words the
 * clerk reads: "Từ ngày: …", not "startDate: …").
 */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: ReadonlyArray<Path<T>>
): ErrorInfo | null {
  const info = toErrorInfo(error)
  const raw = info.fieldLines ?? info.details
  const rest: string[] = []
  raw.forEach((line, i) => {
    const match = /^([\w.]+): (.*)$/s.exec(line)
    const field = match && fields.find((f) => f === match[1])
    if (match && field) setError(field, { type: 'server', message: match[2] ?? '' })
    else rest.push(info.details[i] ?? line)
  })
  if (rest.length === 0 && raw.length > 0) return null
  return { message: info.message, details: rest }
}
