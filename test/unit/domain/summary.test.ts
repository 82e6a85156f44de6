import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/domain/dates'
import { defaultYearSettings, type YearSettings } from '../../../shared/domain/settings'
import { REASON_NOT_FULL_TIME } from '../../../shared/domain/subject'
import type { SummaryTrip } from '../../../shared/domain/summary'
import { cadre, dailyTrips, resultOf, summarize, trip, tripsWith } from './helpers'

describe('window and as-of clipping', () => {
  it('counts only the slots of a trip inside the window', () => {
    const s = summarize({
      trips: [
        trip({ from: '2024-12-30', to: '2025-01-02' }),
        trip({ from: '2025-12-30', fromHalf: 'CHIEU', to: '2026-01-03' }),
        trip({ from: '2024-06-01', to: '2024-06-05' })
      ]
    })
    expect(resultOf(s).days).toBe(2 + 1.5)
    expect(resultOf(s).tripCount).toBe(2)
  })

  it('counts a window that starts in March from its first day', () => {
    const settings: YearSettings = { ...defaultYearSettings(2025), windowStart: '2025-03-01' }
    const s = summarize({ settings, trips: [trip({ from: '2025-02-27', to: '2025-03-02' })] })
    expect(resultOf(s).days).toBe(2)
    expect(resultOf(s).subjectDays).toBe(306)
    expect(resultOf(s).target).toBe(60)
  })

  it('counts a trip not ended by the as-of date only up to that date, inclusive', () => {
    const trips = [
      trip({ from: '2025-06-28', to: '2025-07-02' }),
      trip({ from: '2025-07-05', to: '2025-07-06' })
    ]
    expect(resultOf(summarize({ trips, asOf: '2025-06-30' })).days).toBe(3)
    expect(resultOf(summarize({ trips, asOf: '2025-06-30' })).tripCount).toBe(1)
    expect(resultOf(summarize({ trips, asOf: '2025-06-28' })).days).toBe(1)
    expect(resultOf(summarize({ trips, asOf: '2025-06-27' })).days).toBe(0)
    expect(resultOf(summarize({ trips, asOf: '2025-12-31' })).days).toBe(7)
    // An as-of after the window counts the window only.
    expect(resultOf(summarize({ trips, asOf: '2026-03-01' })).days).toBe(7)
  })

  it('counts done and reported trips, never planned ones', () => {
    const s = summarize({
      trips: [
        trip({ from: '2025-03-03', status: 'DA_THUC_HIEN' }),
        trip({ from: '2025-03-04', status: 'DA_BAO_CAO' }),
        trip({ from: '2025-03-05', status: 'DU_KIEN' })
      ]
    })
    expect(resultOf(s).days).toBe(2)
    expect(resultOf(s).tripCount).toBe(2)
  })

  it('keeps the target on the whole window whatever the as-of date', () => {
    const s = summarize({ cadres: [cadre(1, { serviceStart: '2025-06-01' })], trips: [], asOf: '2025-06-30' })
    expect(resultOf(s).subjectDays).toBe(214)
    expect(resultOf(s).target).toBe(35.5)
  })

  it('counts days done during an exemption period toward the total', () => {
    const c = cadre(1, { exemptions: [{ reason: 'OM_DAU_DAI_HAN', from: '2025-03-01', to: '2025-03-31' }] })
    const s = summarize({ cadres: [c], trips: [trip({ from: '2025-03-10', to: '2025-03-11' })] })
    expect(resultOf(s).days).toBe(2)
    expect(resultOf(s).subjectDays).toBe(334)
  })
})

