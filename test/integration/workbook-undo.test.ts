/**
 * "Hoàn tác" for imports: an import is one batch of tracked row writes, so undoing it through
 * the history service puts the database back exactly, and a batch is undone only once.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getTableName } from 'drizzle-orm'
import { AppError } from '../../shared/api/errors'
import { schema } from '../../electron/db/schema'
import { buildDemoWorkbook } from '../../electron/services/demo'
import { createHandlers } from '../../electron/services/index'
import { exportData, importWorkbook, writeWorkbook } from '../../electron/services/workbook'
import { fixtureBuffer, freshDatabase, loadXlsx, toBuffer, type TestDatabase } from './workbook-helpers'

const open: TestDatabase[] = []
function database(): TestDatabase {
  const db = freshDatabase()
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

/** What the change history itself keeps: it only grows, and undo adds to it. */
const HISTORY_TABLES = new Set(['change_log', 'change_rows', 'undone_batches'])

function rowCounts(db: TestDatabase): Record<string, number> {
  return Object.fromEntries(
    Object.values(schema)
      .map((table) => getTableName(table))
      .map((name) => [
        name,
        (db.ctx.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n
      ])
  )
}

function dataCounts(db: TestDatabase): Record<string, number> {
  return Object.fromEntries(Object.entries(rowCounts(db)).filter(([name]) => !HISTORY_TABLES.has(name)))
}

async function undoError(run: () => unknown): Promise<AppError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('the undo was not refused')
}

describe('undoing an import', () => {
  it('takes a demo workbook back out completely, once', async () => {
    const db = database()
    const empty = dataCounts(db)
    expect(Object.values(empty).every((n) => n === 0)).toBe(true)
    const workbook = await writeWorkbook(buildDemoWorkbook({ year: 2025, today: '2025-10-15' }))

    const result = await importWorkbook(db.ctx, workbook, 'demo.xlsx')
    expect(result.errors).toEqual([])
    expect(result.committed).toBe(true)
    expect(result.change).toEqual({ batchId: result.batchId, label: 'Nhập từ tệp demo.xlsx' })
    const loaded = dataCounts(db)
    for (const table of [
      'organisation',
      'signers',
      'departments',
      'units',
      'cadres',
      'exemptions',
      'trips'
    ]) {
      expect(loaded[table], table).toBeGreaterThan(0)
    }
    expect(loaded.trip_participants).toBeGreaterThanOrEqual(loaded.trips!)
    const origins = db.ctx.handle.sqlite.prepare('SELECT DISTINCT origin FROM change_log').all()
    expect(origins).toEqual([{ origin: 'import' }])

    const handlers = createHandlers(db.ctx)
    const undone = await handlers['history.undo']({ batchId: result.change!.batchId })
    expect(undone.undone).toEqual({ batchId: result.batchId, label: 'Nhập từ tệp demo.xlsx' })
    expect(dataCounts(db)).toEqual(empty)
    const history = rowCounts(db)
    expect(history.undone_batches).toBe(1)
    expect(history.change_rows).toBeGreaterThan(0)

    const twice = await undoError(() => handlers['history.undo']({ batchId: result.batchId! }))
    expect(twice.code).toBe('CONFLICT')
    expect(twice.message).toBe('Thao tác "Nhập từ tệp demo.xlsx" đã được hoàn tác trước đó.')
    expect(dataCounts(db)).toEqual(empty)
  })

  it('puts back the rows an update import changed, participants included', async () => {
    const db = database()
    await importWorkbook(db.ctx, fixtureBuffer(), 'office-2025.xlsx')
    const before = exportData(db.ctx)
    const countsBefore = dataCounts(db)

    const workbook = await loadXlsx(fixtureBuffer())
    const trips = workbook.getWorksheet('Chuyến đi')!
    trips.getRow(4).getCell(9).value = 'A04; A03'
    trips.getRow(5).getCell(6).value = 'TD'
    workbook.getWorksheet('Cán bộ')!.getCell('B2').value = 'Lý Thị Mai'
    workbook.getWorksheet('Đơn vị')!.getCell('B3').value = 'Đoàn xã Mới'
    const identity = workbook.addWorksheet('Người ký')
    identity.addRows([
      ['Họ và tên', 'Chức vụ', 'Mặc định'],
      ['Nguyễn Hồng Thắm', 'PHÓ BÍ THƯ', 'Có']
    ])
    const changed = await importWorkbook(db.ctx, await toBuffer(workbook), 'sua.xlsx')
    expect(changed.committed).toBe(true)
    expect(exportData(db.ctx)).not.toEqual(before)

    await createHandlers(db.ctx)['history.undo']({ batchId: changed.batchId! })
    expect(exportData(db.ctx)).toEqual(before)
    expect(dataCounts(db)).toEqual(countsBefore)
  })
})
