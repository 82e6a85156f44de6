/**
 * Lịch (#/ke-hoach-quy/lich): the month, quarter and year calendars of the office — who is out
 * where and when, rounds, weekends and public holidays, exemption periods, conflicts — and the
 * place to start a registration or a trip by dragging across a cadre's days.
 */
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useCallback, useMemo, useState } from 'react'
import { formatDateVi, localToday } from '../../../../../shared/domain/dates'
import { CONTENT_KINDS, CONTENT_KIND_LABELS } from '../../../../../shared/domain/kinds'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useApiQuery } from '../../../lib/api'
import { toErrorInfo } from '../../../lib/errors'
import '../../../styles/calendar.css'
import { CreateChoice } from './CreateChoice'
import {
  CALENDAR_VIEWS,
  CALENDAR_VIEW_LABELS,
  periodOf,
  periodTitle,
  stepPeriod,
  type CalendarSearch
} from './search'
import { TeamGrid, type GridScale, type Selection } from './TeamGrid'

const route = getRouteApi('/ke-hoach-quy/lich')

/** The first conflicts are listed; the rest on demand (a messy year can hold hundreds). */
const CONFLICTS_SHOWN = 8

const SCALE: Record<string, GridScale> = { thang: 'month', quy: 'quarter', nam: 'year' }