describe('ratio rules', () => {
  it('passes exactly 20% chuyên đề and exactly 40% sinh hoạt', () => {
    const r = resultOf(
      summarize({ trips: tripsWith({ CHUYEN_DE: 12, DU_SH_CHI_DOAN: 14, DU_SH_BCH_BTV: 10, KIEM_TRA: 24 }) })
    )
    expect(r.days).toBe(60)
    expect(r.ratios).toEqual({ CHUYEN_DE: 0.2, SINH_HOAT: 0.4 })
    expect(r.ratioChecks.map((c) => c.met)).toEqual([true, true])
    expect(r.status).toBe('HOAN_THANH')
  })

  it('passes exactly 40% for every total where 40% is a whole number of half days', () => {
    for (let halves = 5; halves <= 400; halves += 5) {
      const sh = (halves * 2) / 5
      const trips = [
        trip({ from: '2025-01-01', to: '2025-12-31', kind: 'DU_SH_CHI_DOAN' }),
        trip({ from: '2025-01-01', to: '2025-12-31', kind: 'PHOI_HOP' })
      ]
      // Shape the two trips to `sh` and `halves - sh` half days from 1 January morning.
      const slotDate = (n: number) => addDays('2025-01-01', Math.floor(n / 2))
      const half = (n: number) => (n % 2 === 0 ? 'SANG' : 'CHIEU') as 'SANG' | 'CHIEU'
      const [a, b] = trips as [SummaryTrip, SummaryTrip]
      Object.assign(a, { endDate: slotDate(sh - 1), endHalf: half(sh - 1) })
      Object.assign(b, {
        startDate: slotDate(sh),
        startHalf: half(sh),
        endDate: slotDate(halves - 1),
        endHalf: half(halves - 1)
      })
      const r = resultOf(summarize({ trips }))
      expect(r.days * 2).toBe(halves)
      expect(r.ratioChecks.find((c) => c.ruleId === 'SINH_HOAT')?.met, `${sh} of ${halves} half days`).toBe(
        true
      )
      // One half day less of sinh hoạt (moved to the other kind) is below 40%.
      Object.assign(a, { endDate: slotDate(sh - 2), endHalf: half(sh - 2) })
      Object.assign(b, { startDate: slotDate(sh - 1), startHalf: half(sh - 1) })
      const below = resultOf(summarize({ trips }))
      expect(below.days * 2).toBe(halves)
      expect(below.ratioChecks.find((c) => c.ruleId === 'SINH_HOAT')?.met, `${sh - 1} of ${halves}`).toBe(
        false
      )
    }
  })

  it('fails 39.9%', () => {
    // 100 of 250.5 days = 200 of 501 half days = 39.92%.
    const r = resultOf(
      summarize({ trips: tripsWith({ DU_SH_CHI_DOAN: 100, CHUYEN_DE: 60, KIEM_TRA: 90.5 }) })
    )
    expect(r.days).toBe(250.5)
    expect(r.ratios.SINH_HOAT).toBeCloseTo(0.3992, 4)
    expect(r.ratioChecks.find((c) => c.ruleId === 'SINH_HOAT')?.met).toBe(false)
    expect(r.status).toBe('DAT_NGAY_CHUA_DAT_CO_CAU')
  })

  it('ignores a disabled rule for the status but still reports its share', () => {
    const settings = defaultYearSettings(2025)
    settings.ratioRules = settings.ratioRules.map((rule) =>
      rule.id === 'CHUYEN_DE' ? { ...rule, enabled: false } : rule
    )
    const trips = tripsWith({ DU_SH_CHI_DOAN: 30, KIEM_TRA: 30 })
    const r = resultOf(summarize({ settings, trips }))
    expect(r.status).toBe('HOAN_THANH')
    expect(r.ratios).toEqual({ CHUYEN_DE: 0, SINH_HOAT: 0.5 })
    expect(r.ratioChecks.find((c) => c.ruleId === 'CHUYEN_DE')).toMatchObject({ met: false, share: 0 })
    expect(resultOf(summarize({ trips })).status).toBe('DAT_NGAY_CHUA_DAT_CO_CAU')
  })

  it('applies a rule the office adds', () => {
    const settings = defaultYearSettings(2025)
    settings.ratioRules.push({
      id: 'KIEM_TRA',
      label: 'Kiểm tra, giám sát',
      kinds: ['KIEM_TRA'],
      minPercent: 10,
      enabled: true
    })
    const trips = tripsWith({ CHUYEN_DE: 20, DU_SH_CHI_DOAN: 40, KIEM_TRA: 5 })
    const r = resultOf(summarize({ settings, trips }))
    expect(r.ratios.KIEM_TRA).toBeCloseTo(5 / 65, 12)
    expect(r.status).toBe('DAT_NGAY_CHUA_DAT_CO_CAU')
    expect(resultOf(summarize({ trips })).status).toBe('HOAN_THANH')
  })

  it('reports share 0 when nothing was done', () => {
    const r = resultOf(summarize({ trips: [] }))
    expect(r.ratios).toEqual({ CHUYEN_DE: 0, SINH_HOAT: 0 })
    expect(r.status).toBe('CHUA_HOAN_THANH')
  })
})

