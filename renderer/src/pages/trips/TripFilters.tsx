/**
 * The logbook's filters: search box, year / quarter / month, kind, status, ban, "quá hạn báo
 * cáo", and the cadre and unit pickers. They edit the address's search (the page reads the
 * filters from there), so each change is one navigation that a reload keeps.
 */
import { useEffect, useState } from 'react'
import type { TripChoices } from '../../../../shared/api/trips'
import {
  CONTENT_KINDS,
  CONTENT_KIND_LABELS,
  TRIP_STATUSES,
  TRIP_STATUS_LABELS
} from '../../../../shared/domain/kinds'
import { CadrePicker, UnitPicker } from '../../components/pickers'
import type { TripListSearch } from './search'

interface Props {
  search: TripListSearch
  choices: TripChoices | undefined
  /** Null until the service said what today is. */
  currentYear: number | null
  onChange(patch: Partial<TripListSearch>): void
  onClear(): void
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/** Typing waits this long before it filters (every key would otherwise be a navigation). */
const SEARCH_DELAY_MS = 250

export function TripFilters({ search, choices, currentYear, onChange, onClear }: Props) {
  const [text, setText] = useState(search.q ?? '')
  const [shownQ, setShownQ] = useState(search.q)
  // A new q from outside (back button, "Xóa bộ lọc") replaces what is typed.
  if (shownQ !== search.q) {
    setShownQ(search.q)
    if ((search.q ?? '') !== text.trim()) setText(search.q ?? '')
  }
  useEffect(() => {
    const wanted = text.trim() === '' ? undefined : text
    if (wanted === search.q) return
    const timer = setTimeout(() => onChange({ q: wanted }), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, search.q, onChange])

  const year = search.year ?? currentYear ?? ''
  const allYears = year === 'all'
  const years = choices?.years ?? (currentYear === null ? [] : [currentYear])
  const filtered =
    search.q !== undefined ||
    search.year !== undefined ||
    search.quarter !== undefined ||
    search.month !== undefined ||
    Boolean(search.cadre?.length) ||
    Boolean(search.unit?.length) ||
    search.department !== undefined ||
    search.kind !== undefined ||
    search.status !== undefined ||
    search.overdue !== undefined

  return (
    <div className="trip-filters" role="search" aria-label="Lọc chuyến đi">
      <div className="trip-filters-row">
        <div className="field trip-filter-q">
          <label htmlFor="trip-q">Tìm</label>
          <input
            id="trip-q"
            className="input"
            type="search"
            placeholder="Mã, nội dung, số công lệnh…"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="trip-year">Năm</label>
          <select
            id="trip-year"
            className="input"
            value={String(year)}
            onChange={(e) => {
              const value = e.target.value
              onChange({
                year:
                  value === 'all'
                    ? 'all'
                    : value === '' || Number(value) === currentYear
                      ? undefined
                      : Number(value),
                ...(value === 'all' ? { quarter: undefined, month: undefined } : {})
              })
            }}
          >
            {year === '' && <option value="">Năm nay</option>}
            <option value="all">Mọi năm</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trip-quarter">Quý</label>
          <select
            id="trip-quarter"
            className="input"
            disabled={allYears}
            value={search.month !== undefined ? '' : (search.quarter ?? '')}
            onChange={(e) =>
              onChange({ quarter: e.target.value ? Number(e.target.value) : undefined, month: undefined })
            }
          >
            <option value="">Cả năm</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                Quý {q}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trip-month">Tháng</label>
          <select
            id="trip-month"
            className="input"
            disabled={allYears}
            value={search.month ?? ''}
            onChange={(e) =>
              onChange({ month: e.target.value ? Number(e.target.value) : undefined, quarter: undefined })
            }
          >
            <option value="">Mọi tháng</option>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                Tháng {m}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trip-kind">Loại nội dung</label>
          <select
            id="trip-kind"
            className="input trip-filter-kind"
            value={search.kind ?? ''}
            onChange={(e) => onChange({ kind: (e.target.value || undefined) as TripListSearch['kind'] })}
          >
            <option value="">Mọi loại</option>
            {CONTENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONTENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trip-status">Trạng thái</label>
          <select
            id="trip-status"
            className="input"
            value={search.status ?? ''}
            onChange={(e) => onChange({ status: (e.target.value || undefined) as TripListSearch['status'] })}
          >
            <option value="">Mọi trạng thái</option>
            {TRIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {TRIP_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trip-department">Ban</label>
          <select
            id="trip-department"
            className="input trip-filter-department"
            value={search.department ?? ''}
            onChange={(e) => onChange({ department: e.target.value || undefined })}
          >
            <option value="">Mọi ban</option>
            {(choices?.departments ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <label className="trip-filter-check">
          <input
            type="checkbox"
            checked={search.overdue ?? false}
            onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
          />
          Quá hạn báo cáo
        </label>
      </div>
      <div className="trip-filters-row">
        <div className="field trip-filter-picker">
          <label htmlFor="trip-cadres">Cán bộ</label>
          <CadrePicker
            id="trip-cadres"
            cadres={choices?.cadres ?? []}
            value={search.cadre ?? []}
            onChange={(codes) => onChange({ cadre: codes.length ? codes : undefined })}
            placeholder="Mọi cán bộ (gõ tên để chọn)"
          />
        </div>
        <div className="field trip-filter-picker">
          <label htmlFor="trip-units">Đơn vị (gồm đơn vị trực thuộc)</label>
          <UnitPicker
            id="trip-units"
            units={choices?.units ?? []}
            value={search.unit ?? []}
            onChange={(codes) => onChange({ unit: codes.length ? codes : undefined })}
            placeholder="Mọi đơn vị (gõ tên để chọn)"
          />
        </div>
        <button type="button" className="btn trip-filter-clear" onClick={onClear} disabled={!filtered}>
          Xóa bộ lọc
        </button>
      </div>
    </div>
  )
}
