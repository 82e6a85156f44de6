/**
 * Trip reports (RULES.md §8): a report (báo cáo kết quả đi cơ sở) is due a number of days
 * (setting, default 10) after the trip ends. A trip done, with no report date, after that
 * day is "quá hạn báo cáo".
 */
import { addDays, toDayNumber, type IsoDate } from './dates'
import type { TripStatus } from './kinds'

export interface TripReportState {
  status: TripStatus
  endDate: IsoDate
  reportDate: IsoDate | null
}

/** The last day the report is on time. */
export function reportDueDate(endDate: IsoDate, reportDueDays: number): IsoDate {
  return addDays(endDate, reportDueDays)
}

/**
 * Days past the due date as of `asOf` (0 when not overdue). A planned trip owes no report;
 * a trip marked reported, or with a report date, has delivered it.
 */
export function reportOverdueDays(trip: TripReportState, asOf: IsoDate, reportDueDays: number): number {
  if (trip.status !== 'DA_THUC_HIEN' || trip.reportDate !== null) return 0
  return Math.max(0, toDayNumber(asOf) - toDayNumber(reportDueDate(trip.endDate, reportDueDays)))
}

export function isReportOverdue(trip: TripReportState, asOf: IsoDate, reportDueDays: number): boolean {
  return reportOverdueDays(trip, asOf, reportDueDays) > 0
}
