/**
 * The settings API on a real SQLite file: the 2025 fixture imported through the workbook
 * service, a fixed clock, and calls through the same dispatcher as IPC (so zod runs).
 */
import { count, eq } from 'drizzle-orm'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { ApiEnvelope, AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { changeLog, changeRows } from '../../../electron/db/schema'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'

export interface Api {
  fixture: FixtureDb
  ctx: ServiceContext
  handlers: ApiHandlers
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>
  /** The refusal of a call that must fail (throws when it succeeds). */
  refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload>
}

/** The fixture as of 05/01/2026: the year 2025 is over, so its statuses are final. */
export async function openSettingsApi(today = '2026-01-05'): Promise<Api> {
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
      const envelope: ApiEnvelope<unknown> = await dispatch(handlers, method, input)
      if (envelope.ok)
        throw new Error(`${method} should have been refused, got ${JSON.stringify(envelope.value)}`)
      return envelope.error
    }
  }
}

/** What a batch wrote, for the history page (entity, key, action). */
export function logged(
  ctx: ServiceContext,
  batchId: string
): Array<{ entity: string; key: string; action: string; source: string }> {
  return ctx.db
    .select()
    .from(changeLog)
    .where(eq(changeLog.batchId, batchId))
    .all()
    .map((r) => ({ entity: r.entity, key: r.entityKey, action: r.action, source: r.source }))
}

export function keptRows(ctx: ServiceContext, batchId: string): number {
  return ctx.db.select({ n: count() }).from(changeRows).where(eq(changeRows.batchId, batchId)).get()?.n ?? 0
}
