/**
 * Past years keep their tree in what the trip documents print: the unit above a visited
 * commune is its parent on the trip's first day. A 2024 trip to a commune names its district
 * union; a 2026 trip to the same commune (moved on 01/07/2025) names the Tỉnh đoàn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument } from '../../../electron/reports/export'
import { readTrip } from '../../../electron/services/people-read'
import { plainText, readDocx } from '../reports/docx-xml'
import { openUnitsApi, smallOffice, type UnitsApi } from './setup'

let api: UnitsApi

beforeAll(async () => {
  api = openUnitsApi(smallOffice(), '2026-04-01')
  await api.call('units.move', { code: 'XA', parentCode: 'TD', fromDate: '2025-07-01' })
})

afterAll(() => api?.close())

describe('the unit above a visited unit, as of the trip', () => {
  it('is the district union for a 2024 trip and the Tỉnh đoàn for a 2026 trip', () => {
    expect(readTrip(api.ctx, 'T2024').units).toEqual([
      { code: 'XA', name: 'Đoàn xã Hiệp Thạnh', kind: 'DOAN_XA', parentName: 'Huyện đoàn Đức Trọng' }
    ])
    expect(readTrip(api.ctx, 'T2026').units).toEqual([
      { code: 'XA', name: 'Đoàn xã Hiệp Thạnh', kind: 'DOAN_XA', parentName: 'Tỉnh đoàn Lâm Đồng' }
    ])
  })

  it('is printed so in the trip reports of each year', async () => {
    const text = async (year: number, tripCode: string) =>
      plainText(
        (await readDocx((await exportDocument(api.ctx, { document: 'trip-report', year, tripCode })).buffer))
          .document
      )
    expect(await text(2024, 'T2024')).toContain(
      'Đơn vị cơ sở đến: Đoàn xã Hiệp Thạnh (trực thuộc Huyện đoàn Đức Trọng).'
    )
    expect(await text(2026, 'T2026')).toContain(
      'Đơn vị cơ sở đến: Đoàn xã Hiệp Thạnh (trực thuộc Tỉnh đoàn Lâm Đồng).'
    )
  })

  it('follows a later move, and undoing the move puts the old parent back', async () => {
    const moved = await api.call('units.move', { code: 'XA', parentCode: null, fromDate: '2026-01-01' })
    expect(readTrip(api.ctx, 'T2026').units[0]!.parentName).toBeNull()
    expect(readTrip(api.ctx, 'T2024').units[0]!.parentName).toBe('Huyện đoàn Đức Trọng')
    await api.call('history.undo', { batchId: moved.change.batchId })
    expect(readTrip(api.ctx, 'T2026').units[0]!.parentName).toBe('Tỉnh đoàn Lâm Đồng')
  })
})