describe('status', () => {
  it('is HOAN_THANH with the target and every ratio met', () => {
    const r = resultOf(summarize({ trips: tripsWith({ CHUYEN_DE: 15, DU_SH_CHI_DOAN: 25, PHOI_HOP: 20.5 }) }))
    expect(r).toMatchObject({ status: 'HOAN_THANH', target: 60, days: 60.5, reason: null })
  })

  it('is DAT_NGAY_CHUA_DAT_CO_CAU with the target and a ratio missed', () => {
    const r = resultOf(
      summarize({ trips: tripsWith({ CHUYEN_DE: 11.5, DU_SH_CHI_DOAN: 25, PHOI_HOP: 23.5 }) })
    )
    expect(r.days).toBe(60)
    expect(r.status).toBe('DAT_NGAY_CHUA_DAT_CO_CAU')
  })

  it('is CHUA_HOAN_THANH half a day short of the target, whatever the ratios', () => {
    const r = resultOf(summarize({ trips: tripsWith({ CHUYEN_DE: 15, DU_SH_CHI_DOAN: 25, PHOI_HOP: 19.5 }) }))
    expect(r).toMatchObject({ status: 'CHUA_HOAN_THANH', days: 59.5, target: 60 })
  })

  it('compares with the prorated target of a mid-year joiner', () => {
    const c = cadre(1, { serviceStart: '2025-06-01' })
    const trips = tripsWith({ CHUYEN_DE: 8, DU_SH_CHI_DOAN: 15, KIEM_TRA: 12.5 }, 1, '2025-06-02')
    expect(resultOf(summarize({ cadres: [c], trips }))).toMatchObject({
      status: 'HOAN_THANH',
      target: 35.5,
      days: 35.5
    })
    const short = tripsWith({ CHUYEN_DE: 8, DU_SH_CHI_DOAN: 15, KIEM_TRA: 12 }, 1, '2025-06-02')
    expect(resultOf(summarize({ cadres: [c], trips: short })).status).toBe('CHUA_HOAN_THANH')
  })

  it('is MIEN with a reason and no target, still showing the days done', () => {
    const s = summarize({
      cadres: [cadre(1, { fullTime: false })],
      trips: tripsWith({ CHUYEN_DE: 3 })
    })
    expect(resultOf(s)).toMatchObject({
      status: 'MIEN',
      reason: REASON_NOT_FULL_TIME,
      target: null,
      days: 3,
      pace: null
    })
  })
})

