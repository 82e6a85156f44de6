/**
 * The organisation that issues documents (one row), and the years the office works with.
 */
import { desc, sql } from 'drizzle-orm'
import type { Organisation, YearListing } from '../../shared/api/contract'
import { yearOf } from '../../shared/domain/dates'
import { organisation, trips, yearSettings } from '../db/schema'
import type { ServiceContext } from './context'

export function getOrganisation(ctx: ServiceContext): Organisation | null {
  const row = ctx.db.select().from(organisation).get()
  if (!row) return null
  return {
    issuerName: row.issuerName,
    placeName: row.placeName,
    issuerAbbreviation: row.issuerAbbreviation,
    issuerLevelName: row.issuerLevelName,
    congressTerm: row.congressTerm
  }
}

export function listYears(ctx: ServiceContext): YearListing {
  const today = ctx.clock.today()
  const currentYear = yearOf(today)
  const tripYears = ctx.db
    .selectDistinct({ year: sql<string>`substr(${trips.startDate}, 1, 4)` })
    .from(trips)
    .all()
    .map((r) => Number(r.year))
  const settingYears = ctx.db
    .select({ year: yearSettings.year })
    .from(yearSettings)
    .orderBy(desc(yearSettings.year))
    .all()
    .map((r) => r.year)
  const years = [...new Set([currentYear, ...tripYears, ...settingYears])].sort((a, b) => b - a)
  return { years, currentYear, today }
}
