/**
 * Trips whose report is overdue as of the dashboard's date (RULES.md §8), the most overdue
 * first. The first ones are listed with links; the logbook's "quá hạn báo cáo" filter has all.
 */
import { Link } from '@tanstack/react-router'
import { Fragment } from 'react'
import type { DashboardView } from '../../../../shared/api/dashboard'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatNumberVi } from '../../../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS } from '../../../../shared/domain/kinds'

/** Enough to act on at a meeting without pushing the charts off the screen. */
const SHOWN = 8

export function OverdueList({ view }: { view: DashboardView }) {
  const trips = view.overdueReports
  const rest = trips.length - SHOWN
  return (
    <section className="dash-panel" data-testid="overdue-list" aria-labelledby="overdue-title">
      <header className="dash-panel-header">
        <div>
          <h2 id="overdue-title">
            Chuyến đi quá hạn báo cáo
            {trips.length > 0 && <span className="count-badge">{formatNumberVi(trips.length)}</span>}
          </h2>
          <p className="dash-panel-note">
            Đã thực hiện, chưa nộp báo cáo sau {formatNumberVi(view.reportDueDays)} ngày kể từ khi kết thúc
            (tính đến {formatDateVi(view.asOf)}).
          </p>
        </div>
      </header>
      {trips.length === 0 ? (
        <p className="dash-empty">Không có chuyến đi nào quá hạn báo cáo.</p>
      ) : (
        <table className="data-table dash-table">
          <thead>
            <tr>
              <th>Chuyến</th>
              <th>Ngày</th>
              <th>Cán bộ</th>
              <th className="num">Quá hạn</th>
            </tr>
          </thead>
          <tbody>
            {trips.slice(0, SHOWN).map((t) => (
              <tr key={t.code} data-code={t.code}>
                <td>
                  <Link to="/chuyen-di/$code" params={{ code: t.code }}>
                    {t.code}
                  </Link>
                  <div className="cadre-sub">{CONTENT_KIND_SHORT_LABELS[t.kind]}</div>
                </td>
                <td className="nowrap">
                  {t.startDate === t.endDate
                    ? formatDateVi(t.startDate)
                    : `${formatDateVi(t.startDate)} – ${formatDateVi(t.endDate)}`}
                </td>
                <td>
                  {t.cadres.map((c, i) => (
                    <Fragment key={c.code}>
                      {i > 0 && ', '}
                      <Link to="/can-bo/$code" params={{ code: c.code }} search={{ nam: view.year }}>
                        {c.name}
                      </Link>
                    </Fragment>
                  ))}
                </td>
                <td className="num" data-col="overdue">
                  {formatNumberVi(t.overdueDays)} ngày
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rest > 0 && (
        <p className="dash-more">
          … và {formatNumberVi(rest)} chuyến khác.{' '}
          <Link to="/chuyen-di" search={{ year: view.year, overdue: true }} className="no-print">
            Xem tất cả ở Chuyến đi
          </Link>
        </p>
      )}
    </section>
  )
}
