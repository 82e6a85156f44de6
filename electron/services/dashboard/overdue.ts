/**
 * Trips whose report is overdue as of the dashboard's date (RULES.md §8, the rule in
 * shared/domain/reports-due.ts), as the progress report lists them, with codes to link to.
 */
import type { OverdueReport } from '../../../shared/api/dashboard'
import type { IsoDate } from '../../../shared/domain/dates'
import { reportDueDate, reportOverdueDays } from '../../../shared/domain/reports-due'
import type { YearSettings } from '../../../shared/domain/settings'
import type { ServiceContext } from '../context'
import { listTripsBetween } from '../trips-read'

export function listOverdueReports(
  ctx: ServiceContext,
  settings: YearSettings,
  asOf: IsoDate
): OverdueReport[] {
  if (asOf < settings.windowStart) return []
  return listTripsBetween(ctx, settings.windowStart, asOf)
    .map((trip) => ({ trip, overdueDays: reportOverdueDays(trip, asOf, settings.reportDueDays) }))
    .filter(({ overdueDays }) => overdueDays > 0)
    .map(({ trip, overdueDays }) => ({
      code: trip.code,
      startDate: trip.startDate,
      endDate: trip.endDate,
      kind: trip.kind,
      cadres: trip.cadres.map((c) => ({ code: c.code, name: c.fullName })),
      dueDate: reportDueDate(trip.endDate, settings.reportDueDays),
      overdueDays
    }))
    .sort((a, b) => b.overdueDays - a.overdueDays || a.code.localeCompare(b.code))
}