describe('pace', () => {
  it('expects target × elapsed subject days ÷ subject days and flags done < expected − 5', () => {
    // As of 14/3: 73 of 365 days elapsed, expected 12; behind below 7 days.
    const onPace = resultOf(summarize({ trips: tripsWith({ CHUYEN_DE: 7 }), asOf: '2025-03-14' }))
    expect(onPace.pace).toEqual({ expectedDays: 12, behind: false })
    const behind = resultOf(summarize({ trips: tripsWith({ CHUYEN_DE: 6.5 }), asOf: '2025-03-14' }))
    expect(behind.pace).toEqual({ expectedDays: 12, behind: true })
  })

  it('counts elapsed days as subject days: service start and exemptions', () => {
    const c = cadre(1, {
      serviceStart: '2025-06-01',
      exemptions: [{ reason: 'KHAC', from: '2025-07-01', to: '2025-07-10', note: 'Tập huấn' }]
    })
    // Subject days 214 − 10 = 204, target 60 × 204 / 365 = 33.53 → 34; by 31/8: 92 − 10 = 82 days,
    // expected 34 × 82 / 204 = 13.67.
    const r = resultOf(
      summarize({ cadres: [c], trips: tripsWith({ CHUYEN_DE: 8.5 }, 1, '2025-06-02'), asOf: '2025-08-31' })
    )
    expect(r.subjectDays).toBe(204)
    expect(r.target).toBe(34)
    expect(r.pace).toEqual({ expectedDays: 13.67, behind: true })
    const justOnPace = tripsWith({ CHUYEN_DE: 9 }, 1, '2025-06-02')
    expect(resultOf(summarize({ cadres: [c], trips: justOnPace, asOf: '2025-08-31' })).pace?.behind).toBe(
      false
    )
  })

  it('uses the behind-pace setting', () => {
    const settings = { ...defaultYearSettings(2025), behindPaceDays: 10 }
    const r = resultOf(summarize({ settings, trips: tripsWith({ CHUYEN_DE: 2.5 }), asOf: '2025-03-14' }))
    expect(r.pace).toEqual({ expectedDays: 12, behind: false })
  })

  it('is shown with the last two statuses only, not for HOAN_THANH nor MIEN', () => {
    const done = resultOf(
      summarize({ trips: tripsWith({ CHUYEN_DE: 15, DU_SH_CHI_DOAN: 25, PHOI_HOP: 20 }), asOf: '2025-06-30' })
    )
    expect(done.status).toBe('HOAN_THANH')
    expect(done.pace).toBeNull()
    const ratioMissed = resultOf(summarize({ trips: tripsWith({ PHOI_HOP: 60 }), asOf: '2025-06-30' }))
    expect(ratioMissed.status).toBe('DAT_NGAY_CHUA_DAT_CO_CAU')
    expect(ratioMissed.pace).toEqual({ expectedDays: 29.75, behind: false })
    const exempt = resultOf(
      summarize({ cadres: [cadre(1, { fullTime: false })], trips: [], asOf: '2025-06-30' })
    )
    expect(exempt.pace).toBeNull()
  })

  it('is absent at the end of the window', () => {
    const s = summarize({ trips: tripsWith({ CHUYEN_DE: 1 }), asOf: '2025-12-31' })
    expect(s.inProgress).toBe(false)
    expect(resultOf(s).pace).toBeNull()
    expect(summarize({ trips: [], asOf: '2025-12-30' }).inProgress).toBe(true)
  })

  it('counts cadres behind pace in the totals', () => {
    const s = summarize({
      cadres: [cadre(1), cadre(2)],
      trips: [...tripsWith({ CHUYEN_DE: 1 }, 1), ...tripsWith({ CHUYEN_DE: 10 }, 2)],
      asOf: '2025-03-14'
    })
    expect(s.totals.behindPace).toBe(1)
  })
})

describe('forecast', () => {
  it('adds planned slots not already credited, each once, inside the window', () => {
    const trips = [
      trip({ from: '2025-04-01', to: '2025-04-10' }),
      // Planned 9–12/4: only 11 and 12 are new.
      trip({ from: '2025-04-09', to: '2025-04-12', status: 'DU_KIEN' }),
      // Planned 12–13/4 overlaps the planned trip above: only 13 is new.
      trip({ from: '2025-04-12', to: '2025-04-13', status: 'DU_KIEN' }),
      // Planned across the window end: only 31/12 counts.
      trip({ from: '2025-12-31', to: '2026-01-02', status: 'DU_KIEN' })
    ]
    const r = resultOf(summarize({ trips }))
    expect(r.days).toBe(10)
    expect(r.forecastDays).toBe(14)
    expect(r.tripCount).toBe(1)
  })

  it('adds a planned evening meeting as half a day, and nothing when it falls on a credited slot', () => {
    const trips = [
      trip({ from: '2025-04-01', to: '2025-04-01', toHalf: 'SANG' }),
      trip({ from: '2025-04-01', fromHalf: 'CHIEU', status: 'DU_KIEN', kind: 'DU_SH_CHI_DOAN' }),
      trip({ from: '2025-04-01', toHalf: 'SANG', status: 'DU_KIEN' })
    ]
    const r = resultOf(summarize({ trips }))
    expect(r.days).toBe(0.5)
    expect(r.forecastDays).toBe(1)
  })
})

