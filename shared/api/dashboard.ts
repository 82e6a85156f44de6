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
import type { ContentKind, UnitKind } from '../domain/kinds'
import type { DepartmentProgress, PaceStanding } from '../domain/progress'
import type { RatioRule } from '../domain/settings'
import { formatNumberVi, formatPercent } from '../domain/format'
import { STATUS_LABELS, type CadreYearResult, type YearTotals } from '../domain/summary'
import type { FileDownload, YearSummaryView } from './contract'
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

/** A row of Tổng hợp năm: the cadre's year figures and where they stand against the pace. */
export interface YearTableCadre extends CadreYearResult {
  /** shared/domain/progress.ts paceStanding; null when no pace is shown (year over, Hoàn thành, Miễn). */
  standing: PaceStanding | null
  /** The same in words: "chậm 8,5 ngày", "vượt 3 ngày", "chưa bắt đầu (từ 01/09/2025)"; null with standing. */
  standingText: string | null
}

/** Tổng hợp năm: the year summary, each cadre's standing, and the totals row's ratio shares. */
export interface YearTableView extends Omit<YearSummaryView, 'cadres'> {
  cadres: YearTableCadre[]
  /** Per ratio rule id: its share of the year's Tổng số ngày (the office as a whole), 0..1. */
  ratioTotals: Record<string, number>
}

/**
 * The words Tổng hợp năm shows, in one place, so the screen and its Excel file say the same:
 * a cadre who has not started yet is "Chưa bắt đầu", never "Chưa hoàn thành".
 */
export function shownStatusLabel(c: Pick<YearTableCadre, 'status' | 'standing'>): string {
  return c.standing?.kind === 'notStarted' ? 'Chưa bắt đầu' : STATUS_LABELS[c.status]
}

/** After a ratio rule's name in the heading: its threshold, or that it is not checked. */
export function ratioRuleNote(rule: Pick<RatioRule, 'enabled' | 'minPercent'>): string {
  return rule.enabled ? ` (≥ ${formatNumberVi(rule.minPercent)}%)` : ' (không xét)'
}

/** The totals rows' words: the figures of the totals strip, each under its column. */
export function yearTableTotalsTexts(t: YearTotals) {
  return {
    // Days add up over subject cadres only (Tổng số ngày): the row says so, with the strip's counts.
    name: `Cộng ${formatNumberVi(t.subject)} cán bộ thuộc đối tượng (tổng số ${formatNumberVi(t.cadres)}, miễn ${formatNumberVi(t.exempt)})`,
    status: `Hoàn thành: ${formatNumberVi(t.completed)}/${formatNumberVi(t.subject)} (${formatPercent(t.completionRate)})`,
    behind: `Chậm tiến độ: ${formatNumberVi(t.behindPace)} cán bộ`,
    average: 'Bình quân/người (thuộc đối tượng)'
  }
}

/** A unit of the year's tree with its days and visits (own, and with everything under it). */
export interface CoverageUnit {
  code: string
  name: string
  kind: UnitKind
  /** 0 for the top level. */
  depth: number
  /** The parent's code in the tree; null at the top level. */
  parentCode: string | null
  /** Closed during the year (before the tree's day): shown under its parent on its last day. */
  closed: boolean
  childCount: number
  /** Cadre-days credited on trips to this unit itself (the year summary's figure by unit). */
  ownDays: number
  ownVisits: number
  /** The unit and everything under it, each cadre's credit for a trip once. */
  days: number
  visits: number
  /**
   * No counted trip to the unit itself this year. Never true of the office's own top unit
   * (the Tỉnh đoàn at the top of the tree): going out to the grassroots is going below it.
   */
  neverVisited: boolean
}

/** Độ phủ đơn vị: the year's unit tree (depth-first, children in Vietnamese order) with figures. */
export interface CoverageView {
  year: number
  asOf: IsoDate
  windowStart: IsoDate
  /** The day whose tree is shown: the as-of date (31/12 for a finished year). */
  treeDate: IsoDate
  inProgress: boolean
  units: CoverageUnit[]
  /** Units of the tree, those visited at least once, and those never visited (neverVisited). */
  counts: { units: number; visited: number; neverVisited: number }
  /** Days and visits over every unit: the year's cadre-days by unit visited, each trip once per cadre. */
  totals: { days: number; visits: number }
}

export const dashboardContract = {
  'dashboard.overview': returns<DashboardView>()(dashboardQuerySchema),
  'dashboard.yearTable': returns<YearTableView>()(dashboardQuerySchema),
  'dashboard.yearTableExport': returns<FileDownload>()(dashboardQuerySchema),
  'dashboard.coverage': returns<CoverageView>()(dashboardQuerySchema)
}
