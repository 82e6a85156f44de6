/**
 * Shared by the logbook's integration tests: the 2025 fixture on a real SQLite file, calls
 * through the same dispatcher as IPC (so zod validation runs), and refusals as payloads.
 */
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'

/** The e2e bridge's "today": 2025 is the running year. */
export const TODAY = '2025-10-15'

export interface TripsFixture {
  fixture: FixtureDb
  ctx: ServiceContext
  handlers: ApiHandlers
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>
  refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload>
  /** Raw SQL, the tests' own view of the database (not the services'). */
  sql<T>(query: string, ...params: unknown[]): T[]
  close(): void
}

export async function openTripsFixture(today = TODAY): Promise<TripsFixture> {
  const fixture = await openFixtureDb()
  const ctx = fixture.at(today)
  const handlers = createHandlers(ctx)
  return {
    fixture,
    ctx,
    handlers,
    async call(method, input) {
      const envelope = await dispatch(handlers, method, input)
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
      return envelope.value as never
    },
    async refusal(method, input) {
      const envelope = await dispatch(handlers, method, input)
      if (envelope.ok)
        throw new Error(`${method} should have been refused: ${JSON.stringify(envelope.value).slice(0, 300)}`)
      return envelope.error
    },
    sql<T>(query: string, ...params: unknown[]) {
      return fixture.handle.sqlite.prepare(query).all(...params) as T[]
    },
    close: () => fixture.close()
  }
}
