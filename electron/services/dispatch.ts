/**
 * One dispatcher for every transport: check the method name against the contract, validate
 * the input with its zod schema, run the handler, and wrap the outcome in an envelope.
 * Electron IPC, the CLI, tests and the Playwright bridge all go through here, so swapping
 * the transport cannot skip validation.
 */
import { z } from 'zod'
import { contract, type ApiHandlers, type ApiParsedInput, type ApiResult } from '../../shared/api/contract'
import { AppError, type ApiEnvelope } from '../../shared/api/errors'
import { isApiMethod, type ApiMethod } from '../../shared/api/methods'

/** Zod issues as Vietnamese lines naming the field ("year: Năm phải là số nguyên."). */
function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
}

export function parseInput<M extends ApiMethod>(method: M, input: unknown): ApiParsedInput<M> {
  const parsed = contract[method].input.safeParse(input ?? {})
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'Dữ liệu gửi lên không hợp lệ.', describeZodError(parsed.error))
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

function toPayload(error: unknown) {
  if (error instanceof AppError) return error.toPayload()
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'không rõ nguyên nhân'
  return new AppError('INTERNAL', `Lỗi không mong đợi: ${message}`).toPayload()
}

/** The generic hop used by IPC and the test bridge: untrusted name and input in, envelope out. */
export async function dispatch(handlers: ApiHandlers, method: unknown, input: unknown): Promise<ApiEnvelope<unknown>> {
  if (!isApiMethod(method)) {
    // Never String() an untrusted value: an object's own toString could throw or lie.
    const name = typeof method === 'string' ? method.slice(0, 100) : `(${typeof method})`
    return { ok: false, error: new AppError('UNKNOWN_METHOD', `Không có chức năng "${name}".`).toPayload() }
  }
  try {
    return { ok: true, value: await callService(handlers, method, input) }
  } catch (error) {
    return { ok: false, error: toPayload(error) }
  }
}
