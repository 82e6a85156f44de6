/**
 * 'cadres.create' and 'cadres.update': validation by the contract (messages under the field
 * named in details), the service's own refusals (duplicate code, unknown ban, unknown cadre),
 * text stored trimmed and NFC, the change log in workbook terms, and undo.
 */
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cadres } from '../../../electron/db/schema'
import { newCadre, openCadresApi, type CadresApi } from './setup'

let api: CadresApi

beforeEach(async () => {
  api = await openCadresApi()
}, 60_000)

afterEach(() => api?.close())

describe('cadres.create', () => {
  it('adds a cadre who then shows in the list, on the record page and in the year summary', async () => {
    const saved = await api.call('cadres.create', newCadre())
    expect(saved.value).toMatchObject({
      code: 'B01',
      fullName: 'Nguyễn Thị Bảo Ngọc',
      departmentName: 'Ban Phong trào'
    })
    expect(saved.change.label).toBe('Thêm cán bộ B01 Nguyễn Thị Bảo Ngọc')

    const list = await api.call('cadres.search', {})
    expect(list.total).toBe(9)
    expect(list.rows.find((r) => r.code === 'B01')?.figures).toMatchObject({
      status: 'CHUA_HOAN_THANH',
      target: 60,
      days: 0
    })
    const detail = await api.call('cadres.get', { code: 'B01' })
    expect(detail.cadre).toEqual(saved.value)
    const summary = await api.call('summary.year', { year: 2025 })
    expect(summary.cadres.map((c) => c.code)).toContain('B01')

    expect(api.logged(saved.change.batchId)).toEqual([
      {
        entity: 'cadres',
        entityKey: 'B01',
        action: 'insert',
        oldValue: null,
        newValue: {
          code: 'B01',
          fullName: 'Nguyễn Thị Bảo Ngọc',
          gender: 'NU',
          birthDate: '1996-05-20',
          position: 'Chuyên viên',
          departmentCode: 'PT',
          fullTime: true,
          serviceStart: null,
          serviceEnd: null
        }
      }
    ])
  })

  it('stores text trimmed and in NFC, an empty gender as none', async () => {
    const decomposed = '  Nguyễn Thị Bảo Ngọc  '.normalize('NFD')
    const saved = await api.call(
      'cadres.create',
      newCadre({
        code: ' B02 ',
        fullName: decomposed,
        position: ' Phó Trưởng ban '.normalize('NFD'),
        gender: ''
      })
    )
    const row = api.ctx.db.select().from(cadres).where(eq(cadres.code, 'B02')).get()
    expect(row?.fullName).toBe('Nguyễn Thị Bảo Ngọc')
    expect(row?.fullName).toBe(row?.fullName.normalize('NFC'))
    expect(row?.fullName.length).toBe('Nguyễn Thị Bảo Ngọc'.normalize('NFC').length)
    expect(row?.position).toBe('Phó Trưởng ban'.normalize('NFC'))
    expect(row?.gender).toBeNull()
    expect(saved.value.gender).toBeNull()
    // Found by the search box like any other name.
    expect((await api.call('cadres.search', { q: 'ngoc' })).rows.map((r) => r.code)).toEqual(['B02'])
  })

  it('refuses a code that exists, under "Mã cán bộ"', async () => {
    const error = await api.refusal('cadres.create', newCadre({ code: 'A03' }))
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toEqual(['code: Mã cán bộ "A03" đã có (Lê Minh Đức); hãy chọn mã khác.'])
    expect(api.ctx.db.select().from(cadres).all()).toHaveLength(8)
  })

  it('refuses an end before the start, under "Ngày kết thúc công tác"', async () => {
    const error = await api.refusal(
      'cadres.create',
      newCadre({ serviceStart: '2025-06-01', serviceEnd: '2025-05-31' })
    )
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([
      'serviceEnd: Ngày kết thúc công tác không được trước ngày bắt đầu công tác.'
    ])
  })

  it('names the field in every message of the schema', async () => {
    const error = await api.refusal('cadres.create', {
      code: ' ',
      fullName: '',
      gender: 'X',
      birthDate: '2025-02-31',
      position: '   ',
      departmentCode: '',
      fullTime: 'có',
      serviceStart: '01/01/0025',
      serviceEnd: null
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([
      'code: Thiếu mã cán bộ.',
      'fullName: Thiếu họ và tên.',
      'gender: Giới tính: chọn Nam hoặc Nữ (hoặc để trống).',
      'birthDate: Ngày sinh không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).',
      'position: Thiếu chức vụ.',
      'departmentCode: Chưa chọn ban.',
      'fullTime: Chuyên trách: chọn có hoặc không.',
      'serviceStart: Ngày bắt đầu công tác không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    ])
    const old = await api.refusal('cadres.create', newCadre({ birthDate: '0025-01-01' }))
    expect(old.details).toEqual(['birthDate: Ngày sinh phải trong khoảng năm 1900 – 2100.'])
  })

  it('gives the end-before-start message together with the other field messages', async () => {
    const error = await api.refusal(
      'cadres.create',
      newCadre({
        fullName: ' ',
        birthDate: '2025-02-31',
        serviceStart: '2025-06-01',
        serviceEnd: '2025-05-31'
      })
    )
    expect(error.details).toEqual([
      'fullName: Thiếu họ và tên.',
      'birthDate: Ngày sinh không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).',
      'serviceEnd: Ngày kết thúc công tác không được trước ngày bắt đầu công tác.'
    ])
  })

  it('refuses a ban that does not exist, under "Ban"', async () => {
    const error = await api.refusal('cadres.create', newCadre({ departmentCode: 'XX' }))
    expect(error.details).toEqual(['departmentCode: Không có ban mã "XX".'])
  })

  it('is undone by "Hoàn tác"', async () => {
    const saved = await api.call('cadres.create', newCadre())
    const undone = await api.call('history.undo', { batchId: saved.change.batchId })
    expect(undone.undone.label).toBe('Thêm cán bộ B01 Nguyễn Thị Bảo Ngọc')
    expect((await api.refusal('cadres.get', { code: 'B01' })).message).toBe('Không có cán bộ mã "B01".')
  })
})

describe('cadres.update', () => {
  it('changes the fields but never the code, logs old and new, and is undone', async () => {
    const before = await api.call('cadres.get', { code: 'A03' })
    const saved = await api.call('cadres.update', {
      code: 'A03',
      fullName: 'Lê Minh Đức',
      gender: 'NAM',
      birthDate: '1990-01-02',
      position: 'Phó Trưởng ban',
      departmentCode: 'PT',
      fullTime: true,
      serviceStart: null,
      serviceEnd: null
    })
    expect(saved.change.label).toBe('Sửa cán bộ A03 Lê Minh Đức')
    expect(saved.value).toMatchObject({
      id: before.cadre.id,
      code: 'A03',
      position: 'Phó Trưởng ban',
      departmentCode: 'PT',
      birthDate: '1990-01-02'
    })
    const [entry] = api.logged(saved.change.batchId)
    expect(entry).toMatchObject({
      entity: 'cadres',
      entityKey: 'A03',
      action: 'update',
      oldValue: { position: 'Chuyên viên', departmentCode: 'TCKT', birthDate: '1992-03-08' },
      newValue: { position: 'Phó Trưởng ban', departmentCode: 'PT', birthDate: '1990-01-02' }
    })

    await api.call('history.undo', { batchId: saved.change.batchId })
    expect((await api.call('cadres.get', { code: 'A03' })).cadre).toEqual(before.cadre)
  })

  it('refuses an unknown code and the same validation as create', async () => {
    const unknown = await api.refusal('cadres.update', newCadre({ code: 'ZZ9' }))
    expect(unknown.code).toBe('NOT_FOUND')
    expect(unknown.message).toBe('Không có cán bộ mã "ZZ9".')
    const end = await api.refusal(
      'cadres.update',
      newCadre({ code: 'A05', serviceStart: '2025-06-01', serviceEnd: '2025-01-01' })
    )
    expect(end.details).toEqual([
      'serviceEnd: Ngày kết thúc công tác không được trước ngày bắt đầu công tác.'
    ])
  })

  it('moves the cadre in the year figures when the service period changes', async () => {
    const cadre = (await api.call('cadres.get', { code: 'A01' })).cadre
    await api.call('cadres.update', { ...cadre, gender: cadre.gender, serviceStart: '2025-07-01' })
    const detail = await api.call('cadres.get', { code: 'A01', year: 2025 })
    // 01/07 – 31/12: 184 days; 60 × 184 / 365 = 30,2… → 30,5.
    expect(detail.year.result).toMatchObject({ subjectDays: 184, target: 30.5 })
  })
})
