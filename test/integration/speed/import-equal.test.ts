/**
 * Issue 12: the import with statements prepared once writes exactly what it wrote before
 * (the frozen ./reference/apply.ts, with the change log of the frozen ./reference/context.ts
 * and ./reference/rows.ts, written through drizzle one row at a time): on a generated
 * 10,000-trip workbook, then a second file
 * that changes, adds and re-staffs trips, every table, every change_rows entry (the generic
 * undo replays them) and every change_log record are the same, row by row and in order; and
 * the import is still undone whole by 'history.undo'.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import {
  exportData,
  exportWorkbook,
  importWorkbook,
  importWorkbookData,
  type WorkbookData
} from '../../../electron/services/workbook'
import { NATIONAL, seedDataset } from '../../../scripts/bench/dataset'
import { createServiceContext as createReferenceContext } from './reference/context'

const TODAY = NATIONAL.today
const clock = { today: () => TODAY, now: () => `${TODAY}T08:00:00.000Z` }
const TABLES = [
  'departments',
  'units',
  'cadres',
  'exemptions',
  'trips',
  'trip_participants',
  'trip_units',
  'organisation',
  'signers'
]

let dir: string
const handles: DatabaseHandle[] = []
let workbook: Buffer
let changed: WorkbookData

function fresh(name: string, create: typeof createServiceContext = createServiceContext): ServiceContext {
  const handle = openDatabase(join(dir, `${name}.sqlite`))
  handles.push(handle)
  return create(handle, clock)
}

/** Everything an import writes, in rowid order; batch ids (random) left out, their grouping kept. */
function contents(ctx: ServiceContext): Record<string, unknown[]> {
  const { sqlite } = ctx.handle
  const out: Record<string, unknown[]> = {}
  for (const table of TABLES) out[table] = sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()
  const batches = new Map<string, number>()
  const batchNumber = (id: string) => {
    if (!batches.has(id)) batches.set(id, batches.size + 1)
    return batches.get(id)
  }
  out.change_rows = (
    sqlite.prepare('SELECT * FROM change_rows ORDER BY id').all() as { batch_id: string }[]
  ).map(({ batch_id, ...row }) => ({ ...row, batch: batchNumber(batch_id) }))
  out.change_log = (
    sqlite.prepare('SELECT * FROM change_log ORDER BY id').all() as { batch_id: string }[]
  ).map(({ batch_id, ...row }) => ({ ...row, batch: batchNumber(batch_id) }))
  return out
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sdcs-speed-import-'))
  const seeded = fresh('seeded')
  seedDataset(seeded.handle.sqlite, { ...NATIONAL, provinces: 1, cadresPerProvince: 72, trips: 10_000 })
  workbook = await exportWorkbook(seeded)
  // The second file: dates moved, participants and units changed, new trips.
  const data = exportData(seeded)
  const trips = data.trips.map((trip, i) => {
    if (i % 97 === 0) return { ...trip, topic: `Nội dung sửa ${i}` }
    if (i % 89 === 0)
      return {
        ...trip,
        cadreCodes: [...trip.cadreCodes]
          .reverse()
          .concat(trip.cadreCodes.includes('T01-CB001') ? [] : ['T01-CB001'])
      }
    if (i % 83 === 0) return { ...trip, unitCodes: trip.unitCodes.slice(0, 1) }
    return trip
  })
  const added = data.trips.slice(0, 300).map((trip, i) => ({ ...trip, code: `MOI-${i + 1}` }))
  changed = { ...data, trips: [...trips, ...added] }
}, 180_000)

afterAll(() => {
  for (const handle of handles) handle.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('import with prepared statements', () => {
  it('writes the same rows, change_rows and change_log as before, and is undone whole', async () => {
    const optimised = fresh('optimised')
    const first = await importWorkbook(optimised, workbook, 'import-10000.xlsx')
    expect(first.committed).toBe(true)
    const second = importWorkbookData(optimised, changed, 'Tệp thứ hai')
    expect(second.committed).toBe(true)

    vi.resetModules()
    vi.doMock('../../../electron/services/workbook/apply', () => import('./reference/apply'))
    const reference =
      (await import('../../../electron/services/workbook')) as typeof import('../../../electron/services/workbook')
    const before = fresh('reference', createReferenceContext)
    expect((await reference.importWorkbook(before, workbook, 'import-10000.xlsx')).committed).toBe(true)
    expect(reference.importWorkbookData(before, changed, 'Tệp thứ hai').committed).toBe(true)
    vi.doUnmock('../../../electron/services/workbook/apply')

    const actual = contents(optimised)
    const expected = contents(before)
    expect((actual.trips ?? []).length).toBe(10_300)
    expect((actual.change_rows ?? []).length).toBeGreaterThan(30_000)
    for (const table of Object.keys(expected)) {
      expect(actual[table]?.length, table).toBe(expected[table]?.length)
      expect(actual[table], table).toEqual(expected[table])
    }

    // The generic undo replays the optimised change_rows: both imports go, newest first. The
    // undo is itself logged (change_rows, change_log): the same on both sides, old path and new.
    const undoBoth = async (ctx: ServiceContext, results: { batchId: string | null }[]) => {
      const handlers = createHandlers(ctx)
      for (const result of results) {
        const undone = await dispatch(handlers, 'history.undo', { batchId: result.batchId })
        expect(undone.ok, JSON.stringify(undone).slice(0, 300)).toBe(true)
      }
    }
    await undoBoth(optimised, [second, first])
    const referenceBatches = (
      before.handle.sqlite
        .prepare(
          "SELECT batch_id FROM change_log WHERE origin <> 'undo' GROUP BY batch_id ORDER BY max(id) DESC"
        )
        .pluck()
        .all() as string[]
    ).map((batchId) => ({ batchId }))
    await undoBoth(before, referenceBatches)
    const { sqlite } = optimised.handle
    for (const table of ['trips', 'trip_participants', 'trip_units', 'cadres', 'units']) {
      expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0)
    }
    const undoneActual = contents(optimised)
    const undoneExpected = contents(before)
    for (const table of Object.keys(undoneExpected)) {
      expect(undoneActual[table]?.length, table).toBe(undoneExpected[table]?.length)
      expect(undoneActual[table], table).toEqual(undoneExpected[table])
    }
  }, 300_000)
})