export function CalendarPage() {
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/ke-hoach-quy/lich' })
  // The machine's day picks the period when the address names none (as the clerk expects).
  const period = periodOf(search, localToday())
  const input = useMemo(
    () => ({
      from: period.from,
      to: period.to,
      departmentCode: search.department || undefined,
      // The year view can follow one cadre through the twelve months.
      cadreCode: period.view === 'nam' ? search.cadre || undefined : undefined
    }),
    [period.from, period.to, period.view, search.department, search.cadre]
  )
  const query = useApiQuery('calendar.range', input, { placeholderData: (previous) => previous })
  const [selection, setSelection] = useState<Selection | null>(null)
  const [allConflicts, setAllConflicts] = useState(false)
  const onCreate = useCallback((s: Selection) => setSelection(s), [])

  const go = (patch: Partial<CalendarSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: false })
  const data = query.data
  const shown = data && data.from === period.from && data.to === period.to ? data : undefined
  const conflicts = shown
    ? shown.departments.flatMap((d) =>
        d.cadres.flatMap((c) => c.items.filter((i) => i.conflicts.length).map((i) => ({ cadre: c, item: i })))
      )
    : []
  const holidays = shown ? shown.days.filter((d) => d.holiday) : []
  const cadreCount = shown ? shown.departments.reduce((n, d) => n + d.cadres.length, 0) : 0

  return (
    <section className="page calendar-page">
      <header className="page-header">
        <h1>Lịch công tác cơ sở – {periodTitle(period)}</h1>
        <Link to="/ke-hoach-quy" className="cal-back">
          ← Kế hoạch quý
        </Link>
      </header>

      <div className="toolbar cal-toolbar">
        <div className="cal-views" role="group" aria-label="Kiểu lịch">
          {CALENDAR_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={`btn btn-small${period.view === v ? ' is-active' : ''}`}
              aria-pressed={period.view === v}
              onClick={() =>
                go({
                  view: v,
                  year: period.year,
                  quarter: period.quarter,
                  month: v === 'thang' ? period.month : undefined
                })
              }
            >
              {CALENDAR_VIEW_LABELS[v]}
            </button>
          ))}
        </div>
        <div className="cal-nav" role="group" aria-label="Chuyển kỳ">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => go(stepPeriod(period, -1))}
            aria-label="Kỳ trước"
          >
            ‹
          </button>
          <strong className="cal-period">{periodTitle(period)}</strong>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => go(stepPeriod(period, 1))}
            aria-label="Kỳ sau"
          >
            ›
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => go({ year: undefined, quarter: undefined, month: undefined })}
          >
            Hôm nay
          </button>
        </div>
        <div className="field">
          <label htmlFor="cal-year">Năm</label>
          <input
            id="cal-year"
            className="input cal-year-input"
            type="number"
            min={2000}
            max={2100}
            value={period.year}
            onChange={(e) => {
              const year = Number(e.target.value)
              if (Number.isInteger(year) && year >= 2000 && year <= 2100) go({ year })
            }}
          />
        </div>
        {period.view === 'quy' && (
          <div className="field">
            <label htmlFor="cal-quarter">Quý</label>
            <select
              id="cal-quarter"
              className="input"
              value={period.quarter}
              onChange={(e) => go({ quarter: Number(e.target.value), month: undefined })}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Quý {['I', 'II', 'III', 'IV'][q - 1]}
                </option>
              ))}
            </select>
          </div>
        )}
        {period.view === 'thang' && (
          <div className="field">
            <label htmlFor="cal-month">Tháng</label>
            <select
              id="cal-month"
              className="input"
              value={period.month}
              onChange={(e) => go({ month: Number(e.target.value), quarter: undefined })}
            >
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  Tháng {m}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="cal-department">Ban</label>
          <select
            id="cal-department"
            className="input cal-department"
            value={search.department ?? ''}
            onChange={(e) => go({ department: e.target.value || undefined })}
          >
            <option value="">Tất cả các ban</option>
            {(data?.choices.departments ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {period.view === 'nam' && (
          <div className="field">
            <label htmlFor="cal-cadre">Cán bộ</label>
            <select
              id="cal-cadre"
              className="input cal-department"
              value={search.cadre ?? ''}
              onChange={(e) => go({ cadre: e.target.value || undefined })}
            >
              <option value="">Tất cả cán bộ</option>
              {(data?.choices.cadres ?? [])
                .filter((c) => !search.department || c.departmentCode === search.department)
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.fullName} ({c.code})
                  </option>
                ))}
            </select>
          </div>
        )}
        {query.isFetching && <span className="loading">Đang tải…</span>}
      </div>

      <Legend />

      {query.error && <ErrorAlert error={toErrorInfo(query.error)} />}
      {shown && cadreCount === 0 && (
        <div className="empty-state">
          <h2>Chưa có cán bộ nào công tác trong {lowerFirst(periodTitle(period))}</h2>
          <p>
            Lịch hiện mỗi cán bộ một dòng. Hãy thêm cán bộ ở trang <Link to="/can-bo">Cán bộ</Link> hoặc nhập
            tệp Excel ở trang <Link to="/nhap-xuat">Nhập / xuất Excel</Link>.
          </p>
          {holidays.length > 0 && (
            <p>
              Ngày nghỉ lễ trong kỳ:{' '}
              {holidays.map((d) => `${formatDateVi(d.date)} (${d.holiday?.name ?? ''})`).join('; ')}.
            </p>
          )}
        </div>
      )}
      {shown && cadreCount > 0 && (
        <TeamGrid
          key={`${shown.from}/${shown.to}/${input.departmentCode ?? ''}/${input.cadreCode ?? ''}`}
          data={shown}
          scale={SCALE[period.view] ?? 'quarter'}
          onCreate={onCreate}
        />
      )}

      {shown && cadreCount > 0 && (
        <div className="cal-notes">
          <section className="panel cal-holidays" aria-labelledby="cal-holidays-title">
            <h2 id="cal-holidays-title">Ngày nghỉ lễ trong kỳ</h2>
            {holidays.length === 0 ? (
              <p className="muted">Không có.</p>
            ) : (
              <ul>
                {holidays.map((d) => (
                  <li key={d.date}>
                    {d.weekday} {formatDateVi(d.date)}: {d.holiday?.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel cal-conflicts" aria-labelledby="cal-conflicts-title">
            <h2 id="cal-conflicts-title">Xung đột ({conflicts.length})</h2>
            {conflicts.length === 0 ? (
              <p className="muted">
                Không có chuyến đi hay đăng ký nào trùng ngày, rơi vào kỳ miễn giảm hoặc đến đơn vị hết hiệu
                lực.
              </p>
            ) : (
              <ul>
                {(allConflicts ? conflicts : conflicts.slice(0, CONFLICTS_SHOWN)).map(({ cadre, item }) => (
                  <li key={`${cadre.code}-${item.type}-${item.code}`}>
                    <strong>
                      {cadre.code} {cadre.fullName}
                    </strong>{' '}
                    –{' '}
                    {item.type === 'trip' ? (
                      <Link to="/chuyen-di/$code" params={{ code: item.code }}>
                        {item.code}
                      </Link>
                    ) : (
                      item.code
                    )}
                    : {item.conflicts.join(' ')}
                  </li>
                ))}
              </ul>
            )}
            {conflicts.length > CONFLICTS_SHOWN && (
              <button type="button" className="btn btn-small" onClick={() => setAllConflicts((v) => !v)}>
                {allConflicts ? 'Thu gọn' : `Xem tất cả ${conflicts.length} xung đột`}
              </button>
            )}
          </section>
        </div>
      )}
      <CreateChoice selection={selection} onClose={() => setSelection(null)} />
    </section>
  )
}

/** "Quý I/2026" → "quý I/2026" (toLowerCase would also lower the Roman numeral). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function Legend() {
  return (
    <ul className="cal-legend" aria-label="Chú giải">
      {CONTENT_KINDS.map((k) => (
        <li key={k}>
          <span className={`cal-swatch kind-${k}`} />
          {CONTENT_KIND_LABELS[k]}
        </li>
      ))}
      <li>
        <span className="cal-swatch kind-CHUYEN_DE is-planned" />
        Dự kiến (sọc)
      </li>
      <li>
        <span className="cal-swatch kind-CHUYEN_DE is-planned is-registration" />
        Đăng ký chưa duyệt
      </li>
      <li>
        <span className="cal-swatch swatch-exemption" />
        Miễn giảm
      </li>
      <li>
        <span className="cal-swatch swatch-holiday" />
        Nghỉ lễ
      </li>
      <li>
        <span className="cal-swatch swatch-weekend" />
        T7, CN
      </li>
      <li>
        <span className="cal-swatch swatch-round" />
        Đợt
      </li>
      <li>
        <span className="cal-swatch swatch-conflict" />
        Xung đột
      </li>
    </ul>
  )
}
