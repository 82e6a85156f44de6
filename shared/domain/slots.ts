/**
 * Half-day slots (RULES.md §3). Every date has a morning slot (sáng) and an afternoon slot
 * (chiều); slot number = day number × 2 + (0 morning, 1 afternoon). A trip covers an
 * inclusive range of slots. Counting in slots keeps every figure an integer number of
 * half days, so totals and ratios never drift (40% is exactly 40%).
 */
import { toDayNumber, type IsoDate } from './dates'
import type { HalfDay } from './kinds'

export interface SlotRange {
  /** First slot, inclusive. */
  from: number
  /** Last slot, inclusive; a range with to < from is empty. */
  to: number
}

export function slotOf(date: IsoDate, half: HalfDay): number {
  return toDayNumber(date) * 2 + (half === 'SANG' ? 0 : 1)
}

/** The slots of a trip from (start date, start half) to (end date, end half), inclusive. */
export function tripSlots(
  startDate: IsoDate,
  startHalf: HalfDay,
  endDate: IsoDate,
  endHalf: HalfDay
): SlotRange {
  return { from: slotOf(startDate, startHalf), to: slotOf(endDate, endHalf) }
}

/** The slots of whole days from `from` to `to` inclusive (a counting window, an as-of cut-off). */
export function daySpanSlots(from: IsoDate, to: IsoDate): SlotRange {
  return { from: slotOf(from, 'SANG'), to: slotOf(to, 'CHIEU') }
}

export function slotCount(range: SlotRange): number {
  return Math.max(0, range.to - range.from + 1)
}

export function intersect(a: SlotRange, b: SlotRange): SlotRange {
  return { from: Math.max(a.from, b.from), to: Math.min(a.to, b.to) }
}

export function isEmpty(range: SlotRange): boolean {
  return range.to < range.from
}

/** True when a trip's end is not before its start (same date, Chiều → Sáng is invalid). */
export function isValidTripRange(
  startDate: IsoDate,
  startHalf: HalfDay,
  endDate: IsoDate,
  endHalf: HalfDay
): boolean {
  return slotOf(endDate, endHalf) >= slotOf(startDate, startHalf)
}

/** Half days → days as shown (61 half days → 30.5). Exact: halves are binary fractions. */
export function halfDaysToDays(halfDays: number): number {
  return halfDays / 2
}

export interface OrderedTrip {
  /** Anything that identifies the trip to the caller. */
  key: number
  range: SlotRange
  /** Creation order: trips starting in the same slot go to the one created first. */
  order: number
}

/**
 * Overlap attribution for one cadre (RULES.md §3): a slot is never credited twice; where
 * trips overlap, the slot belongs to the trip that starts earlier (ties: created first).
 *
 * Returns, for each trip key, the slot range it owns. Sorting by (start, order) makes the
 * slots already taken by earlier trips always a prefix [.., maxEnd] of the later trip,
 * because every earlier trip starts at or before it; so each trip owns the contiguous
 * range (max(start, maxEnd + 1) .. end).
 */
export function attributeSlots(trips: readonly OrderedTrip[]): Map<number, SlotRange> {
  const { sorted, owned } = attribute(trips)
  const byKey = new Map<number, SlotRange>()
  for (const i of sorted) byKey.set((trips[i] as OrderedTrip).key, owned[i] as SlotRange)
  return byKey
}

/**
 * attributeSlots' ranges in the order of `trips` (owned[i] is what trips[i] owns): the year
 * summary asks this for every cadre, and building a map each time cost more than the rule.
 */
export function ownedSlotRanges(trips: readonly OrderedTrip[]): SlotRange[] {
  return attribute(trips).owned
}

function attribute(trips: readonly OrderedTrip[]): { sorted: number[]; owned: SlotRange[] } {
  // The key breaks a tie on (start, order) only so that the result never depends on input order.
  const sorted = Array.from(trips.keys()).sort((a, b) => {
    const x = trips[a] as OrderedTrip
    const y = trips[b] as OrderedTrip
    return x.range.from - y.range.from || x.order - y.order || x.key - y.key
  })
  const owned = new Array<SlotRange>(trips.length)
  let maxEnd = Number.NEGATIVE_INFINITY
  for (const i of sorted) {
    const trip = trips[i] as OrderedTrip
    owned[i] = { from: Math.max(trip.range.from, maxEnd + 1), to: trip.range.to }
    if (trip.range.to > maxEnd) maxEnd = trip.range.to
  }
  return { sorted, owned }
}
