import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber, toDayNumber } from '../../../shared/domain/dates'
import { EXEMPTION_REASONS, type ExemptionReason } from '../../../shared/domain/kinds'
import { defaultYearSettings } from '../../../shared/domain/settings'
import {
  REASON_NOT_ENOUGH_TIME,
  REASON_NOT_FULL_TIME,
  decideSubject,
  dominantExemptionReason,
  servesInWindow,
  subjectDaysBetween,
  targetHalfDays,
  type CadreSubjectInput,
  type ExemptionPeriod
} from '../../../shared/domain/subject'

const S2025 = defaultYearSettings(2025)
const S2024 = defaultYearSettings(2024)

function person(patch: Partial<CadreSubjectInput> = {}): CadreSubjectInput {
  return { fullTime: true, serviceStart: null, serviceEnd: null, exemptions: [], override: null, ...patch }
}

function ex(reason: ExemptionReason, from: string, to: string): ExemptionPeriod {
  return { reason, from, to }
}

function yearSubjectDays(c: CadreSubjectInput, settings = S2025): number {
  return subjectDaysBetween(c, settings.windowStart, settings.windowEnd)
}

describe('subject days', () => {
  it('is the whole window for a cadre serving all year without exemption', () => {
    expect(yearSubjectDays(person())).toBe(365)
    expect(yearSubjectDays(person(), S2024)).toBe(366)
  })

  it('starts at the service start and ends at the service end, both inclusive', () => {
    expect(yearSubjectDays(person({ serviceStart: '2025-06-01' }))).toBe(214)
    expect(yearSubjectDays(person({ serviceEnd: '2025-01-31' }))).toBe(31)
    expect(yearSubjectDays(person({ serviceStart: '2025-03-01', serviceEnd: '2025-03-31' }))).toBe(31)
    expect(yearSubjectDays(person({ serviceStart: '2020-01-01', serviceEnd: '2030-12-31' }))).toBe(365)
    expect(yearSubjectDays(person({ serviceStart: '2025-12-31' }))).toBe(1)
  })

  it('is 0 when the service period misses the window', () => {
    expect(yearSubjectDays(person({ serviceEnd: '2024-12-31' }))).toBe(0)
    expect(yearSubjectDays(person({ serviceStart: '2026-01-01' }))).toBe(0)
  })

  it('removes exemption days, a day in two overlapping exemptions only once', () => {
    const single = person({ exemptions: [ex('THAI_SAN', '2025-03-01', '2025-03-31')] })
    expect(yearSubjectDays(single)).toBe(365 - 31)
    const overlapping = person({
      exemptions: [
        ex('THAI_SAN', '2025-03-01', '2025-03-31'),
        ex('OM_DAU_DAI_HAN', '2025-03-20', '2025-04-10')
      ]
    })
    expect(yearSubjectDays(overlapping)).toBe(365 - 41)
    const nested = person({
      exemptions: [ex('HOC_TAP_DAI_HAN', '2025-02-01', '2025-08-31'), ex('KHAC', '2025-03-01', '2025-03-05')]
    })
    expect(yearSubjectDays(nested)).toBe(365 - 212)
  })

  it('ignores the part of an exemption outside the window or outside the service period', () => {
    expect(yearSubjectDays(person({ exemptions: [ex('HOC_TAP_DAI_HAN', '2024-01-01', '2024-12-31')] }))).toBe(
      365
    )
    expect(yearSubjectDays(person({ exemptions: [ex('HOC_TAP_DAI_HAN', '2024-07-01', '2025-01-10')] }))).toBe(
      355
    )
    expect(yearSubjectDays(person({ exemptions: [ex('KHAC', '2025-12-22', '2026-06-30')] }))).toBe(355)
    const joinedDuringExemption = person({
      serviceStart: '2025-03-01',
      exemptions: [ex('OM_DAU_DAI_HAN', '2025-02-01', '2025-03-10')]
    })
    expect(yearSubjectDays(joinedDuringExemption)).toBe(306 - 10)
  })

  it('matches a day-by-day count for random service and exemption periods', () => {
    const day0 = toDayNumber('2024-11-01')
    const dateArb = fc.integer({ min: 0, max: 450 }).map((n) => fromDayNumber(day0 + n))
    const periodArb = fc
      .tuple(dateArb, fc.integer({ min: 0, max: 200 }))
      .map(([from, len]) => ({ from, to: addDays(from, len) }))
    fc.assert(
      fc.property(
        fc.option(dateArb),
        fc.option(dateArb),
        fc.array(fc.tuple(fc.constantFrom(...EXEMPTION_REASONS), periodArb), { maxLength: 5 }),
        (serviceStart, serviceEnd, rows) => {
          const c = person({
            serviceStart,
            serviceEnd,
            exemptions: rows.map(([reason, p]) => ({ reason, ...p }))
          })
          let expected = 0
          for (let d = toDayNumber(S2025.windowStart); d <= toDayNumber(S2025.windowEnd); d++) {
            const date = fromDayNumber(d)
            const serving = (!serviceStart || date >= serviceStart) && (!serviceEnd || date <= serviceEnd)
            const exempt = c.exemptions.some((e) => date >= e.from && date <= e.to)
            if (serving && !exempt) expected += 1
          }
          expect(yearSubjectDays(c)).toBe(expected)
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('who is in the year list', () => {
  it('lists a cadre whose service period overlaps the window, by a single day', () => {
    expect(servesInWindow(person(), S2025)).toBe(true)
    expect(servesInWindow(person({ serviceEnd: '2025-01-01' }), S2025)).toBe(true)
    expect(servesInWindow(person({ serviceStart: '2025-12-31' }), S2025)).toBe(true)
    expect(servesInWindow(person({ serviceEnd: '2024-12-31' }), S2025)).toBe(false)
    expect(servesInWindow(person({ serviceStart: '2026-01-01' }), S2025)).toBe(false)
  })
})

describe('target', () => {
  it('is 60 for a cadre subject all year, also in a leap year', () => {
    expect(targetHalfDays(S2025, 365) / 2).toBe(60)
    expect(targetHalfDays(S2024, 366) / 2).toBe(60)
    expect(decideSubject(person(), S2024)).toEqual({ subject: true, subjectDays: 366, targetHalfDays: 120 })
  })

  it('prorates by subject days and rounds up to the next half day', () => {
    // 60 × 214 / 365 = 35.18 → 35.5
    expect(targetHalfDays(S2025, 214) / 2).toBe(35.5)
    // 60 × 214 / 366 = 35.08 → 35.5; 60 × 183 / 366 = 30 exactly stays 30
    expect(targetHalfDays(S2024, 214) / 2).toBe(35.5)
    expect(targetHalfDays(S2024, 183) / 2).toBe(30)
    // 60 × 300 / 365 = 49.32 → 49.5; 60 × 310 / 365 = 50.96 → 51
    expect(targetHalfDays(S2025, 300) / 2).toBe(49.5)
    expect(targetHalfDays(S2025, 310) / 2).toBe(51)
    // 60 × 73 / 365 = 12 exactly
    expect(targetHalfDays(S2025, 73) / 2).toBe(12)
    expect(targetHalfDays(S2025, 0)).toBe(0)
  })

  it('uses the per-year target and window settings', () => {
    expect(targetHalfDays({ ...S2025, targetDays: 30 }, 365) / 2).toBe(30)
    // One province counted March–December only: 306 window days.
    const marchToDecember = { ...S2025, windowStart: '2025-03-01' }
    expect(targetHalfDays(marchToDecember, 306) / 2).toBe(60)
    expect(targetHalfDays(marchToDecember, 153) / 2).toBe(30)
  })

  it('uses the subject days of the whole window in decideSubject', () => {
    const d = decideSubject(person({ serviceStart: '2025-06-01' }), S2025)
    expect(d).toEqual({ subject: true, subjectDays: 214, targetHalfDays: 71 })
  })
})

describe('MIEN decisions', () => {
  it('makes a cadre who is not full-time MIEN with "không chuyên trách"', () => {
    const d = decideSubject(person({ fullTime: false }), S2025)
    expect(d).toEqual({ subject: false, subjectDays: 365, reason: REASON_NOT_FULL_TIME })
    expect(REASON_NOT_FULL_TIME).toBe('không chuyên trách')
  })

  it('lets an override make a full-time cadre MIEN, with its reason', () => {
    const d = decideSubject(
      person({ override: { subject: false, reason: 'Biệt phái sang Ủy ban nhân dân tỉnh' } }),
      S2025
    )
    expect(d).toEqual({ subject: false, subjectDays: 365, reason: 'Biệt phái sang Ủy ban nhân dân tỉnh' })
  })

  it('lets an override make a cadre who is not full-time subject', () => {
    const d = decideSubject(
      person({ fullTime: false, override: { subject: true, reason: 'Kiêm nhiệm, BTV quyết định' } }),
      S2025
    )
    expect(d).toEqual({ subject: true, subjectDays: 365, targetHalfDays: 120 })
  })

  it('evaluates a cadre with exactly 90 subject days and not one with 89', () => {
    const ninety = person({ serviceStart: '2025-10-03' })
    expect(yearSubjectDays(ninety)).toBe(90)
    expect(decideSubject(ninety, S2025)).toEqual({ subject: true, subjectDays: 90, targetHalfDays: 30 })
    const eightyNine = person({ serviceStart: '2025-10-04' })
    expect(decideSubject(eightyNine, S2025)).toEqual({
      subject: false,
      subjectDays: 89,
      reason: REASON_NOT_ENOUGH_TIME
    })
    expect(REASON_NOT_ENOUGH_TIME).toBe('không đủ thời gian công tác')
  })

  it('gives the exemption reason with the most days in the window', () => {
    const c = person({
      exemptions: [
        ex('OM_DAU_DAI_HAN', '2025-01-01', '2025-03-31'),
        ex('THAI_SAN', '2025-04-01', '2025-09-30'),
        ex('HOC_TAP_DAI_HAN', '2024-01-01', '2025-01-10')
      ],
      serviceEnd: '2025-11-30'
    })
    expect(decideSubject(c, S2025)).toEqual({ subject: false, subjectDays: 61, reason: 'Nghỉ thai sản' })
  })

  it('counts only the days inside the window when choosing the reason', () => {
    // Study leave is longer overall (2024–2025) but has only 40 days in 2025; sick leave has 250.
    const c = person({
      exemptions: [
        ex('HOC_TAP_DAI_HAN', '2024-01-01', '2025-02-09'),
        ex('OM_DAU_DAI_HAN', '2025-02-10', '2025-10-17')
      ]
    })
    expect(dominantExemptionReason(c, S2025)).toBe('OM_DAU_DAI_HAN')
    expect(decideSubject(c, S2025)).toMatchObject({ subject: false, reason: 'Ốm đau dài hạn' })
  })

  it('counts a day once per reason when exemptions of the same reason overlap', () => {
    // KHAC: two entries of the same 100 days (entered twice) must not beat 150 days of sick leave.
    const c = person({
      exemptions: [
        ex('KHAC', '2025-01-01', '2025-04-10'),
        ex('KHAC', '2025-01-01', '2025-04-10'),
        ex('OM_DAU_DAI_HAN', '2025-04-11', '2025-09-07')
      ]
    })
    expect(dominantExemptionReason(c, S2025)).toBe('OM_DAU_DAI_HAN')
  })

  it('says "không đủ thời gian công tác" when no exemption falls in the window', () => {
    const c = person({ serviceStart: '2025-11-03', exemptions: [ex('THAI_SAN', '2024-02-01', '2024-07-31')] })
    expect(decideSubject(c, S2025)).toEqual({
      subject: false,
      subjectDays: 59,
      reason: REASON_NOT_ENOUGH_TIME
    })
  })

  it('puts the override before full-time and the minimum of subject days', () => {
    const c = person({
      fullTime: false,
      serviceStart: '2025-12-01',
      override: { subject: false, reason: 'Điều động' }
    })
    expect(decideSubject(c, S2025)).toMatchObject({ subject: false, reason: 'Điều động' })
    const notFullTimeShort = person({ fullTime: false, serviceStart: '2025-12-01' })
    expect(decideSubject(notFullTimeShort, S2025)).toMatchObject({
      subject: false,
      reason: REASON_NOT_FULL_TIME
    })
  })
})
