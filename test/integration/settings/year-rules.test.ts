/**
 * The rules of a year through the API on the 2025 fixture: defaults until saved, the preview
 * lists exactly the cadres whose status the proposed rules change (computed by the summary
 * service, compared with expected.json), saving is one undoable write, and the demo seeds
 * two years with their legal basis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { YearRules } from '../../../shared/api/settings'
import { defaultYearSettings } from '../../../shared/domain/settings'
import { seedDemoSettings } from '../../../electron/services/settings/demo'
import { expected } from '../reports/fixture-db'
import { keptRows, logged, openSettingsApi, type Api } from './helpers'

let api: Api

beforeAll(async () => {
  api = await openSettingsApi()
}, 60_000)

afterAll(() => api?.fixture.close())

function rules2025(): YearRules {
  return { ...defaultYearSettings(2025), legalBasis: null }
}

describe('year rules', () => {
  it('shows the defaults of a year without a row', async () => {
    expect(await api.call('settings.getYear', { year: 2025 })).toEqual({ ...rules2025(), stored: false })
  })

  it('previews nothing when the rules do not change', async () => {
    const preview = await api.call('settings.previewYear', rules2025())
    expect(preview).toMatchObject({ year: 2025, asOf: '2025-12-31', inProgress: false, changes: [] })
    expect(preview.completedBefore).toBe(expected.yearEnd.totals.completed)
    expect(preview.completedAfter).toBe(expected.yearEnd.totals.completed)
  })

  it('previews exactly the cadres whose status a target of 70 days changes', async () => {
    const preview = await api.call('settings.previewYear', { ...rules2025(), targetDays: 70 })
    // From expected.json: every subject cadre with 60 ≤ days < 70 and status not already "chưa hoàn thành".
    const fromFixture = expected.yearEnd.cadres
      .filter((c) => c.status !== 'MIEN' && c.status !== 'CHUA_HOAN_THANH' && c.days < 70)
      .map((c) => c.code)
      .sort()
    expect(preview.changes.map((c) => c.code).sort()).toEqual(fromFixture)
    // In Vietnamese name order: Bé, Ơn, Thắm, Ý.
    expect(
      preview.changes.map((c) => [c.code, c.name, c.before, c.after, c.targetBefore, c.targetAfter])
    ).toEqual([
      ['A02', 'Trần Văn Bé', 'HOAN_THANH', 'CHUA_HOAN_THANH', 60, 70],
      ['A06', 'Huỳnh Thị Ơn', 'HOAN_THANH', 'CHUA_HOAN_THANH', 60, 70],
      ['A01', 'Nguyễn Hồng Thắm', 'HOAN_THANH', 'CHUA_HOAN_THANH', 60, 70],
      ['A04', 'Phạm Thị Ý', 'DAT_NGAY_CHUA_DAT_CO_CAU', 'CHUA_HOAN_THANH', 60, 70]
    ])
    expect(preview.changes[0]).toMatchObject({
      daysBefore: 60.5,
      daysAfter: 60.5,
      departmentName: 'Ban Tổ chức - Kiểm tra'
    })
    expect(preview).toMatchObject({
      completedBefore: 3,
      completedAfter: 0,
      subjectBefore: 6,
      subjectAfter: 6
    })
    // A preview writes nothing.
    expect(await api.call('settings.getYear', { year: 2025 })).toMatchObject({
      stored: false,
      targetDays: 60
    })
  })

  it('previews a ratio rule turned off and a higher minimum of subject days', async () => {
    const rules = rules2025()
    const preview = await api.call('settings.previewYear', {
      ...rules,
      ratioRules: rules.ratioRules.map((r) => (r.id === 'CHUYEN_DE' ? { ...r, enabled: false } : r))
    })
    // Phạm Thị Ý has the days but only 10 of 66 thematic days (15%): without that rule she completes.
    expect(preview.changes.map((c) => [c.code, c.before, c.after])).toEqual([
      ['A04', 'DAT_NGAY_CHUA_DAT_CO_CAU', 'HOAN_THANH']
    ])

    const stricter = await api.call('settings.previewYear', { ...rules, minSubjectDays: 300 })
    // Võ Quang Ánh is subject for part of the year only (target 35,5): under 300 subject days he is not evaluated.
    expect(stricter.changes.map((c) => [c.code, c.before, c.after, c.targetAfter])).toEqual([
      ['A05', 'CHUA_HOAN_THANH', 'MIEN', null]
    ])
  })

  it('refuses bad rules with every field named, before computing anything', async () => {
    const error = await api.refusal('settings.previewYear', {
      ...rules2025(),
      targetDays: 60.3,
      windowStart: '2025-07-01',
      windowEnd: '2025-03-31',
      ratioRules: [{ ...rules2025().ratioRules[0], minPercent: 120 }]
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([
      'targetDays: Chỉ tiêu tính theo nửa ngày (ví dụ 60 hoặc 30,5).',
      'ratioRules.0.minPercent: Tỉ lệ tối thiểu không quá 100%.',
      'windowEnd: Ngày kết thúc tính phải sau ngày bắt đầu tính.'
    ])
    const window = await api.refusal('settings.saveYear', {
      ...rules2025(),
      windowStart: '2025-07-01',
      windowEnd: '2025-03-31'
    })
    expect(window.details).toEqual(['windowEnd: Ngày kết thúc tính phải sau ngày bắt đầu tính.'])
    const outside = await api.refusal('settings.saveYear', { ...rules2025(), windowEnd: '2026-01-31' })
    expect(outside.details).toEqual(['windowStart: Khoảng thời gian tính phải nằm trong năm đã chọn.'])
    const notANumber = await api.refusal('settings.saveYear', { ...rules2025(), targetDays: Number.NaN })
    expect(notANumber.details).toEqual(['targetDays: Chỉ tiêu phải là một số (ví dụ 60 hoặc 30,5).'])
  })

  it('saves the rules and the legal basis in one undoable write; the summary then uses them', async () => {
    const saved = await api.call('settings.saveYear', {
      ...rules2025(),
      targetDays: 70,
      legalBasis: '  Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC;\n\n Căn cứ Kế hoạch số 12-KH/TĐTN-XDĐ  '
    })
    expect(saved.change.label).toBe('Đặt quy định năm 2025: chỉ tiêu 60 → 70 ngày, căn cứ pháp lý')
    expect(saved.value).toMatchObject({
      targetDays: 70,
      legalBasis: 'Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC;\nCăn cứ Kế hoạch số 12-KH/TĐTN-XDĐ'
    })
    expect(logged(api.ctx, saved.change.batchId)).toEqual([
      { entity: 'year_settings', key: '2025', action: 'insert', source: saved.change.label }
    ])
    expect(keptRows(api.ctx, saved.change.batchId)).toBe(1)
    expect(await api.call('settings.getYear', { year: 2025 })).toMatchObject({ stored: true, targetDays: 70 })
    expect((await api.call('summary.year', { year: 2025 })).totals.completed).toBe(0)
    // Now stored, the preview compares with 70: going back to 60 changes the same four cadres back.
    expect((await api.call('settings.previewYear', rules2025())).changes.map((c) => c.after)).toEqual([
      'HOAN_THANH',
      'HOAN_THANH',
      'HOAN_THANH',
      'DAT_NGAY_CHUA_DAT_CO_CAU'
    ])

    // A caller that does not send the legal basis keeps it.
    const numbersOnly = { ...defaultYearSettings(2025), targetDays: 65 }
    const kept = await api.call('settings.saveYear', numbersOnly)
    expect(kept.value.legalBasis).toBe(
      'Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC;\nCăn cứ Kế hoạch số 12-KH/TĐTN-XDĐ'
    )
    expect(kept.change.label).toBe('Sửa quy định năm 2025: chỉ tiêu 70 → 65 ngày')

    await api.call('history.undo', { batchId: kept.change.batchId })
    expect(await api.call('settings.getYear', { year: 2025 })).toMatchObject({ targetDays: 70 })
    await api.call('history.undo', { batchId: saved.change.batchId })
    expect(await api.call('settings.getYear', { year: 2025 })).toEqual({ ...rules2025(), stored: false })
    expect((await api.call('summary.year', { year: 2025 })).totals.completed).toBe(3)
  })

  it('seeds the demo rules of a year and the year before with their legal basis', async () => {
    const seeded = seedDemoSettings(api.ctx, 2026)
    expect(seeded.map((r) => r.year)).toEqual([2025, 2026])
    for (const year of [2025, 2026]) {
      const rules = await api.call('settings.getYear', { year })
      expect(rules.stored).toBe(true)
      expect(rules.targetDays).toBe(60)
      expect(rules.yearReportDeadline).toBe(`${year}-12-15`)
      expect(rules.legalBasis?.split('\n')).toEqual([
        expect.stringMatching(/^Căn cứ Hướng dẫn số 25-HD\/TWĐTN-BTC/),
        expect.stringContaining(`cán bộ cơ quan Tỉnh đoàn năm ${year}`)
      ])
    }
  })
})