describe('year totals', () => {
  const settings = defaultYearSettings(2025)
  const cadres = [
    cadre(1, { fullName: 'Nguyễn Hồng Thắm' }),
    cadre(2, { fullName: 'Trần Văn Bé' }),
    cadre(3, { fullName: 'Lê Minh Đức', serviceStart: '2025-06-01' }),
    cadre(4, { fullName: 'Đinh Thị Ngân', fullTime: false }),
    cadre(5, { fullName: 'Hồ Văn Cũ', serviceEnd: '2024-12-31' }),
    cadre(6, { fullName: 'Tạ Văn Mới', serviceStart: '2026-01-05' }),
    cadre(7, { fullName: 'Tạ Văn Út', serviceStart: '2025-11-03' })
  ]
  const trips = [
    ...tripsWith({ CHUYEN_DE: 15, DU_SH_CHI_DOAN: 25, PHOI_HOP: 20 }, 1),
    ...tripsWith({ CHUYEN_DE: 5, KIEM_TRA: 20.5 }, 2),
    ...tripsWith({ DU_SH_BCH_BTV: 3 }, 3, '2025-06-02'),
    ...tripsWith({ CHUYEN_DE: 4 }, 4),
    ...tripsWith({ CHUYEN_DE: 9 }, 5, '2024-11-01')
  ]
  const s = summarize({ settings, cadres, trips })

  it('lists only cadres whose service overlaps the window', () => {
    expect(s.cadres.map((c) => c.cadreId).sort()).toEqual([1, 2, 3, 4, 7])
    expect(s.totals.cadres).toBe(5)
  })

  it('counts subject, exempt and completed cadres', () => {
    expect(s.totals).toMatchObject({ subject: 3, exempt: 2, completed: 1 })
    expect(s.totals.completionRate).toBeCloseTo(1 / 3, 12)
    expect(s.totals.byStatus).toEqual({
      MIEN: 2,
      HOAN_THANH: 1,
      DAT_NGAY_CHUA_DAT_CO_CAU: 0,
      CHUA_HOAN_THANH: 2
    })
    expect(resultOf(s, 7)).toMatchObject({
      status: 'MIEN',
      reason: 'không đủ thời gian công tác',
      subjectDays: 59
    })
  })

  it('adds the days of subject cadres only, by kind', () => {
    expect(resultOf(s, 4).days).toBe(4)
    expect(s.totals.totalDays).toBe(60 + 25.5 + 3)
    expect(s.totals.daysByKind).toEqual({
      CHUYEN_DE: 20,
      PHOI_HOP: 20,
      KIEM_TRA: 20.5,
      DU_SH_BCH_BTV: 3,
      DU_SH_CHI_DOAN: 25
    })
    expect(s.totals.shareByKind.CHUYEN_DE).toBeCloseTo(20 / 88.5, 12)
  })

  it('averages over subject cadres, rounded to 2 decimals', () => {
    // 88.5 / 3 = 29.5
    expect(s.totals.averageDays).toBe(29.5)
    const three = summarize({
      cadres: [cadre(1), cadre(2), cadre(3)],
      trips: [
        ...tripsWith({ CHUYEN_DE: 10 }, 1),
        ...tripsWith({ CHUYEN_DE: 10 }, 2),
        ...tripsWith({ CHUYEN_DE: 0.5 }, 3)
      ]
    })
    expect(three.totals.averageDays).toBe(6.83)
  })

  it('gives Bình Thuận 2022: 14 subject cadres, 861 days, 61.5 days each', () => {
    const cadres14 = Array.from({ length: 14 }, (_, i) => cadre(i + 1))
    // 861 = 7 × 61 + 7 × 62
    const trips14 = cadres14.flatMap((c) => tripsWith({ CHUYEN_DE: c.id <= 7 ? 61 : 62 }, c.id, '2022-01-03'))
    const bt = summarize({ year: 2022, cadres: cadres14, trips: trips14 })
    expect(bt.totals).toMatchObject({ subject: 14, totalDays: 861, averageDays: 61.5 })
  })

  it('rounds the average half up at the third decimal, exactly', () => {
    // 201 days over 200 subject cadres = 1.005 exactly → 1.01 (floating point gives 100.4999… × 0.01).
    const many = Array.from({ length: 200 }, (_, i) => cadre(i + 1))
    const manyTrips = many.flatMap((c) => tripsWith({ CHUYEN_DE: c.id === 1 ? 2 : 1 }, c.id))
    const r = summarize({ cadres: many, trips: manyTrips })
    expect(r.totals.totalDays).toBe(201)
    expect(r.totals.averageDays).toBe(1.01)
  })

  it('averages over active cadres the Bình Thuận way too', () => {
    expect(s.totals.averageDaysOfActive).toBe(29.5)
    const withIdle = summarize({ cadres: [cadre(1), cadre(2)], trips: tripsWith({ CHUYEN_DE: 10 }, 1) })
    expect(withIdle.totals).toMatchObject({ averageDays: 5, averageDaysOfActive: 10 })
  })

  it('is all zero when nobody is subject', () => {
    const none = summarize({ cadres: [cadre(1, { fullTime: false })], trips: tripsWith({ CHUYEN_DE: 2 }) })
    expect(none.totals).toMatchObject({
      cadres: 1,
      subject: 0,
      exempt: 1,
      completionRate: 0,
      totalDays: 0,
      averageDays: 0
    })
  })

  it('sorts cadres by Vietnamese name order', () => {
    expect(s.cadres.map((c) => c.name)).toEqual([
      'Trần Văn Bé',
      'Lê Minh Đức',
      'Đinh Thị Ngân',
      'Nguyễn Hồng Thắm',
      'Tạ Văn Út'
    ])
  })
})

