/**
 * The cadres API on a real SQLite file with the 2025 fixture imported, called through the
 * same dispatcher as IPC and the test bridge, so every call is validated by the contract.
 */
import { and, eq } from 'drizzle-orm'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { changeLog } from '../../../electron/db/schema'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'

export interface CadresApi {
  fixture: FixtureDb
  ctx: ServiceContext
  handlers: ApiHandlers
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>
  refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload>
  /** The change-log entries of one batch (what the history page shows in words). */
  logged(
    batchId: string
  ): Array<{ entity: string; entityKey: string; action: string; oldValue: unknown; newValue: unknown }>
  /** Log entries about one record, oldest first. */
  loggedFor(entity: string, key: string): Array<{ action: string; source: string }>
  close(): void
}

/** "Today" is the given day (default: mid-October 2025, the year still running). */
export async function openCadresApi(today = '2025-10-15'): Promise<CadresApi> {
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
        throw new Error(`${method} should have been refused: ${JSON.stringify(envelope.value)}`)
      return envelope.error
    },
    logged(batchId) {
      return ctx.db
        .select()
        .from(changeLog)
        .where(eq(changeLog.batchId, batchId))
        .all()
        .map((r) => ({
          entity: r.entity,
          entityKey: r.entityKey,
          action: r.action,
          oldValue: r.oldValue === null ? null : JSON.parse(r.oldValue),
          newValue: r.newValue === null ? null : JSON.parse(r.newValue)
        }))
    },
    loggedFor(entity, key) {
      return ctx.db
        .select({ action: changeLog.action, source: changeLog.source })
        .from(changeLog)
        .where(and(eq(changeLog.entity, entity), eq(changeLog.entityKey, key)))
        .orderBy(changeLog.id)
        .all()
    },
    close: () => fixture.close()
  }
}

/** A valid "Thêm cán bộ" form, to vary field by field. */
export function newCadre(overrides: Partial<ApiInput<'cadres.create'>> = {}): ApiInput<'cadres.create'> {
  return {
    code: 'B01',
    fullName: 'Nguyễn Thị Bảo Ngọc',
    gender: 'NU',
    birthDate: '1996-05-20',
    position: 'Chuyên viên',
    departmentCode: 'PT',
    fullTime: true,
    serviceStart: null,
    serviceEnd: null,
    ...overrides
  }
}
