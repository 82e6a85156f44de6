import { describe, expect, it } from 'vitest'
import {
  dayOfWeek,
  hungKingsDay,
  isPublicHoliday,
  isWeekend,
  isWorkingDay,
  lunarNewYear,
  lunarToSolar,
  publicHolidayOn,
  publicHolidays,
  publicHolidaysBetween,
  weekdayShortVi
} from '../../../shared/domain/holidays'

const datesOf = (year: number): string[] => publicHolidays(year).map((h) => h.date)

describe('weekdays', () => {
  it('knows the day of the week and the Vietnamese short names', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4)
    expect(weekdayShortVi('2025-09-01')).toBe('T2')
    expect(weekdayShortVi('2025-09-07')).toBe('CN')
    expect(weekdayShortVi('2025-09-06')).toBe('T7')
    expect(isWeekend('2025-09-06')).toBe(true)
    expect(isWeekend('2025-09-07')).toBe(true)
    expect(isWeekend('2025-09-08')).toBe(false)
    expect(isWeekend('1969-12-28')).toBe(true) // before the epoch: negative day numbers
  })
})

describe('lunar calendar (UTC+7)', () => {
  it('finds Tết Nguyên đán', () => {
    expect(lunarNewYear(2020)).toBe('2020-01-25')
    expect(lunarNewYear(2023)).toBe('2023-01-22')
    expect(lunarNewYear(2024)).toBe('2024-02-10')
    expect(lunarNewYear(2025)).toBe('2025-01-29')
    expect(lunarNewYear(2026)).toBe('2026-02-17')
    expect(lunarNewYear(2027)).toBe('2027-02-06')
    // 1985 and 2033: the years where the Vietnamese (UTC+7) and Chinese (UTC+8) calendars differ
    expect(lunarNewYear(1985)).toBe('1985-01-21')
    expect(lunarNewYear(2033)).toBe('2033-01-31')
  })

  it('finds Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    expect(hungKingsDay(2023)).toBe('2023-04-29')
    expect(hungKingsDay(2024)).toBe('2024-04-18')
    expect(hungKingsDay(2025)).toBe('2025-04-07')
    expect(hungKingsDay(2026)).toBe('2026-04-26')
  })

  it('handles leap months and refuses dates that do not exist', () => {
    // 2023 had a leap 2nd month: 1/2 nhuận = 22/03/2023 (new moon 21/03 17:23 UTC = 00:23 UTC+7), 1/3 = 20/04/2023
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22')
    expect(lunarToSolar(1, 3, 2023)).toBe('2023-04-20')
    expect(lunarToSolar(1, 5, 2023, true)).toBeNull()
    expect(lunarToSolar(1, 1, 2025, true)).toBeNull()
    // Chạp Quý Mão had 30 days (30 Tết = 09/02/2024); Chạp Giáp Thìn only 29: no 30 Tết in 2025
    expect(lunarToSolar(30, 12, 2023)).toBe('2024-02-09')
    expect(lunarToSolar(29, 12, 2024)).toBe('2025-01-28')
    expect(lunarToSolar(30, 12, 2024)).toBeNull()
  })
})

describe('public holidays (Bộ luật Lao động 2019, Điều 112)', () => {
  it('lists the statutory days of 2025 with no weekend clash but Tết mùng 4 on a Saturday', () => {
    expect(publicHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (ngày cuối năm âm lịch)', kind: 'holiday' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday' },
      { date: '2025-02-01', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday' },
      { date: '2025-02-03', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
      { date: '2025-09-01', name: 'Quốc khánh (nghỉ liền kề, 01/9)', kind: 'holiday' },
      { date: '2025-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' }
    ])
  })

  it('has 11 statutory days every year plus one compensatory day per holiday on a weekend', () => {
    for (let year = 2020; year <= 2040; year++) {
      const all = [...publicHolidays(year)]
      const statutory = all.filter((h) => h.kind === 'holiday')
      expect(statutory).toHaveLength(11)
      expect(new Set(all.map((h) => h.date)).size).toBe(all.length)
      for (const h of all.filter((x) => x.kind === 'compensatory')) expect(isWeekend(h.date)).toBe(false)
    }
  })

  it('moves a holiday on a weekend to the next working day (Điều 111 khoản 3)', () => {
    // 2022: 01/01 Saturday → Monday 03/01; Giỗ Tổ 10/04 Sunday → Monday 11/04;
    // 30/4 Saturday and 1/5 Sunday → Monday 02/05 and Tuesday 03/05 (as the 2022 notice)
    const d2022 = datesOf(2022)
    expect(d2022).toContain('2022-01-03')
    expect(d2022).toContain('2022-04-11')
    expect(d2022).toContain('2022-05-02')
    expect(d2022).toContain('2022-05-03')
    expect(publicHolidayOn('2022-05-03')?.name).toBe('Nghỉ bù Ngày Quốc tế Lao động')
    // 2026: Giỗ Tổ on Sunday 26/04 → Monday 27/04, as announced
    expect(publicHolidayOn('2026-04-27')).toEqual({
      date: '2026-04-27',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      kind: 'compensatory'
    })
    // 2023: 2/9 Saturday, day before Friday 1/9 → compensation Monday 04/09 (as the 2023 notice)
    expect(datesOf(2023).filter((d) => d.startsWith('2023-09'))).toEqual([
      '2023-09-01',
      '2023-09-02',
      '2023-09-04'
    ])
  })

  it('joins 2/9 to the weekend as the recent notices did', () => {
    const sept = (year: number): string[] => datesOf(year).filter((d) => d.startsWith(`${year}-09`))
    expect(sept(2021)).toEqual(['2021-09-02', '2021-09-03']) // Thursday → Friday
    expect(sept(2022)).toEqual(['2022-09-01', '2022-09-02']) // Friday → Thursday before
    expect(sept(2024)).toEqual(['2024-09-02', '2024-09-03']) // Monday → Tuesday (1/9 a Sunday)
    expect(sept(2025)).toEqual(['2025-09-01', '2025-09-02']) // Tuesday → Monday
  })

  it('pushes the compensation of a weekend inside Tết past the whole block', () => {
    // Tết 2024: 09/02 (Fri, last day) – 13/02 (Tue, mùng 4); 10–11/02 weekend → 14/02 and 15/02
    expect(datesOf(2024).filter((d) => d.startsWith('2024-02'))).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15'
    ])
    expect(publicHolidayOn('2024-02-15')?.kind).toBe('compensatory')
  })

  it('answers for a single day and a range across years', () => {
    expect(isPublicHoliday('2026-02-17')).toBe(true)
    expect(isPublicHoliday('2026-02-23')).toBe(false)
    expect(isPublicHoliday('not a date')).toBe(false)
    expect(isWorkingDay('2026-02-23')).toBe(true)
    expect(isWorkingDay('2026-02-21')).toBe(false)
    expect(isWorkingDay('2026-02-16')).toBe(false)
    const range = publicHolidaysBetween('2025-12-01', '2026-01-31')
    expect(range.map((h) => h.date)).toEqual(['2026-01-01'])
  })

  it('returns copies: a caller cannot corrupt the cache', () => {
    const first = publicHolidays(2027)
    first[0]!.name = 'x'
    first.pop()
    expect(publicHolidays(2027)[0]!.name).toBe('Tết Dương lịch')
    expect(publicHolidays(2027).length).toBe(first.length + 1)
  })
})
