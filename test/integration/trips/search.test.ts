/**
 * The logbook's reads on the 2025 fixture: every filter of 'trips.search' against the test's
 * own SQL over the same file, the diacritics-insensitive search, sorting by every column,
 * windows of the virtual list, the totals (credited days equal Tổng hợp năm's), 'trips.get',
 * 'trips.choices', 'trips.nextCode' and the year strip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TripListRow, TripSearchInput } from '../../../shared/api/trips'
import { TRIP_SORT_KEYS } from '../../../shared/api/trips'
import { compareVietnamese, compareVietnameseNames } from '../../../shared/domain/collation'
import { expected } from '../reports/fixture-db'
import { openTripsFixture, type TripsFixture } from './helpers'

let f: TripsFixture

beforeAll(async () => {
  f = await openTripsFixture()
}, 60_000)

afterAll(() => f?.close())

/** Every row of a filter, through windows of 100 (as the virtual list reads them). */
async function allRows(filters: Omit<TripSearchInput, 'offset' | 'limit'>): Promise<TripListRow[]> {
  const first = await f.call('trips.search', { ...filters, offset: 0, limit: 100 })
  const rows = [...first.rows]
  for (let offset = 100; offset < first.total; offset += 100) {
    const page = await f.call('trips.search', { ...filters, offset, limit: 100 })
    expect(page.total).toBe(first.total)
    rows.push(...page.rows)
  }
  expect(rows).toHaveLength(first.total)
  return rows
}

function codesOf(rows: { code: string }[]): string[] {
  return rows.map((r) => r.code).sort()
}

function sqlCodes(where: string, ...params: unknown[]): string[] {
  return f
    .sql<{ code: string }>(`SELECT DISTINCT t.code FROM trips t ${where}`, ...params)
    .map((r) => r.code)
    .sort()
}

