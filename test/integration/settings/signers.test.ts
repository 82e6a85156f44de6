/**
 * Signers through the API: one default at a time (a new default unsets the old one in the
 * same write, and undo puts both back), stopping instead of deleting, the authority line as
 * the signature block prints it, and refusals that name their field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keptRows, logged, openSettingsApi, type Api } from './helpers'

let api: Api

beforeAll(async () => {
  api = await openSettingsApi()
}, 60_000)

afterAll(() => api?.fixture.close())

const defaults = async () =>
  (await api.call('signers.list', {})).filter((s) => s.isDefault).map((s) => s.fullName)

describe('signers', () => {
  it('starts empty and refuses a signer without name or position', async () => {
    expect(await api.call('signers.list', {})).toEqual([])
    const error = await api.refusal('signers.save', {
      fullName: ' ',
      position: '',
      authority: 'TM. BAN THƯỜNG VỤ',
      isDefault: 'có'
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([
      'fullName: Chưa nhập họ và tên người ký.',
      'position: Chưa nhập chức vụ.',
      'isDefault: Thiếu lựa chọn người ký mặc định (có/không).'
    ])
  })

  it('keeps one default: a new default unsets the old one in the same write, undone together', async () => {
    const first = await api.call('signers.save', {
      fullName: 'Nguyễn  Văn An',
      position: 'Bí thư',
      authority: 'TM. BAN THƯỜNG VỤ',
      isDefault: true
    })
    expect(first.value).toMatchObject({
      fullName: 'Nguyễn Văn An',
      position: 'Bí thư',
      authority: 'TM. BAN THƯỜNG VỤ',
      // No organisation yet: the level defaults to Tỉnh đoàn.
      authorityLine: 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      isDefault: true,
      active: true
    })
    expect(first.change.label).toBe('Thêm người ký: Nguyễn Văn An (BÍ THƯ), người ký mặc định')

    const second = await api.call('signers.save', {
      fullName: 'Trần Thị Bình',
      position: 'Phó Bí thư Thường trực',
      authority: 'TM. BAN THƯỜNG VỤ',
      isDefault: true
    })
    expect(await defaults()).toEqual(['Trần Thị Bình'])
    expect(logged(api.ctx, second.change.batchId)).toEqual([
      { entity: 'signers', key: 'Nguyễn Văn An', action: 'update', source: second.change.label },
      { entity: 'signers', key: 'Trần Thị Bình', action: 'insert', source: second.change.label }
    ])
    expect(keptRows(api.ctx, second.change.batchId)).toBe(2)

    await api.call('history.undo', { batchId: second.change.batchId })
    const afterUndo = await api.call('signers.list', {})
    expect(afterUndo.map((s) => [s.fullName, s.isDefault])).toEqual([['Nguyễn Văn An', true]])
  })

  it('edits a signer and makes another the default by editing it', async () => {
    const binh = await api.call('signers.save', {
      fullName: 'Trần Thị Bình',
      position: 'Phó Bí thư',
      authority: 'TL. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      isDefault: false
    })
    expect(await defaults()).toEqual(['Nguyễn Văn An'])
    expect(binh.value.authorityLine).toBe('TL. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    const edited = await api.call('signers.save', { ...binh.value, id: binh.value.id, isDefault: true })
    expect(edited.change.label).toBe('Sửa người ký: Trần Thị Bình (PHÓ BÍ THƯ), đặt làm người ký mặc định')
    expect(await defaults()).toEqual(['Trần Thị Bình'])
    await api.call('history.undo', { batchId: edited.change.batchId })
    expect(await defaults()).toEqual(['Nguyễn Văn An'])
  })

  it('refuses a second signer with the same name, under the name field', async () => {
    const error = await api.refusal('signers.save', {
      fullName: 'nguyễn văn an',
      position: 'Phó Bí thư',
      authority: 'TM. BAN THƯỜNG VỤ',
      isDefault: false
    })
    expect(error.details).toEqual(['fullName: Đã có người ký tên "Nguyễn Văn An".'])
  })

  it('stops a signer instead of deleting: the default is unset, and a stopped signer cannot be the default', async () => {
    const an = (await api.call('signers.list', {})).find((s) => s.fullName === 'Nguyễn Văn An')!
    const stopped = await api.call('signers.setActive', { id: an.id, active: false })
    expect(stopped.change.label).toBe('Ngừng ký: Nguyễn Văn An (bỏ người ký mặc định)')
    expect(stopped.value).toMatchObject({ active: false, isDefault: false })
    expect(await defaults()).toEqual([])
    // Still listed: issued documents name it.
    expect((await api.call('signers.list', {})).map((s) => [s.fullName, s.active])).toEqual([
      ['Trần Thị Bình', true],
      ['Nguyễn Văn An', false]
    ])

    const refused = await api.refusal('signers.save', { ...an, isDefault: true })
    expect(refused.details).toEqual([
      'isDefault: Người đã ngừng ký không thể là người ký mặc định; hãy cho ký lại trước.'
    ])
    const again = await api.refusal('signers.setActive', { id: an.id, active: false })
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Nguyễn Văn An đã ngừng ký trước đó.' })

    await api.call('history.undo', { batchId: stopped.change.batchId })
    expect(await defaults()).toEqual(['Nguyễn Văn An'])
    const missing = await api.refusal('signers.setActive', { id: 999, active: true })
    expect(missing.code).toBe('NOT_FOUND')
  })

  it('prints the authority with the organisation level: Thành đoàn', async () => {
    await api.call('organisation.save', {
      issuerName: 'BCH ĐOÀN THÀNH PHỐ ĐÀ NẴNG',
      issuerLevelName: 'THÀNH ĐOÀN',
      placeName: 'Đà Nẵng',
      issuerAbbreviation: 'TĐTN',
      congressTerm: '2022 – 2027',
      congressTermStart: null
    })
    const lines = (await api.call('signers.list', {})).map((s) => s.authorityLine)
    expect(lines).toEqual(['TM. BAN THƯỜNG VỤ THÀNH ĐOÀN', 'TL. BAN THƯỜNG VỤ TỈNH ĐOÀN'])
  })
})
