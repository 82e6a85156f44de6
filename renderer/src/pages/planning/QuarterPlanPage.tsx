/**
 * Kế hoạch quý: choose a quarter (any quarter of this year and next year: in November the
 * first quarter of next year is prepared), set its rounds, see and approve the cadres'
 * registrations, and compare the plan with what was done, per cadre and per round.
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import type { CadrePlanRow } from '../../../../shared/api/planning'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import '../../styles/planning.css'
import { QuarterPicker } from './QuarterPicker'
import { RegistrationsPanel } from './RegistrationsPanel'
import { RoundsPanel } from './RoundsPanel'
import { quarterInput } from './search'

const route = getRouteApi('/ke-hoach-quy')

export function QuarterPlanPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const plan = useApiQuery('planning.quarter', quarterInput(search))
  const data = plan.data
  const year = data?.year ?? search.nam ?? 0
  const quarter = data?.quarter ?? search.quy ?? 1
  return (
    <section className="page plan-page">
      <header className="page-header plan-header">
        <h1>Kế hoạch quý</h1>
        {data && (
          <QuarterPicker
            choices={data.choices}
            year={year}
            quarter={quarter}
            onChange={(q) => void navigate({ search: { nam: q.year, quy: q.quarter } })}
          />
        )}
        <nav className="plan-links" aria-label="Kế hoạch quý">
          <Link to="/ke-hoach-quy/tro-ly" search={{ nam: year, quy: quarter }} className="btn btn-small">
            Trợ lý lập kế hoạch
          </Link>
          <Link to="/ke-hoach-quy/phu-trach" search={{ nam: year, quy: quarter }} className="btn btn-small">
            Phụ trách và địa bàn
          </Link>
          <Link to="/ke-hoach-quy/lich" search={{ view: 'quy', year, quarter }} className="btn btn-small">
            Lịch
          </Link>
        </nav>
      </header>
      {data && (
        <p className="page-lead">
          {data.label}: từ {formatDateVi(data.from)} đến {formatDateVi(data.to)}. Đăng ký được Thường trực
          duyệt thành chuyến đi dự kiến trong Sổ chuyến đi; khi chuyến đi được đánh dấu đã thực hiện, số ngày
          vào Tổng hợp năm.
        </p>
      )}
      {plan.error && <ErrorAlert error={toErrorInfo(plan.error)} />}
      {plan.isPending && <p className="plan-muted">Đang tải…</p>}
      {data && (
        <>
          <RoundsPanel key={`${year}-${quarter}`} year={year} quarter={quarter} rounds={data.rounds} />
          <RegistrationsPanel
            key={`r-${year}-${quarter}`}
            year={year}
            quarter={quarter}
            registrations={data.registrations}
          />
          <CadresPanel rows={data.cadres} year={year} />
        </>
      )}
    </section>
  )
}

function CadresPanel({ rows, year }: { rows: CadrePlanRow[]; year: number }) {
  return (
    <section className="panel plan-panel" aria-labelledby="plan-cadres-title">
      <h2 id="plan-cadres-title">Kế hoạch và thực hiện theo cán bộ</h2>
      {rows.length === 0 ? (
        <p className="plan-muted">Chưa có cán bộ nào đăng ký hay đi cơ sở trong quý.</p>
      ) : (
        <table className="data-table plan-cadres">
          <thead>
            <tr>
              <th>Cán bộ</th>
              <th>Ban</th>
              <th className="num">Chờ duyệt</th>
              <th className="num">Đã duyệt (dự kiến)</th>
              <th className="num">Đã thực hiện theo kế hoạch</th>
              <th className="num">Đi ngoài kế hoạch</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.cadreCode}>
                <td>
                  <Link to="/can-bo/$code" params={{ code: r.cadreCode }} search={{ nam: year }}>
                    {r.name}
                  </Link>
                </td>
                <td>{r.departmentName}</td>
                <td className="num">{formatDays(r.pendingDays)}</td>
                <td className="num">{formatDays(r.approvedDays)}</td>
                <td className="num">{formatDays(r.doneDays)}</td>
                <td className="num">{formatDays(r.unplannedDoneDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
