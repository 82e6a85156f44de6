/**
 * Departments (ban) through the API on the fixture (VP, TCKT, PT): abbreviations that would
 * make a document symbol ambiguous or broken are refused under the field, a ban with cadres
 * is not deleted (the refusal says how many), and every write is undoable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logged, openSettingsApi, type Api } from './helpers'

let api: Api

beforeAll(async () => {
  api = await openSettingsApi()
}, 60_000)

afterAll(() => api?.fixture.close())

describe('departments', () => {
  it('lists the fixture bans in their order with their cadres counted', async () => {
    const list = await api.call('departments.overview', {})
    expect(list.map((d) => [d.code, d.name, d.abbreviation, d.cadreCount])).toEqual([
      ['VP', 'Văn phòng', 'VP', 2],
      ['TCKT', 'Ban Tổ chức - Kiểm tra', 'TCKT', 3],
      ['PT', 'Ban Phong trào', 'PT', 3]
    ])
  })

  it('refuses characters that would split a symbol, in the schema, under the field', async () => {
    for (const abbreviation of ['XD/Đ', 'XD-Đ', 'XD Đ']) {
      const error = await api.refusal('departments.save', {
        code: 'XDD',
        name: 'Ban Xây dựng Đoàn',
        abbreviation
      })
      expect(error.code).toBe('VALIDATION')
      expect(error.details).toEqual([
        'abbreviation: Viết tắt chỉ gồm chữ cái, chữ số hoặc "&", không có dấu cách, "/" hay "-": nó đứng cuối ký hiệu văn bản (ví dụ 01-KH/TĐTN-XDĐ).'
      ])
    }
    const empty = await api.refusal('departments.save', { code: '', name: '', abbreviation: '' })
    expect(empty.details).toEqual([
      'code: Chưa nhập mã ban.',
      'name: Chưa nhập tên ban.',
      'abbreviation: Chưa nhập viết tắt.'
    ])
  })

  it('adds a ban (abbreviation in capitals) and refuses one whose abbreviation reads the same', async () => {
    const added = await api.call('departments.save', {
      code: 'XDD',
      name: 'Ban Xây dựng Đoàn',
      abbreviation: 'xdđ'
    })
    expect(added.value).toMatchObject({
      code: 'XDD',
      name: 'Ban Xây dựng Đoàn',
      abbreviation: 'XDĐ',
      cadreCount: 0
    })
    expect(added.change.label).toBe('Thêm ban: XDD Ban Xây dựng Đoàn (viết tắt XDĐ)')
    expect(logged(api.ctx, added.change.batchId)).toEqual([
      { entity: 'departments', key: 'XDD', action: 'insert', source: added.change.label }
    ])

    // "XDD" and "XDĐ" print differently but read the same: the symbols of two bans could be confused.
    const ambiguous = await api.refusal('departments.save', {
      code: 'XDD2',
      name: 'Ban Xây dựng Đảng',
      abbreviation: 'XDD'
    })
    expect(ambiguous).toMatchObject({
      code: 'VALIDATION',
      message: 'Không thêm được Ban Xây dựng Đảng: trùng với một ban đã có.'
    })
    expect(ambiguous.details).toEqual([
      'abbreviation: Viết tắt "XDD" đọc giống "XDĐ" của Ban Xây dựng Đoàn (không phân biệt chữ hoa, chữ thường và dấu): ký hiệu văn bản của hai ban sẽ không phân biệt được.'
    ])
    const clash = await api.refusal('departments.save', { code: 'vp', name: 'văn phòng', abbreviation: 'Vp' })
    expect(clash.details).toEqual([
      'code: Mã ban "VP" đã dùng cho Văn phòng.',
      'name: Đã có ban tên "Văn phòng" (mã VP).',
      'abbreviation: Viết tắt "VP" đã dùng cho Văn phòng: ký hiệu văn bản của hai ban sẽ trùng nhau.'
    ])
  })

  it('edits a ban, keeping its own abbreviation without calling it a clash, and undoes the edit', async () => {
    const pt = (await api.call('departments.overview', {})).find((d) => d.code === 'PT')!
    const edited = await api.call('departments.save', {
      id: pt.id,
      code: 'PT',
      name: 'Ban Phong trào Thanh niên',
      abbreviation: 'pt'
    })
    expect(edited.value).toMatchObject({
      name: 'Ban Phong trào Thanh niên',
      abbreviation: 'PT',
      cadreCount: 3
    })
    expect(edited.change.label).toBe('Sửa ban: PT Ban Phong trào Thanh niên (viết tắt PT)')
    await api.call('history.undo', { batchId: edited.change.batchId })
    expect((await api.call('departments.overview', {})).find((d) => d.code === 'PT')?.name).toBe(
      'Ban Phong trào'
    )
  })

  it('refuses to delete a ban with cadres, naming how many; deletes an unused one, undoably', async () => {
    const list = await api.call('departments.overview', {})
    const tckt = list.find((d) => d.code === 'TCKT')!
    const refused = await api.refusal('departments.delete', { id: tckt.id })
    expect(refused).toEqual({
      code: 'CONFLICT',
      message:
        'Không xóa được Ban Tổ chức - Kiểm tra (TCKT): 3 cán bộ đang thuộc ban này. Hãy chuyển các cán bộ đó sang ban khác trước khi xóa.',
      details: []
    })

    const xdd = list.find((d) => d.code === 'XDD')!
    const deleted = await api.call('departments.delete', { id: xdd.id })
    expect(deleted.change.label).toBe('Xóa ban: XDD Ban Xây dựng Đoàn')
    expect((await api.call('departments.overview', {})).map((d) => d.code)).toEqual(['VP', 'TCKT', 'PT'])
    // The Văn bản page and the cadre form see the same list.
    expect((await api.call('departments.list', {})).map((d) => d.code)).toEqual(['VP', 'TCKT', 'PT'])

    await api.call('history.undo', { batchId: deleted.change.batchId })
    expect((await api.call('departments.overview', {})).map((d) => d.code)).toEqual([
      'VP',
      'TCKT',
      'PT',
      'XDD'
    ])
    expect((await api.refusal('departments.delete', { id: 9999 })).code).toBe('NOT_FOUND')
  })
})
