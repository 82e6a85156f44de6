/**
 * The issuing organisation through the API: refused input names its field in Vietnamese,
 * a save is one logged and undoable write, the clerk's line break is kept, and retyping the
 * congress term in another form does not restart the document numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Organisation } from '../../../shared/api/settings'
import { keptRows, logged, openSettingsApi, type Api } from './helpers'

let api: Api

beforeAll(async () => {
  api = await openSettingsApi()
}, 60_000)

afterAll(() => api?.fixture.close())

const LAM_DONG: Organisation = {
  issuerName: 'BCH ĐOÀN TỈNH\nLÂM ĐỒNG',
  issuerLevelName: 'TỈNH ĐOÀN',
  placeName: 'Lâm Đồng',
  issuerAbbreviation: 'TĐTN',
  congressTerm: '2022 – 2027',
  congressTermStart: '2022-10-20'
}

describe('organisation', () => {
  it('is absent before the office enters it', async () => {
    expect(await api.call('organisation.get', {})).toBeNull()
  })

  it('refuses bad input field by field, in Vietnamese, writing nothing', async () => {
    const error = await api.refusal('organisation.save', {
      issuerName: 'BCH\nĐOÀN TỈNH\nLÂM ĐỒNG',
      issuerLevelName: 'HUYỆN ĐOÀN',
      placeName: '  ',
      issuerAbbreviation: 'TĐ/TN',
      congressTerm: 'nhiệm kỳ mới',
      congressTermStart: '2022-02-30'
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([
      'issuerName: Tên cơ quan ban hành in tối đa hai dòng (chỉ xuống dòng một lần).',
      'issuerLevelName: Cấp phải là Tỉnh đoàn hoặc Thành đoàn.',
      'placeName: Chưa nhập địa danh.',
      'issuerAbbreviation: Viết tắt của cơ quan chỉ gồm chữ cái, chữ số hoặc "&", không có dấu cách, "/" hay "-" (ví dụ TĐTN).',
      'congressTerm: Nhiệm kỳ ghi năm đầu – năm cuối, ví dụ 2022 – 2027.',
      'congressTermStart: Ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    ])
    const spaced = await api.refusal('organisation.save', { ...LAM_DONG, issuerAbbreviation: 'TĐ TN' })
    expect(spaced.details).toEqual([expect.stringMatching(/^issuerAbbreviation: .*không có dấu cách/)])
    expect(await api.call('organisation.get', {})).toBeNull()
  })

  it('saves the organisation with its line break, logged in workbook terms, and undoes it', async () => {
    const saved = await api.call('organisation.save', {
      ...LAM_DONG,
      issuerName: '  BCH   ĐOÀN TỈNH \r\n LÂM ĐỒNG ',
      issuerAbbreviation: 'tđtn'
    })
    expect(saved.value).toEqual(LAM_DONG)
    expect(saved.change.label).toBe('Khai báo cơ quan ban hành: BCH ĐOÀN TỈNH LÂM ĐỒNG')
    expect(await api.call('organisation.get', {})).toEqual(LAM_DONG)
    expect(logged(api.ctx, saved.change.batchId)).toEqual([
      { entity: 'organisation', key: '1', action: 'insert', source: saved.change.label }
    ])
    expect(keptRows(api.ctx, saved.change.batchId)).toBe(1)

    const edited = await api.call('organisation.save', {
      ...LAM_DONG,
      issuerLevelName: 'THÀNH ĐOÀN',
      placeName: 'Đà Lạt'
    })
    expect(edited.change.label).toBe('Sửa thông tin cơ quan ban hành: BCH ĐOÀN TỈNH LÂM ĐỒNG')
    expect((await api.call('organisation.get', {}))?.placeName).toBe('Đà Lạt')

    const undone = await api.call('history.undo', { batchId: edited.change.batchId })
    expect(undone.undone.label).toBe(edited.change.label)
    expect(await api.call('organisation.get', {})).toEqual(LAM_DONG)

    await api.call('history.undo', { batchId: saved.change.batchId })
    expect(await api.call('organisation.get', {})).toBeNull()
  })

  it('keeps the stored congress term when the same years are retyped, so numbering goes on', async () => {
    await api.call('organisation.save', { ...LAM_DONG, congressTerm: '2022–2027' })
    const retyped = await api.call('organisation.save', { ...LAM_DONG, congressTerm: '2022 - 2027' })
    expect(retyped.value.congressTerm).toBe('2022–2027')
    const next = await api.call('organisation.save', { ...LAM_DONG, congressTerm: '2027 – 2032' })
    expect(next.value.congressTerm).toBe('2027 – 2032')
  })
})
