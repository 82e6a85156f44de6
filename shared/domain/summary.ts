/**
 * The year summary (RULES.md §3–§7): per cadre days done by kind, target, ratios, status and
 * pace, and the year figures of the provincial reports. Pure: services load the rows, this
 * module decides every number.
 */
import { compareVietnameseNameKeys, vietnameseNameKey, type VietnameseNameKey } from './collation'
import { minDate, type IsoDate } from './dates'
import { CONTENT_KINDS, isCountedStatus, type ContentKind, type HalfDay, type TripStatus } from './kinds'
import type { RatioRule, YearSettings } from './settings'
import { daySpanSlots, intersect, ownedSlotRanges, slotCount, tripSlots, type SlotRange } from './slots'
import { decideSubject, servesInWindow, subjectDaysBetween, type CadreSubjectInput } from './subject'

export const STATUSES = ['MIEN', 'HOAN_THANH', 'DAT_NGAY_CHUA_DAT_CO_CAU', 'CHUA_HOAN_THANH'] as const
export type CadreStatus = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<CadreStatus, string> = {
  MIEN: 'Miễn / không đánh giá',
  HOAN_THANH: 'Hoàn thành',
  DAT_NGAY_CHUA_DAT_CO_CAU: 'Đủ ngày, chưa đạt cơ cấu',
  CHUA_HOAN_THANH: 'Chưa hoàn thành'
}

export interface SummaryCadre extends CadreSubjectInput {
  id: number
  code: string
  fullName: string
  position: string
  departmentName: string
}

export interface SummaryTrip {
  id: number
  code: string
  kind: ContentKind
  status: TripStatus
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  /** Creation order (ties in overlap attribution go to the trip created first). */
  order: number
  cadreIds: readonly number[]
  unitIds: readonly number[]
}

export type DaysByKind = Record<ContentKind, number>

export interface RatioCheck {
  ruleId: string
  label: string
  minPercent: number
  /** Share of the days done, 0..1 (0 when nothing was done). */
  share: number
  met: boolean
}

export interface Pace {
  /** Days expected by the as-of date: target × elapsed subject days ÷ subject days. */
  expectedDays: number
  behind: boolean
}

export interface CadreYearResult {
  cadreId: number
  code: string
  name: string
  position: string
  departmentName: string
  status: CadreStatus
  /** Why the cadre is MIEN; null otherwise. */
  reason: string | null
  subjectDays: number
  /** Null for MIEN. */
  target: number | null
  days: number
  daysByKind: DaysByKind
  /** Share of days done per ratio rule id (all rules, enabled or not), 0..1. */
  ratios: Record<string, number>
  ratioChecks: RatioCheck[]
  /**
   * Only while the year runs (as-of before the window's end), for DAT_NGAY_CHUA_DAT_CO_CAU and
   * CHUA_HOAN_THANH (RULES.md §6); null for HOAN_THANH and MIEN.
   */
  pace: Pace | null
  /** Days done plus planned (dự kiến) trips in the window, without double counting. */
  forecastDays: number
  /** Counted trips that contributed at least one slot. */
  tripCount: number
}

export interface UnitVisits {
  unitId: number
  /** Cadre-days credited on trips to this unit (a trip to two units counts for both). */
  days: number
  /** Counted trips to this unit with at least one credited slot in the window. */
  visits: number
}

export interface YearTotals {
  cadres: number
  subject: number
  exempt: number
  completed: number
  /** completed ÷ subject, 0..1 (0 when nobody is subject). */
  completionRate: number
  totalDays: number
  /** totalDays ÷ subject, rounded to 2 decimals. */
  averageDays: number
  /** totalDays ÷ subject cadres who did at least one day (Bình Thuận's way), 2 decimals. */
  averageDaysOfActive: number
  daysByKind: DaysByKind
  /** Share of totalDays per kind, 0..1. */
  shareByKind: Record<ContentKind, number>
  byStatus: Record<CadreStatus, number>
  behindPace: number
}

