import { describe, expect, it } from 'vitest'
import { daysByMonth, departmentProgress, paceGap } from '../../../shared/domain/progress'
import { defaultYearSettings, type YearSettings } from '../../../shared/domain/settings'
import { computeYearSummary, type YearSummaryInput } from '../../../shared/domain/summary'
import { cadre, dailyTrips, resultOf, summarize, trip } from './helpers'

function input(patch: Partial<YearSummaryInput>): YearSummaryInput {
  return { settings: defaultYearSettings(2025), asOf: '2025-12-31', cadres: [cadre(1)], trips: [], ...patch }
}

function monthDays(i: YearSummaryInput): Record<number, number> {
  return Object.fromEntries(daysByMonth(i).map((m) => [m.month, m.days]))
}

describe('days per month', () => {
  it('splits a trip across a month end by half-day slots', () => {
    const m = monthDays(
      input({ trips: [trip({ from: '2025-01-30', fromHalf: 'CHIEU', to: '2025-02-02', toHalf: 'SANG' })] })
    )
    expect(m[1]).toBe(1.5)
    expect(m[2]).toBe(1.5)
    expect(m[3]).toBe(0)
    expect(Object.keys(m)).toHaveLength(12)
  })

  it('credits an overlapped slot once, as the year summary does', () => {
    const trips = [
      trip({ from: '2025-03-10', to: '2025-03-12', kind: 'CHUYEN_DE' }),
      trip({ from: '2025-03-11', to: '2025-04-01', kind: 'PHOI_HOP' })
    ]
    const m = monthDays(input({ trips }))
    expect(m[3]).toBe(22)
    expect(m[4]).toBe(1)
  })

  it('counts subject cadres only, like Tổng số ngày, and skips planned trips', () => {
    const trips = [
      trip({ from: '2025-05-05', to: '2025-05-06', cadres: [1, 2] }),
      trip({ from: '2025-05-20', to: '2025-05-21', cadres: [1], status: 'DU_KIEN' })
    ]
    const cadres = [cadre(1), cadre(2, { fullTime: false })]
    expect(monthDays(input({ cadres, trips }))[5]).toBe(2)
  })

  it('stops at the as-of date and adds up to the year total', () => {
    const cadres = [cadre(1), cadre(2), cadre(3, { serviceStart: '2025-06-01' })]
    const trips = [
      ...dailyTrips('2025-01-28', 9, 'CHUYEN_DE', [1]),
      ...dailyTrips('2025-06-27', 6, 'DU_SH_CHI_DOAN', [2, 3]),
      trip({ from: '2024-12-30', to: '2025-01-02', cadres: [2] }),
      trip({ from: '2025-12-30', to: '2026-01-02', cadres: [1] })
    ]
    for (const asOf of ['2025-06-30', '2025-12-31']) {
      const i = input({ cadres, trips, asOf })
      const months = daysByMonth(i)
      const sum = months.reduce((s, m) => s + m.days, 0)
      expect(sum).toBe(computeYearSummary(i).totals.totalDays)
    }
    const mid = monthDays(input({ cadres, trips, asOf: '2025-06-30' }))
    expect(mid[6]).toBe(4 * 2)
    expect(mid[7]).toBe(0)
    expect(mid[12]).toBe(0)
    expect(mid[1]).toBe(2 + 4)
  })

  it('lists only the months of the counting window, clipped to it', () => {
    const settings: YearSettings = { ...defaultYearSettings(2025), windowStart: '2025-03-15' }
    const months = daysByMonth(input({ settings, trips: [trip({ from: '2025-03-10', to: '2025-03-20' })] }))
    expect(months.map((m) => m.month)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(months[0]?.days).toBe(6)
  })
})

describe('pace gap', () => {
  it('is expected minus done while the year runs, for cadres with a pace', () => {
    const s = summarize({ trips: dailyTrips('2025-01-06', 10, 'CHUYEN_DE'), asOf: '2025-06-30' })
    const r = resultOf(s)
    expect(r.pace).not.toBeNull()
    // 60 × 181 ÷ 365 = 29.75 expected, 10 done.
    expect(r.pace?.expectedDays).toBe(29.75)
    expect(paceGap(r)).toBe(19.75)
  })

  it('is negative when ahead, and null without a pace', () => {
    expect(paceGap({ days: 35.5, pace: { expectedDays: 29.75, behind: false } })).toBe(-5.75)
    expect(paceGap({ days: 12, pace: null })).toBeNull()
    const yearEnd = summarize({ trips: dailyTrips('2025-01-06', 10, 'CHUYEN_DE') })
    expect(paceGap(resultOf(yearEnd))).toBeNull()
  })
})

describe('progress per department', () => {
  it('adds up days and targets of subject cadres, in Vietnamese order', () => {
    const cadres = [
      cadre(1, { departmentName: 'Văn phòng' }),
      cadre(2, { departmentName: 'Ban Xây dựng Đoàn', serviceStart: '2025-07-01' }),
      cadre(3, { departmentName: 'Ban Xây dựng Đoàn' }),
      cadre(4, { departmentName: 'Ban Đoàn kết', fullTime: false }),
      cadre(5, { departmentName: 'Ban Đoàn kết' })
    ]
    const trips = [
      ...dailyTrips('2025-02-03', 30, 'CHUYEN_DE', [1]),
      ...dailyTrips('2025-03-10', 30, 'DU_SH_CHI_DOAN', [1]),
      ...dailyTrips('2025-07-07', 5, 'CHUYEN_DE', [2, 3, 4])
    ]
    const s = summarize({ cadres, trips, asOf: '2025-12-31' })
    const rows = departmentProgress(s.cadres)
    expect(rows.map((r) => r.departmentName)).toEqual(['Ban Đoàn kết', 'Ban Xây dựng Đoàn', 'Văn phòng'])
    const [doanKet, xayDung, vanPhong] = rows
    expect(doanKet).toMatchObject({ subject: 1, days: 0, target: 60, completed: 0, shareOfTarget: 0 })
    // Cadre 2 serves 184 days: target 60 × 184 ÷ 365 = 30.2… → 30.5.
    expect(xayDung).toMatchObject({ subject: 2, days: 10, target: 90.5, completed: 0 })
    expect(xayDung?.shareOfTarget).toBeCloseTo(10 / 90.5, 10)
    expect(vanPhong).toMatchObject({ subject: 1, days: 60, target: 60, completed: 1, shareOfTarget: 1 })
  })

  it('counts who is behind pace during the year', () => {
    const cadres = [cadre(1), cadre(2)]
    const trips = dailyTrips('2025-01-06', 28, 'CHUYEN_DE', [1])
    const rows = departmentProgress(summarize({ cadres, trips, asOf: '2025-06-30' }).cadres)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ subject: 2, behindPace: 1, days: 28 })
  })
})
