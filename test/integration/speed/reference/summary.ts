// Frozen copy of the code before issue 12 (speed), kept as the reference the optimised summary is compared with cell by cell. Do not optimise.
/**
 * The year summary service: loads the cadres, exemptions, overrides and trips that touch a
 * counting window in a few indexed queries, then hands them to the pure rules in
 * shared/domain/summary.ts. SQL selects; the domain decides.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm'
import type { YearSummaryView } from '../../../../shared/api/contract'
import { AppError } from '../../../../shared/api/errors'
import { asOfOutsideYear } from '../../../../shared/domain/as-of'
import { minDate, type IsoDate } from './dates'
import type { ContentKind, ExemptionReason, HalfDay, TripStatus } from '../../../../shared/domain/kinds'
import type { YearSettings } from '../../../../shared/domain/settings'
import { computeYearSummary, type SummaryCadre, type SummaryTrip } from './domain-summary'
import {
  cadreYearOverrides,
  cadres,
  departments,
  exemptions,
  tripParticipants,
  trips,
  tripUnits,
  units
} from '../../../../electron/db/schema'
import type { ServiceContext } from '../../../../electron/services/context'
import { getYearSettings } from '../../../../electron/services/settings/year'

/** The default as-of date: today while the year runs, its last day once it is over. */
export function defaultAsOf(ctx: ServiceContext, windowEnd: IsoDate): IsoDate {
  return minDate(ctx.clock.today(), windowEnd)
}

/**
 * `settings` replaces the stored rules of the year: Cài đặt previews the statuses under the
 * rules the clerk is typing before they are saved.
 */
export function loadYearSummaryView(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate,
  settings: YearSettings = getYearSettings(ctx.db, year)
): YearSummaryView {
  const { db } = ctx
  const outside = asOf === undefined ? null : asOfOutsideYear(year, asOf)
  if (outside) throw new AppError('VALIDATION', outside)
  const effectiveAsOf = asOf ?? defaultAsOf(ctx, settings.windowEnd)

  const rows = loadSummaryRows(ctx, year, settings)
  const summary = computeYearSummary({ settings, asOf: effectiveAsOf, ...rows })
  const unitIds = summary.units.map((u) => u.unitId)
  const unitRows = unitIds.length
    ? chunked(unitIds, (ids) =>
        db
          .select({ id: units.id, code: units.code, name: units.name })
          .from(units)
          .where(inArray(units.id, ids))
          .all()
      )
    : []
  const unitById = new Map(unitRows.map((u) => [u.id, u]))
  return {
    ...summary,
    units: summary.units.map((u) => ({
      ...u,
      code: unitById.get(u.unitId)?.code ?? '',
      name: unitById.get(u.unitId)?.name ?? ''
    })),
    ratioRules: settings.ratioRules,
    targetDays: settings.targetDays
  }
}

/**
 * The rows a year summary is computed from: every cadre (with exemptions and the year's
 * override) and the trips touching the counting window. Other figures of the year (Tổng quan's
 * days per month) are computed from the same rows, so they agree with the summary.
 */
export function loadSummaryRows(
  ctx: ServiceContext,
  year: number,
  settings: YearSettings
): { cadres: SummaryCadre[]; trips: SummaryTrip[] } {
  const { db } = ctx
  const cadreRows = db
    .select({
      id: cadres.id,
      code: cadres.code,
      fullName: cadres.fullName,
      position: cadres.position,
      fullTime: cadres.fullTime,
      serviceStart: cadres.serviceStart,
      serviceEnd: cadres.serviceEnd,
      departmentName: departments.name
    })
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .all()

  const exemptionRows = db.select().from(exemptions).all()
  const overrideRows = db.select().from(cadreYearOverrides).where(eq(cadreYearOverrides.year, year)).all()

  const summaryCadres: SummaryCadre[] = cadreRows.map((c) => {
    const override = overrideRows.find((o) => o.cadreId === c.id)
    return {
      ...c,
      exemptions: exemptionRows
        .filter((e) => e.cadreId === c.id)
        .map((e) => ({ reason: e.reason as ExemptionReason, from: e.fromDate, to: e.toDate, note: e.note })),
      override: override ? { subject: override.subject, reason: override.reason } : null
    }
  })

  // Trips touching the window: starting on or before its end and ending on or after its start.
  const inWindow = and(lte(trips.startDate, settings.windowEnd), gte(trips.endDate, settings.windowStart))
  const tripRows = db
    .select({
      id: trips.id,
      code: trips.code,
      kind: trips.kind,
      status: trips.status,
      startDate: trips.startDate,
      startHalf: trips.startHalf,
      endDate: trips.endDate,
      endHalf: trips.endHalf
    })
    .from(trips)
    .where(inWindow)
    .all()
    // Sorted here, not in SQL: ORDER BY id makes SQLite scan the whole table by rowid
    // instead of reading the window from the covering index.
    .sort((a, b) => a.id - b.id)
  const participants = db
    .select({ tripId: tripParticipants.tripId, cadreId: tripParticipants.cadreId })
    .from(tripParticipants)
    .innerJoin(trips, eq(trips.id, tripParticipants.tripId))
    .where(inWindow)
    .all()
  const visited = db
    .select({ tripId: tripUnits.tripId, unitId: tripUnits.unitId, position: tripUnits.position })
    .from(tripUnits)
    .innerJoin(trips, eq(trips.id, tripUnits.tripId))
    .where(inWindow)
    .all()
  const cadresByTrip = groupBy(participants, (p) => p.tripId)
  const unitsByTrip = groupBy(visited, (u) => u.tripId)

  const summaryTrips: SummaryTrip[] = tripRows.map((t) => ({
    id: t.id,
    code: t.code,
    kind: t.kind as ContentKind,
    status: t.status as TripStatus,
    startDate: t.startDate,
    startHalf: t.startHalf as HalfDay,
    endDate: t.endDate,
    endHalf: t.endHalf as HalfDay,
    order: t.id,
    cadreIds: (cadresByTrip.get(t.id) ?? []).map((p) => p.cadreId),
    unitIds: (unitsByTrip.get(t.id) ?? []).sort((a, b) => a.position - b.position).map((u) => u.unitId)
  }))

  return { cadres: summaryCadres, trips: summaryTrips }
}

/** SQLite limits bound parameters per statement; large IN lists go in chunks. */
function chunked<T>(ids: number[], query: (ids: number[]) => T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 500) out.push(...query(ids.slice(i, i + 500)))
  return out
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = map.get(k)
    if (list) list.push(row)
    else map.set(k, [row])
  }
  return map
}