export interface YearSummary {
  year: number
  asOf: IsoDate
  windowStart: IsoDate
  windowEnd: IsoDate
  /** True when as-of is before the window's end (figures so far, pace shown). */
  inProgress: boolean
  totals: YearTotals
  cadres: CadreYearResult[]
  units: UnitVisits[]
}

export function emptyDaysByKind(): DaysByKind {
  return Object.fromEntries(CONTENT_KINDS.map((k) => [k, 0])) as DaysByKind
}

/**
 * numerator ÷ denominator rounded half up to 2 decimals, from integers: Math.round(n * 100) on
 * the float quotient turns 201 ÷ 200 = 1.005 into 100.4999… and gives 1 instead of 1.01.
 */
function roundQuotientTo2(numerator: number, denominator: number): number {
  return Math.round((numerator * 100) / denominator) / 100
}

function checkRatios(
  rules: readonly RatioRule[],
  halvesByKind: DaysByKind,
  totalHalves: number
): RatioCheck[] {
  return rules.map((rule) => {
    const halves = rule.kinds.reduce((sum, k) => sum + halvesByKind[k], 0)
    return {
      ruleId: rule.id,
      label: rule.label,
      minPercent: rule.minPercent,
      share: totalHalves === 0 ? 0 : halves / totalHalves,
      // Integer comparison: 40% of the days is exactly 40%, never 39.999...%.
      met: halves * 100 >= rule.minPercent * totalHalves
    }
  })
}

/** Adds the slots of `range` not yet in `taken` (a sorted list of disjoint ranges) and returns how many were new. */
function addNewSlots(taken: SlotRange[], range: SlotRange): number {
  if (range.to < range.from) return 0
  let added = 0
  let cursor = range.from
  for (const r of taken) {
    if (r.to < cursor) continue
    if (r.from > range.to) break
    if (r.from > cursor) added += Math.min(r.from - 1, range.to) - cursor + 1
    cursor = Math.max(cursor, r.to + 1)
    if (cursor > range.to) break
  }
  if (cursor <= range.to) added += range.to - cursor + 1
  taken.push(range)
  taken.sort((a, b) => a.from - b.from)
  return added
}

/** A counted trip's part of a cadre's days: the slots it owns after overlap attribution, inside the span counted. */
export interface CreditedTrip {
  trip: SummaryTrip
  /** Non-empty: trips that credit nothing are left out. */
  range: SlotRange
  halves: number
}

/**
 * The slots counted for a summary (RULES.md §3): the window, up to the as-of date (a trip not
 * finished yet counts only up to then).
 */
export function countedSpanOf(settings: YearSettings, asOf: IsoDate): SlotRange {
  const window = daySpanSlots(settings.windowStart, settings.windowEnd)
  return intersect(window, daySpanSlots(settings.windowStart, minDate(asOf, settings.windowEnd)))
}

/**
 * What each counted trip of one cadre credits (RULES.md §3): overlap attribution on whole trips
 * (before clipping, DECISIONS.md), then the owned slots inside `countedSpan`. Planned trips and
 * trips crediting no slot are left out. The year summary and the figures per month both use it,
 * so they always agree.
 */
export function creditedTrips(cadreTrips: readonly SummaryTrip[], countedSpan: SlotRange): CreditedTrip[] {
  const counted = cadreTrips.filter((t) => isCountedStatus(t.status))
  const owned = ownedSlotRanges(
    counted.map((t) => ({
      key: t.id,
      order: t.order,
      range: tripSlots(t.startDate, t.startHalf, t.endDate, t.endHalf)
    }))
  )
  const credited: CreditedTrip[] = []
  for (let i = 0; i < counted.length; i++) {
    const clipped = intersect(owned[i] as SlotRange, countedSpan)
    const halves = slotCount(clipped)
    if (halves > 0) credited.push({ trip: counted[i] as SummaryTrip, range: clipped, halves })
  }
  return credited
}

