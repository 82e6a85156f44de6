/**
 * Progress figures of the Tổng quan page (office meetings): days per month, how far each cadre
 * is behind the expected mark, and progress per department. Pure, and built only from the year
 * summary's own rules (summary.ts), so a month, a department and the year always add up.
 */
import { compareVietnamese } from './collation'
import { addDays, daysInMonth, formatDateVi, maxDate, minDate, type IsoDate } from './dates'
import { formatDays } from './format'
import type { RatioRule } from './settings'
import { daySpanSlots, intersect, slotCount } from './slots'
import { decideSubject, serviceClip, servesInWindow, type CadreSubjectInput } from './subject'
import {
  countedSpanOf,
  creditedTrips,
  type CadreYearResult,
  type SummaryTrip,
  type YearSummaryInput,
  type YearTotals
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

/**
 * The first day of [from, to] the cadre is subject: inside the service period and outside
 * every exemption period; null when there is none. A cadre who joins in September, or whose
 * long study leave runs to July, starts counting on that day.
 */
export function firstSubjectDay(cadre: CadreSubjectInput, from: IsoDate, to: IsoDate): IsoDate | null {
  const served = serviceClip(from, to, cadre.serviceStart, cadre.serviceEnd)
  if (!served) return null
  const periods = [...cadre.exemptions].sort((a, b) => a.from.localeCompare(b.from))
  let day = served.from
  // Exemptions may overlap or follow each other: skip past every one covering the day.
  for (let moved = true; moved && day <= served.to;) {
    moved = false
    for (const e of periods) {
      if (e.from <= day && day <= e.to) {
        day = addDays(e.to, 1)
        moved = true
      }
    }
  }
  return day <= served.to ? day : null
}

/**
 * Where a cadre stands against the expected mark (RULES.md §6), in the words of Tổng hợp năm:
 * - notStarted: the cadre's subject period begins after the as-of date (joins later in the
 *   year, or is exempted until then); nothing can be expected yet, so never "behind";
 * - behind / ahead by `days` (rounded to the tenth shown on screen); `behindPace` when the
 *   summary marks the cadre "Chậm tiến độ" (more than the setting's days behind);
 * - onPace: less than a twentieth of a day either way.
 */
export type PaceStanding =
  | { kind: 'notStarted'; from: IsoDate }
  | { kind: 'behind'; days: number; behindPace: boolean }
  | { kind: 'ahead'; days: number }
  | { kind: 'onPace' }

/**
 * The standing of one cadre of a summary, or null when the summary shows no pace for them
 * (year over, Hoàn thành, Miễn). `subjectFrom` is firstSubjectDay over the counting window.
 */
export function paceStanding(
  cadre: Pick<CadreYearResult, 'days' | 'pace'>,
  subjectFrom: IsoDate | null,
  asOf: IsoDate
): PaceStanding | null {
  const gap = paceGap(cadre)
  if (gap === null || !cadre.pace) return null
  if (subjectFrom !== null && subjectFrom > asOf) return { kind: 'notStarted', from: subjectFrom }
  // Shown to one decimal: "chậm 0 ngày" would read as a contradiction, so that is on pace.
  // From whole hundredths (the gap is exact in them), so 8,35 rounds to 8,4 and never to 8,3.
  const shown = Math.round(Math.round(Math.abs(gap) * 100) / 10) / 10
  if (shown === 0) return { kind: 'onPace' }
  return gap > 0
    ? { kind: 'behind', days: shown, behindPace: cadre.pace.behind }
    : { kind: 'ahead', days: shown }
}

/** "chậm 8,5 ngày", "vượt 3 ngày", "đúng tiến độ", "chưa bắt đầu (từ 01/09/2025)". */
export function paceStandingText(standing: PaceStanding): string {
  switch (standing.kind) {
    case 'notStarted':
      return `chưa bắt đầu (từ ${formatDateVi(standing.from)})`
    case 'behind':
      return `chậm ${formatDays(standing.days)} ngày`
    case 'ahead':
      return `vượt ${formatDays(standing.days)} ngày`
    case 'onPace':
      return 'đúng tiến độ'
  }
}

/**
 * The share of the year's days (Tổng số ngày) each ratio rule counts, 0..1: the rule applied
 * to the office as a whole, for the totals row. From whole half days, like the cadres' ratios.
 */
export function totalsRatioShares(
  totals: Pick<YearTotals, 'daysByKind' | 'totalDays'>,
  rules: readonly RatioRule[]
): Record<string, number> {
  const totalHalves = Math.round(totals.totalDays * 2)
  return Object.fromEntries(
    rules.map((rule) => {
      const halves = rule.kinds.reduce((sum, k) => sum + Math.round(totals.daysByKind[k] * 2), 0)
      return [rule.id, totalHalves === 0 ? 0 : halves / totalHalves]
    })
  )
}

/** A unit's figures over the year (RULES.md §7, by unit visited). */
export interface UnitCoverageFigures {
  /** Cadre-days credited on counted trips to this unit itself: the year summary's per-unit days. */
  ownDays: number
  /** Counted trips to this unit itself with a credited slot. */
  ownVisits: number
  /**
   * The unit and every unit under it on the tree's day: each cadre's credit for a trip counts
   * once, even when the trip visited the unit and one of its children (no double counting
   * up the tree).
   */
  days: number
  visits: number
}

/**
 * Days and visits per unit, rolled up to parents. Counts exactly what the year summary counts
 * per unit (subject cadres, slots after overlap attribution, up to the as-of date; a trip to
 * two units counts for both), so a unit's own figures equal summary.units. `ancestorsOf` gives
 * a unit's parent chain on the tree's day (nearest first); units it does not know get no
 * roll-up.
 */
export function unitCoverage(
  input: YearSummaryInput,
  ancestorsOf: (unitId: number) => readonly number[]
): Map<number, UnitCoverageFigures> {
  const { settings, asOf } = input
  const span = countedSpanOf(settings, asOf)
  const tripsByCadre = new Map<number, SummaryTrip[]>()
  for (const trip of input.trips) {
    for (const cadreId of trip.cadreIds) {
      const list = tripsByCadre.get(cadreId)
      if (list) list.push(trip)
      else tripsByCadre.set(cadreId, [trip])
    }
  }
  const acc = new Map<number, { own: number; ownTrips: Set<number>; all: number; allTrips: Set<number> }>()
  const entry = (unitId: number) => {
    let e = acc.get(unitId)
    if (!e) {
      e = { own: 0, ownTrips: new Set(), all: 0, allTrips: new Set() }
      acc.set(unitId, e)
    }
    return e
  }
  for (const cadre of input.cadres) {
    if (!servesInWindow(cadre, settings) || !decideSubject(cadre, settings).subject) continue
    for (const { trip, halves } of creditedTrips(tripsByCadre.get(cadre.id) ?? [], span)) {
      const own = new Set(trip.unitIds)
      const reached = new Set<number>()
      for (const unitId of own) {
        const e = entry(unitId)
        e.own += halves
        e.ownTrips.add(trip.id)
        reached.add(unitId)
        for (const a of ancestorsOf(unitId)) reached.add(a)
      }
      for (const unitId of reached) {
        const e = entry(unitId)
        e.all += halves
        e.allTrips.add(trip.id)
      }
    }
  }
  return new Map(
    [...acc.entries()].map(([unitId, e]) => [
      unitId,
      { ownDays: e.own / 2, ownVisits: e.ownTrips.size, days: e.all / 2, visits: e.allTrips.size }
    ])
  )
}
