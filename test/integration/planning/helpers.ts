/** Calls through the real dispatcher (zod validation included) for the planning tests. */
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { dispatch } from '../../../electron/services/dispatch'

export function caller(handlers: ApiHandlers) {
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      const envelope = await dispatch(handlers, method, input)
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
      return envelope.value as ApiResult<M>
    },
    async refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload> {
      const envelope = await dispatch(handlers, method, input)
      if (envelope.ok) throw new Error(`${method} should have been refused`)
      return envelope.error
    }
  }
}
