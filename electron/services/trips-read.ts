/**
 * Trips as documents list them: dates, kind, status, report date, and the names of the
 * cadres and units, for the trips touching a date range. Read only.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm'
import type { IsoDate } from '../../shared/domain/dates'
import type { ContentKind, HalfDay, TripStatus } from '../../shared/domain/kinds'
import { cadres, tripParticipants, trips, tripUnits, units } from '../db/schema'
import type { ServiceContext } from './context'

export interface TripListItem {
  id: number
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  kind: ContentKind
  topic: string | null
  status: TripStatus
  travelOrderNo: string | null
  reportDate: IsoDate | null
  note: string | null
  /** In the order the trip lists them. */
  cadres: Array<{ id: number; code: string; fullName: string }>
  units: Array<{ id: number; code: string; name: string }>
}

/** Trips that start on or before `to` and end on or after `from`, by start date then code. */
export function listTripsBetween(ctx: ServiceContext, from: IsoDate, to: IsoDate): TripListItem[] {
  const { db } = ctx
  const rows = db
    .select()
    .from(trips)
    .where(and(lte(trips.startDate, to), gte(trips.endDate, from)))
    .orderBy(asc(trips.startDate), asc(trips.code))
    .all()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const people: Array<{ tripId: number; position: number; id: number; code: string; fullName: string }> = []
  const places: Array<{ tripId: number; position: number; id: number; code: string; name: string }> = []
  // SQLite limits bound parameters per statement: query the links in chunks.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    people.push(
      ...db
        .select({
          tripId: tripParticipants.tripId,
          position: tripParticipants.position,
          id: cadres.id,
          code: cadres.code,
          fullName: cadres.fullName
        })
        .from(tripParticipants)
        .innerJoin(cadres, eq(cadres.id, tripParticipants.cadreId))
        .where(inArray(tripParticipants.tripId, chunk))
        .all()
    )
    places.push(
      ...db
        .select({
          tripId: tripUnits.tripId,
          position: tripUnits.position,
          id: units.id,
          code: units.code,
          name: units.name
        })
        .from(tripUnits)
        .innerJoin(units, eq(units.id, tripUnits.unitId))
        .where(inArray(tripUnits.tripId, chunk))
        .all()
    )
  }
  const peopleByTrip = groupByTrip(people)
  const placesByTrip = groupByTrip(places)
  return rows.map((t) => ({
    id: t.id,
    code: t.code,
    startDate: t.startDate,
    startHalf: t.startHalf as HalfDay,
    endDate: t.endDate,
    endHalf: t.endHalf as HalfDay,
    kind: t.kind as ContentKind,
    topic: t.topic,
    status: t.status as TripStatus,
    travelOrderNo: t.travelOrderNo,
    reportDate: t.reportDate,
    note: t.note,
    cadres: (peopleByTrip.get(t.id) ?? []).map(({ id, code, fullName }) => ({ id, code, fullName })),
    units: (placesByTrip.get(t.id) ?? []).map(({ id, code, name }) => ({ id, code, name }))
  }))
}

/** Links grouped by trip, each group in the trip's own order. */
function groupByTrip<T extends { tripId: number; position: number }>(links: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const link of links) {
    const list = map.get(link.tripId)
    if (list) list.push(link)
    else map.set(link.tripId, [link])
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position)
  return map
}
