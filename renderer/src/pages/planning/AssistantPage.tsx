/**
 * Trợ lý lập kế hoạch: for a quarter and an as-of date the service proposes registrations that
 * keep every subject cadre on pace (shared/domain/planning-assistant.ts). The clerk reviews the
 * list — untick a row, change its kind or unit — and accepts: the ticked rows become
 * registrations (or, with "Thường trực duyệt luôn", approved ones with their planned trips).
 */
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { ProposalView } from '../../../../shared/api/planning'
import { formatDateVi, isValidIsoDate, parseTypedDate } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS, CONTENT_KINDS, type ContentKind } from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/planning.css'
import { QuarterPicker } from './QuarterPicker'
import { quarterInput } from './search'

const route = getRouteApi('/ke-hoach-quy/tro-ly')

interface Row extends ProposalView {
  key: number
  chosen: boolean
}

function half(h: string): string {
  return h === 'SANG' ? 'sáng' : 'chiều'
}

/** "06/10 sáng – 08/10 chiều", "07/10 sáng" (the year is the quarter's). */
function spanText(r: ProposalView): string {
  const day = (d: string) => formatDateVi(d).slice(0, 5)
  if (r.startDate === r.endDate) {
    return r.startHalf === r.endHalf
      ? `${day(r.startDate)} ${half(r.startHalf)}`
      : `${day(r.startDate)} cả ngày`
  }
  return `${day(r.startDate)} ${half(r.startHalf)} – ${day(r.endDate)} ${half(r.endHalf)}`
}

