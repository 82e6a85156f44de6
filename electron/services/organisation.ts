/**
 * The years the office works with. (The organisation that issues documents is read in
 * settings/organisation.ts.)
 */
import { desc, sql } from 'drizzle-orm'
import type { YearListing } from '../../shared/api/contract'
import { yearOf } from '../../shared/domain/dates'
import { trips, yearSettings } from '../db/schema'
import type { ServiceContext } from './context'

export function listYears(ctx: ServiceContext): YearListing {
  const today = ctx.clock.today()
  const currentYear = yearOf(today)
  // A trip that crosses New Year belongs to both years.
  const tripYears = ctx.db
    .selectDistinct({
      start: sql<string>`substr(${trips.startDate}, 1, 4)`,
      end: sql<string>`substr(${trips.endDate}, 1, 4)`
    })
    .from(trips)
    .all()
    .flatMap((r) => [Number(r.start), Number(r.end)])
  const settingYears = ctx.db
    .select({ year: yearSettings.year })
    .from(yearSettings)
    .orderBy(desc(yearSettings.year))
    .all()
    .map((r) => r.year)
  const newestFirst = (list: number[]) => [...new Set(list)].sort((a, b) => b - a)
  const dataYears = newestFirst(tripYears)
  const years = newestFirst([currentYear, ...tripYears, ...settingYears])
  return { years, dataYears, defaultYear: defaultYearOf(currentYear, dataYears), currentYear, today }
}

/**
 * January with last year's trips only: the summary opens on last year, not on an empty
 * current year. A year of planned trips ahead is chosen only when no earlier year has data.
 */
function defaultYearOf(currentYear: number, dataYears: number[]): number {
  if (dataYears.length === 0 || dataYears.includes(currentYear)) return currentYear
  return dataYears.find((y) => y < currentYear) ?? dataYears[dataYears.length - 1] ?? currentYear
}