export interface YearSummaryInput {
  settings: YearSettings
  asOf: IsoDate
  cadres: readonly SummaryCadre[]
  /** Trips touching the window (others are ignored anyway). */
  trips: readonly SummaryTrip[]
}

export function computeYearSummary(input: YearSummaryInput): YearSummary {
  const { settings, asOf } = input
  const window = daySpanSlots(settings.windowStart, settings.windowEnd)
  const countedSpan = countedSpanOf(settings, asOf)
  const inProgress = asOf < settings.windowEnd

  const tripsByCadre = new Map<number, SummaryTrip[]>()
  for (const trip of input.trips) {
    for (const cadreId of trip.cadreIds) {
      const list = tripsByCadre.get(cadreId)
      if (list) list.push(trip)
      else tripsByCadre.set(cadreId, [trip])
    }
  }

  // Half days credited on each trip to subject cadres: the units are added up once per trip
  // after the cadres (a trip shared by three cadres is one visit with their days together).
  const subjectHalvesByTrip = new Map<number, { trip: SummaryTrip; halves: number }>()
  const results: CadreYearResult[] = []

  for (const cadre of input.cadres) {
    if (!servesInWindow(cadre, settings)) continue
    const trips = tripsByCadre.get(cadre.id) ?? []
    const tripHalves = creditedTrips(trips, countedSpan)

    const halvesByKind = emptyDaysByKind()
    let totalHalves = 0
    const tripCount = tripHalves.length
    const creditedRanges: SlotRange[] = []
    for (const { trip, range, halves } of tripHalves) {
      halvesByKind[trip.kind] += halves
      totalHalves += halves
      creditedRanges.push(range)
    }

    // Forecast: planned trips inside the window add the slots nobody has credited yet.
    creditedRanges.sort((a, b) => a.from - b.from)
    let forecastHalves = totalHalves
    const planned = trips
      .filter((t) => t.status === 'DU_KIEN')
      .map((t) => intersect(tripSlots(t.startDate, t.startHalf, t.endDate, t.endHalf), window))
      .sort((a, b) => a.from - b.from)
    for (const range of planned) forecastHalves += addNewSlots(creditedRanges, range)

    const decision = decideSubject(cadre, settings)
    const ratioChecks = checkRatios(settings.ratioRules, halvesByKind, totalHalves)
    const activeChecks = ratioChecks.filter(
      (c) => settings.ratioRules.find((r) => r.id === c.ruleId)?.enabled
    )

    let status: CadreStatus
    let target: number | null = null
    let pace: Pace | null = null
    if (!decision.subject) {
      status = 'MIEN'
    } else {
      target = decision.targetHalfDays / 2
      if (totalHalves < decision.targetHalfDays) status = 'CHUA_HOAN_THANH'
      else status = activeChecks.every((c) => c.met) ? 'HOAN_THANH' : 'DAT_NGAY_CHUA_DAT_CO_CAU'
      // RULES.md §6: only the last two statuses are shown with a pace (HOAN_THANH is done).
      if (inProgress && status !== 'HOAN_THANH') {
        const elapsed =
          asOf < settings.windowStart
            ? 0
            : subjectDaysBetween(cadre, settings.windowStart, minDate(asOf, settings.windowEnd))
        const expectedDays = decision.subjectDays === 0 ? 0 : (target * elapsed) / decision.subjectDays
        pace = {
          expectedDays:
            decision.subjectDays === 0
              ? 0
              : roundQuotientTo2(decision.targetHalfDays * elapsed, 2 * decision.subjectDays),
          behind: totalHalves / 2 < expectedDays - settings.behindPaceDays
        }
      }
    }

    if (status !== 'MIEN') {
      for (const { trip, halves } of tripHalves) {
        const credited = subjectHalvesByTrip.get(trip.id)
        if (credited) credited.halves += halves
        else subjectHalvesByTrip.set(trip.id, { trip, halves })
      }
    }

    const daysByKind = emptyDaysByKind()
    for (const k of CONTENT_KINDS) daysByKind[k] = halvesByKind[k] / 2
    results.push({
      cadreId: cadre.id,
      code: cadre.code,
      name: cadre.fullName,
      position: cadre.position,
      departmentName: cadre.departmentName,
      status,
      reason: decision.subject ? null : decision.reason,
      subjectDays: decision.subjectDays,
      target,
      days: totalHalves / 2,
      daysByKind,
      ratios: Object.fromEntries(ratioChecks.map((c) => [c.ruleId, c.share])),
      ratioChecks,
      pace,
      forecastDays: forecastHalves / 2,
      tripCount
    })
  }

  const unitTotals = new Map<number, { halves: number; visits: number }>()
  for (const { trip, halves } of subjectHalvesByTrip.values()) {
    trip.unitIds.forEach((unitId, index) => {
      // A unit listed twice on one trip is still one visit (and its days count twice, as before).
      const firstListing = trip.unitIds.indexOf(unitId) === index
      const u = unitTotals.get(unitId)
      if (u) {
        u.halves += halves
        if (firstListing) u.visits += 1
      } else unitTotals.set(unitId, { halves, visits: 1 })
    })
  }

  // compareVietnameseNames' order, with each name split once instead of on every comparison.
  const keys = new Map(results.map((r) => [r, vietnameseNameKey(r.name)]))
  results.sort(
    (a, b) =>
      compareVietnameseNameKeys(keys.get(a) as VietnameseNameKey, keys.get(b) as VietnameseNameKey) ||
      a.code.localeCompare(b.code)
  )
  return {
    year: settings.year,
    asOf,
    windowStart: settings.windowStart,
    windowEnd: settings.windowEnd,
    inProgress,
    totals: computeTotals(results),
    cadres: results,
    units: [...unitTotals.entries()]
      .map(([unitId, u]) => ({ unitId, days: u.halves / 2, visits: u.visits }))
      .sort((a, b) => b.days - a.days || a.unitId - b.unitId)
  }
}