describe('trips.search filters', () => {
  it('keeps the trips touching the year, quarter or month', async () => {
    expect(codesOf(await allRows({ year: 2025 }))).toEqual(
      sqlCodes(`WHERE t.start_date <= '2025-12-31' AND t.end_date >= '2025-01-01'`)
    )
    expect((await f.call('trips.search', { year: 2024, limit: 10 })).total).toBe(0)
    const q3 = await allRows({ year: 2025, quarter: 3 })
    expect(codesOf(q3)).toEqual(sqlCodes(`WHERE t.start_date <= '2025-09-30' AND t.end_date >= '2025-07-01'`))
    expect(q3.length).toBeGreaterThan(0)
    const march = await allRows({ year: 2025, month: 3 })
    expect(codesOf(march)).toEqual(
      sqlCodes(`WHERE t.start_date <= '2025-03-31' AND t.end_date >= '2025-03-01'`)
    )
    expect(codesOf(march)).toEqual(expect.arrayContaining(['TR001', 'TR002']))
    // Every year: the same as the whole table.
    expect(codesOf(await allRows({}))).toEqual(sqlCodes(''))
  })

  it('filters by cadre, by ban (any of its cadres), by kind and by status', async () => {
    const byCadre = `JOIN trip_participants p ON p.trip_id = t.id JOIN cadres c ON c.id = p.cadre_id`
    expect(codesOf(await allRows({ cadreCodes: ['A03'] }))).toEqual(
      sqlCodes(`${byCadre} WHERE c.code = 'A03'`)
    )
    expect(codesOf(await allRows({ cadreCodes: ['A01', 'A06'] }))).toEqual(
      sqlCodes(`${byCadre} WHERE c.code IN ('A01', 'A06')`)
    )
    expect(codesOf(await allRows({ departmentCode: 'TCKT' }))).toEqual(
      sqlCodes(`${byCadre} JOIN departments d ON d.id = c.department_id WHERE d.code = 'TCKT'`)
    )
    expect(codesOf(await allRows({ kind: 'KIEM_TRA' }))).toEqual(sqlCodes(`WHERE t.kind = 'KIEM_TRA'`))
    expect(codesOf(await allRows({ status: 'DU_KIEN' }))).toEqual(['TR005'])
    // Filters combine with "and".
    expect(
      codesOf(await allRows({ cadreCodes: ['A03'], kind: 'DU_SH_CHI_DOAN', month: 8, year: 2025 }))
    ).toEqual(
      sqlCodes(
        `${byCadre} WHERE c.code = 'A03' AND t.kind = 'DU_SH_CHI_DOAN' AND t.start_date <= '2025-08-31' AND t.end_date >= '2025-08-01'`
      )
    )
  })

  it('filters by unit, including the units under it', async () => {
    const byUnit = `JOIN trip_units tu ON tu.trip_id = t.id JOIN units u ON u.id = tu.unit_id`
    // NHI-TA (Đoàn xã Tân Ân, old) was under Huyện đoàn Ngọc Hiển.
    const underNhi = await allRows({ unitCodes: ['NHI'] })
    expect(codesOf(underNhi)).toEqual(sqlCodes(`${byUnit} WHERE u.code IN ('NHI', 'NHI-TA')`))
    expect(codesOf(await allRows({ unitCodes: ['TAN'] }))).toEqual(
      sqlCodes(`${byUnit} WHERE u.code IN ('TAN', 'CD-TA2')`)
    )
    expect(codesOf(await allRows({ unitCodes: ['CD-TA2'] }))).toEqual(
      sqlCodes(`${byUnit} WHERE u.code = 'CD-TA2'`)
    )
    // The Tỉnh đoàn holds every unit.
    expect(codesOf(await allRows({ unitCodes: ['TD'] }))).toEqual(sqlCodes(byUnit))
  })

  it('keeps the trips whose report is overdue today (due 10 days after the end)', async () => {
    const overdue = await allRows({ overdue: true })
    expect(codesOf(overdue)).toEqual(
      sqlCodes(
        `WHERE t.status = 'DA_THUC_HIEN' AND t.report_date IS NULL AND julianday('2025-10-15') - julianday(t.end_date) > 10`
      )
    )
    expect(overdue.length).toBeGreaterThan(0)
    for (const row of overdue) expect(row.overdueDays).toBeGreaterThan(0)
    const totals = await f.call('trips.totals', {})
    expect(totals.overdue).toBe(overdue.length)
  })

  it('searches code, topic and travel order number without diacritics', async () => {
    expect(codesOf(await allRows({ q: 'khao sat' }))).toEqual(['TR002'])
    expect(codesOf(await allRows({ q: 'THANG thanh nien' }))).toEqual(['TR001'])
    expect(codesOf(await allRows({ q: 'tr00' }))).toEqual([
      'TR001',
      'TR002',
      'TR003',
      'TR004',
      'TR005',
      'TR006'
    ])
    expect(await allRows({ q: 'khao sat tr001' })).toEqual([])
  })

  it('refuses bad filters in Vietnamese, naming the field', async () => {
    const quarterOnly = await f.refusal('trips.search', { quarter: 2 })
    expect(quarterOnly.code).toBe('VALIDATION')
    expect(quarterOnly.details).toContain('year: Chọn năm trước khi lọc theo quý hoặc tháng.')
    const tooMany = await f.refusal('trips.search', { year: 2025, limit: 5000 })
    expect(tooMany.details.join('\n')).toMatch(/^limit: Mỗi lần lấy không quá 1\.000 dòng\./m)
    const month = await f.refusal('trips.search', { year: 2025, month: 13 })
    expect(month.details).toContain('month: Tháng từ 1 đến 12.')
    const sort = await f.refusal('trips.search', { sort: 'fullName' })
    expect(sort.details).toContain('sort: Cột sắp xếp không hợp lệ.')
  })
})

