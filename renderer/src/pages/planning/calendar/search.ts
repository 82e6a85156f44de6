/**
 * The calendar's address: #/ke-hoach-quy/lich?view=quy&year=2025&quarter=2&department=PT.
 * Every field tolerates a bad value (dropped to its default), so an old or hand-typed address
 * never crashes the page; absent fields mean "the period holding today".
 */
import { z } from 'zod'
import { daysInMonth, quarterRange, type IsoDate } from '../../../../../shared/domain/dates'

export const CALENDAR_VIEWS = ['thang', 'quy', 'nam'] as const
export type CalendarView = (typeof CALENDAR_VIEWS)[number]

export const CALENDAR_VIEW_LABELS: Record<CalendarView, string> = { thang: 'Tháng', quy: 'Quý', nam: 'Năm' }

/** The router reads "12" as a number: a code typed as digits stays text. */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(50))

export const calendarSearchSchema = z.object({
  view: z.enum(CALENDAR_VIEWS).optional().catch(undefined),
  year: z.number().int().min(2000).max(2100).optional().catch(undefined),
  quarter: z.number().int().min(1).max(4).optional().catch(undefined),
  month: z.number().int().min(1).max(12).optional().catch(undefined),
  department: text.optional().catch(undefined),
  /** The cadre of the year view. */
  cadre: text.optional().catch(undefined)
})
export type CalendarSearch = z.infer<typeof calendarSearchSchema>

export interface CalendarPeriod {
  view: CalendarView
  year: number
  quarter: 1 | 2 | 3 | 4
  month: number
  from: IsoDate
  to: IsoDate
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The period the address names, completed from today (the month and quarter of today when absent). */
export function periodOf(search: CalendarSearch, today: IsoDate): CalendarPeriod {
  const view = search.view ?? 'quy'
  const year = search.year ?? Number(today.slice(0, 4))
  const todayMonth = Number(today.slice(5, 7))
  // The month picks the quarter when only the month is given, and the other way round.
  const month = search.month ?? (search.quarter ? (search.quarter - 1) * 3 + 1 : todayMonth)
  const quarter = (search.quarter ?? Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4
  if (view === 'thang') {
    return {
      view,
      year,
      quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4,
      month,
      from: `${year}-${pad2(month)}-01`,
      to: `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`
    }
  }
  if (view === 'quy') {
    const { from, to } = quarterRange(year, quarter)
    return { view, year, quarter, month: (quarter - 1) * 3 + 1, from, to }
  }
  return { view, year, quarter, month, from: `${year}-01-01`, to: `${year}-12-31` }
}

/** The search of the period before (-1) or after (+1) in the same view. */
export function stepPeriod(
  period: CalendarPeriod,
  step: -1 | 1
): Pick<CalendarSearch, 'year' | 'quarter' | 'month'> {
  if (period.view === 'thang') {
    const index = period.year * 12 + period.month - 1 + step
    return { year: Math.floor(index / 12), month: (index % 12) + 1, quarter: undefined }
  }
  if (period.view === 'quy') {
    const index = period.year * 4 + period.quarter - 1 + step
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1, month: undefined }
  }
  return { year: period.year + step }
}

const ROMAN = ['I', 'II', 'III', 'IV']

/** "Tháng 4/2025", "Quý II/2025", "Năm 2025". */
export function periodTitle(period: CalendarPeriod): string {
  if (period.view === 'thang') return `Tháng ${period.month}/${period.year}`
  if (period.view === 'quy') return `Quý ${ROMAN[period.quarter - 1]}/${period.year}`
  return `Năm ${period.year}`
}
