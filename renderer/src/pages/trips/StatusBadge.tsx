import { TRIP_STATUS_LABELS, type TripStatus } from '../../../../shared/domain/kinds'

/** A trip's status; a trip done whose report is late shows the delay instead (RULES.md §8). */
export function StatusBadge({ status, overdueDays }: { status: TripStatus; overdueDays: number }) {
  if (overdueDays > 0) {
    return (
      <span
        className="badge trip-status trip-status-overdue"
        title={`${TRIP_STATUS_LABELS[status]}, quá hạn báo cáo ${overdueDays} ngày`}
      >
        Quá hạn {overdueDays} ngày
      </span>
    )
  }
  return <span className={`badge trip-status trip-status-${status}`}>{TRIP_STATUS_LABELS[status]}</span>
}
