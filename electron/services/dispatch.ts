/**
 * One dispatcher for every transport: check the method name against the contract, validate
 * the input with its zod schema, run the handler, and wrap the outcome in an envelope.
 * Electron IPC, the CLI, tests and the Playwright bridge all go through here, so swapping
 * the transport cannot skip validation.
 *
 * `dispatch` never throws, whatever it is given: the name and the input are untrusted
 * (a method name whose toString throws, an input with throwing getters, a Proxy, a cycle,
 * a million nested arrays). The input is first copied as plain data (input.ts), so zod and
 * the handler never touch the caller's objects; every refusal is Vietnamese, field names
 * included (shared/api/field-labels.ts).
 */
import type { z } from 'zod'
import { contract, type ApiHandlers, type ApiParsedInput, type ApiResult } from '../../shared/api/contract'
import { AppError, type ApiEnvelope, type AppErrorPayload } from '../../shared/api/errors'
import { describeFieldPath, fieldLabel } from '../../shared/api/field-labels'
import { isApiMethod, type ApiMethod } from '../../shared/api/methods'
import { copyPlainInput } from './input'
import { sqliteAppError } from './sqlite-errors'

/**
 * Zod issues as lines naming the field: "year: Năm phải là số nguyên." (the path, for forms)
 * and "Năm: Năm phải là số nguyên." (the label, for the clerk).
 */
function describeZodError(method: string, error: z.ZodError): { details: string[]; shown: string[] } {
  const details: string[] = []
  const shown: string[] = []
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      details.push(issue.message)
      shown.push(issue.message)
      continue
    }
    details.push(`${issue.path.map(String).join('.')}: ${issue.message}`)
    shown.push(`${describeFieldPath(method, issue.path)}: ${issue.message}`)
  }
  return { details, shown }
}

export function parseInput<M extends ApiMethod>(method: M, input: unknown): ApiParsedInput<M> {
  const plain = copyPlainInput(input ?? {})
  const parsed = contract[method].input.safeParse(plain)
  if (!parsed.success) {
    const { details, shown } = describeZodError(method, parsed.error)
    throw new AppError('VALIDATION', 'Dữ liệu gửi lên không hợp lệ.', details, shown)
  }
  return parsed.data as ApiParsedInput<M>
}

export async function callService<M extends ApiMethod>(
  handlers: ApiHandlers,
  method: M,
  input: unknown
): Promise<ApiResult<M>> {
  const handler = handlers[method] as (input: ApiParsedInput<M>) => ApiResult<M> | Promise<ApiResult<M>>
  return await handler(parseInput(method, input))
}

// A service's own field line, as services are asked to write them: "fieldName: message".
const FIELD_LINE = /^([A-Za-z_]\w*(?:\.\w+)*): ([\s\S]*)$/

/**
 * The clerk's version of a service's lines: "startDate: …" is shown as "Từ ngày: …". Lines
 * whose first word is not a known field (a record's code such as "TR001: …") stay as they are.
 */
function withFieldLabels(method: string, payload: AppErrorPayload): AppErrorPayload {
  if (payload.shownDetails) return payload
  let labelled = false
  const shownDetails = payload.details.map((line) => {
    const match = FIELD_LINE.exec(line)
    const path = match?.[1]
    if (!match || path === undefined) return line
    const segments = path.split('.')
    if (fieldLabel(method, segments[0] ?? '') === null) return line
    labelled = true
    return `${describeFieldPath(method, segments)}: ${match[2] ?? ''}`
  })
  return labelled ? { ...payload, shownDetails } : payload
}

const INTERNAL_MESSAGE =
  'Lỗi không mong đợi trong phần mềm: thao tác không thực hiện được và không có gì bị thay đổi. ' +
  'Hãy thử lại; nếu lỗi lặp lại, báo cho người quản trị phần mềm kèm thời điểm xảy ra.'

/** Reads a value that may be hostile (a Proxy, throwing getters): never throws. */
function guarded<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

function plainStrings(value: unknown): string[] {
  return guarded(
    () => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []),
    []
  )
}

/** Any thrown value as a payload; hostile values (throwing getters, Proxies) included. */
function toPayload(method: string, error: unknown): AppErrorPayload {
  const app = guarded(() => (error instanceof AppError ? error : null), null)
  if (app !== null) {
    const payload = guarded<AppErrorPayload | null>(
      () => ({
        code: app.code,
        message: typeof app.message === 'string' ? app.message : INTERNAL_MESSAGE,
        details: plainStrings(app.details),
        ...(app.shownDetails ? { shownDetails: plainStrings(app.shownDetails) } : {})
      }),
      null
    )
    if (payload !== null) return guarded(() => withFieldLabels(method, payload), payload)
  }
  const sqlite = guarded(() => sqliteAppError(error), null)
  if (sqlite !== null) return sqlite.toPayload()
  // The technical reason is for whoever maintains the app, not for the clerk: the main
  // process's log gets it (in English, with the stack), the page gets a Vietnamese sentence.
  guarded(() => {
    console.error(`[dispatch] ${method} failed:`, error)
  }, undefined)
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE, details: [] }
}

/** The method's name for a message: only a known string is ever read. */
function methodName(method: unknown): string {
  return typeof method === 'string' ? method : ''
}

/** The generic hop used by IPC and the test bridge: untrusted name and input in, envelope out. */
export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  input: unknown
): Promise<ApiEnvelope<unknown>> {
  try {
    if (!isApiMethod(method)) {
      // Never String() an untrusted value: an object's own toString could throw or lie. Nor
      // echo the name: it may be anything, in any language; the clerk reads our words only.
      return {
        ok: false,
        error: new AppError(
          'UNKNOWN_METHOD',
          'Chức năng được gọi không có trong phần mềm (có thể cửa sổ đang chạy phiên bản cũ: hãy mở lại Sổ đi cơ sở).'
        ).toPayload()
      }
    }
    return { ok: true, value: await callService(handlers, method, input) }
  } catch (error) {
    return { ok: false, error: toPayload(methodName(method), error) }
  }
}
