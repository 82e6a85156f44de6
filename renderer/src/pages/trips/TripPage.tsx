/**
 * A trip's page (/chuyen-di/$code, a deep link that survives a reload): every field, links to
 * its cadres and units, the warnings it carries as saved, quick actions (edit, duplicate,
 * status, delete), and for each cadre the year strip of that year with this trip outlined,
 * then the trips of one of them (the same list as the logbook, filtered).
 */
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { formatTripSpan, type TripRecord } from '../../../../shared/api/trips'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import {
  CONTENT_KIND_LABELS,
  HALF_DAY_LABELS,
  UNIT_KIND_LABELS,
  type TripStatus
} from '../../../../shared/domain/kinds'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import '../../styles/trips.css'
import { CadreTrips } from './CadreTrips'
import { DuplicateDialog } from './DuplicateDialog'
import { StatusBadge } from './StatusBadge'
import { StatusDialog } from './StatusDialog'
import { FIELD_LABELS } from './TripForm'
import { YearStrip } from './YearStrip'

const route = getRouteApi('/chuyen-di/$code')

type Dialog = 'status' | 'duplicate' | 'delete' | null

/** "Ngày nộp báo cáo" left empty, in the words of the trip's status. */
const REPORT_MISSING: Record<TripStatus, string> = {
  DU_KIEN: 'chuyến dự kiến, chưa có báo cáo',
  DA_THUC_HIEN: 'chưa nộp',
  DA_BAO_CAO: 'đã báo cáo, không ghi ngày nộp'
}

export function TripPage() {
  const { code } = route.useParams()
  const trip = useApiQuery('trips.get', { code })
  return (
    <section className="page trip-page">
      {trip.error && <TripError code={code} error={toErrorInfo(trip.error)} />}
      {trip.data && trip.data.code === code && <TripView trip={trip.data} />}
    </section>
  )
}

function TripError({ code, error }: { code: string; error: ErrorInfo }) {
  return (
    <>
      <header className="page-header">
        <h1>Chuyến đi {code}</h1>
      </header>
      <ErrorAlert error={error} />
      <p>
        <Link to="/chuyen-di" search={searchFor('/chuyen-di') as never}>
          ← Về sổ chuyến đi
        </Link>
      </p>
    </>
  )
}

function unitValidity(u: TripRecord['units'][number]): string | null {
  if (!u.validFrom && !u.validTo) return null
  if (u.validFrom && u.validTo) return `hiệu lực ${formatDateVi(u.validFrom)}–${formatDateVi(u.validTo)}`
  return u.validFrom ? `hiệu lực từ ${formatDateVi(u.validFrom)}` : `hiệu lực đến ${formatDateVi(u.validTo!)}`
}

