/**
 * Lịch sử thay đổi: every write of the office, newest first, in words ("Đến ngày: 05/04/2022
 * → 06/04/2022"), with a link to the record and "Hoàn tác" for a batch not yet undone.
 * Filters (record kind, code, days, origin) live in the URL.
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import { useState } from 'react'
import {
  CHANGE_ORIGIN_LABELS,
  CHANGE_ORIGINS,
  HISTORY_PAGE_SIZE,
  type ChangeBatchView,
  type ChangeEntry,
  type ChangeOriginName
} from '../../../../shared/api/history'
import { formatDateVi, parseTypedDate } from '../../../../shared/domain/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import '../../styles/history.css'
import type { HistorySearch } from './routes'

const route = getRouteApi('/lich-su')

/** "15/10/2025 10:05" in the clerk's time zone. */
function formatMoment(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => n.toString().padStart(2, '0')
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function HistoryPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const page = search.trang ?? 0
  const query = useApiQuery('history.list', {
    entity: search.bang,
    key: search.ma,
    from: search.tu,
    to: search.den,
    origin: search.nguon,
    page
  })
  const undo = useApiMutation('history.undo')
  const setSearch = (patch: Partial<HistorySearch>) =>
    void navigate({ search: (old: HistorySearch) => ({ ...old, ...patch, trang: undefined }) })

  const data = query.data
  const pages = data ? Math.max(1, Math.ceil(data.total / HISTORY_PAGE_SIZE)) : 1

  return (
    <section className="page history-page">
      <header className="page-header">
        <h1>Lịch sử thay đổi</h1>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="history-entity">Loại bản ghi</label>
            <select
              id="history-entity"
              className="input"
              value={search.bang ?? ''}
              onChange={(e) => setSearch({ bang: e.target.value || undefined })}
            >
              <option value="">Tất cả</option>
              {data?.entities.map((e) => (
                <option key={e.entity} value={e.entity}>
                  {e.label}
                </option>
              ))}
            </select>
          </div>
          <TextFilter label="Mã bản ghi" value={search.ma} onChange={(ma) => setSearch({ ma })} />
          <DayFilter label="Từ ngày" value={search.tu} onChange={(tu) => setSearch({ tu })} />
          <DayFilter label="Đến ngày" value={search.den} onChange={(den) => setSearch({ den })} />
          <div className="field">
            <label htmlFor="history-origin">Nguồn</label>
            <select
              id="history-origin"
              className="input"
              value={search.nguon ?? ''}
              onChange={(e) =>
                setSearch({ nguon: (e.target.value || undefined) as ChangeOriginName | undefined })
              }
            >
              <option value="">Tất cả</option>
              {CHANGE_ORIGINS.map((o) => (
                <option key={o} value={o}>
                  {CHANGE_ORIGIN_LABELS[o]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>

      {query.error && <ErrorAlert error={toErrorInfo(query.error)} />}
      {undo.error && <ErrorAlert error={toErrorInfo(undo.error)} onClose={() => undo.reset()} />}

      {data && (
        <p className="page-lead">
          {data.total === 0
            ? 'Không có thay đổi nào khớp bộ lọc.'
            : `${data.total.toLocaleString('vi-VN')} lần thay đổi, mới nhất trước.`}
        </p>
      )}

      {data?.batches.map((batch) => (
        <BatchCard
          key={batch.batchId}
          batch={batch}
          busy={undo.isPending}
          onUndo={() => undo.mutate({ batchId: batch.batchId })}
        />
      ))}

      {data && pages > 1 && (
        <nav className="pager" aria-label="Trang">
          <button
            type="button"
            className="btn btn-small"
            disabled={page === 0}
            onClick={() => void navigate({ search: (old: HistorySearch) => ({ ...old, trang: page - 1 }) })}
          >
            ‹ Mới hơn
          </button>
          <span>
            Trang {page + 1} / {pages}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={page + 1 >= pages}
            onClick={() => void navigate({ search: (old: HistorySearch) => ({ ...old, trang: page + 1 }) })}
          >
            Cũ hơn ›
          </button>
        </nav>
      )}
    </section>
  )
}

function BatchCard({ batch, busy, onUndo }: { batch: ChangeBatchView; busy: boolean; onUndo(): void }) {
  const hidden = batch.entryCount - batch.entries.length
  return (
    <article
      className={batch.undoneBy ? 'history-batch undone' : 'history-batch'}
      data-testid="history-batch"
    >
      <header className="history-batch-header">
        <span className="history-when">{formatMoment(batch.at)}</span>
        <span className={`origin-badge origin-${batch.origin}`}>{CHANGE_ORIGIN_LABELS[batch.origin]}</span>
        <strong className="history-source">{batch.source}</strong>
        {batch.undoneBy ? (
          <span className="history-undone">Đã hoàn tác</span>
        ) : (
          batch.origin !== 'undo' && (
            <button type="button" className="btn btn-small" onClick={onUndo} disabled={busy}>
              Hoàn tác
            </button>
          )
        )}
      </header>
      <table className="data-table history-entries">
        <tbody>
          {batch.entries.map((entry, i) => (
            <EntryRow key={i} entry={entry} />
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <p className="muted history-more">
          … và {hidden.toLocaleString('vi-VN')} thay đổi khác trong lần này.
        </p>
      )}
    </article>
  )
}

function RecordKey({ entry }: { entry: ChangeEntry }) {
  const link = entry.link
  if (!link) return <>{entry.keyLabel}</>
  if (link.page === 'cadre')
    return (
      <Link to="/can-bo/$code" params={{ code: link.code }}>
        {link.code}
      </Link>
    )
  if (link.page === 'unit')
    return (
      <Link to="/don-vi/$code" params={{ code: link.code }}>
        {link.code}
      </Link>
    )
  return (
    <Link to="/chuyen-di/$code" params={{ code: link.code }}>
      {link.code}
    </Link>
  )
}

function EntryRow({ entry }: { entry: ChangeEntry }) {
  return (
    <tr>
      <td className="history-action">
        <span className={`action-${entry.action}`}>{entry.actionLabel}</span>
      </td>
      <td className="history-entity">
        {entry.entityLabel} <RecordKey entry={entry} />
      </td>
      <td className="history-changes">
        {entry.changes.length === 0 ? (
          <span className="muted">Không có trường nào thay đổi.</span>
        ) : (
          <ul className={entry.action === 'update' ? 'change-list' : 'change-list inline'}>
            {entry.changes.map((c, i) => (
              <li key={i}>
                <span className="change-field">{c.field}:</span>{' '}
                {entry.action === 'insert' ? (
                  <span className="change-new">{c.new}</span>
                ) : entry.action === 'delete' ? (
                  <span className="change-old">{c.old}</span>
                ) : (
                  <>
                    <span className="change-old">{c.old || '(trống)'}</span> →{' '}
                    <span className="change-new">{c.new || '(trống)'}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  )
}

function TextFilter({
  label,
  value,
  onChange
}: {
  label: string
  value?: string | undefined
  onChange(v?: string): void
}) {
  const [text, setText] = useState(value ?? '')
  const commit = () => onChange(text.trim() || undefined)
  return (
    <div className="field">
      <label htmlFor="history-key">{label}</label>
      <input
        id="history-key"
        className="input"
        value={text}
        placeholder="CB01, X01…"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </div>
  )
}

function DayFilter({
  label,
  value,
  onChange
}: {
  label: string
  value?: string | undefined
  onChange(v?: string): void
}) {
  const [text, setText] = useState(value ? formatDateVi(value) : '')
  const [invalid, setInvalid] = useState(false)
  const id = `history-${label === 'Từ ngày' ? 'from' : 'to'}`
  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false)
      return onChange(undefined)
    }
    const parsed = parseTypedDate(text, new Date().getFullYear())
    setInvalid(!parsed)
    if (parsed) {
      setText(formatDateVi(parsed))
      onChange(parsed)
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={invalid ? 'input input-date invalid' : 'input input-date'}
        value={text}
        placeholder="dd/mm/yyyy"
        aria-invalid={invalid || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {invalid && <div className="field-error">Ngày không hợp lệ, nhập dạng dd/mm/yyyy.</div>}
    </div>
  )
}
