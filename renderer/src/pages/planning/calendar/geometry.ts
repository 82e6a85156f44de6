/**
 * Where things sit on the calendar's day axis. Positions are in days from the first day shown
 * (half days as .5), turned into percentages of the track, so a bar is one absolutely placed
 * element whatever its length and the grid never needs one element per cadre and day.
 */
import { maxDate, minDate, toDayNumber, type IsoDate } from '../../../../../shared/domain/dates'
import type { HalfDay } from '../../../../../shared/domain/kinds'

export interface Span {
  start: number
  end: number
}

/** The part of [startDate startHalf, endDate endHalf] inside [from, to], in days from `from`. */
export function spanOf(
  from: IsoDate,
  to: IsoDate,
  item: { startDate: IsoDate; startHalf?: HalfDay; endDate: IsoDate; endHalf?: HalfDay }
): Span | null {
  if (item.endDate < from || item.startDate > to) return null
  const first = toDayNumber(from)
  const start =
    toDayNumber(maxDate(item.startDate, from)) -
    first +
    (item.startDate >= from && item.startHalf === 'CHIEU' ? 0.5 : 0)
  const end =
    toDayNumber(minDate(item.endDate, to)) -
    first +
    1 -
    (item.endDate <= to && item.endHalf === 'SANG' ? 0.5 : 0)
  return end > start ? { start, end } : null
}

/** CSS left and width of a span on a track of `days` days. */
export function placeOf(span: Span, days: number): { left: string; width: string } {
  return { left: `${(span.start / days) * 100}%`, width: `${((span.end - span.start) / days) * 100}%` }
}

/** The day column under a pointer x, clamped to the track. */
export function columnAt(clientX: number, rect: { left: number; width: number }, days: number): number {
  const col = Math.floor(((clientX - rect.left) / rect.width) * days)
  return Math.min(days - 1, Math.max(0, col))
}