function TripView({ trip }: { trip: TripRecord }) {
  const navigate = useNavigate()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [listed, setListed] = useState(trip.cadres[0]?.code ?? '')
  const remove = useApiMutation('trips.delete')
  const year = Number(trip.startDate.slice(0, 4))
  const listedCadre = trip.cadres.find((c) => c.code === listed) ?? trip.cadres[0]

  return (
    <>
      <header className="page-header">
        <div>
          <div className="trip-breadcrumb">
            <Link to="/chuyen-di" search={searchFor('/chuyen-di') as never}>
              Sổ chuyến đi
            </Link>{' '}
            ›
          </div>
          <h1>
            Chuyến đi {trip.code} <StatusBadge status={trip.status} overdueDays={trip.overdueDays} />
          </h1>
        </div>
        <div className="toolbar">
          <Link to="/chuyen-di/$code/sua" params={{ code: trip.code }} className="btn btn-primary btn-link">
            Sửa
          </Link>
          <button type="button" className="btn" onClick={() => setDialog('duplicate')}>
            Nhân bản…
          </button>
          <button type="button" className="btn" onClick={() => setDialog('status')}>
            Đổi trạng thái…
          </button>
          <button type="button" className="btn btn-danger" onClick={() => setDialog('delete')}>
            Xóa…
          </button>
        </div>
      </header>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}

      <div className="trip-record">
        <div className="panel trip-facts">
          <dl>
            <dt>Thời gian</dt>
            <dd data-testid="trip-span">
              {formatTripSpan(trip)}{' '}
              <span className="muted">
                (từ {HALF_DAY_LABELS[trip.startHalf].toLowerCase()} {formatDateVi(trip.startDate)} đến{' '}
                {HALF_DAY_LABELS[trip.endHalf].toLowerCase()} {formatDateVi(trip.endDate)})
              </span>
            </dd>
            <dt>Số ngày</dt>
            <dd>{formatDays(trip.days)} ngày</dd>
            <dt>{FIELD_LABELS.kind}</dt>
            <dd>
              <span className={`kind-dot kind-${trip.kind}`} aria-hidden="true" />
              {CONTENT_KIND_LABELS[trip.kind]}
            </dd>
            <dt>{FIELD_LABELS.topic}</dt>
            <dd>{trip.topic ?? <span className="muted">—</span>}</dd>
            <dt>{FIELD_LABELS.travelOrderNo}</dt>
            <dd>{trip.travelOrderNo ?? <span className="muted">—</span>}</dd>
            <dt>{FIELD_LABELS.reportDate}</dt>
            <dd>
              {trip.reportDate ? (
                formatDateVi(trip.reportDate)
              ) : (
                <span className="muted">{REPORT_MISSING[trip.status]}</span>
              )}
              {trip.status !== 'DU_KIEN' && (
                <span className="muted"> · hạn nộp {formatDateVi(trip.reportDueDate)}</span>
              )}
              {trip.overdueDays > 0 && (
                <span className="trip-overdue-text"> · quá hạn {trip.overdueDays} ngày</span>
              )}
            </dd>
            <dt>{FIELD_LABELS.note}</dt>
            <dd>{trip.note ?? <span className="muted">—</span>}</dd>
          </dl>
        </div>
        <div className="panel trip-people">
          <h2>{FIELD_LABELS.unitCodes}</h2>
          <ul className="trip-links">
            {trip.units.map((u) => (
              <li key={u.code}>
                <Link to="/don-vi/$code" params={{ code: u.code }}>
                  {u.name}
                </Link>{' '}
                <span className="muted">
                  {[
                    u.code,
                    UNIT_KIND_LABELS[u.kind],
                    u.parentName ? `thuộc ${u.parentName}` : null,
                    unitValidity(u)
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          <h2>{FIELD_LABELS.cadreCodes}</h2>
          <ul className="trip-links">
            {trip.cadres.map((c) => (
              <li key={c.code}>
                <Link to="/can-bo/$code" params={{ code: c.code }}>
                  {c.fullName}
                </Link>{' '}
                <span className="muted">{[c.code, c.position, c.departmentName].join(' · ')}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      {trip.warnings.length > 0 && (
        <div className="panel trip-record-warnings" data-testid="trip-record-warnings">
          <h2>Cảnh báo</h2>
          <ul className="trip-warning-list">
            {trip.warnings.map((w, i) => (
              <li key={i} className={`trip-warning trip-warning-${w.kind}`}>
                <span className="trip-warning-field">{FIELD_LABELS[w.field]}</span>
                {w.message}{' '}
                {w.tripCode && w.tripCode !== trip.code && (
                  <Link to="/chuyen-di/$code" params={{ code: w.tripCode }}>
                    Xem chuyến {w.tripCode}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <section className="trip-strips">
        <h2 className="trip-section-title">Năm {year} của các cán bộ tham gia</h2>
        {trip.cadres.map((c) => (
          <YearStrip key={c.code} cadreCode={c.code} year={year} highlightTrip={trip.code} />
        ))}
      </section>

      {listedCadre && (
        <section className="trip-cadre-list">
          {trip.cadres.length > 1 && (
            <div className="trip-cadre-tabs" role="group" aria-label="Xem chuyến đi của cán bộ">
              {trip.cadres.map((c) => (
                <button
                  key={c.code}
                  type="button"
                  className={c.code === listedCadre.code ? 'btn btn-small active' : 'btn btn-small'}
                  aria-pressed={c.code === listedCadre.code}
                  onClick={() => setListed(c.code)}
                >
                  {c.fullName}
                </button>
              ))}
            </div>
          )}
          <CadreTrips
            key={listedCadre.code}
            cadreCode={listedCadre.code}
            year={year}
            title={`Chuyến đi năm ${year} của ${listedCadre.fullName}`}
          />
        </section>
      )}

      <StatusDialog
        open={dialog === 'status'}
        codes={[trip.code]}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      />
      {dialog === 'duplicate' && (
        <DuplicateDialog
          code={trip.code}
          onClose={() => setDialog(null)}
          onDone={(codes) => {
            setDialog(null)
            if (codes.length === 1) void navigate({ to: '/chuyen-di/$code', params: { code: codes[0]! } })
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Xóa chuyến đi ${trip.code}?`}
        confirmLabel="Xóa"
        danger
        busy={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          remove.mutate(
            { codes: [trip.code] },
            {
              onSuccess: () => {
                setDialog(null)
                void navigate({ to: '/chuyen-di', search: searchFor('/chuyen-di') as never })
              },
              onError: (e) => {
                setDialog(null)
                setError(toErrorInfo(e))
              }
            }
          )
        }
      >
        <p>
          Chuyến {trip.code} ({formatTripSpan(trip)}, {trip.cadres.map((c) => c.fullName).join(', ')}) sẽ bị
          xóa khỏi sổ. Số ngày của {trip.cadres.length > 1 ? 'các cán bộ' : 'cán bộ'} được tính lại.
        </p>
        <p className="muted">Có thể hoàn tác ngay sau khi xóa (nút "Hoàn tác" hoặc Ctrl+Z).</p>
      </ConfirmDialog>
    </>
  )
}
