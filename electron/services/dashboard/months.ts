/**
 * Days per month this year against last year, from the same rows and rules as the year
 * summary (shared/domain/progress.ts daysByMonth), so this year's months add up to Tổng số ngày.
 */
import type { DashboardMonth } from '../../../shared/api/dashboard'
import type { IsoDate } from '../../../shared/domain/dates'
import { daysByMonth } from '../../../shared/domain/progress'
import type { YearSettings } from '../../../shared/domain/settings'
import type { SummaryCadre, SummaryTrip } from '../../../shared/domain/summary'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/index'
import { loadSummaryRows } from '../summary'

export interface MonthsInput {
  settings: YearSettings
  asOf: IsoDate
  cadres: readonly SummaryCadre[]
  trips: readonly SummaryTrip[]
}

export function compareMonths(
  ctx: ServiceContext,
  current: MonthsInput
): { months: DashboardMonth[]; previousYear: number; previousYearHasTrips: boolean } {
  const previousYear = current.settings.year - 1
  const previousSettings = getYearSettings(ctx.db, previousYear)
  const previousRows = loadSummaryRows(ctx, previousYear, previousSettings)
  // Last year is over: the whole of its window counts.
  const previous = new Map(
    daysByMonth({ settings: previousSettings, asOf: previousSettings.windowEnd, ...previousRows }).map(
      (m) => [m.month, m.days]
    )
  )
  const thisYear = new Map(daysByMonth(current).map((m) => [m.month, m.days]))
  const year = current.settings.year
  const months: DashboardMonth[] = []
  for (let month = 1; month <= 12; month++) {
    const days = thisYear.get(month)
    const reached = `${year}-${month.toString().padStart(2, '0')}-01` <= current.asOf
    months.push({
      month,
      // A month not reached yet has no figure (not a zero: nothing could have been done yet).
      days: days === undefined || !reached ? null : days,
      previousDays: previous.get(month) ?? null
    })
  }
  return { months, previousYear, previousYearHasTrips: previousRows.trips.length > 0 }
}
