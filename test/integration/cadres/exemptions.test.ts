/**
 * Exemption periods: the effect before → after of an unsaved period on each year it touches
 * (shared/domain/subject.ts through 'exemptions.preview'), saving, editing, deleting, overlaps
 * warned and never refused, refusals under their field, and undo.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exemptions } from '../../../electron/db/schema'
import { openCadresApi, type CadresApi } from './setup'

let api: CadresApi

beforeEach(async () => {
  api = await openCadresApi()
}, 60_000)

afterEach(() => api?.close())

const sick = {
  cadreCode: 'A03',
  reason: 'OM_DAU_DAI_HAN',
  from: '2025-03-01',
  to: '2025-05-31',
  note: null
} as const

describe('exemptions.preview', () => {
  it('shows subject days and target before → after for the year', async () => {
    const preview = await api.call('exemptions.preview', sick)
    // 92 days off: 273 subject days; 60 × 273 / 365 = 44,87… → 45.
    expect(preview.effects).toEqual([
      {
        year: 2025,
        before: { subjectDays: 365, target: 60, exemptReason: null },
        after: { subjectDays: 273, target: 45, exemptReason: null }
      }
    ])
    expect(preview.warnings).toEqual([])
    // A preview writes nothing.
    expect(api.ctx.db.select().from(exemptions).all()).toHaveLength(1)
  })

  it('shows each year a period spanning two years touches', async () => {
    const preview = await api.call('exemptions.preview', { ...sick, from: '2025-11-01', to: '2026-02-28' })
    expect(preview.effects.map((e) => e.year)).toEqual([2025, 2026])
    // 2025: 61 days off → 304; 60 × 304 / 365 = 49,97… → 50. 2026: 59 days off → 306 → 50,3… → 50,5.
    expect(preview.effects[0]?.after).toEqual({ subjectDays: 304, target: 50, exemptReason: null })
    expect(preview.effects[1]?.before).toEqual({ subjectDays: 365, target: 60, exemptReason: null })
    expect(preview.effects[1]?.after).toEqual({ subjectDays: 306, target: 50.5, exemptReason: null })
  })

  it('says when the cadre falls below the minimum and is not evaluated', async () => {
    const preview = await api.call('exemptions.preview', {
      ...sick,
      reason: 'HOC_TAP_DAI_HAN',
      from: '2025-02-01',
      to: '2025-12-31'
    })
    expect(preview.effects[0]?.after).toEqual({
      subjectDays: 31,
      target: null,
      exemptReason: 'Học tập dài hạn'
    })
  })

  it('counts the years of the old dates when a period is moved', async () => {
    const saved = await api.call('exemptions.save', sick)
    const moved = await api.call('exemptions.preview', {
      ...sick,
      id: saved.value.exemption.id,
      from: '2026-03-01',
      to: '2026-05-31'
    })
    expect(moved.effects).toEqual([
      {
        year: 2025,
        before: { subjectDays: 273, target: 45, exemptReason: null },
        after: { subjectDays: 365, target: 60, exemptReason: null }
      },
      {
        year: 2026,
        before: { subjectDays: 365, target: 60, exemptReason: null },
        after: { subjectDays: 273, target: 45, exemptReason: null }
      }
    ])
  })

  it('warns about overlapping periods and periods outside the service period', async () => {
    // Đinh Thị Ngân is on maternity leave 15/01 – 14/11/2025.
    const overlap = await api.call('exemptions.preview', {
      ...sick,
      cadreCode: 'A07',
      from: '2025-11-01',
      to: '2025-11-30'
    })
    expect(overlap.warnings).toEqual([
      'Trùng 14 ngày với kỳ miễn giảm Nghỉ thai sản 15/01/2025 – 14/11/2025: ngày trùng chỉ tính một lần.'
    ])
    // Võ Quang Ánh starts on 01/06/2025.
    const outside = await api.call('exemptions.preview', {
      ...sick,
      cadreCode: 'A05',
      from: '2025-01-01',
      to: '2025-03-31'
    })
    expect(outside.warnings).toEqual([
      'Kỳ miễn giảm nằm ngoài thời gian công tác của cán bộ: không làm thay đổi số ngày thuộc diện.'
    ])
    expect(outside.effects[0]?.before).toEqual(outside.effects[0]?.after)
  })

  it('refuses bad input under the field', async () => {
    const backwards = await api.refusal('exemptions.preview', {
      ...sick,
      from: '2025-05-01',
      to: '2025-04-30'
    })
    expect(backwards.details).toEqual(['to: Đến ngày không được trước từ ngày.'])
    // "Khác" needs a note to be saved, not to see its effect.
    const other = await api.refusal('exemptions.save', { ...sick, reason: 'KHAC', note: '  ' })
    expect(other.details).toEqual(['note: Lý do "Khác": ghi chú rõ lý do.'])
    expect(
      (await api.call('exemptions.preview', { ...sick, reason: 'KHAC', note: '  ' })).effects
    ).toHaveLength(1)
    const missing = await api.refusal('exemptions.preview', {
      cadreCode: 'A03',
      reason: '',
      from: '',
      to: '31/02/2025'
    })
    expect(missing.details).toEqual([
      'reason: Chưa chọn lý do miễn giảm.',
      'from: Thiếu từ ngày.',
      'to: Đến ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    ])
    const unknown = await api.refusal('exemptions.preview', { ...sick, cadreCode: 'ZZ' })
    expect(unknown.message).toBe('Không có cán bộ mã "ZZ".')
  })
})

describe('exemptions.save and exemptions.delete', () => {
  it('adds a period that changes the target, logs it in workbook terms, and is undone', async () => {
    const saved = await api.call('exemptions.save', { ...sick, note: ' Nằm viện '.normalize('NFD') })
    expect(saved.change.label).toBe(
      'Thêm kỳ miễn giảm: A03 Lê Minh Đức, Ốm đau dài hạn 01/03/2025 – 31/05/2025'
    )
    expect(saved.value.exemption).toMatchObject({
      reason: 'OM_DAU_DAI_HAN',
      from: '2025-03-01',
      to: '2025-05-31',
      days: 92,
      note: 'Nằm viện'
    })
    expect(saved.value.warnings).toEqual([])
    expect(api.logged(saved.change.batchId)).toEqual([
      {
        entity: 'exemptions',
        entityKey: 'A03:2025-03-01',
        action: 'insert',
        oldValue: null,
        newValue: {
          cadreCode: 'A03',
          reason: 'OM_DAU_DAI_HAN',
          from: '2025-03-01',
          to: '2025-05-31',
          note: 'Nằm viện'
        }
      }
    ])
    const detail = await api.call('cadres.get', { code: 'A03', year: 2025 })
    expect(detail.exemptions.map((e) => e.id)).toEqual([saved.value.exemption.id])
    expect(detail.year.result).toMatchObject({ subjectDays: 273, target: 45 })

    await api.call('history.undo', { batchId: saved.change.batchId })
    const undone = await api.call('cadres.get', { code: 'A03', year: 2025 })
    expect(undone.exemptions).toEqual([])
    expect(undone.year.result).toMatchObject({ subjectDays: 365, target: 60 })
  })

  it('changes a period in place and logs old → new', async () => {
    const added = await api.call('exemptions.save', sick)
    const id = added.value.exemption.id
    const edited = await api.call('exemptions.save', {
      ...sick,
      id,
      to: '2025-04-30',
      reason: 'KHAC',
      note: 'Biệt phái'
    })
    expect(edited.change.label).toBe('Sửa kỳ miễn giảm: A03 Lê Minh Đức, Khác 01/03/2025 – 30/04/2025')
    expect(edited.value.exemption).toMatchObject({
      id,
      reason: 'KHAC',
      to: '2025-04-30',
      note: 'Biệt phái',
      days: 61
    })
    expect(api.logged(edited.change.batchId)[0]).toMatchObject({
      action: 'update',
      oldValue: { reason: 'OM_DAU_DAI_HAN', to: '2025-05-31', note: null },
      newValue: { reason: 'KHAC', to: '2025-04-30', note: 'Biệt phái' }
    })
    expect((await api.call('cadres.get', { code: 'A03' })).exemptions).toHaveLength(1)
  })

  it('saves an overlapping period with a warning, and marks both as overlapping', async () => {
    const first = await api.call('exemptions.save', sick)
    const second = await api.call('exemptions.save', {
      ...sick,
      reason: 'THAI_SAN',
      from: '2025-05-01',
      to: '2025-08-31'
    })
    expect(second.value.warnings).toEqual([
      'Trùng 31 ngày với kỳ miễn giảm Ốm đau dài hạn 01/03/2025 – 31/05/2025: ngày trùng chỉ tính một lần.'
    ])
    const detail = await api.call('cadres.get', { code: 'A03', year: 2025 })
    expect(detail.exemptions.map((e) => e.overlapsWith)).toEqual([
      [second.value.exemption.id],
      [first.value.exemption.id]
    ])
    // 01/03 – 31/08 off once: 184 days; 365 − 184 = 181 → 30.
    expect(detail.year.result).toMatchObject({ subjectDays: 181, target: 30 })
  })

  it("refuses a second period starting the same day (the workbook's key), under Từ ngày", async () => {
    await api.call('exemptions.save', sick)
    const error = await api.refusal('exemptions.save', { ...sick, to: '2025-03-10' })
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toEqual([
      'from: Cán bộ A03 Lê Minh Đức đã có kỳ miễn giảm bắt đầu ngày 01/03/2025 (Ốm đau dài hạn 01/03/2025 – 31/05/2025). Hãy sửa kỳ đó thay vì thêm kỳ mới.'
    ])
  })

  it("refuses to edit another cadre's period or one that is gone", async () => {
    const ngan = (await api.call('cadres.get', { code: 'A07' })).exemptions[0]!
    const foreign = await api.refusal('exemptions.save', { ...sick, id: ngan.id })
    expect(foreign.code).toBe('NOT_FOUND')
    expect(foreign.message).toBe('Không có kỳ miễn giảm này của cán bộ A03 Lê Minh Đức (có thể đã bị xóa).')
    const gone = await api.refusal('exemptions.delete', { id: 9999 })
    expect(gone.message).toBe('Không có kỳ miễn giảm này (có thể đã bị xóa).')
    const bad = await api.refusal('exemptions.delete', { id: 'một' })
    expect(bad.details).toEqual(['id: Thiếu kỳ miễn giảm cần xóa.'])
  })

  it('deletes a period, the figures follow, and "Hoàn tác" brings it back with its id', async () => {
    const ngan = await api.call('cadres.get', { code: 'A07', year: 2025 })
    expect(ngan.year.result?.status).toBe('MIEN')
    const period = ngan.exemptions[0]!
    const deleted = await api.call('exemptions.delete', { id: period.id })
    expect(deleted.change.label).toBe(
      'Xóa kỳ miễn giảm: A07 Đinh Thị Ngân, Nghỉ thai sản 15/01/2025 – 14/11/2025'
    )
    expect(api.logged(deleted.change.batchId)).toMatchObject([
      {
        entity: 'exemptions',
        entityKey: 'A07:2025-01-15',
        action: 'delete',
        newValue: null,
        oldValue: { reason: 'THAI_SAN' }
      }
    ])
    const without = await api.call('cadres.get', { code: 'A07', year: 2025 })
    expect(without.exemptions).toEqual([])
    expect(without.year.result).toMatchObject({ subjectDays: 365, target: 60 })

    await api.call('history.undo', { batchId: deleted.change.batchId })
    const back = await api.call('cadres.get', { code: 'A07', year: 2025 })
    expect(back.exemptions).toEqual(ngan.exemptions)
    expect(back.year.result?.status).toBe('MIEN')
  })
})
