import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysInMonth,
  formatDateVi,
  fromDayNumber,
  inclusiveDays,
  isLeapYear,
  isValidIsoDate,
  parseDateVi,
  quarterOf,
  quarterRange,
  toDayNumber
} from '../../../shared/domain/dates'

describe('day numbers', () => {
  it('counts days since 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(toDayNumber('1970-01-02')).toBe(1)
    expect(toDayNumber('1969-12-31')).toBe(-1)
    expect(toDayNumber('2025-01-01')).toBe(20089)
  })

  it('round-trips through fromDayNumber, also for years before 100', () => {
    for (const d of [
      '2025-06-30',
      '2024-02-29',
      '2000-02-29',
      '1900-03-01',
      '0999-12-31',
      '0025-07-04',
      '0001-01-01'
    ]) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d)
    }
    expect(toDayNumber('0025-01-01')).toBeLessThan(toDayNumber('1925-01-01'))
    expect(toDayNumber('0025-01-01') - toDayNumber('0024-01-01')).toBe(366)
  })

  it('rejects malformed and impossible dates', () => {
    expect(() => toDayNumber('2025-02-29')).toThrow()
    expect(() => toDayNumber('2025-13-01')).toThrow()
    expect(() => toDayNumber('25-01-01')).toThrow()
    expect(() => toDayNumber('2025-1-1')).toThrow()
  })

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
  })

  it('counts inclusive days, 0 for a reversed range', () => {
    expect(inclusiveDays('2025-01-01', '2025-12-31')).toBe(365)
    expect(inclusiveDays('2024-01-01', '2024-12-31')).toBe(366)
    expect(inclusiveDays('2025-06-30', '2025-06-30')).toBe(1)
    expect(inclusiveDays('2025-07-01', '2025-06-30')).toBe(0)
    expect(inclusiveDays('2025-07-10', '2025-06-30')).toBe(0)
  })
})

describe('leap years', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true)
    expect(isLeapYear(2025)).toBe(false)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2000)).toBe(true)
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2025, 2)).toBe(28)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2025, 4)).toBe(30)
    expect(daysInMonth(2025, 13)).toBe(0)
  })

  it('validates 29 February only in leap years', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2025-02-29')).toBe(false)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(isValidIsoDate('2000-02-29')).toBe(true)
    expect(isValidIsoDate('2025-04-31')).toBe(false)
    expect(isValidIsoDate('2025-00-10')).toBe(false)
    expect(isValidIsoDate('2025-01-00')).toBe(false)
  })
})

describe('parseDateVi', () => {
  it('accepts dd/mm/yyyy and d/m/yyyy', () => {
    expect(parseDateVi('30/06/2025')).toBe('2025-06-30')
    expect(parseDateVi('1/7/2025')).toBe('2025-07-01')
    expect(parseDateVi('01/7/2025')).toBe('2025-07-01')
    expect(parseDateVi('  5/12/2025 ')).toBe('2025-12-05')
    expect(parseDateVi('29/2/2024')).toBe('2024-02-29')
  })

  it('reads day first, never month first', () => {
    expect(parseDateVi('12/01/2025')).toBe('2025-01-12')
    expect(parseDateVi('13/01/2025')).toBe('2025-01-13')
    expect(parseDateVi('01/13/2025')).toBeNull()
  })

  it('rejects days that do not exist', () => {
    expect(parseDateVi('31/02/2022')).toBeNull()
    expect(parseDateVi('29/02/2025')).toBeNull()
    expect(parseDateVi('31/04/2025')).toBeNull()
    expect(parseDateVi('0/1/2025')).toBeNull()
    expect(parseDateVi('32/1/2025')).toBeNull()
  })

  it('rejects text that is not a date', () => {
    expect(parseDateVi('')).toBeNull()
    expect(parseDateVi('2025-06-30')).toBeNull()
    expect(parseDateVi('30/06/25')).toBeNull()
    expect(parseDateVi('ngày 30/06/2025')).toBeNull()
    expect(parseDateVi('30/06/2025 08:00')).toBeNull()
  })
})

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025')
    expect(formatDateVi('2025-12-31')).toBe('31/12/2025')
  })

  it('is the inverse of parseDateVi', () => {
    for (const iso of ['2025-01-01', '2024-02-29', '2025-11-09'])
      expect(parseDateVi(formatDateVi(iso))).toBe(iso)
  })
})

describe('quarters', () => {
  it('maps months to quarters and quarters to their date ranges', () => {
    expect(quarterOf('2025-01-01')).toBe(1)
    expect(quarterOf('2025-03-31')).toBe(1)
    expect(quarterOf('2025-04-01')).toBe(2)
    expect(quarterOf('2025-12-31')).toBe(4)
    expect(quarterRange(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' })
    expect(quarterRange(2025, 2)).toEqual({ from: '2025-04-01', to: '2025-06-30' })
    expect(quarterRange(2025, 4)).toEqual({ from: '2025-10-01', to: '2025-12-31' })
  })
})

describe('parseTypedDate (forms)', () => {
  it('reads dd/mm/yyyy, d/m (this year) and d/m/yy', async () => {
    const { parseTypedDate } = await import('../../../shared/domain/dates')
    expect(parseTypedDate('05/04/2022', 2025)).toBe('2022-04-05')
    expect(parseTypedDate('5/4', 2025)).toBe('2025-04-05')
    expect(parseTypedDate('5.4.26', 2025)).toBe('2026-04-05')
    expect(parseTypedDate('31/02/2025', 2025)).toBeNull()
    expect(parseTypedDate('31/2', 2025)).toBeNull()
    expect(parseTypedDate('2025-04-05', 2025)).toBeNull()
    expect(parseTypedDate('', 2025)).toBeNull()
  })
})
