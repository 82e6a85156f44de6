/**
 * Tổng hợp năm's additions to shared/domain/progress.ts: a cadre's first subject day, where a
 * cadre stands against the expected mark (and in which words), the totals row's ratio shares,
 * and the coverage of units rolled up the tree.
 */
import { describe, expect, it } from 'vitest'
import {
  firstSubjectDay,
  paceStanding,
  paceStandingText,
  totalsRatioShares,
  unitCoverage
} from '../../../shared/domain/progress'
import { defaultYearSettings } from '../../../shared/domain/settings'
import type { YearSummaryInput } from '../../../shared/domain/summary'
import { cadre, dailyTrips, resultOf, summarize, trip } from './helpers'

describe('first subject day', () => {
  it('is the window start, the service start, or the day after the exemptions covering it', () => {
    expect(firstSubjectDay(cadre(1), '2025-01-01', '2025-12-31')).toBe('2025-01-01')
    expect(firstSubjectDay(cadre(1, { serviceStart: '2025-09-01' }), '2025-01-01', '2025-12-31')).toBe(
      '2025-09-01'
    )
    const studying = cadre(1, {
      exemptions: [
        { reason: 'HOC_TAP_DAI_HAN', from: '2025-03-01', to: '2025-07-31' },
        { reason: 'OM_DAU_DAI_HAN', from: '2024-12-01', to: '2025-03-10' }
      ]
    })
    expect(firstSubjectDay(studying, '2025-01-01', '2025-12-31')).toBe('2025-08-01')
    expect(firstSubjectDay(cadre(1, { serviceEnd: '2024-12-31' }), '2025-01-01', '2025-12-31')).toBeNull()
    const allYear = cadre(1, { exemptions: [{ reason: 'KHAC', from: '2025-01-01', to: '2025-12-31' }] })
    expect(firstSubjectDay(allYear, '2025-01-01', '2025-12-31')).toBeNull()
  })
})

describe('pace standing', () => {
  it('says behind or ahead by the gap to the expected mark, to one decimal', () => {
    // 60 × 181 ÷ 365 = 29.75 days expected by 30/06.
    const behind = resultOf(
      summarize({ trips: dailyTrips('2025-01-06', 21, 'CHUYEN_DE'), asOf: '2025-06-30' })
    )
    expect(behind.pace?.expectedDays).toBe(29.75)
    const s = paceStanding(behind, '2025-01-01', '2025-06-30')
    expect(s).toEqual({ kind: 'behind', days: 8.8, behindPace: true })
    expect(paceStandingText(s!)).toBe('chậm 8,8 ngày')

    const ahead = resultOf(
      summarize({ trips: dailyTrips('2025-01-06', 33, 'CHUYEN_DE'), asOf: '2025-06-30' })
    )
    const a = paceStanding(ahead, '2025-01-01', '2025-06-30')
    expect(a).toEqual({ kind: 'ahead', days: 3.3 })
    expect(paceStandingText(a!)).toBe('vượt 3,3 ngày')
    // 3 days behind: "chậm", but not "Chậm tiến độ" (5 days by default).
    const near = resultOf(summarize({ trips: dailyTrips('2025-01-06', 27, 'CHUYEN_DE'), asOf: '2025-06-30' }))
    expect(paceStanding(near, '2025-01-01', '2025-06-30')).toEqual({
      kind: 'behind',
      days: 2.8,
      behindPace: false
    })
  })

  it('is on pace within a twentieth of a day, and null without a pace', () => {
    expect(
      paceStanding({ days: 10, pace: { expectedDays: 10.04, behind: false } }, null, '2025-06-30')
    ).toEqual({
      kind: 'onPace'
    })
    expect(paceStandingText({ kind: 'onPace' })).toBe('đúng tiến độ')
    expect(paceStanding({ days: 61, pace: null }, '2025-01-01', '2025-06-30')).toBeNull()
  })

  it('rounds a gap of x,x5 up, from exact hundredths', () => {
    expect(paceStanding({ days: 0, pace: { expectedDays: 8.35, behind: true } }, null, '2025-06-30')).toEqual(
      {
        kind: 'behind',
        days: 8.4,
        behindPace: true
      }
    )
  })

  it('says "chưa bắt đầu" for a cadre whose subject period begins after the as-of date', () => {
    const late = cadre(1, { serviceStart: '2025-09-01' })
    const r = resultOf(summarize({ cadres: [late], trips: [], asOf: '2025-06-30' }))
    expect(r.status).toBe('CHUA_HOAN_THANH')
    const s = paceStanding(r, firstSubjectDay(late, '2025-01-01', '2025-12-31'), '2025-06-30')
    expect(s).toEqual({ kind: 'notStarted', from: '2025-09-01' })
    expect(paceStandingText(s!)).toBe('chưa bắt đầu (từ 01/09/2025)')
    // Once started, an ordinary standing.
    const after = resultOf(summarize({ cadres: [late], trips: [], asOf: '2025-10-15' }))
    expect(paceStanding(after, '2025-09-01', '2025-10-15')?.kind).toBe('behind')
  })
})

