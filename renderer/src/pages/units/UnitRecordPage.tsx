/**
 * A unit's record page (#/don-vi/X01): its fields as the workbook names them, its history in
 * words (founded, under whom until when, merged into, merged in), its units below and the
 * trips that went there, with the writes that change its place in the tree.
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import { Fragment, useState } from 'react'
import type { UnitDetail } from '../../../../shared/api/units'
import { formatDateVi } from '../../../../shared/domain/dates'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import { CloseUnitDialog } from './CloseUnitDialog'
import { isNotFound, kindLabel, statusText } from './format'
import { HistoryWords } from './HistoryWords'
import { MoveUnitDialog } from './MoveUnitDialog'
import { UnknownUnit } from './UnknownUnit'
import '../../styles/units.css'

const routeApi = getRouteApi('/don-vi/$code')

export function UnitRecordPage() {
  const { code } = routeApi.useParams()
  const detail = useApiQuery('units.get', { code })
  const listing = useApiQuery('years.list', {})
  // A dialog belongs to the unit it was opened for: following a link out of it closes it.
  const [opened, setOpened] = useState<{ code: string; dialog: 'move' | 'close' } | null>(null)
  const dialog = opened?.code === code ? opened.dialog : null
  const setDialog = (next: 'move' | 'close' | null) => setOpened(next ? { code, dialog: next } : null)

  if (detail.error && isNotFound(detail.error)) return <UnknownUnit code={code} />
  const unit = detail.data
  const referenceYear = listing.data?.currentYear ?? new Date().getFullYear()

  return (
    <section className="page unit-record-page">
      <nav className="unit-breadcrumb" aria-label="Đường dẫn">
        <Link to="/don-vi" search={searchFor('/don-vi') as never}>
          ← Cây đơn vị
        </Link>
      </nav>
      {detail.error && <ErrorAlert error={toErrorInfo(detail.error)} />}
      {!unit && !detail.error && <p className="loading">Đang tải…</p>}
      {unit && (
        // Keyed by the code: another unit's page starts with fresh dialogs and forms (they hold its code).
        <Fragment key={unit.code}>
          <header className="page-header">
            <div className="unit-title">
              <h1>{unit.name}</h1>
              <span className="unit-code-chip" title="Mã đơn vị">
                {unit.code}
              </span>
              <span className={`unit-status unit-status-${unit.status}`}>{statusText(unit)}</span>
            </div>
            <div className="toolbar unit-actions">
              <Link to="/don-vi/$code/sua" params={{ code: unit.code }} className="btn unit-link-btn">
                Sửa
              </Link>
              <button type="button" className="btn" onClick={() => setDialog('move')}>
                Chuyển đơn vị cấp trên
              </button>
              {unit.mergedInto === null && unit.status !== 'closed' && (
                <Link
                  to="/don-vi/sap-nhap"
                  search={{ nguon: [unit.code], ngay: undefined }}
                  className="btn unit-link-btn"
                >
                  Sáp nhập vào đơn vị khác
                </Link>
              )}
              {unit.validTo === null && (
                <button type="button" className="btn btn-danger" onClick={() => setDialog('close')}>
                  Ngừng hoạt động
                </button>
              )}
            </div>
          </header>
          <div className="unit-record-grid">
            <InfoPanel unit={unit} />
            <div className="unit-record-main">
              <HistoryPanel unit={unit} />
              <ChildrenPanel unit={unit} />
              {unit.moves.length > 0 && <MovesPanel unit={unit} />}
            </div>
          </div>
          <MoveUnitDialog
            open={dialog === 'move'}
            unit={unit}
            referenceYear={referenceYear}
            onClose={() => setDialog(null)}
          />
          {unit.validTo === null && (
            <CloseUnitDialog
              open={dialog === 'close'}
              unit={unit}
              referenceYear={referenceYear}
              onClose={() => setDialog(null)}
            />
          )}
        </Fragment>
      )}
    </section>
  )
}

function UnitLink({ unit }: { unit: { code: string; name: string } | null }) {
  if (!unit) return <span className="muted">— (cấp cao nhất)</span>
  return (
    <Link to="/don-vi/$code" params={{ code: unit.code }}>
      {unit.name}
    </Link>
  )
}

function InfoPanel({ unit }: { unit: UnitDetail }) {
  const sameParent = unit.founderParent?.code === unit.parent?.code
  return (
    <section className="panel unit-panel" aria-labelledby="unit-info-title">
      <h2 id="unit-info-title">Thông tin</h2>
      <dl className="unit-info">
        <div>
          <dt>Mã đơn vị</dt>
          <dd>{unit.code}</dd>
        </div>
        <div>
          <dt>Tên đơn vị</dt>
          <dd>{unit.name}</dd>
        </div>
        <div>
          <dt>Loại</dt>
          <dd>{kindLabel(unit.kind)}</dd>
        </div>
        <div>
          <dt>Đơn vị cấp trên (ngày {formatDateVi(unit.referenceDate)})</dt>
          <dd>
            <UnitLink unit={unit.parent} />
          </dd>
        </div>
        {!sameParent && (
          <div>
            <dt>Đơn vị cấp trên khi thành lập</dt>
            <dd>
              <UnitLink unit={unit.founderParent} />
            </dd>
          </div>
        )}
        <div>
          <dt>Hiệu lực từ</dt>
          <dd>{unit.validFrom ? formatDateVi(unit.validFrom) : <span className="muted">không ghi</span>}</dd>
        </div>
        <div>
          <dt>Hiệu lực đến (ngày cuối hoạt động)</dt>
          <dd>{unit.validTo ? formatDateVi(unit.validTo) : <span className="muted">đang hoạt động</span>}</dd>
        </div>
        {unit.mergedInto && (
          <div>
            <dt>Sáp nhập vào</dt>
            <dd>
              <UnitLink unit={unit.mergedInto} />
            </dd>
          </div>
        )}
        <div>
          <dt>Số chuyến đi đến đơn vị</dt>
          <dd data-testid="unit-trip-count">{unit.tripCount}</dd>
        </div>
      </dl>
    </section>
  )
}

function HistoryPanel({ unit }: { unit: UnitDetail }) {
  return (
    <section className="panel unit-panel" aria-labelledby="unit-history-title">
      <h2 id="unit-history-title">Lịch sử đơn vị</h2>
      <ol className="unit-timeline">
        {unit.history.map((line, i) => (
          <li key={i}>
            <span className="unit-timeline-date">{line.date ? formatDateVi(line.date) : '—'}</span>
            <span className="unit-timeline-text">
              <HistoryWords words={line.words} />
            </span>
          </li>
        ))}
      </ol>
      {unit.tripCount > 0 && (
        <p className="unit-panel-note">
          Đã có {unit.tripCount} chuyến đi đến đơn vị này; các chuyến đi giữ nguyên đơn vị khi đơn vị được
          chuyển, sáp nhập hay ngừng hoạt động.
        </p>
      )}
    </section>
  )
}

function ChildrenPanel({ unit }: { unit: UnitDetail }) {
  return (
    <section className="panel unit-panel" aria-labelledby="unit-children-title">
      <h2 id="unit-children-title">
        Đơn vị trực thuộc ngày {formatDateVi(unit.referenceDate)}{' '}
        <span className="unit-count">({unit.children.length})</span>
      </h2>
      {unit.children.length === 0 ? (
        <p className="muted unit-panel-note">Không có đơn vị trực thuộc vào ngày này.</p>
      ) : (
        <ul className="unit-children">
          {unit.children.map((c) => (
            <li key={c.code}>
              <Link to="/don-vi/$code" params={{ code: c.code }}>
                {c.name}
              </Link>{' '}
              <span className="muted">
                {c.code} · {kindLabel(c.kind)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function MovesPanel({ unit }: { unit: UnitDetail }) {
  const remove = useApiMutation('units.deleteMove')
  const [asked, setAsked] = useState<string | null>(null)
  const move = unit.moves.find((m) => m.fromDate === asked)
  return (
    <section className="panel unit-panel" aria-labelledby="unit-moves-title">
      <h2 id="unit-moves-title">Các lần chuyển đơn vị cấp trên</h2>
      {remove.error && <ErrorAlert error={toErrorInfo(remove.error)} onClose={() => remove.reset()} />}
      <table className="data-table unit-moves">
        <thead>
          <tr>
            <th>Từ ngày</th>
            <th>Trực thuộc</th>
            <th aria-label="Thao tác" />
          </tr>
        </thead>
        <tbody>
          {unit.moves.map((m) => (
            <tr key={m.fromDate}>
              <td>{formatDateVi(m.fromDate)}</td>
              <td>
                <UnitLink unit={m.parent} />
              </td>
              <td className="unit-row-actions">
                <button type="button" className="btn btn-small" onClick={() => setAsked(m.fromDate)}>
                  Xóa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={move !== undefined}
        title="Xóa lần chuyển đơn vị cấp trên"
        confirmLabel="Xóa lần chuyển"
        danger
        busy={remove.isPending}
        onCancel={() => setAsked(null)}
        onConfirm={() => {
          if (!move) return
          remove.mutate({ code: unit.code, fromDate: move.fromDate }, { onSettled: () => setAsked(null) })
        }}
      >
        {move && (
          <p>
            Bỏ lần chuyển từ ngày {formatDateVi(move.fromDate)} (sang{' '}
            {move.parent ? move.parent.name : 'cấp cao nhất'}
            ). Từ ngày đó {unit.name} lại trực thuộc đơn vị cấp trên trước đó.
          </p>
        )}
      </ConfirmDialog>
    </section>
  )
}
