/**
 * The units API on a real SQLite file, called through the same dispatcher as IPC and the test
 * bridge (so the contract validates every call). Seeded with the demo office (its tree of
 * 2022 has district unions with their communes; from 01/07/2025 the new communes sit
 * directly under the Tỉnh đoàn), or with rows a test writes itself.
 */
import { asc, eq } from 'drizzle-orm'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { changeLog, tripUnits, unitMoves, units } from '../../../electron/db/schema'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { buildDemoWorkbook } from '../../../electron/services/demo'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { importWorkbookData } from '../../../electron/services/workbook'
import type { WorkbookData } from '../../../electron/services/workbook/types'

export interface UnitsApi {
  handle: DatabaseHandle
  ctx: ServiceContext
  handlers: ApiHandlers
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>
  refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload>
  /** The change-log entries of one batch, values parsed. */
  logged(
    batchId: string
  ): Array<{ entity: string; entityKey: string; action: string; oldValue: unknown; newValue: unknown }>
  /** Every row of units, unit_moves and trip_units: what an undo must put back exactly. */
  dump(): string
  unitRow(code: string): typeof units.$inferSelect | undefined
  close(): void
}

export const DEMO_TODAY = '2025-10-15'

/** A fresh database with `data` imported (the demo office by default); "today" is `today`. */
export function openUnitsApi(
  data: WorkbookData | null = buildDemoWorkbook({ year: 2025, today: DEMO_TODAY }),
  today = DEMO_TODAY
): UnitsApi {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-units-'))
  const handle = openDatabase(join(dir, 'office.sqlite'))
  const ctx = createServiceContext(handle, { today: () => today, now: () => `${today}T08:00:00.000Z` })
  if (data) {
    const result = importWorkbookData(ctx, data, 'Dữ liệu kiểm thử')
    if (!result.committed) throw new Error(`seed import refused: ${JSON.stringify(result).slice(0, 800)}`)
  }
  const handlers = createHandlers(ctx)
  return {
    handle,
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
        .orderBy(asc(changeLog.id))
        .all()
        .map((r) => ({
          entity: r.entity,
          entityKey: r.entityKey,
          action: r.action,
          oldValue: r.oldValue === null ? null : JSON.parse(r.oldValue),
          newValue: r.newValue === null ? null : JSON.parse(r.newValue)
        }))
    },
    dump() {
      return JSON.stringify({
        units: ctx.db.select().from(units).orderBy(asc(units.id)).all(),
        moves: ctx.db.select().from(unitMoves).orderBy(asc(unitMoves.id)).all(),
        tripUnits: ctx.db.select().from(tripUnits).orderBy(asc(tripUnits.tripId), asc(tripUnits.unitId)).all()
      })
    },
    unitRow(code) {
      return ctx.db.select().from(units).where(eq(units.code, code)).get()
    },
    close() {
      handle.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A small office: a Tỉnh đoàn, a district union closing on 30/06/2025 and its communes. */
export function smallOffice(): WorkbookData {
  return {
    departments: [{ code: 'VP', name: 'Văn phòng', abbreviation: 'VP' }],
    units: [
      {
        code: 'TD',
        name: 'Tỉnh đoàn Lâm Đồng',
        kind: 'TINH_DOAN',
        parentCode: null,
        validFrom: null,
        validTo: null,
        mergedIntoCode: null
      },
      {
        code: 'HD1',
        name: 'Huyện đoàn Đức Trọng',
        kind: 'HUYEN_DOAN',
        parentCode: 'TD',
        validFrom: null,
        validTo: '2025-06-30',
        mergedIntoCode: null
      },
      {
        code: 'XA',
        name: 'Đoàn xã Hiệp Thạnh',
        kind: 'DOAN_XA',
        parentCode: 'HD1',
        validFrom: null,
        validTo: null,
        mergedIntoCode: null
      },
      {
        code: 'XB',
        name: 'Đoàn xã Ninh Gia',
        kind: 'DOAN_XA',
        parentCode: 'TD',
        validFrom: '2025-07-01',
        validTo: null,
        mergedIntoCode: null
      },
      {
        code: 'CDA',
        name: 'Chi đoàn thôn 1 xã Hiệp Thạnh',
        kind: 'CHI_DOAN',
        parentCode: 'XA',
        validFrom: null,
        validTo: null,
        mergedIntoCode: null
      }
    ],
    cadres: [
      {
        code: 'CB01',
        fullName: 'Lê Minh Đức',
        gender: 'NAM',
        birthDate: null,
        position: 'Chuyên viên',
        departmentCode: 'VP',
        fullTime: true,
        serviceStart: null,
        serviceEnd: null
      }
    ],
    exemptions: [],
    trips: [
      {
        code: 'T2024',
        startDate: '2024-05-06',
        startHalf: 'SANG',
        endDate: '2024-05-07',
        endHalf: 'CHIEU',
        unitCodes: ['XA'],
        kind: 'CHUYEN_DE',
        topic: 'Nắm tình hình thanh niên',
        cadreCodes: ['CB01'],
        status: 'DA_BAO_CAO',
        travelOrderNo: null,
        reportDate: '2024-05-10',
        note: null
      },
      {
        code: 'T2026',
        startDate: '2026-03-10',
        startHalf: 'SANG',
        endDate: '2026-03-10',
        endHalf: 'CHIEU',
        unitCodes: ['XA'],
        kind: 'CHUYEN_DE',
        topic: 'Nắm tình hình thanh niên',
        cadreCodes: ['CB01'],
        status: 'DA_THUC_HIEN',
        travelOrderNo: null,
        reportDate: null,
        note: null
      }
    ],
    organisation: [],
    signers: []
  }
}
