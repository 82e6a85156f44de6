/**
 * Progress figures of the Tổng quan page (office meetings): days per month, how far each cadre
 * is behind the expected mark, and progress per department. Pure, and built only from the year
 * summary's own rules (summary.ts), so a month, a department and the year always add up.
 */
import { compareVietnamese } from './collation'
import { daysInMonth, maxDate, minDate, type IsoDate } from './dates'
import { daySpanSlots, intersect, slotCount } from './slots'
import { decideSubject, servesInWindow } from './subject'
import {
  countedSpanOf,
  creditedTrips,
  type CadreYearResult,
  type SummaryTrip,
  type YearSummaryInput
} from './summary'

export interface MonthDays {
  /** 1–12. */
  month: number
  /** Days done in the month by subject cadres (same cadres and slots as Tổng số ngày). */
  days: number
}

function pad2(n: number): string {
  return n.toString().padStart(2, '0')
}

/**
 * Days done per calendar month of the counting window, up to the as-of date. Counts what
 * Tổng số ngày counts (subject cadres, slots after overlap attribution), split at month ends,
 * so the months add up to the year's total exactly. Months of the window after the as-of date
 * are 0; months outside the window are not listed.
 */
export function daysByMonth(input: YearSummaryInput): MonthDays[] {
  const { settings, asOf } = input
  const span = countedSpanOf(settings, asOf)
  const first = Number(settings.windowStart.slice(5, 7))
  const last = Number(settings.windowEnd.slice(5, 7))
  const year = Number(settings.windowStart.slice(0, 4))
  const months = []
  for (let month = first; month <= last; month++) {
    const from: IsoDate = maxDate(`${year}-${pad2(month)}-01`, settings.windowStart)
    const to: IsoDate = minDate(
      `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`,
      settings.windowEnd
    )
    months.push({ month, range: daySpanSlots(from, to), halves: 0 })
  }

  const tripsByCadre = new Map<number, SummaryTrip[]>()
  for (const trip of input.trips) {
    for (const cadreId of trip.cadreIds) {
      const list = tripsByCadre.get(cadreId)
      if (list) list.push(trip)
      else tripsByCadre.set(cadreId, [trip])
    }
  }
  for (const cadre of input.cadres) {
    if (!servesInWindow(cadre, settings) || !decideSubject(cadre, settings).subject) continue
    for (const { range } of creditedTrips(tripsByCadre.get(cadre.id) ?? [], span)) {
      for (const m of months) m.halves += slotCount(intersect(range, m.range))
    }
  }
  return months.map((m) => ({ month: m.month, days: m.halves / 2 }))
}

/**
 * Days a cadre is behind the expected mark (positive) or ahead of it (negative), to 2
 * decimals; null when the summary shows no pace for the cadre (RULES.md §6: year over,
 * Hoàn thành, or Miễn).
 */
export function paceGap(cadre: Pick<CadreYearResult, 'days' | 'pace'>): number | null {
  if (!cadre.pace) return null
  // Both figures are exact in hundredths (expected is rounded to 2 decimals, days to halves).
  return Math.round(cadre.pace.expectedDays * 100 - cadre.days * 100) / 100
}

export interface DepartmentProgress {
  departmentName: string
  /** Subject cadres of the department (Miễn cadres have no target and are left out). */
  subject: number
  completed: number
  behindPace: number
  /** Days done by the subject cadres. */
  days: number
  /** Sum of their targets. */
  target: number
  /** Days done ÷ target, 0..1 and more; 0 when the target is 0. */
  shareOfTarget: number
}

/** Subject cadres grouped by department, departments in Vietnamese alphabetical order. */
export function departmentProgress(cadres: readonly CadreYearResult[]): DepartmentProgress[] {
  const groups = new Map<
    string,
    { subject: number; completed: number; behind: number; halves: number; targetHalves: number }
  >()
  for (const c of cadres) {
    if (c.status === 'MIEN' || c.target === null) continue
    const g = groups.get(c.departmentName) ?? {
      subject: 0,
      completed: 0,
      behind: 0,
      halves: 0,
      targetHalves: 0
    }
    g.subject += 1
    if (c.status === 'HOAN_THANH') g.completed += 1
    if (c.pace?.behind) g.behind += 1
    // Days and targets are whole half days: add them as integers so sums never drift.
    g.halves += Math.round(c.days * 2)
    g.targetHalves += Math.round(c.target * 2)
    groups.set(c.departmentName, g)
  }
  return [...groups.entries()]
    .map(([departmentName, g]) => ({
      departmentName,
      subject: g.subject,
      completed: g.completed,
      behindPace: g.behind,
      days: g.halves / 2,
      target: g.targetHalves / 2,
      shareOfTarget: g.targetHalves === 0 ? 0 : g.halves / g.targetHalves
    }))
    .sort((a, b) => compareVietnamese(a.departmentName, b.departmentName))
}
