/**
 * Tổng quan: the year's progress at a glance for office meetings (giao ban). One read: the
 * figures of Tổng hợp năm, each cadre's days by kind against the target and the expected
 * mark, progress per department, the ratio rules, days per month against last year, who is
 * behind pace and which trip reports are overdue. Every figure comes from shared/domain.
 */
import './zod-vi'
import { z } from 'zod'
import { asOfOutsideYear } from '../domain/as-of'
import { isValidIsoDate, type IsoDate } from '../domain/dates'
import type { ContentKind } from '../domain/kinds'
import type { DepartmentProgress } from '../domain/progress'
import type { RatioRule } from '../domain/settings'
import type { CadreYearResult, YearTotals } from '../domain/summary'
import { returns } from './returns'
import { yearSchema } from './schemas'

const AS_OF_INVALID =
  'Tính đến ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'

/**
 * The toolbar's choice (year, "Tính đến ngày"), checked the same way on the page and in the
 * service: a date outside the chosen year is refused on the date field.
 */
export const dashboardQuerySchema = z
  .object({
    year: yearSchema,
    asOf: z.string({ message: AS_OF_INVALID }).refine(isValidIsoDate, { message: AS_OF_INVALID }).optional()
  })
  .superRefine((value, ctx) => {
    if (value.asOf === undefined) return
    const problem = asOfOutsideYear(value.year, value.asOf)
    if (problem) ctx.addIssue({ code: 'custom', path: ['asOf'], message: problem })
  })

export type DashboardQuery = z.input<typeof dashboardQuerySchema>

/** A cadre's year figures, with how far behind (+) or ahead (−) of the expected mark. */
export interface DashboardCadre extends CadreYearResult {
  /** Expected days minus days done while a pace is shown (shared/domain/progress.ts paceGap); else null. */
  paceGap: number | null
}

export interface DashboardMonth {
  month: number
  /** Days done in the month this year; null for months after the as-of date or outside the window. */
  days: number | null
  /** Days done in the same month last year (whole month); null outside last year's window. */
  previousDays: number | null
}

export interface OverdueReport {
  code: string
  startDate: IsoDate
  endDate: IsoDate
  kind: ContentKind
  cadres: Array<{ code: string; name: string }>
  /** The last day the report was on time. */
  dueDate: IsoDate
  overdueDays: number
}

export interface DashboardView {
  year: number
  asOf: IsoDate
  windowStart: IsoDate
  windowEnd: IsoDate
  /** True while the as-of date is before the window's end (pace and expected marks shown). */
  inProgress: boolean
  targetDays: number
  behindPaceDays: number
  reportDueDays: number
  /** The same figures as Tổng hợp năm. */
  totals: YearTotals
  /** The ratio rules in force this year (enabled), with their thresholds. */
  ratioRules: RatioRule[]
  /** Every cadre of the year, in Vietnamese name order (Miễn included; the page decides what to draw). */
  cadres: DashboardCadre[]
  departments: DepartmentProgress[]
  previousYear: number
  /** False when last year has no trip at all: its bars would only say "nothing recorded". */
  previousYearHasTrips: boolean
  months: DashboardMonth[]
  /** Cadres behind pace, the furthest behind first. */
  behind: DashboardCadre[]
  /** Trips done without a report after the due date, as of the as-of date; the most overdue first. */
  overdueReports: OverdueReport[]
}

export const dashboardContract = {
  'dashboard.overview': returns<DashboardView>()(dashboardQuerySchema)
}
