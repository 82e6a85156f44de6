/**
 * A cadre's year at a glance (the year strip of the cadre's page): each day's two half days
 * with the trip credited with it, the other trips on the same half day (overlap), exemption
 * days and days outside the service period.
 *
 * Who keeps a half day follows RULES.md §3 through attributeSlots: among counted trips, the
 * one that starts first (ties: created first). Planned trips take nothing; a half day with
 * only planned trips shows the first of them, marked as planned.
 */
import { and, eq, gte, lte } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { CadreYearStrip, StripDay, StripHalf } from '../../../shared/api/trips'
import { fromDayNumber, inclusiveDays, toDayNumber, yearEnd, yearStart } from '../../../shared/domain/dates'
import {
  isCountedStatus,
  type ContentKind,
  type ExemptionReason,
  type HalfDay,
  type TripStatus
} from '../../../shared/domain/kinds'
import { attributeSlots, slotOf, tripSlots, type SlotRange } from '../../../shared/domain/slots'
import { serviceClip } from '../../../shared/domain/subject'
import { cadres, exemptions, tripParticipants, trips } from '../../db/schema'
import type { ServiceContext } from '../context'
import { overdueDaysOf } from './search'

interface StripTrip {
  id: number
  code: string
  kind: ContentKind
  status: TripStatus
  range: SlotRange
}

export function cadreYearStrip(ctx: ServiceContext, cadreCode: string, year: number): CadreYearStrip {
  const { db } = ctx
  const cadre = db.select().from(cadres).where(eq(cadres.code, cadreCode)).get()
  if (!cadre) throw new AppError('NOT_FOUND', `Không có cán bộ mã "${cadreCode}".`)
  const from = yearStart(year)
  const to = yearEnd(year)
  const rows = db
    .select({
      id: trips.id,
      code: trips.code,
      kind: trips.kind,
      status: trips.status,
      startDate: trips.startDate,
      startHalf: trips.startHalf,
      endDate: trips.endDate,
      endHalf: trips.endHalf,
      reportDate: trips.reportDate
    })
    .from(tripParticipants)
    .innerJoin(trips, eq(trips.id, tripParticipants.tripId))
    .where(and(eq(tripParticipants.cadreId, cadre.id), lte(trips.startDate, to), gte(trips.endDate, from)))
    .all()
  const list: StripTrip[] = rows
    .map((t) => ({
      id: t.id,
      code: t.code,
      kind: t.kind as ContentKind,
      status: t.status as TripStatus,
      range: tripSlots(t.startDate, t.startHalf as HalfDay, t.endDate, t.endHalf as HalfDay)
    }))
    .sort((a, b) => a.range.from - b.range.from || a.id - b.id)
  // The keeper of a half day is decided by the trips containing it, all of which touch the year.
  const owned = attributeSlots(
    list.filter((t) => isCountedStatus(t.status)).map((t) => ({ key: t.id, range: t.range, order: t.id }))
  )
  const keeper = new Map<number, StripTrip>()
  for (const trip of list) {
    const range = owned.get(trip.id)
    if (range) for (let slot = range.from; slot <= range.to; slot++) keeper.set(slot, trip)
  }

  const periods = db.select().from(exemptions).where(eq(exemptions.cadreId, cadre.id)).all()
  const firstDay = toDayNumber(from)
  const days: StripDay[] = []
  let credited = 0
  let planned = 0
  let overlaps = 0
  for (let n = 0; n < inclusiveDays(from, to); n++) {
    const date = fromDayNumber(firstDay + n)
    const halves = (['SANG', 'CHIEU'] as const).map((half): StripHalf | null => {
      const slot = slotOf(date, half)
      const covering = list.filter((t) => slot >= t.range.from && slot <= t.range.to)
      if (covering.length === 0) return null
      const kept = keeper.get(slot) ?? covering[0]!
      if (keeper.has(slot)) credited += 1
      else planned += 1
      if (covering.length > 1) overlaps += 1
      return {
        tripCode: kept.code,
        kind: kept.kind,
        status: kept.status,
        others: covering.filter((t) => t !== kept).map((t) => t.code)
      }
    }) as [StripHalf | null, StripHalf | null]
    days.push({
      date,
      halves,
      exempt: periods.some((p) => date >= p.fromDate && date <= p.toDate),
      outOfService: serviceClip(date, date, cadre.serviceStart, cadre.serviceEnd) === null
    })
  }

  const overdueDays = overdueDaysOf(ctx, ctx.clock.today())
  const overdue = rows.filter((t) => overdueDays({ ...t, status: t.status as TripStatus }) > 0).length
  return {
    cadre: { code: cadre.code, fullName: cadre.fullName },
    year,
    days,
    exemptions: periods
      .filter((p) => p.toDate >= from && p.fromDate <= to)
      .map((p) => ({ reason: p.reason as ExemptionReason, from: p.fromDate, to: p.toDate })),
    creditedDays: credited / 2,
    plannedDays: planned / 2,
    overlapDays: overlaps / 2,
    trips: list.length,
    overdue
  }
}