describe('units visited', () => {
  it('counts cadre-days and visits per unit, a shared trip once as a visit', () => {
    const s = summarize({
      cadres: [cadre(1), cadre(2)],
      trips: [
        trip({ from: '2025-05-05', to: '2025-05-07', cadres: [1, 2], units: [10, 11] }),
        trip({ from: '2025-06-02', cadres: [1], units: [10] }),
        // Fully inside the first trip for cadre 1: no credited slot, not a visit.
        trip({ from: '2025-05-06', cadres: [1], units: [12] }),
        trip({ from: '2025-07-01', cadres: [1], units: [13], status: 'DU_KIEN' }),
        trip({ from: '2025-08-01', cadres: [2], units: [11], fromHalf: 'CHIEU' })
      ]
    })
    expect(s.units).toEqual([
      { unitId: 10, days: 7, visits: 2 },
      { unitId: 11, days: 6.5, visits: 2 }
    ])
  })

  it('counts only the slots inside the window and up to as-of', () => {
    const s = summarize({
      trips: [
        trip({ from: '2025-06-29', to: '2025-07-03', units: [10] }),
        trip({ from: '2025-07-10', units: [11] })
      ],
      asOf: '2025-06-30'
    })
    expect(s.units).toEqual([{ unitId: 10, days: 2, visits: 1 }])
  })

  it('uses daily trips of many cadres without double counting a cadre', () => {
    const s = summarize({
      cadres: [cadre(1), cadre(2)],
      trips: [
        ...dailyTrips('2025-09-01', 5, 'KIEM_TRA', [1, 2]),
        trip({ from: '2025-09-01', to: '2025-09-05', cadres: [1] })
      ]
    })
    expect(resultOf(s, 1).days).toBe(5)
    expect(resultOf(s, 2).days).toBe(5)
    expect(s.totals.totalDays).toBe(10)
  })
})
