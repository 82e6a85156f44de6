/**
 * Public holidays of Vietnam (Bộ luật Lao động 2019, Điều 112), computed for any year —
 * nothing is typed in, so next year's calendar is right before anyone looks it up.
 *
 * Điều 112 khoản 1 gives, with full pay:
 *   a) Tết Dương lịch: 1 day (01/01);
 *   b) Tết Âm lịch: 5 days;
 *   c) Ngày Chiến thắng: 1 day (30/4);
 *   d) Ngày Quốc tế lao động: 1 day (01/5);
 *   đ) Quốc khánh: 2 days (02/9 and 1 day immediately before or after);
 *   e) Giỗ Tổ Hùng Vương: 1 day (10/3 âm lịch).
 * The exact five Tết days and the day next to 02/9 are fixed each year by the Prime Minister
 * (Nghị định 145/2020/NĐ-CP, Điều 58), so this module uses a documented convention that
 * matches most recent years (see TET_* and nationalDayAdjacent below).
 *
 * Compensatory days (nghỉ bù, Điều 111 khoản 3): when a holiday falls on the weekly rest day
 * — Saturday and Sunday for state offices (Quyết định 188/1999/QĐ-TTg) — the worker rests on
 * the next working day instead: the first later day that is neither a weekend nor a holiday
 * nor already another compensatory day. Swaps of working days (hoán đổi ngày làm việc)
 * decided by a yearly notice are not law and are not modelled.
 *
 * The lunar calendar is Hồ Ngọc Đức's astronomical algorithm (new moons and solar terms after
 * Jean Meeus, "Astronomical Algorithms"), evaluated at UTC+7 as the Vietnamese calendar is.
 * Dates are ISO strings; the Julian day number of a date is its day number + 2440588.
 */
import { addDays, fromDayNumber, isValidIsoDate, toDayNumber, type IsoDate } from './dates'

export type HolidayKind = 'holiday' | 'compensatory'

export interface PublicHoliday {
  date: IsoDate
  /** Vietnamese name shown in the calendar ("Tết Nguyên đán (mùng 1)", "Nghỉ bù Quốc khánh"). */
  name: string
  /** 'holiday': a day of Điều 112; 'compensatory': the rest day owed for one on a weekend. */
  kind: HolidayKind
}

/** Vietnam keeps its lunar calendar at UTC+7. */
const VIETNAM_TIME_ZONE = 7
const JULIAN_DAY_OF_EPOCH = 2440588
/** Tết convention: the last day of the lunar year and the first four days of the new one. */
const TET_DAYS_BEFORE = 1
const TET_DAYS_FROM_NEW_YEAR = 4

/** 0 = Sunday … 6 = Saturday, computed from the day number (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

/** Saturday or Sunday: the weekly rest days of state offices. */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date)
  return d === 0 || d === 6
}

/** Vietnamese short day names, Monday first as Vietnamese calendars print them. */
export function weekdayShortVi(date: IsoDate): string {
  return ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'][dayOfWeek(date)] ?? ''
}

// ——— lunar calendar (Hồ Ngọc Đức) ———

function julianDay(date: IsoDate): number {
  return toDayNumber(date) + JULIAN_DAY_OF_EPOCH
}

function dateOfJulianDay(jd: number): IsoDate {
  return fromDayNumber(jd - JULIAN_DAY_OF_EPOCH)
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const dr = Math.PI / 180
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M)
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr)
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr)
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr))
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M))
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr))
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M))
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2
  return jd1 + c1 - deltaT
}

/** Sun's ecliptic longitude in radians at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525
  const T2 = T * T
  const dr = Math.PI / 180
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M)
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M)
  const L = (L0 + DL) * dr
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2))
}

/** Local Julian day number of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE / 24)
}

/** Sector (0–11, 30° each) of the sun's longitude at the start of a local day. */
function sunLongitudeSector(jd: number): number {
  return Math.floor((sunLongitude(jd - 0.5 - VIETNAM_TIME_ZONE / 24) / Math.PI) * 6)
}

/** Julian day of the first day of lunar month 11 (the month holding the winter solstice) of year `year`. */
function lunarMonth11(year: number): number {
  const off = julianDay(`${String(year).padStart(4, '0')}-12-31`) - 2415021
  const k = Math.floor(off / 29.530588853)
  const nm = newMoonDay(k)
  return sunLongitudeSector(nm) >= 9 ? newMoonDay(k - 1) : nm
}

/** Offset of the leap month after month 11 starting at `a11` (the first month with no major solar term). */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
  let i = 1
  let arc = sunLongitudeSector(newMoonDay(k + i))
  let last: number
  do {
    last = arc
    i++
    arc = sunLongitudeSector(newMoonDay(k + i))
  } while (arc !== last && i < 14)
  return i - 1
}

/**
 * The solar date of a Vietnamese lunar date (day 1–30, month 1–12, `leap` for the leap month
 * of that number). Null when the date does not exist (a leap month the year lacks, day 30 of
 * a 29-day month).
 */
export function lunarToSolar(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  leap = false
): IsoDate | null {
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)]
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
  let off = lunarMonth - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && lunarMonth !== leapMonth) return null
    if (leap || off >= leapOff) off += 1
  } else if (leap) {
    return null
  }
  const monthStart = newMoonDay(k + off)
  if (lunarDay > newMoonDay(k + off + 1) - monthStart) return null
  return dateOfJulianDay(monthStart + lunarDay - 1)
}