describe('trips.search order, windows and totals', () => {
  it('lists the newest first by default, and sorts by every column both ways', async () => {
    const rows = await allRows({})
    const starts = rows.map((r) => r.startDate)
    expect(starts).toEqual([...starts].sort().reverse())

    const comparators: Record<string, (a: TripListRow, b: TripListRow) => number> = {
      code: (a, b) => compareVietnamese(a.code, b.code),
      startDate: (a, b) => a.startDate.localeCompare(b.startDate),
      days: (a, b) => a.days - b.days,
      kind: (a, b) =>
        ['CHUYEN_DE', 'PHOI_HOP', 'KIEM_TRA', 'DU_SH_BCH_BTV', 'DU_SH_CHI_DOAN'].indexOf(a.kind) -
        ['CHUYEN_DE', 'PHOI_HOP', 'KIEM_TRA', 'DU_SH_BCH_BTV', 'DU_SH_CHI_DOAN'].indexOf(b.kind),
      status: (a, b) =>
        ['DU_KIEN', 'DA_THUC_HIEN', 'DA_BAO_CAO'].indexOf(a.status) -
        ['DU_KIEN', 'DA_THUC_HIEN', 'DA_BAO_CAO'].indexOf(b.status),
      cadres: (a, b) => compareVietnameseNames(a.cadres[0]!.fullName, b.cadres[0]!.fullName),
      units: (a, b) => compareVietnamese(a.units[0]!.name, b.units[0]!.name)
    }
    for (const key of TRIP_SORT_KEYS) {
      for (const desc of [false, true]) {
        const sorted = await allRows({ sort: key, desc })
        expect(codesOf(sorted), key).toEqual(codesOf(rows))
        const compare = comparators[key]
        if (!compare) continue
        for (let i = 1; i < sorted.length; i++) {
          const c = compare(sorted[i - 1]!, sorted[i]!)
          expect(desc ? c >= 0 : c <= 0, `${key} ${desc ? 'desc' : 'asc'} at ${i}`).toBe(true)
        }
      }
    }
    // Empty values go last both ways (only two trips have a topic).
    for (const desc of [false, true]) {
      const byTopic = await allRows({ sort: 'topic', desc })
      expect(byTopic.slice(0, 2).map((r) => r.topic)).toEqual(
        desc ? ['Tháng Thanh niên', 'Khảo sát đoàn viên'] : ['Khảo sát đoàn viên', 'Tháng Thanh niên']
      )
      expect(byTopic[2]!.topic).toBeNull()
    }
  })

  it('cuts consistent windows out of one order', async () => {
    const whole = (await f.call('trips.search', { sort: 'cadres', offset: 0, limit: 1000 })).rows
    const window = await f.call('trips.search', { sort: 'cadres', offset: 37, limit: 25 })
    expect(window.offset).toBe(37)
    expect(window.rows.map((r) => r.code)).toEqual(whole.slice(37, 62).map((r) => r.code))
    const past = await f.call('trips.search', { offset: 10_000, limit: 100 })
    expect(past.rows).toEqual([])
    expect(past.total).toBe(whole.length)
  })

  it('totals the filter: trips, cadre-days, and days credited as Tổng hợp năm counts them', async () => {
    const summary = await f.call('summary.year', { year: 2025, asOf: '2025-12-31' })
    for (const cadre of expected.yearEnd.cadres) {
      const totals = await f.call('trips.totals', { year: 2025, cadreCodes: [cadre.code] })
      const figures = summary.cadres.find((c) => c.code === cadre.code)
      expect(totals.creditedDays, cadre.code).toBe(figures?.days ?? 0)
      expect(totals.creditedDays, cadre.code).toBe(cadre.days)
    }
    // Ngày-người: each trip's days × its cadres (the filtered cadres only), overlaps included.
    const raw = f.sql<{ halves: number }>(
      `SELECT sum(((julianday(end_date) - julianday(start_date)) * 2 + (end_half = 'CHIEU') - (start_half = 'CHIEU') + 1)) AS halves
       FROM trips t JOIN trip_participants p ON p.trip_id = t.id`
    )[0]!.halves
    const all = await f.call('trips.totals', {})
    expect(all.trips).toBe(247)
    expect(all.cadreDays).toBe(raw / 2)
    // A02's TR001 and TR002 overlap on 12–13/03: credited is less than cadre-days.
    const a02 = await f.call('trips.totals', { year: 2025, month: 3, cadreCodes: ['A02'] })
    expect(a02.cadreDays - a02.creditedDays).toBeGreaterThanOrEqual(2)
    // The footer's totals are refused like the list's filters.
    expect((await f.refusal('trips.totals', { month: 3 })).details).toContain(
      'year: Chọn năm trước khi lọc theo quý hoặc tháng.'
    )
  })
})