function computeTotals(results: readonly CadreYearResult[]): YearTotals {
  const subject = results.filter((r) => r.status !== 'MIEN')
  const halvesByKind = emptyDaysByKind()
  let totalHalves = 0
  for (const r of subject) {
    for (const k of CONTENT_KINDS) halvesByKind[k] += r.daysByKind[k] * 2
    totalHalves += r.days * 2
  }
  const byStatus = Object.fromEntries(
    (['MIEN', 'HOAN_THANH', 'DAT_NGAY_CHUA_DAT_CO_CAU', 'CHUA_HOAN_THANH'] as const).map((s) => [
      s,
      results.filter((r) => r.status === s).length
    ])
  ) as Record<CadreStatus, number>
  const active = subject.filter((r) => r.days > 0).length
  const daysByKind = emptyDaysByKind()
  const shareByKind = emptyDaysByKind()
  for (const k of CONTENT_KINDS) {
    daysByKind[k] = halvesByKind[k] / 2
    shareByKind[k] = totalHalves === 0 ? 0 : halvesByKind[k] / totalHalves
  }
  const totalDays = totalHalves / 2
  return {
    cadres: results.length,
    subject: subject.length,
    exempt: results.length - subject.length,
    completed: byStatus.HOAN_THANH,
    completionRate: subject.length === 0 ? 0 : byStatus.HOAN_THANH / subject.length,
    totalDays,
    averageDays: subject.length === 0 ? 0 : roundQuotientTo2(totalHalves, 2 * subject.length),
    averageDaysOfActive: active === 0 ? 0 : roundQuotientTo2(totalHalves, 2 * active),
    daysByKind,
    shareByKind,
    byStatus,
    behindPace: results.filter((r) => r.pace?.behind).length
  }
}
