/** Cadres behind pace (RULES.md §6), the furthest behind first, each linking to the cadre. */
import { Link } from '@tanstack/react-router'
import type { DashboardView } from '../../../../shared/api/dashboard'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'

export function BehindList({ view }: { view: DashboardView }) {
  return (
    <section className="dash-panel" data-testid="behind-list" aria-labelledby="behind-title">
      <header className="dash-panel-header">
        <div>
          <h2 id="behind-title">Cán bộ chậm tiến độ</h2>
          <p className="dash-panel-note">
            {view.inProgress ? (
              `Đã đi ít hơn số ngày cần đạt đến ${formatDateVi(view.asOf)} quá ${formatDays(view.behindPaceDays)} ngày.`
            ) : (
              <>
                Năm đã kết thúc: không còn tính tiến độ, xem trạng thái từng người ở{' '}
                <Link to="/tong-hop-nam">Tổng hợp năm</Link>.
              </>
            )}
          </p>
        </div>
      </header>
      {view.inProgress && view.behind.length === 0 && (
        <p className="dash-empty">Không có cán bộ nào chậm tiến độ.</p>
      )}
      {view.behind.length > 0 && (
        <table className="data-table dash-table">
          <thead>
            <tr>
              <th>Cán bộ</th>
              <th>Ban</th>
              <th className="num">Đã đi</th>
              <th className="num">Cần đạt</th>
              <th className="num">Chậm</th>
            </tr>
          </thead>
          <tbody>
            {view.behind.map((c) => (
              <tr key={c.code} data-code={c.code}>
                <td>
                  <Link to="/can-bo/$code" params={{ code: c.code }} search={{ nam: view.year }}>
                    {c.name}
                  </Link>
                </td>
                <td className="muted">{c.departmentName}</td>
                <td className="num" data-col="days">
                  {formatDays(c.days)}
                </td>
                <td className="num" data-col="expected">
                  {c.pace ? formatDays(c.pace.expectedDays) : '—'}
                </td>
                <td className="num behind-gap" data-col="gap">
                  {c.paceGap === null ? '—' : `${formatDays(c.paceGap)} ngày`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
