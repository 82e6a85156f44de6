/**
 * "3 chủ động": the cycle of the chosen year at a glance (registered, followed, evaluated,
 * recognised, per unit kind, what is late), the registrations, the units that have not
 * registered yet, the registration form, the recognition decision, the documents and the
 * province's commendations.
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import { useState } from 'react'
import type { RegistrationLine, ThreeActiveYearView } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatPercent } from '../../../../shared/domain/format'
import { UNIT_KIND_LABELS } from '../../../../shared/domain/kinds'
import { rate, RESULT_LABELS } from '../../../../shared/domain/three-active'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import '../../styles/three-active.css'
import { CommendationsPanel } from './CommendationsPanel'
import { DecisionPanel } from './DecisionPanel'
import { ImportPanel } from './ImportPanel'
import { useExportDocument } from './export'
import { RegistrationForm } from './RegistrationForm'
import { defaultCycleYear } from './search'

const route = getRouteApi('/3-chu-dong')

export function ResultBadge({ line }: { line: Pick<RegistrationLine, 'result' | 'recognised'> }) {
  if (line.recognised) return <span className="badge tcd-badge-ok">Được công nhận</span>
  const tone = line.result === 'DAT' ? 'ok' : line.result === 'KHONG_DAT' ? 'bad' : 'grey'
  return <span className={`badge tcd-badge-${tone}`}>{RESULT_LABELS[line.result]}</span>
}

function Stats({ view }: { view: ThreeActiveYearView }) {
  const t = view.totals
  const stats = [
    { id: 'units', label: 'Đơn vị cơ sở', value: String(t.units), note: 'đoàn xã, phường, cơ sở' },
    {
      id: 'registered',
      label: 'Đã đăng ký',
      value: `${t.registered}`,
      note:
        t.late > 0 ? `${t.late} đăng ký sau hạn` : `${formatPercent(rate(t.registered, t.units))} số đơn vị`,
      warn: t.late > 0
    },
    {
      id: 'followed',
      label: 'Có cán bộ theo dõi',
      value: String(t.followed),
      note: `trên ${t.registered} đơn vị đăng ký`,
      warn: t.followed < t.registered
    },
    {
      id: 'evaluated',
      label: 'Đã đánh giá',
      value: String(t.evaluated),
      note: `${t.passed} đạt cả ba trụ cột`
    },
    {
      id: 'recognised',
      label: 'Được công nhận',
      value: String(t.recognised),
      note: view.decision ? `QĐ ngày ${formatDateVi(view.decision.decidedOn)}` : 'chưa có quyết định'
    }
  ]
  return (
    <div className="stats tcd-stats">
      {stats.map((s) => (
        <div key={s.id} className={s.warn ? 'stat stat-warn' : 'stat'} data-testid={`tcd-stat-${s.id}`}>
          <div className="stat-label">{s.label}</div>
          <div className="stat-value">{s.value}</div>
          <div className="stat-note">{s.note}</div>
        </div>
      ))}
    </div>
  )
}

function KindTable({ view }: { view: ThreeActiveYearView }) {
  return (
    <div className="table-wrap">
      <table className="data-table tcd-kinds" aria-label="Theo loại đơn vị">
        <thead>
          <tr>
            <th>Loại đơn vị</th>
            <th>Số đơn vị</th>
            <th>Đăng ký</th>
            <th>Sau hạn</th>
            <th>Có theo dõi</th>
            <th>Đã đánh giá</th>
            <th>Đạt</th>
            <th>Công nhận</th>
            <th>Tỉ lệ công nhận</th>
          </tr>
        </thead>
        <tbody>
          {view.byKind.map((c) => (
            <tr key={c.kind}>
              <td>{UNIT_KIND_LABELS[c.kind]}</td>
              <td>{c.units}</td>
              <td>{c.registered}</td>
              <td className={c.late > 0 ? 'tcd-late' : undefined}>{c.late}</td>
              <td>{c.followed}</td>
              <td>{c.evaluated}</td>
              <td>{c.passed}</td>
              <td>{c.recognised}</td>
              <td>{c.registered ? formatPercent(rate(c.recognised, c.registered)) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RegistrationsTable({ view }: { view: ThreeActiveYearView }) {
  if (view.registrations.length === 0) {
    return <p className="muted">Chưa có đơn vị nào đăng ký cho năm {view.year}.</p>
  }
  return (
    <div className="table-wrap">
      <table className="data-table tcd-registrations" aria-label="Đơn vị đã đăng ký">
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Cấp trên</th>
            <th>Ngày đăng ký</th>
            <th>Cán bộ theo dõi</th>
            <th>Lần đến</th>
            <th>Kết quả</th>
            <th>Trụ cột chưa đạt</th>
          </tr>
        </thead>
        <tbody>
          {view.registrations.map((l) => (
            <tr key={l.unit.code}>
              <td>
                <Link to="/3-chu-dong/$code" params={{ code: l.unit.code }} search={{ nam: view.year }}>
                  {l.unit.name}
                </Link>
                <div className="muted tcd-sub">
                  {l.unit.code} · {UNIT_KIND_LABELS[l.unit.kind]}
                </div>
              </td>
              <td>{l.parent?.name ?? '—'}</td>
              <td>
                {formatDateVi(l.registeredOn)}
                {l.late && <span className="badge tcd-badge-bad tcd-inline">Sau hạn</span>}
              </td>
              <td>{l.follower ? l.follower.fullName : <span className="tcd-late">Chưa phân công</span>}</td>
              <td>{l.follower ? l.visits : '—'}</td>
              <td>
                <ResultBadge line={l} />
              </td>
              <td>{l.failedPillars.length ? l.failedPillars.map((p) => `Trụ cột ${p}`).join(', ') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function ThreeActivePage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const year = search.nam ?? defaultCycleYear()
  const query = useApiQuery('threeActive.year', { year })
  const [preset, setPreset] = useState<string | null>(null)
  const docs = useExportDocument()
  const years = Array.from({ length: 7 }, (_, i) => defaultCycleYear() - 4 + i)

  return (
    <section className="page tcd-page">
      <header className="page-header">
        <h1>Đoàn cơ sở &quot;3 chủ động&quot;</h1>
        <div className="toolbar">
          <label className="field">
            <span>Năm thực hiện</span>
            <select
              className="input"
              value={year}
              onChange={(e) => void navigate({ search: { nam: Number(e.target.value) } })}
              aria-label="Năm thực hiện"
            >
              {(years.includes(year) ? years : [...years, year].sort()).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <Link className="btn" to="/3-chu-dong/tieu-chi" search={{ nam: year }}>
            Tiêu chí và hạn đăng ký
          </Link>
        </div>
      </header>
      {query.error && <ErrorAlert error={toErrorInfo(query.error)} />}
      {query.data && (
        <>
          <p className="page-lead">
            Năm {year}: đơn vị đăng ký trước {formatDateVi(query.data.deadlines.registration)}, báo cáo cấp
            trên trước {formatDateVi(query.data.deadlines.report)}
            {query.data.deadlines.stored ? '' : ' (mặc định)'}; bộ tiêu chí{' '}
            {query.data.period.name.toLowerCase()}.
          </p>
          <Stats view={query.data} />
          {query.data.lateNotes.length > 0 && (
            <div className="alert tcd-warn" role="status" aria-label="Việc chậm">
              <ul>
                {query.data.lateNotes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="tcd-grid">
            <div className="panel">
              <h2>Theo loại đơn vị</h2>
              <KindTable view={query.data} />
            </div>
            <div className="panel">
              <h2>Văn bản</h2>
              <div className="tcd-doc-buttons">
                <button
                  type="button"
                  className="btn"
                  disabled={docs.busy}
                  onClick={() => void docs.run('three-active-form', year)}
                >
                  Phiếu đăng ký (các đơn vị)
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={docs.busy}
                  onClick={() => void docs.run('three-active-record', year)}
                >
                  Biên bản đánh giá (các đơn vị)
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={docs.busy}
                  onClick={() => void docs.run('three-active-report', year)}
                >
                  Báo cáo tổng hợp
                </button>
              </div>
              {docs.message && <p className="alert alert-success">{docs.message}</p>}
              {docs.error && <ErrorAlert error={docs.error} onClose={docs.clearError} />}
            </div>
          </div>
          <div className="panel">
            <h2>Đơn vị đã đăng ký ({query.data.registrations.length})</h2>
            <RegistrationsTable view={query.data} />
          </div>
          <div className="tcd-grid">
            <div className="panel">
              <h2>Chưa đăng ký ({query.data.notRegistered.length})</h2>
              {query.data.notRegistered.length === 0 && query.data.registrations.length === 0 ? (
                <p className="muted">
                  Danh sách đơn vị chưa có đoàn xã, đoàn phường hay đoàn cơ sở nào: thêm ở trang{' '}
                  <Link to="/don-vi">Đơn vị</Link>.
                </p>
              ) : query.data.notRegistered.length === 0 ? (
                <p className="muted">Mọi đoàn cơ sở đang hoạt động đã đăng ký.</p>
              ) : (
                <ul className="tcd-unregistered" aria-label="Đơn vị chưa đăng ký">
                  {query.data.notRegistered.map((u) => (
                    <li key={u.code}>
                      <span>
                        {u.name}{' '}
                        <span className="muted">
                          ({u.code}
                          {u.parent ? ` · ${u.parent.name}` : ''})
                        </span>
                      </span>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setPreset(u.code)}
                        disabled={query.data.decision !== null}
                      >
                        Đăng ký
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="panel">
              <h2>Đăng ký mới</h2>
              {query.data.decision ? (
                <p className="muted">Năm {year} đã có quyết định công nhận: không nhận thêm đăng ký.</p>
              ) : (
                <RegistrationForm
                  key={`${year}-${preset ?? ''}`}
                  year={year}
                  units={query.data.notRegistered}
                  unitCode={preset}
                  deadline={query.data.deadlines.registration}
                />
              )}
            </div>
          </div>
          <DecisionPanel view={query.data} />
          <CommendationsPanel view={query.data} />
          <ImportPanel />
        </>
      )}
    </section>
  )
}