export function AssistantPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const go = useNavigate()
  const plan = useApiQuery('planning.quarter', quarterInput(search))
  const year = plan.data?.year ?? 2000
  const quarter = plan.data?.quarter ?? 1
  // The as-of date defaults to the service's today, like every summary.
  const asOf = search.ngay ?? plan.data?.today ?? ''
  const [typed, setTyped] = useState('')
  const [typedFor, setTypedFor] = useState('')
  if (typedFor !== asOf) {
    setTypedFor(asOf)
    setTyped(asOf ? formatDateVi(asOf) : '')
  }
  const result = useApiQuery(
    'planning.propose',
    { year, quarter, asOf },
    { enabled: Boolean(plan.data && asOf) }
  )
  const choices = useApiQuery('trips.choices', {})
  const accept = useApiMutation('planning.accept')
  const [rows, setRows] = useState<Row[]>([])
  const [approve, setApprove] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  // A new proposal (another quarter or date) replaces the rows being reviewed.
  const [seen, setSeen] = useState<typeof result.data>(undefined)
  if (seen !== result.data) {
    setSeen(result.data)
    setRows((result.data?.proposals ?? []).map((p, key) => ({ ...p, key, chosen: true })))
  }
  const chosen = rows.filter((r) => r.chosen)
  const unitOptions = useMemo(
    () => choices.data?.units.filter((u) => u.kind !== 'TINH_DOAN') ?? [],
    [choices.data]
  )
  const edit = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  const data = result.data
  return (
    <section className="page plan-page">
      <header className="page-header plan-header">
        <h1>Trợ lý lập kế hoạch</h1>
        {plan.data && (
          <QuarterPicker
            choices={plan.data.choices}
            year={year}
            quarter={quarter}
            onChange={(q) => void navigate({ search: { ...search, nam: q.year, quy: q.quarter } })}
          />
        )}
        <label className="field plan-asof">
          <span>Tính đến ngày</span>
          <input
            className="input"
            value={typed}
            aria-label="Tính đến ngày"
            onChange={(e) => setTyped(e.target.value)}
            onBlur={() => {
              const parsed = parseTypedDate(typed, year)
              if (parsed && isValidIsoDate(parsed)) void navigate({ search: { ...search, ngay: parsed } })
              else setTyped(formatDateVi(asOf))
            }}
          />
        </label>
        <Link to="/ke-hoach-quy" search={{ nam: year, quy: quarter }} className="btn btn-small">
          Về kế hoạch quý
        </Link>
      </header>
      <p className="page-lead">
        Đề xuất để mỗi cán bộ thuộc diện đạt tiến độ đến hết quý (quý IV: đủ chỉ tiêu năm) và các tỉ lệ cơ
        cấu; xếp vào các đợt trước, tránh thứ Bảy, Chủ nhật, ngày lễ, kỳ miễn giảm và ngày đã có chuyến; ưu
        tiên đơn vị thuộc địa bàn phụ trách và đơn vị chưa có ai đến.
      </p>
      {result.error && <ErrorAlert error={toErrorInfo(result.error)} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {plan.error && <ErrorAlert error={toErrorInfo(plan.error)} />}
      {(plan.isPending || result.isPending) && <p className="plan-muted">Đang tính đề xuất…</p>}
      {data && (
        <>
          {data.roundCount === 0 && (
            <div className="plan-notice" role="status">
              {data.label} chưa có đợt nào: đề xuất xếp vào các ngày làm việc trong quý.{' '}
              <Link to="/ke-hoach-quy" search={{ nam: year, quy: quarter }}>
                Thêm đợt
              </Link>
            </div>
          )}
          <section className="panel plan-panel" aria-labelledby="plan-proposals-title">
            <div className="plan-panel-head">
              <h2 id="plan-proposals-title">
                Đề xuất ({chosen.length}/{rows.length} chuyến,{' '}
                {formatDays(chosen.reduce((s, r) => s + r.days, 0))} ngày)
              </h2>
              {rows.length > 0 && (
                <div className="plan-accept">
                  <label className="plan-check-label">
                    <input type="checkbox" checked={approve} onChange={(e) => setApprove(e.target.checked)} />{' '}
                    Thường trực duyệt luôn (tạo chuyến đi dự kiến)
                  </label>
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={chosen.length === 0 || accept.isPending}
                    onClick={() =>
                      accept.mutate(
                        {
                          year,
                          quarter,
                          approve,
                          proposals: chosen.map((r) => ({
                            cadreCode: r.cadreCode,
                            roundNumber: r.roundNumber,
                            startDate: r.startDate,
                            startHalf: r.startHalf,
                            endDate: r.endDate,
                            endHalf: r.endHalf,
                            kind: r.kind,
                            unitCodes: r.unitCodes,
                            topic: null,
                            reason: r.reason
                          }))
                        },
                        {
                          onSuccess: () =>
                            void go({ to: '/ke-hoach-quy', search: { nam: year, quy: quarter } }),
                          onError: (e) => setError(toErrorInfo(e))
                        }
                      )
                    }
                  >
                    Nhận {chosen.length} đề xuất
                  </button>
                </div>
              )}
            </div>
            {rows.length === 0 ? (
              <p className="plan-muted">
                Không có gì cần đề xuất
                {data.cadres.length > 0
                  ? ': mọi cán bộ đã đủ với các chuyến đã có và đã đăng ký.'
                  : ': chưa có cán bộ nào thuộc diện.'}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="data-table plan-proposals">
                  <thead>
                    <tr>
                      <th className="plan-check">
                        <input
                          type="checkbox"
                          aria-label="Chọn tất cả đề xuất"
                          checked={rows.every((r) => r.chosen)}
                          onChange={(e) =>
                            setRows((list) => list.map((r) => ({ ...r, chosen: e.target.checked })))
                          }
                        />
                      </th>
                      <th>Cán bộ</th>
                      <th>Đợt</th>
                      <th>Thời gian</th>
                      <th className="num">Ngày</th>
                      <th>Nội dung</th>
                      <th>Đơn vị đến</th>
                      <th>Vì sao</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.key} className={r.chosen ? undefined : 'plan-unchosen'}>
                        <td className="plan-check">
                          <input
                            type="checkbox"
                            aria-label={`Nhận đề xuất ${r.cadreName} ${formatDateVi(r.startDate)}`}
                            checked={r.chosen}
                            onChange={(e) => edit(r.key, { chosen: e.target.checked })}
                          />
                        </td>
                        <td className="plan-name">{r.cadreName}</td>
                        <td className="nowrap">
                          {r.roundNumber === null ? (
                            <span className="plan-muted">ngoài đợt</span>
                          ) : (
                            `Đợt ${r.roundNumber}`
                          )}
                        </td>
                        <td className="nowrap">{spanText(r)}</td>
                        <td className="num">{formatDays(r.days)}</td>
                        <td>
                          <select
                            className="input plan-cell-select"
                            aria-label={`Loại nội dung ${r.cadreName} ${formatDateVi(r.startDate)}`}
                            value={r.kind}
                            onChange={(e) => edit(r.key, { kind: e.target.value as ContentKind })}
                          >
                            {CONTENT_KINDS.map((k) => (
                              <option key={k} value={k}>
                                {CONTENT_KIND_SHORT_LABELS[k]}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <select
                            className="input plan-cell-select"
                            aria-label={`Đơn vị ${r.cadreName} ${formatDateVi(r.startDate)}`}
                            value={r.unitCodes[0] ?? ''}
                            onChange={(e) => {
                              const unit = unitOptions.find((u) => u.code === e.target.value)
                              if (unit) edit(r.key, { unitCodes: [unit.code], unitNames: [unit.name] })
                            }}
                          >
                            {unitOptions.map((u) => (
                              <option key={u.code} value={u.code}>
                                {u.name}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className="plan-reason">{r.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {data.impossible.length > 0 && (
            <section className="panel plan-panel plan-impossible" aria-labelledby="plan-impossible-title">
              <h2 id="plan-impossible-title">
                Không thể đạt trong thời gian còn lại ({data.impossible.length})
              </h2>
              <ul>
                {data.impossible.map((c) => (
                  <li key={c.code}>
                    <strong>{c.name}</strong> ({c.code}): {c.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel plan-panel" aria-labelledby="plan-outlook-title">
            <h2 id="plan-outlook-title">Từng cán bộ thuộc diện</h2>
            {data.cadres.length === 0 ? (
              <p className="plan-muted">Chưa có cán bộ nào thuộc diện thực hiện chế độ trong năm {year}.</p>
            ) : (
              <table className="data-table plan-outlook">
                <thead>
                  <tr>
                    <th>Cán bộ</th>
                    <th className="num">Chỉ tiêu năm</th>
                    <th className="num">Mục tiêu đến hết quý</th>
                    <th className="num">Đã thực hiện</th>
                    <th className="num">Đã có kế hoạch</th>
                    <th className="num">Đề xuất thêm</th>
                    <th className="num">Sau đề xuất</th>
                    <th>Nhận xét</th>
                  </tr>
                </thead>
                <tbody>
                  {data.cadres.map((c) => (
                    <tr key={c.code}>
                      <td>{c.name}</td>
                      <td className="num">{formatDays(c.target)}</td>
                      <td className="num">{formatDays(c.goal)}</td>
                      <td className="num">{formatDays(c.doneDays)}</td>
                      <td className="num">{formatDays(c.projectedDays)}</td>
                      <td className="num">{formatDays(c.proposedDays)}</td>
                      <td className={c.reachesGoal && c.meetsRatios ? 'num' : 'num plan-short'}>
                        {formatDays(c.finalDays)}
                      </td>
                      <td className="plan-reason">{c.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  )
}
