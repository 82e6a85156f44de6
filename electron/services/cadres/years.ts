/**
 * Which years the cadre screens offer, and which one they open on: the newest year that has
 * trips, not counting years after the current one (planned trips of next year do not make it
 * the year the office works on); the current year when there are no trips yet.
 */
import { lte, max } from 'drizzle-orm'
import { yearEnd, yearOf } from '../../../shared/domain/dates'
import { trips } from '../../db/schema'
import type { ServiceContext } from '../context'
import { listYears } from '../organisation'

export interface YearChoices {
  years: number[]
  defaultYear: number
}

export function cadreYears(ctx: ServiceContext, asked?: number): YearChoices {
  const listing = listYears(ctx)
  const newest = ctx.db
    .select({ start: max(trips.startDate) })
    .from(trips)
    .where(lte(trips.startDate, yearEnd(listing.currentYear)))
    .get()?.start
  const defaultYear = newest ? yearOf(newest) : listing.currentYear
  // A year typed in the address (an old year without trips) is still offered while shown.
  const years = new Set(listing.years)
  if (asked !== undefined) years.add(asked)
  return { years: [...years].sort((a, b) => b - a), defaultYear }
}
