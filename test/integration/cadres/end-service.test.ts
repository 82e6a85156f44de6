/**
 * 'cadres.endService': a date, not a deletion. The year's subject days and target follow the
 * end date; "Hoàn tác" (history.undo) puts the cadre back as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCadresApi, type CadresApi } from './setup'

let api: CadresApi

beforeEach(async () => {
  api = await openCadresApi()
}, 60_000)

afterEach(() => api?.close())

describe('cadres.endService', () => {
  it('sets the end date, shortens the target, and is undone', async () => {
    const before = await api.call('cadres.get', { code: 'A03', year: 2025 })
    expect(before.year.result).toMatchObject({ subjectDays: 365, target: 60 })

    const saved = await api.call('cadres.endService', { code: 'A03', serviceEnd: '2025-06-30' })
    expect(saved.change.label).toBe('Kết thúc công tác: A03 Lê Minh Đức từ 30/06/2025')
    expect(saved.value.serviceEnd).toBe('2025-06-30')
    expect(api.logged(saved.change.batchId)).toMatchObject([
      {
        entity: 'cadres',
        entityKey: 'A03',
        action: 'update',
        oldValue: { serviceEnd: null },
        newValue: { serviceEnd: '2025-06-30' }
      }
    ])

    const after = await api.call('cadres.get', { code: 'A03', year: 2025 })
    // 01/01 – 30/06/2025: 181 days; 60 × 181 / 365 = 29,75… → 30.
    expect(after.year.result).toMatchObject({ subjectDays: 181, target: 30 })
    // Still listed (a date, not a deletion), but not in service on a later day.
    expect((await api.call('cadres.search', {})).total).toBe(8)
    expect(
      (await api.call('cadres.search', { inServiceOn: '2025-07-01' })).rows.map((r) => r.code)
    ).not.toContain('A03')
    // The next year the cadre is not in the office's list any more.
    expect((await api.call('cadres.get', { code: 'A03', year: 2026 })).year.result).toBeNull()

    const undone = await api.call('history.undo', { batchId: saved.change.batchId })
    expect(undone.undone.label).toBe(saved.change.label)
    const restored = await api.call('cadres.get', { code: 'A03', year: 2025 })
    expect(restored.cadre).toEqual(before.cadre)
    expect(restored.year.result).toMatchObject({ subjectDays: 365, target: 60 })
  })

  it('refuses a cadre who has already left, an end before the start, bad dates and unknown codes', async () => {
    await api.call('cadres.endService', { code: 'A03', serviceEnd: '2025-06-30' })
    const again = await api.refusal('cadres.endService', { code: 'A03', serviceEnd: '2025-07-31' })
    expect(again.code).toBe('CONFLICT')
    expect(again.message).toBe(
      'Cán bộ A03 Lê Minh Đức đã kết thúc công tác ngày 30/06/2025. Muốn đổi ngày, hãy sửa hồ sơ cán bộ.'
    )

    // Võ Quang Ánh starts on 01/06/2025.
    const early = await api.refusal('cadres.endService', { code: 'A05', serviceEnd: '2025-05-31' })
    expect(early.code).toBe('VALIDATION')
    expect(early.details).toEqual([
      'serviceEnd: Ngày kết thúc công tác không được trước ngày bắt đầu công tác (01/06/2025).'
    ])

    const bad = await api.refusal('cadres.endService', { code: 'A05', serviceEnd: '31/02/2025' })
    expect(bad.details).toEqual([
      'serviceEnd: Ngày kết thúc công tác không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    ])
    const empty = await api.refusal('cadres.endService', { code: 'A05', serviceEnd: '' })
    expect(empty.details).toEqual(['serviceEnd: Thiếu ngày kết thúc công tác.'])

    const unknown = await api.refusal('cadres.endService', { code: 'Z1', serviceEnd: '2025-06-30' })
    expect(unknown.code).toBe('NOT_FOUND')
    expect(unknown.message).toBe('Không có cán bộ mã "Z1".')
  })

  it('cannot undo once the cadre was changed again, and says so', async () => {
    const ended = await api.call('cadres.endService', { code: 'A03', serviceEnd: '2025-06-30' })
    const cadre = (await api.call('cadres.get', { code: 'A03' })).cadre
    await api.call('cadres.update', { ...cadre, position: 'Phó Trưởng ban' })
    const refused = await api.refusal('history.undo', { batchId: ended.change.batchId })
    expect(refused.code).toBe('CONFLICT')
    expect((await api.call('cadres.get', { code: 'A03' })).cadre.serviceEnd).toBe('2025-06-30')
  })
})
