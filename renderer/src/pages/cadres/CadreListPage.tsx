/**
 * "Cán bộ": every cadre of the office with the chosen year's days and status. The search box
 * and the filters live in the address, so a reload, the back button or the sidebar link
 * bring the clerk back to the same list.
 */
import { keepPreviousData } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import type { CadreListQuery } from '../../../../shared/api/cadres'
import { formatDateVi } from '../../../../shared/domain/dates'
import { STATUSES, STATUS_LABELS } from '../../../../shared/domain/summary'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { CadreTable } from './CadreTable'
import { DateFilter } from './DateFilter'
import type { CadreListSearch } from './search'
import '../../styles/cadres.css'

const routeApi = getRouteApi('/can-bo')

/** Typing settles for this long before the address (and the list) follow. */
const SEARCH_DELAY_MS = 200

function toQuery(search: CadreListSearch): CadreListQuery {
  return {
    year: search.nam,
    q: search.q,
    departmentCode: search.ban,
    position: search.chucVu,
    fullTime: search.chuyenTrach === undefined ? undefined : search.chuyenTrach === 'co',
    inServiceOn: search.ngay,
    status: search.trangThai
  }
}

/** Drops empty values, so the address only shows the filters in use. */
function tidy(search: CadreListSearch): CadreListSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, v]) => v !== undefined && v !== '')
  ) as CadreListSearch
}

function hasFilters(search: CadreListSearch): boolean {
  return Object.entries(search).some(([key, v]) => key !== 'nam' && v !== undefined)
}

export function CadreListPage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const list = useApiQuery('cadres.search', toQuery(search), { placeholderData: keepPreviousData })
  const data = list.data

  const update = (patch: Partial<CadreListSearch>) =>
    void navigate({ search: (prev) => tidy({ ...prev, ...patch }), replace: true })

  return (
    <section className="page cadre-list-page">
      <header className="page-header">
        <h1>Cán bộ</h1>
        <Link to="/can-bo/them" className="btn btn-primary btn-link">
          Thêm cán bộ
        </Link>
      </header>

      {/* An office with no cadre yet has nothing to filter: the empty state says how to start. */}
      {data?.total !== 0 && (
        <div className="toolbar cadre-toolbar" role="search">
          <SearchBox value={search.q ?? ''} onChange={(q) => update({ q: q || undefined })} />
          <div className="field">
            <label htmlFor="cadre-year">Năm</label>
            <select
              id="cadre-year"
              className="input"
              value={data?.year ?? ''}
              onChange={(e) => update({ nam: Number(e.target.value) })}
            >
              {data?.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cadre-department">Ban</label>
            <select
              id="cadre-department"
              className="input cadre-filter-department"
              value={search.ban ?? ''}
              onChange={(e) => update({ ban: e.target.value || undefined })}
            >
              <option value="">Tất cả</option>
              {data?.departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cadre-position">Chức vụ</label>
            <select
              id="cadre-position"
              className="input cadre-filter-position"
              value={search.chucVu ?? ''}
              onChange={(e) => update({ chucVu: e.target.value || undefined })}
            >
              <option value="">Tất cả</option>
              {data?.positions.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cadre-full-time">Chuyên trách</label>
            <select
              id="cadre-full-time"
              className="input"
              value={search.chuyenTrach ?? ''}
              onChange={(e) =>
                update({ chuyenTrach: (e.target.value || undefined) as CadreListSearch['chuyenTrach'] })
              }
            >
              <option value="">Tất cả</option>
              <option value="co">Có</option>
              <option value="khong">Không</option>
            </select>
          </div>
          <DateFilter
            label="Đang công tác ngày"
            value={search.ngay}
            referenceYear={data?.year ?? new Date().getFullYear()}
            onChange={(ngay) => update({ ngay })}
          />
          <div className="field">
            <label htmlFor="cadre-status">Trạng thái {data ? `năm ${data.year}` : ''}</label>
            <select
              id="cadre-status"
              className="input cadre-filter-status"
              value={search.trangThai ?? ''}
              onChange={(e) =>
                update({ trangThai: (e.target.value || undefined) as CadreListSearch['trangThai'] })
              }
            >
              <option value="">Tất cả</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          {hasFilters(search) && (
            <button
              type="button"
              className="btn cadre-clear"
              onClick={() => void navigate({ search: tidy({ nam: search.nam }), replace: true })}
            >
              Xóa lọc
            </button>
          )}
        </div>
      )}

      {list.error && <ErrorAlert error={toErrorInfo(list.error)} />}

      {data && data.total === 0 && <NoCadres />}

      {data && data.total > 0 && (
        <>
          <p className="page-lead cadre-count" data-testid="cadre-count">
            <b>
              {data.rows.length === data.total
                ? `${data.total} cán bộ`
                : `${data.rows.length} / ${data.total} cán bộ`}
            </b>{' '}
            · số ngày đi cơ sở năm {data.year} tính đến {formatDateVi(data.asOf)}
            {list.isFetching && <span className="loading"> · Đang tải…</span>}
          </p>
          {data.rows.length > 0 ? (
            <CadreTable rows={data.rows} year={data.year} />
          ) : (
            <div className="empty-state">
              <h2>Không có cán bộ nào khớp bộ lọc</h2>
              <p>Thử bỏ bớt điều kiện lọc hoặc tìm bằng từ khác.</p>
              <button
                type="button"
                className="btn"
                onClick={() => void navigate({ search: tidy({ nam: search.nam }), replace: true })}
              >
                Xóa lọc
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}

/** The search box: typing updates the address a moment later, not on every key. */
function SearchBox({ value, onChange }: { value: string; onChange(value: string): void }) {
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  // The address changed from outside ("Xóa lọc", back): show it, but never undo a trailing
  // space the clerk is typing right now.
  if (seen !== value) {
    setSeen(value)
    if (text.trim() !== value) setText(value)
  }
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  })
  useEffect(() => {
    if (text.trim() === value) return
    const timer = window.setTimeout(() => latest.current(text.trim()), SEARCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [text, value])
  return (
    <div className="field">
      <label htmlFor="cadre-search">Tìm cán bộ</label>
      <input
        id="cadre-search"
        type="search"
        className="input cadre-search"
        placeholder="Tên hoặc mã, gõ không dấu được"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(text.trim())
        }}
        autoComplete="off"
      />
    </div>
  )
}

function NoCadres() {
  return (
    <div className="empty-state">
      <h2>Chưa có cán bộ nào</h2>
      <p>Thêm từng cán bộ bằng biểu mẫu, hoặc nhập cả danh sách từ tệp Excel mẫu.</p>
      <div className="actions">
        <Link to="/can-bo/them" className="btn btn-primary btn-link">
          Thêm cán bộ
        </Link>
        <Link to="/nhap-xuat">Nhập từ tệp Excel</Link>
      </div>
    </div>
  )
}
