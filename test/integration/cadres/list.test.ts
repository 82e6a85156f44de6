/**
 * 'cadres.search': every cadre with the chosen year's figures (those of the year summary),
 * Vietnamese name order, the search box (diacritics-insensitive) and each filter, the count
 * before filters, and the default year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import { expected } from '../reports/fixture-db'
import { newCadre, openCadresApi, type CadresApi } from './setup'

let api: CadresApi

beforeAll(async () => {
  // After the year: the 2025 figures are the fixture's year-end ones.
  api = await openCadresApi('2026-01-05')
}, 60_000)

afterAll(() => api?.close())

const names = (rows: Array<{ fullName: string }>) => rows.map((r) => r.fullName)

describe('cadres.search', () => {
  it('opens on the newest year with trips, lists every cadre in Vietnamese name order', async () => {
    const list = await api.call('cadres.search', {})
    // 2026 has no trips yet on 05/01/2026: the office still works on 2025.
    expect(list.year).toBe(2025)
    expect(list.years).toContain(2026)
    expect(list.years).toContain(2025)
    expect(list.years).toEqual([...list.years].sort((a, b) => b - a))
    expect(list.total).toBe(expected.yearEnd.cadres.length)
    const byName = expected.yearEnd.cadres.map((c) => c.name).sort(compareVietnameseNames)
    expect(names(list.rows)).toEqual(byName)
    expect(list.rows.map((r) => r.fullName.split(' ').at(-1))).toEqual([
      'Ánh',
      'Bé',
      'Đức',
      'Ngân',
      'Ơn',
      'Thắm',
      'Út',
      'Ý'
    ])
  })

  it("carries the year summary's figures for each cadre", async () => {
    const list = await api.call('cadres.search', { year: 2025 })
    for (const want of expected.yearEnd.cadres) {
      const row = list.rows.find((r) => r.code === want.code)
      expect(row?.figures, want.code).toMatchObject({
        status: want.status,
        target: want.target,
        days: want.days
      })
      expect(row?.figures?.reason ?? null, want.code).toBe(want.reason)
    }
    const summary = await api.call('summary.year', { year: 2025 })
    expect(list.rows.map((r) => r.figures?.status)).toEqual(
      list.rows.map((r) => summary.cadres.find((c) => c.code === r.code)?.status)
    )
  })

  it('gives no figures to a cadre who does not serve in the year', async () => {
    const list = await api.call('cadres.search', { year: 2024 })
    expect(list.years).toContain(2024)
    const ut = list.rows.find((r) => r.code === 'A08')
    // Tạ Văn Út starts on 03/11/2025.
    expect(ut?.serviceStart).toBe('2025-11-03')
    expect(ut?.figures).toBeNull()
    expect(list.rows.find((r) => r.code === 'A01')?.figures).toMatchObject({
      days: 0,
      status: 'CHUA_HOAN_THANH'
    })
  })

  it('searches name and code without diacritics or case', async () => {
    expect(names((await api.call('cadres.search', { q: 'duc' })).rows)).toEqual(['Lê Minh Đức'])
    expect(names((await api.call('cadres.search', { q: 'NGAN' })).rows)).toEqual(['Đinh Thị Ngân'])
    expect(names((await api.call('cadres.search', { q: 'pham y' })).rows)).toEqual(['Phạm Thị Ý'])
    expect((await api.call('cadres.search', { q: 'a05' })).rows.map((r) => r.code)).toEqual(['A05'])
    const none = await api.call('cadres.search', { q: 'không có ai' })
    expect(none.rows).toEqual([])
    expect(none.total).toBe(8)
  })

  it('filters by ban, chức vụ, chuyên trách, service on a day and status, and combines them', async () => {
    const pt = await api.call('cadres.search', { departmentCode: 'PT' })
    expect(names(pt.rows)).toEqual(['Võ Quang Ánh', 'Đinh Thị Ngân', 'Phạm Thị Ý'])
    expect(pt.departments.map((d) => d.code)).toEqual(['VP', 'TCKT', 'PT'])

    expect(pt.positions).toContain('Trưởng ban')
    expect(names((await api.call('cadres.search', { position: 'Trưởng ban' })).rows)).toEqual(['Trần Văn Bé'])

    const onMarch = await api.call('cadres.search', { inServiceOn: '2025-03-01' })
    expect(onMarch.rows.map((r) => r.code).sort()).toEqual(['A01', 'A02', 'A03', 'A04', 'A06', 'A07'])
    const onDecember = await api.call('cadres.search', { inServiceOn: '2025-12-01' })
    expect(onDecember.rows).toHaveLength(8)

    const exempt = await api.call('cadres.search', { year: 2025, status: 'MIEN' })
    expect(names(exempt.rows)).toEqual(['Đinh Thị Ngân', 'Tạ Văn Út'])
    const done = await api.call('cadres.search', { year: 2025, status: 'HOAN_THANH' })
    expect(done.rows).toHaveLength(expected.yearEnd.totals.completed)

    const combined = await api.call('cadres.search', { departmentCode: 'PT', status: 'MIEN', q: 'dinh' })
    expect(names(combined.rows)).toEqual(['Đinh Thị Ngân'])
    expect(combined.total).toBe(8)

    expect((await api.call('cadres.search', { fullTime: false })).rows).toEqual([])
    await api.call('cadres.create', newCadre({ code: 'P01', fullName: 'Lý Thị Kiều', fullTime: false }))
    const partTime = await api.call('cadres.search', { fullTime: false })
    expect(names(partTime.rows)).toEqual(['Lý Thị Kiều'])
    expect(partTime.rows[0]?.figures).toMatchObject({ status: 'MIEN', reason: 'không chuyên trách' })
    expect((await api.call('cadres.search', { fullTime: true })).rows).toHaveLength(8)
  })

  it('refuses bad filters with messages naming the field', async () => {
    const year = await api.refusal('cadres.search', { year: 1999 })
    expect(year.code).toBe('VALIDATION')
    expect(year.details).toEqual(['year: Năm phải từ 2000 trở đi.'])
    const status = await api.refusal('cadres.search', { status: 'XONG' })
    expect(status.details).toEqual(['status: Trạng thái không hợp lệ.'])
    const day = await api.refusal('cadres.search', { inServiceOn: '2025-02-31' })
    expect(day.details[0]).toMatch(/^inServiceOn: Ngày đang công tác không hợp lệ/)
  })
})