/** Mùng 1 Tết (first day of the lunar year) falling in Gregorian year `year`. */
export function lunarNewYear(year: number): IsoDate {
  const date = lunarToSolar(1, 1, year)
  if (!date) throw new Error(`No lunar new year for ${year}`)
  return date
}

/** Giỗ Tổ Hùng Vương: 10/3 âm lịch of the lunar year starting in `year`. */
export function hungKingsDay(year: number): IsoDate {
  const date = lunarToSolar(10, 3, year)
  if (!date) throw new Error(`No 10/3 lunar for ${year}`)
  return date
}

// ——— holidays ———

/**
 * The day joined to 02/9 (Điều 112 đ). Convention, matching the choices of 2021–2025: the
 * weekday that makes one break with the weekend — 03/9 when 02/9 is a Thursday (Thu–Sun) or a
 * Monday (01/9 would be a Sunday); 03/9 also when 02/9 is a Sunday (01/9 a Saturday would
 * give no rest); otherwise 01/9 (the day before, the law's first option).
 */
function nationalDayAdjacent(year: number): IsoDate {
  const sept2 = `${year}-09-02`
  const dow = dayOfWeek(sept2)
  return dow === 4 || dow === 1 || dow === 0 ? `${year}-09-03` : `${year}-09-01`
}

const TET_NAMES = [
  'Tết Nguyên đán (mùng 1)',
  'Tết Nguyên đán (mùng 2)',
  'Tết Nguyên đán (mùng 3)',
  'Tết Nguyên đán (mùng 4)'
]

/** Days of Điều 112 in `year`, before compensation, in date order. */
function statutoryDays(year: number): Array<{ date: IsoDate; name: string; group: string }> {
  const tet = lunarNewYear(year)
  const days: Array<{ date: IsoDate; name: string; group: string }> = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch', group: 'Tết Dương lịch' }
  ]
  for (let i = TET_DAYS_BEFORE; i >= 1; i--) {
    days.push({
      date: addDays(tet, -i),
      name: 'Tết Nguyên đán (ngày cuối năm âm lịch)',
      group: 'Tết Nguyên đán'
    })
  }
  for (let i = 0; i < TET_DAYS_FROM_NEW_YEAR; i++) {
    days.push({
      date: addDays(tet, i),
      name: TET_NAMES[i] ?? `Tết Nguyên đán (mùng ${i + 1})`,
      group: 'Tết Nguyên đán'
    })
  }
  days.push({
    date: hungKingsDay(year),
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    group: 'Giỗ Tổ Hùng Vương'
  })
  days.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)', group: 'Ngày Chiến thắng' })
  days.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động (1/5)', group: 'Ngày Quốc tế Lao động' })
  const adjacent = nationalDayAdjacent(year)
  const national = [
    { date: `${year}-09-02`, name: 'Quốc khánh (2/9)', group: 'Quốc khánh' },
    { date: adjacent, name: `Quốc khánh (nghỉ liền kề, ${adjacent.slice(8, 10)}/9)`, group: 'Quốc khánh' }
  ]
  days.push(...national)
  // Giỗ Tổ moves with the moon (29/4 in 2023) and could meet 30/4 or 1/5: two holidays on
  // one day still owe two days of rest, so holidaysOwed turns the second into a compensatory day.
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

const cache = new Map<number, PublicHoliday[]>()

/**
 * Every public holiday and compensatory rest day that falls in `year`, in date order. A
 * compensatory day for a holiday late in December may fall in January of the next year; it is
 * listed under the year it falls in.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  const cached = cache.get(year)
  if (cached) return cached.map((h) => ({ ...h }))
  const result = [...holidaysOwed(year - 1), ...holidaysOwed(year)].filter((h) =>
    h.date.startsWith(`${year}-`)
  )
  result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  cache.set(year, result)
  return result.map((h) => ({ ...h }))
}

/** The holidays of Điều 112 of `year` and their compensatory days (which may spill into next January). */
function holidaysOwed(year: number): PublicHoliday[] {
  const taken = new Set<IsoDate>()
  const result: PublicHoliday[] = []
  const owed: Array<{ after: IsoDate; group: string }> = []
  for (const day of statutoryDays(year)) {
    if (taken.has(day.date)) {
      owed.push({ after: day.date, group: day.group })
      continue
    }
    taken.add(day.date)
    result.push({ date: day.date, name: day.name, kind: 'holiday' })
    if (isWeekend(day.date)) owed.push({ after: day.date, group: day.group })
  }
  // Each owed day goes to the first working day after its holiday that is not already a
  // holiday or a compensatory day (so a weekend inside Tết pushes the rest past the block).
  for (const o of owed) {
    let d = addDays(o.after, 1)
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1)
    taken.add(d)
    result.push({ date: d, name: `Nghỉ bù ${o.group}`, kind: 'compensatory' })
  }
  return result
}

/** Holidays and compensatory days between two dates, both inclusive. */
export function publicHolidaysBetween(from: IsoDate, to: IsoDate): PublicHoliday[] {
  const result: PublicHoliday[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of publicHolidays(y)) if (h.date >= from && h.date <= to) result.push(h)
  }
  return result
}

/** The holiday (or compensatory rest day) on `date`, or null on an ordinary day. */
export function publicHolidayOn(date: IsoDate): PublicHoliday | null {
  if (!isValidIsoDate(date)) return null
  return publicHolidays(Number(date.slice(0, 4))).find((h) => h.date === date) ?? null
}

/** True on a public holiday or a compensatory rest day. */
export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidayOn(date) !== null
}

/** A working day of a state office: not a weekend, not a public holiday, not a compensatory day. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isPublicHoliday(date)
}
