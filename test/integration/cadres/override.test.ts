/**
 * 'cadres.setOverride' / 'cadres.removeOverride': the clerk's per-year "Thuộc diện" /
 * "Không thuộc diện" with its reason, as the year summary applies it; undo of both.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newCadre, openCadresApi, type CadresApi } from './setup'

let api: CadresApi

beforeEach(async () => {
  api = await openCadresApi()
}, 60_000)

afterEach(() => api?.close())

describe('per-year override', () => {
  it('"Không thuộc diện" makes the cadre MIEN with the reason, for that year only', async () => {
    const saved = await api.call('cadres.setOverride', {
      cadreCode: 'A01',
      year: 2025,
      subject: false,
      reason: ' Biệt phái sang Hội LHTN '
    })
    expect(saved.value).toEqual({ year: 2025, subject: false, reason: 'Biệt phái sang Hội LHTN' })
    expect(saved.change.label).toBe(
      'Xác định năm 2025: A01 Nguyễn Hồng Thắm không thuộc diện (Biệt phái sang Hội LHTN)'
    )
    expect(api.logged(saved.change.batchId)).toEqual([
      {
        entity: 'cadre_year_overrides',
        entityKey: 'A01:2025',
        action: 'insert',
        oldValue: null,
        newValue: { cadreCode: 'A01', year: 2025, subject: false, reason: 'Biệt phái sang Hội LHTN' }
      }
    ])
    const detail = await api.call('cadres.get', { code: 'A01', year: 2025 })
    expect(detail.override).toEqual(saved.value)
    expect(detail.year.result).toMatchObject({
      status: 'MIEN',
      reason: 'Biệt phái sang Hội LHTN',
      target: null
    })
    const summary = await api.call('summary.year', { year: 2025 })
    expect(summary.cadres.find((c) => c.code === 'A01')?.status).toBe('MIEN')

    const other = await api.call('cadres.get', { code: 'A01', year: 2026 })
    expect(other.override).toBeNull()
    expect(other.year.result?.status).not.toBe('MIEN')
  })

  it('"Thuộc diện" makes a part-time cadre evaluated; changing it updates the same row', async () => {
    await api.call('cadres.create', newCadre({ code: 'P01', fullName: 'Lý Thị Kiều', fullTime: false }))
    expect((await api.call('cadres.get', { code: 'P01', year: 2025 })).year.result).toMatchObject({
      status: 'MIEN',
      reason: 'không chuyên trách'
    })

    await api.call('cadres.setOverride', {
      cadreCode: 'P01',
      year: 2025,
      subject: true,
      reason: 'Kiêm nhiệm, được giao chỉ tiêu'
    })
    expect((await api.call('cadres.get', { code: 'P01', year: 2025 })).year.result).toMatchObject({
      status: 'CHUA_HOAN_THANH',
      target: 60
    })

    const changed = await api.call('cadres.setOverride', {
      cadreCode: 'P01',
      year: 2025,
      subject: false,
      reason: 'Nghỉ không lương'
    })
    expect(api.logged(changed.change.batchId)[0]).toMatchObject({
      action: 'update',
      oldValue: { subject: true, reason: 'Kiêm nhiệm, được giao chỉ tiêu' },
      newValue: { subject: false, reason: 'Nghỉ không lương' }
    })
    await api.call('history.undo', { batchId: changed.change.batchId })
    expect((await api.call('cadres.get', { code: 'P01', year: 2025 })).override).toEqual({
      year: 2025,
      subject: true,
      reason: 'Kiêm nhiệm, được giao chỉ tiêu'
    })
  })

  it('is removed (back to the general rule) and the removal is undone', async () => {
    await api.call('cadres.setOverride', {
      cadreCode: 'A01',
      year: 2025,
      subject: false,
      reason: 'Biệt phái'
    })
    const removed = await api.call('cadres.removeOverride', { cadreCode: 'A01', year: 2025 })
    expect(removed.change.label).toBe('Bỏ xác định riêng năm 2025: A01 Nguyễn Hồng Thắm')
    const detail = await api.call('cadres.get', { code: 'A01', year: 2025 })
    expect(detail.override).toBeNull()
    expect(detail.year.result?.status).not.toBe('MIEN')

    await api.call('history.undo', { batchId: removed.change.batchId })
    expect((await api.call('cadres.get', { code: 'A01', year: 2025 })).override).toMatchObject({
      subject: false,
      reason: 'Biệt phái'
    })
  })

  it('refuses a missing reason, a missing choice, an unknown cadre, and removing nothing', async () => {
    const noReason = await api.refusal('cadres.setOverride', {
      cadreCode: 'A01',
      year: 2025,
      subject: false,
      reason: '   '
    })
    expect(noReason.details).toEqual(['reason: Thiếu lý do.'])
    const noChoice = await api.refusal('cadres.setOverride', { cadreCode: 'A01', year: 2025, reason: 'x' })
    expect(noChoice.details).toEqual(['subject: Chọn "Thuộc diện" hoặc "Không thuộc diện".'])
    const unknown = await api.refusal('cadres.setOverride', {
      cadreCode: 'Q9',
      year: 2025,
      subject: true,
      reason: 'x'
    })
    expect(unknown.code).toBe('NOT_FOUND')
    const nothing = await api.refusal('cadres.removeOverride', { cadreCode: 'A01', year: 2025 })
    expect(nothing.code).toBe('NOT_FOUND')
    expect(nothing.message).toBe('Cán bộ A01 Nguyễn Hồng Thắm không có xác định riêng cho năm 2025.')
  })
})
