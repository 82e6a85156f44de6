/**
 * The generic undo on a real SQLite file: a batch written through log.rows is put back
 * exactly (inserts removed, updates reverted, deletes restored with their ids), the undo is
 * itself logged with origin 'undo', and it refuses, changing nothing, when the data changed
 * after the batch, when it was undone already, or when the batch is unknown.
 */
import { asc, count, eq } from 'drizzle-orm'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppErrorPayload } from '../../../shared/api/errors'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { cadres, changeLog, changeRows, departments, exemptions } from '../../../electron/db/schema'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'

let dir: string
let handle: DatabaseHandle
let ctx: ServiceContext

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdcs-undo-'))
  handle = openDatabase(join(dir, 'office.sqlite'))
  ctx = createServiceContext(handle, { today: () => '2026-03-02', now: () => '2026-03-02T02:00:00.000Z' })
})

afterEach(() => {
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One department and one cadre with an exemption, written through tracked rows. */
function seed(): { departmentId: number; cadreId: number; exemptionId: number } {
  return ctx.write('Thêm dữ liệu mẫu', (_tx, log) => {
    const department = log.rows.insert(departments, { code: 'VP', name: 'Văn phòng', abbreviation: 'VP' })
    const cadre = log.rows.insert(cadres, {
      code: 'CB01',
      fullName: 'Nguyễn Thị Ngọc',
      position: 'Chuyên viên',
      departmentId: department.id,
      fullTime: true
    })
    const exemption = log.rows.insert(exemptions, {
      cadreId: cadre.id,
      reason: 'THAI_SAN',
      fromDate: '2026-01-05',
      toDate: '2026-06-30'
    })
    log.record('cadres', 'CB01', 'insert', null, { code: 'CB01' })
    return { departmentId: department.id, cadreId: cadre.id, exemptionId: exemption.id }
  })
}

async function undo(batchId: string) {
  return dispatch(createHandlers(ctx), 'history.undo', { batchId })
}

function snapshot() {
  return {
    departments: ctx.db.select().from(departments).orderBy(asc(departments.id)).all(),
    cadres: ctx.db.select().from(cadres).orderBy(asc(cadres.id)).all(),
    exemptions: ctx.db.select().from(exemptions).orderBy(asc(exemptions.id)).all()
  }
}

function lastBatch(): string {
  const row = ctx.db.select().from(changeLog).orderBy(asc(changeLog.id)).all().at(-1)
  if (!row) throw new Error('no change log')
  return row.batchId
}

describe('history.undo', () => {
  it('reverts an update and a delete exactly, and logs itself as an undo', async () => {
    const ids = seed()
    const before = snapshot()
    const batchId = ctx.write('Kết thúc công tác và xóa kỳ miễn', (_tx, log) => {
      log.rows.update(cadres, eq(cadres.id, ids.cadreId), { serviceEnd: '2026-02-28' })
      log.rows.delete(exemptions, eq(exemptions.id, ids.exemptionId))
      log.record('cadres', 'CB01', 'update', { serviceEnd: null }, { serviceEnd: '2026-02-28' })
      return log.batchId
    })
    expect(snapshot()).not.toEqual(before)

    const envelope = await undo(batchId)
    expect(envelope).toMatchObject({
      ok: true,
      value: { undone: { batchId, label: 'Kết thúc công tác và xóa kỳ miễn' } }
    })
    // Same rows, same ids: the exemption comes back as it was, not as a new row.
    expect(snapshot()).toEqual(before)

    const undoRows = ctx.db.select().from(changeLog).where(eq(changeLog.origin, 'undo')).all()
    expect(undoRows).toHaveLength(1)
    expect(undoRows[0]).toMatchObject({
      source: 'Hoàn tác: Kết thúc công tác và xóa kỳ miễn',
      entity: 'cadres',
      entityKey: 'CB01',
      action: 'update',
      oldValue: JSON.stringify({ serviceEnd: '2026-02-28' }),
      newValue: JSON.stringify({ serviceEnd: null })
    })
  })

  it('removes what an insert batch added, and the undo can be undone in turn', async () => {
    seed()
    const batchId = lastBatch()
    const result = await undo(batchId)
    expect(result.ok).toBe(true)
    expect(snapshot()).toEqual({ departments: [], cadres: [], exemptions: [] })
    if (!result.ok) return
    const redo = await undo((result.value as { change: { batchId: string } }).change.batchId)
    expect(redo.ok).toBe(true)
    expect(snapshot().cadres.map((c) => c.fullName)).toEqual(['Nguyễn Thị Ngọc'])
  })

  it('refuses, changing nothing, when the data was changed after the batch', async () => {
    const ids = seed()
    const batchId = ctx.write('Sửa chức vụ', (_tx, log) => {
      log.rows.update(cadres, eq(cadres.id, ids.cadreId), { position: 'Phó Trưởng ban' })
      log.record('cadres', 'CB01', 'update', { position: 'Chuyên viên' }, { position: 'Phó Trưởng ban' })
      return log.batchId
    })
    ctx.write('Sửa chức vụ lần nữa', (_tx, log) => {
      log.rows.update(cadres, eq(cadres.id, ids.cadreId), { position: 'Trưởng ban' })
      log.record('cadres', 'CB01', 'update', { position: 'Phó Trưởng ban' }, { position: 'Trưởng ban' })
    })
    const logRows = ctx.db.select({ n: count() }).from(changeLog).get()?.n
    const kept = ctx.db.select({ n: count() }).from(changeRows).get()?.n
    const envelope = await undo(batchId)
    expect(envelope.ok).toBe(false)
    expect((envelope as { error: AppErrorPayload }).error).toMatchObject({
      code: 'CONFLICT',
      message:
        'Không hoàn tác được "Sửa chức vụ": dữ liệu đã được sửa tiếp sau thao tác này. Hãy sửa lại bằng tay.'
    })
    expect(snapshot().cadres[0]?.position).toBe('Trưởng ban')
    expect(ctx.db.select({ n: count() }).from(changeLog).get()?.n).toBe(logRows)
    expect(ctx.db.select({ n: count() }).from(changeRows).get()?.n).toBe(kept)
  })

  it('refuses to undo twice, and an unknown batch, in Vietnamese', async () => {
    seed()
    const batchId = lastBatch()
    expect((await undo(batchId)).ok).toBe(true)
    const again = await undo(batchId)
    expect((again as { error: AppErrorPayload }).error).toMatchObject({
      code: 'CONFLICT',
      message: 'Thao tác "Thêm dữ liệu mẫu" đã được hoàn tác trước đó.'
    })
    const unknown = await undo('khong-co')
    expect((unknown as { error: AppErrorPayload }).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy thao tác cần hoàn tác.'
    })
    const empty = await undo('  ')
    expect((empty as { error: AppErrorPayload }).error.code).toBe('VALIDATION')
  })

  it('refuses when a row it would remove is used elsewhere since', async () => {
    const ids = seed()
    const batchId = ctx.write('Thêm ban', (_tx, log) => {
      const row = log.rows.insert(departments, { code: 'TG', name: 'Ban Tuyên giáo', abbreviation: 'TG' })
      log.record('departments', 'TG', 'insert', null, { code: 'TG' })
      return { batchId: log.batchId, id: row.id }
    })
    // Another write moves the cadre into the new department: removing it would break that.
    ctx.write('Chuyển ban', (tx) => {
      tx.update(cadres).set({ departmentId: batchId.id }).where(eq(cadres.id, ids.cadreId)).run()
    })
    const envelope = await undo(batchId.batchId)
    expect((envelope as { error: AppErrorPayload }).error).toMatchObject({ code: 'CONFLICT' })
    expect((envelope as { error: AppErrorPayload }).error.message).toContain('đã được dùng ở chỗ khác')
    expect(snapshot().departments.map((d) => d.code)).toEqual(['VP', 'TG'])
  })

  it('keeps change_rows append-only', () => {
    seed()
    expect(() => handle.sqlite.prepare('DELETE FROM change_rows').run()).toThrow(/chỉ được ghi thêm/)
    expect(() => handle.sqlite.prepare('UPDATE change_rows SET after = NULL').run()).toThrow(
      /chỉ được ghi thêm/
    )
  })
})