describe('totals ratio shares', () => {
  it('adds the rule’s kinds over the total days', () => {
    const rules = defaultYearSettings(2025).ratioRules
    const shares = totalsRatioShares(
      {
        totalDays: 200,
        daysByKind: { CHUYEN_DE: 50, PHOI_HOP: 40, KIEM_TRA: 30, DU_SH_BCH_BTV: 30.5, DU_SH_CHI_DOAN: 49.5 }
      },
      rules
    )
    expect(shares).toEqual({ CHUYEN_DE: 0.25, SINH_HOAT: 0.4 })
    const none = totalsRatioShares(
      {
        totalDays: 0,
        daysByKind: { CHUYEN_DE: 0, PHOI_HOP: 0, KIEM_TRA: 0, DU_SH_BCH_BTV: 0, DU_SH_CHI_DOAN: 0 }
      },
      rules
    )
    expect(none).toEqual({ CHUYEN_DE: 0, SINH_HOAT: 0 })
  })
})

describe('unit coverage', () => {
  // Tree: 10 (province) ← 20 (district) ← 30, 31 (communes).
  const parents = new Map<number, number | null>([
    [10, null],
    [20, 10],
    [30, 20],
    [31, 20]
  ])
  const ancestorsOf = (id: number) => {
    const chain: number[] = []
    for (let p = parents.get(id) ?? null; p !== null; p = parents.get(p) ?? null) chain.push(p)
    return chain
  }
  function input(patch: Partial<YearSummaryInput>): YearSummaryInput {
    return {
      settings: defaultYearSettings(2025),
      asOf: '2025-12-31',
      cadres: [cadre(1), cadre(2)],
      trips: [],
      ...patch
    }
  }

  it('gives each unit the summary’s own figures and rolls them up once per credit', () => {
    const trips = [
      trip({ from: '2025-03-03', to: '2025-03-04', cadres: [1, 2], units: [30, 20] }),
      trip({ from: '2025-04-07', cadres: [1], units: [31] }),
      trip({ from: '2025-05-05', cadres: [1], units: [31], status: 'DU_KIEN' })
    ]
    const i = input({ trips })
    const coverage = unitCoverage(i, ancestorsOf)
    const summary = summarize({ cadres: i.cadres as never, trips })
    for (const u of summary.units) {
      expect([coverage.get(u.unitId)?.ownDays, coverage.get(u.unitId)?.ownVisits]).toEqual([u.days, u.visits])
    }
    expect(coverage.get(30)).toEqual({ ownDays: 4, ownVisits: 1, days: 4, visits: 1 })
    // The trip visited 20 and its child 30: 4 cadre-days once, not 8.
    expect(coverage.get(20)).toEqual({ ownDays: 4, ownVisits: 1, days: 5, visits: 2 })
    expect(coverage.get(10)).toEqual({ ownDays: 0, ownVisits: 0, days: 5, visits: 2 })
    expect(coverage.get(31)).toEqual({ ownDays: 1, ownVisits: 1, days: 1, visits: 1 })
  })

  it('leaves out cadres who are not subject and days after the as-of date', () => {
    const trips = [
      trip({ from: '2025-03-03', cadres: [2], units: [30] }),
      trip({ from: '2025-08-04', cadres: [1], units: [30] })
    ]
    const cadres = [cadre(1), cadre(2, { fullTime: false })]
    const coverage = unitCoverage(input({ cadres, trips, asOf: '2025-06-30' }), ancestorsOf)
    expect(coverage.get(30)).toBeUndefined()
    expect(unitCoverage(input({ cadres, trips }), ancestorsOf).get(30)?.days).toBe(1)
  })
})
