/**
 * The history page's read on a real database: the fixture's import is one batch of origin
 * 'import', a later edit reads in words ("Đến ngày: 05/04/2025 → 06/04/2025"), filters by
 * record, origin and day pick the right batches, and an undone batch says by whom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChangeLogPage } from '../../../shared/api/history'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'

let fixture: FixtureDb
let ctx: ServiceContext

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at('2025-12-20')
}, 60_000)

afterAll(() => fixture?.close())

async function list(input: Record<string, unknown>): Promise<ChangeLogPage> {
  const envelope = await dispatch(createHandlers(ctx), 'history.list', input)
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error))
  return envelope.value as ChangeLogPage
}

describe('history.list', () => {
  it('shows the import as one batch, newest first, with its entries in words', async () => {
    const page = await list({})
    expect(page.total).toBeGreaterThanOrEqual(1)
    const imported = page.batches.find((b) => b.origin === 'import')
    expect(imported?.source).toContain('office-2025.xlsx')
    // A whole workbook: many entries, the first few listed and the rest counted.
    expect(imported!.entryCount).toBeGreaterThan(imported!.entries.length)
    const trip = imported!.entries.find((e) => e.entity === 'trips')
    expect(trip).toMatchObject({ entityLabel: 'Chuyến đi', actionLabel: 'Thêm', link: { page: 'trip' } })
    expect(trip!.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['Từ ngày', 'Đến ngày', 'Loại nội dung'])
    )
    const from = trip!.changes.find((c) => c.field === 'Từ ngày')
    expect(from?.new).toMatch(/^\d{2}\/\d{2}\/2025$/)
    expect(page.entities.map((e) => e.label)).toEqual(
      expect.arrayContaining(['Cán bộ', 'Chuyến đi', 'Đơn vị'])
    )
  })

  it('says an edit as old → new in the clerk words, filters by record and origin, and marks undone batches', async () => {
    const batchId = ctx.write('Sửa chuyến đi CD-TEST', (_tx, log) => {
      log.record(
        'trips',
        'CD-TEST',
        'update',
        { endDate: '2025-04-05', status: 'DA_THUC_HIEN', cadreCodes: ['CB01'] },
        { endDate: '2025-04-06', status: 'DA_BAO_CAO', cadreCodes: ['CB01', 'CB02'] }
      )
      return log.batchId
    })
    const page = await list({ key: 'CD-TEST' })
    expect(page.total).toBe(1)
    expect(page.batches[0]).toMatchObject({
      batchId,
      origin: 'form',
      source: 'Sửa chuyến đi CD-TEST',
      undoneBy: null
    })
    expect(page.batches[0]!.entries[0]!.changes).toEqual([
      { field: 'Đến ngày', old: '05/04/2025', new: '06/04/2025' },
      { field: 'Trạng thái', old: 'Đã thực hiện', new: 'Đã báo cáo' },
      { field: 'Cán bộ tham gia', old: 'CB01', new: 'CB01; CB02' }
    ])

    expect((await list({ origin: 'import' })).batches.every((b) => b.origin === 'import')).toBe(true)
    expect((await list({ origin: 'undo' })).total).toBe(0)
    // The import ran on 05/01/2026 and the edit on 20/12/2025 (the contexts' clocks).
    expect((await list({ from: '2026-01-06' })).total).toBe(0)
    expect((await list({ from: '2026-01-05', to: '2026-01-05' })).batches.map((b) => b.origin)).toEqual([
      'import'
    ])
    expect((await list({ from: '2025-12-19', to: '2025-12-21', key: 'CD-TEST' })).total).toBe(1)
  })

  it('refuses a malformed filter in Vietnamese', async () => {
    const envelope = await dispatch(createHandlers(ctx), 'history.list', { from: '31/02/2025', origin: 'x' })
    expect(envelope.ok).toBe(false)
    if (envelope.ok) return
    expect(envelope.error.code).toBe('VALIDATION')
    expect(envelope.error.details.join('\n')).toContain('from: Ngày không hợp lệ')
    expect(envelope.error.details.join('\n')).toContain('origin: Nguồn thay đổi không hợp lệ.')
  })
})
