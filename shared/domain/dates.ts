/**
 * Calendar dates as ISO strings ("2025-06-30") and as day numbers (days since 1970-01-01).
 * Day numbers make date arithmetic integer-only and time-zone free: the regime counts
 * calendar days, never hours, so no Date object with a local time zone is ever involved.
 */

export type IsoDate = string

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isValidIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

/**
 * Day numbers already computed. A summary converts the same few thousand dates for every
 * cadre–trip pair (hundreds of thousands of times at national scale); the regular expression
 * and the Date object cost more than the rules themselves. Only valid dates are kept, and the
 * cache is dropped when it grows past a bound, so memory stays small whatever is asked.
 */
const dayNumbers = new Map<string, number>()
const DAY_NUMBER_CACHE_LIMIT = 50_000

/** Day number of an ISO date. Throws on a malformed date: callers validate input first. */
export function toDayNumber(date: IsoDate): number {
  const cached = dayNumbers.get(date)
  if (cached !== undefined) return cached
  const day = parseDayNumber(date)
  if (dayNumbers.size >= DAY_NUMBER_CACHE_LIMIT) dayNumbers.clear()
  dayNumbers.set(date, day)
  return day
}

function parseDayNumber(date: IsoDate): number {
  const m = ISO_RE.exec(date)
  if (!m || !isValidIsoDate(date)) throw new Error(`Invalid ISO date: ${date}`)
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999, so a typo like
  // 01/01/0025 would silently become 1925 and break fromDayNumber(toDayNumber(d)) === d.
  const d = new Date(0)
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return Math.round(d.getTime() / 86_400_000)
}

export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * 86_400_000)
  return `${d.getUTCFullYear().toString().padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Number of calendar days from `from` to `to`, both inclusive (0 when to < from). */
export function inclusiveDays(from: IsoDate, to: IsoDate): number {
  return Math.max(0, toDayNumber(to) - toDayNumber(from) + 1)
}

export function yearStart(year: number): IsoDate {
  return `${year}-01-01`
}

export function yearEnd(year: number): IsoDate {
  return `${year}-12-31`
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b
}

/** Quarter (1–4) of a date. */
export function quarterOf(date: IsoDate): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4
}

export function quarterRange(year: number, quarter: 1 | 2 | 3 | 4): { from: IsoDate; to: IsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1
  const lastMonth = firstMonth + 2
  return {
    from: `${year}-${pad2(firstMonth)}-01`,
    to: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`
  }
}

/** "dd/mm/yyyy", the only date format the UI and documents show. */
export function formatDateVi(date: IsoDate): string {
  const m = ISO_RE.exec(date)
  if (!m) return date
  return `${m[3]}/${m[2]}/${m[1]}`
}

/**
 * Parses "dd/mm/yyyy" or "d/m/yyyy" (also with "-" or "." separators) into an ISO date.
 * Returns null when the text is not such a date or the day does not exist (31/02).
 */
export function parseDateVi(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!m) return null
  const iso = `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`
  return isValidIsoDate(iso) ? iso : null
}

/**
 * A date as the clerk types it in a form: dd/mm/yyyy, and the short forms d/m (this year:
 * `referenceYear`) and d/m/yy (20yy). Separators "/", "." or "-". Null when it is not a
 * real day ("31/02/2025").
 */
export function parseTypedDate(text: string, referenceYear: number): IsoDate | null {
  const full = parseDateVi(text)
  if (full) return full
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}))?\s*$/.exec(text)
  if (!m) return null
  const year = m[3] === undefined ? referenceYear : 2000 + Number(m[3])
  const iso = `${year}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`
  return isValidIsoDate(iso) ? iso : null
}

/** Today's date in the local time zone of the machine (the clerk's calendar day). */
export function localToday(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`
}

function pad2(n: number): string {
  return n.toString().padStart(2, '0')
}
