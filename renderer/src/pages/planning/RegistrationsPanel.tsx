/**
 * The quarter's registrations: who goes where and when, their status, and the trip approval
 * made. The clerk ticks rows and moves them (ban duyệt, Thường trực duyệt — which makes the
 * planned trips —, không duyệt); a registration not yet approved can be edited or deleted.
 */
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { RegistrationView } from '../../../../shared/api/planning'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS, TRIP_STATUS_LABELS } from '../../../../shared/domain/kinds'
import {
  canMoveRegistration,
  REGISTRATION_STATUS_LABELS,
  type RegistrationStatus
} from '../../../../shared/domain/planning'
import { matchesSearch } from '../../../../shared/domain/search'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

const MOVES: Array<{ status: RegistrationStatus; label: string }> = [
  { status: 'BAN_DUYET', label: 'Ban duyệt' },
  { status: 'THUONG_TRUC_DUYET', label: 'Thường trực duyệt' },
  { status: 'TU_CHOI', label: 'Không duyệt' },
  { status: 'DANG_KY', label: 'Trả về đăng ký' }
]

function when(r: RegistrationView): string {
  const half = (h: string) => (h === 'SANG' ? 'sáng' : 'chiều')
  if (r.startDate === r.endDate) {
    return r.startHalf === r.endHalf
      ? `${formatDateVi(r.startDate)} (${half(r.startHalf)})`
      : formatDateVi(r.startDate)
  }
  return `${formatDateVi(r.startDate).slice(0, 5)} – ${formatDateVi(r.endDate)}`
}

interface Props {
  year: number
  quarter: number
  registrations: RegistrationView[]
}

export function RegistrationsPanel({ year, quarter, registrations }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [query, setQuery] = useState('')
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [deleting, setDeleting] = useState<RegistrationView | null>(null)
  const move = useApiMutation('planning.setRegistrationStatus')
  const remove = useApiMutation('planning.deleteRegistration')
  const shown = useMemo(
    () =>
      registrations.filter((r) =>
        matchesSearch(query, r.cadreName, r.cadreCode, r.code, r.unitNames.join(' '), r.topic ?? '')
      ),
    [registrations, query]
  )
  const chosen = registrations.filter((r) => selected.has(r.code))
  const toggle = (code: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(code)) next.delete(code)
      else next.add(code)
      return next
    })
  const apply = (status: RegistrationStatus) =>
    move.mutate(
      { codes: chosen.map((r) => r.code), status, note: null },
      { onSuccess: () => setSelected(new Set()), onError: (e) => setError(toErrorInfo(e)) }
    )
  return (
    <section className="panel plan-panel" aria-labelledby="plan-regs-title">
      <div className="plan-panel-head">
        <h2 id="plan-regs-title">Đăng ký của cán bộ ({registrations.length})</h2>
        <Link
          to="/ke-hoach-quy/dang-ky"
          search={{ nam: year, quy: quarter }}
          className="btn btn-small btn-primary"
        >
          Đăng ký mới
        </Link>
      </div>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {registrations.length === 0 ? (
        <p className="plan-muted">
          Chưa có đăng ký nào trong quý. Bấm “Đăng ký mới”, hoặc dùng trợ lý lập kế hoạch để đề xuất.
        </p>
      ) : (
        <>
          <div className="toolbar plan-toolbar">
            <input
              className="input plan-search"
              type="search"
              placeholder="Tìm cán bộ, đơn vị, nội dung…"
              aria-label="Tìm đăng ký"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <span className="plan-muted">Đã chọn {chosen.length}:</span>
            {MOVES.map((m) => (
              <button
                key={m.status}
                type="button"
                className={m.status === 'THUONG_TRUC_DUYET' ? 'btn btn-small btn-primary' : 'btn btn-small'}
                disabled={
                  move.isPending ||
                  chosen.length === 0 ||
                  !chosen.every((r) => canMoveRegistration(r.status, m.status))
                }
                onClick={() => apply(m.status)}
              >
                {m.label}
              </button>
            ))}
          </div>
          <div className="table-wrap">
            <table className="data-table plan-regs">
              <thead>
                <tr>
                  <th className="plan-check">
                    <input
                      type="checkbox"
                      aria-label="Chọn tất cả"
                      checked={shown.length > 0 && shown.every((r) => selected.has(r.code))}
                      onChange={(e) =>
                        setSelected(e.target.checked ? new Set(shown.map((r) => r.code)) : new Set())
                      }
                    />
                  </th>
                  <th>Cán bộ</th>
                  <th>Đợt</th>
                  <th>Thời gian</th>
                  <th className="num">Ngày</th>
                  <th>Nội dung</th>
                  <th>Đơn vị đến</th>
                  <th>Trạng thái</th>
                  <th>Chuyến đi</th>
                  <th aria-label="Thao tác" />
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.code} className={selected.has(r.code) ? 'selected' : undefined}>
                    <td className="plan-check">
                      <input
                        type="checkbox"
                        aria-label={`Chọn ${r.code} ${r.cadreName}`}
                        checked={selected.has(r.code)}
                        onChange={() => toggle(r.code)}
                      />
                    </td>
                    <td>
                      <Link to="/can-bo/$code" params={{ code: r.cadreCode }} search={{ nam: year }}>
                        {r.cadreName}
                      </Link>
                      <div className="plan-sub">
                        {r.code} · {r.departmentName}
                      </div>
                    </td>
                    <td>
                      {r.roundNumber === null ? (
                        <span className="plan-muted">ngoài đợt</span>
                      ) : (
                        `Đợt ${r.roundNumber}`
                      )}
                    </td>
                    <td className="nowrap">{when(r)}</td>
                    <td className="num">{formatDays(r.days)}</td>
                    <td>
                      {CONTENT_KIND_SHORT_LABELS[r.kind]}
                      {r.topic && <div className="plan-sub">{r.topic}</div>}
                    </td>
                    <td>{r.unitNames.join('; ')}</td>
                    <td>
                      <span className={`plan-status plan-status-${r.status}`}>
                        {REGISTRATION_STATUS_LABELS[r.status]}
                      </span>
                      {r.source === 'TRO_LY' && <div className="plan-sub">từ trợ lý</div>}
                    </td>
                    <td>
                      {r.tripCode ? (
                        <>
                          <Link to="/chuyen-di/$code" params={{ code: r.tripCode }}>
                            {r.tripCode}
                          </Link>
                          <div className="plan-sub">
                            {r.tripStatus ? TRIP_STATUS_LABELS[r.tripStatus] : ''}
                          </div>
                        </>
                      ) : r.status === 'THUONG_TRUC_DUYET' ? (
                        <span className="plan-muted">chuyến đã xóa</span>
                      ) : (
                        ''
                      )}
                    </td>
                    <td className="plan-actions">
                      {r.status !== 'THUONG_TRUC_DUYET' && (
                        <>
                          <Link
                            to="/ke-hoach-quy/dang-ky/$code"
                            params={{ code: r.code }}
                            className="btn btn-small"
                          >
                            Sửa
                          </Link>
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            onClick={() => setDeleting(r)}
                          >
                            Xóa
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Xóa đăng ký ${deleting?.code ?? ''}?`}
        confirmLabel="Xóa đăng ký"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { code: deleting.code },
            {
              onSuccess: () => setDeleting(null),
              onError: (e) => {
                setDeleting(null)
                setError(toErrorInfo(e))
              }
            }
          )
        }
      >
        <p>
          {deleting?.cadreName}, {deleting ? when(deleting) : ''}. Có thể hoàn tác ngay sau khi xóa.
        </p>
      </ConfirmDialog>
    </section>
  )
}
