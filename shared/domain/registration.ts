/**
 * Quarterly registration (RULES.md §3, §8; research Mẫu 1–3): the days a cadre has on the
 * trips of a period, planned (dự kiến) and done alike, counted in half-day slots with the
 * same overlap rule as the results: a slot is never counted twice for one cadre, and where
 * trips overlap it belongs to the trip that starts earlier (ties: created first). Only the
 * slots inside the period count, so a trip across the edge of a quarter is split.
 */
import type { IsoDate } from './dates'
import { CONTENT_KINDS, isCountedStatus, type ContentKind, type HalfDay, type TripStatus } from './kinds'
import { attributeSlots, daySpanSlots, intersect, slotCount, tripSlots } from './slots'
import { emptyDaysByKind, type DaysByKind } from './summary'

export interface RegisteredTrip {
  /** Identifies the trip to the caller (the trip id). */
  key: number
  kind: ContentKind
  status: TripStatus
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  /** Creation order: ties on the start slot go to the trip created first. */
  order: number
}

export interface RegisteredDays {
  /** Days each trip adds inside the period (after overlap attribution), by trip key. */
  byTrip: Map<number, number>
  daysByKind: DaysByKind
  totalDays: number
  /** Of totalDays, the days of trips already done (đã thực hiện or đã báo cáo). */
  doneDays: number
}

/** The whole length of a trip in days (0,5 for one half day). */
export function tripDays(
  trip: Pick<RegisteredTrip, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>
): number {
  return slotCount(tripSlots(trip.startDate, trip.startHalf, trip.endDate, trip.endHalf)) / 2
}

/** The days one cadre has on `trips` (all of them the cadre's own) between `from` and `to` inclusive. */
export function registeredDays(trips: readonly RegisteredTrip[], from: IsoDate, to: IsoDate): RegisteredDays {
  const period = daySpanSlots(from, to)
  const owned = attributeSlots(
    trips.map((t) => ({
      key: t.key,
      order: t.order,
      range: tripSlots(t.startDate, t.startHalf, t.endDate, t.endHalf)
    }))
  )
  const halvesByKind = emptyDaysByKind()
  const byTrip = new Map<number, number>()
  let total = 0
  let done = 0
  for (const trip of trips) {
    const range = owned.get(trip.key)
    const halves = range ? slotCount(intersect(range, period)) : 0
    byTrip.set(trip.key, halves / 2)
    halvesByKind[trip.kind] += halves
    total += halves
    if (isCountedStatus(trip.status)) done += halves
  }
  const daysByKind = emptyDaysByKind()
  for (const k of CONTENT_KINDS) daysByKind[k] = halvesByKind[k] / 2
  return { byTrip, daysByKind, totalDays: total / 2, doneDays: done / 2 }
}

/**
 * Whether a position (chức vụ, free text) is the head of a ban or of the Văn phòng, who
 * confirms the ban's registrations and signs its summary.
 */
export function isDepartmentHead(position: string): boolean {
  const p = position.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
  return (
    p === 'trưởng ban' ||
    p.startsWith('trưởng ban ') ||
    p === 'chánh văn phòng' ||
    p.startsWith('chánh văn phòng ')
  )
}

/** "Chánh Văn phòng" for the Văn phòng, "Trưởng ban" for a ban: the head's title when no head is on record. */
export function departmentHeadTitle(departmentName: string): string {
  return departmentName.normalize('NFC').trim().toLowerCase().startsWith('văn phòng')
    ? 'Chánh Văn phòng'
    : 'Trưởng ban'
}

/** The days of a trip inside [from, to] (its own length clipped to the period, before any overlap rule). */
export function tripDaysWithin(
  trip: Pick<RegisteredTrip, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>,
  from: IsoDate,
  to: IsoDate
): number {
  return (
    slotCount(
      intersect(tripSlots(trip.startDate, trip.startHalf, trip.endDate, trip.endHalf), daySpanSlots(from, to))
    ) / 2
  )
}