describe('one trip, choices, codes, the year strip', () => {
  it('reads a trip with its cadres, units and report due date', async () => {
    const trip = await f.call('trips.get', { code: 'TR004' })
    expect(trip).toMatchObject({
      code: 'TR004',
      startDate: '2025-09-09',
      endDate: '2025-09-10',
      days: 2,
      kind: 'KIEM_TRA',
      status: 'DA_BAO_CAO',
      reportDueDate: '2025-09-20',
      overdueDays: 0
    })
    expect(trip.cadres.map((c) => [c.code, c.fullName, c.departmentName])).toEqual([
      ['A01', 'Nguyễn Hồng Thắm', 'Văn phòng'],
      ['A06', 'Huỳnh Thị Ơn', 'Văn phòng']
    ])
    expect(trip.units.map((u) => [u.code, u.kind, u.parentName])).toEqual([
      ['TAN', 'DOAN_XA', 'Tỉnh đoàn Cà Mau'],
      ['DDT', 'DOAN_XA', 'Tỉnh đoàn Cà Mau']
    ])
    const missing = await f.refusal('trips.get', { code: 'KHONG-CO' })
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toContain('"KHONG-CO"')
  })

  it('offers cadres in Vietnamese name order and units as a tree', async () => {
    const choices = await f.call('trips.choices', {})
    const names = choices.cadres.map((c) => c.fullName)
    expect(names).toEqual([...names].sort(compareVietnameseNames))
    expect(choices.cadres.find((c) => c.code === 'A05')).toMatchObject({
      serviceStart: '2025-06-01',
      departmentName: 'Ban Phong trào'
    })
    const units = choices.units.map((u) => u.code)
    expect(units[0]).toBe('TD')
    expect(units.indexOf('NHI-TA')).toBe(units.indexOf('NHI') + 1)
    expect(units.indexOf('CD-TA2')).toBe(units.indexOf('TAN') + 1)
    expect(choices.units.find((u) => u.code === 'NHI')).toMatchObject({
      validTo: '2025-06-30',
      parentCode: 'TD'
    })
    expect(choices.departments.map((d) => d.code)).toEqual(['VP', 'TCKT', 'PT'])
    expect(choices.years).toEqual([2025])
  })

  it('proposes the next code in the pattern of the trip entered last', async () => {
    expect(await f.call('trips.nextCode', {})).toEqual({ code: 'CD0242' })
  })

  it("draws a cadre's year: kinds, overlaps counted once, exemption days", async () => {
    const a02 = await f.call('trips.cadreYear', { cadreCode: 'A02', year: 2025 })
    expect(a02.days).toHaveLength(365)
    expect(a02.creditedDays).toBe(expected.yearEnd.cadres.find((c) => c.code === 'A02')!.days)
    const march12 = a02.days.find((d) => d.date === '2025-03-12')!
    expect(march12.halves[0]).toMatchObject({ tripCode: 'TR001', kind: 'PHOI_HOP', others: ['TR002'] })
    const march14 = a02.days.find((d) => d.date === '2025-03-14')!
    expect(march14.halves[1]).toMatchObject({ tripCode: 'TR002', kind: 'CHUYEN_DE', others: [] })
    expect(a02.overlapDays).toBeGreaterThanOrEqual(2)

    const a07 = await f.call('trips.cadreYear', { cadreCode: 'A07', year: 2025 })
    expect(a07.days.filter((d) => d.exempt)).toHaveLength(304) // 15/01–14/11/2025
    expect(a07.exemptions).toEqual([{ reason: 'THAI_SAN', from: '2025-01-15', to: '2025-11-14' }])
    const a05 = await f.call('trips.cadreYear', { cadreCode: 'A05', year: 2025 })
    expect(a05.days.filter((d) => d.outOfService)).toHaveLength(151) // before 01/06/2025
    const a03 = await f.call('trips.cadreYear', { cadreCode: 'A03', year: 2025 })
    const planned = a03.days.filter((d) => d.halves[0]?.status === 'DU_KIEN')
    expect(planned.map((d) => d.date)).toEqual([
      '2025-12-22',
      '2025-12-23',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26'
    ])
    expect(a03.plannedDays).toBe(5)
    expect(a03.overdue).toBe(
      (await f.call('trips.search', { year: 2025, cadreCodes: ['A03'], overdue: true, limit: 0 })).total
    )
    expect((await f.refusal('trips.cadreYear', { cadreCode: 'ZZ', year: 2025 })).code).toBe('NOT_FOUND')
  })
})
