/**
 * The team calendar: one row per cadre grouped by ban, one column per day. Only the day axis is
 * a CSS grid (the column backgrounds and the header, one element per day); each cadre's row is
 * a track where trips, registrations and exemption periods are absolutely placed bars, so the
 * page holds O(cadres + items + days) elements, not cadres × days cells (DECISIONS.md).
 *
 * The page keys it by period and filters, so another period starts with no stale selection.
 *
 * Creating: press on a day of a cadre's row and drag to another day (or click one day); arrow
 * keys move the focused cell, Shift+←/→ widen the selection, Enter opens the choice.
 */
import { useNavigate } from '@tanstack/react-router'
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent
} from 'react'
import type {
  CalendarCadre,
  CalendarDay,
  CalendarItem,
  CalendarRange
} from '../../../../../shared/api/calendar'
import { formatDateVi } from '../../../../../shared/domain/dates'
import { formatDays } from '../../../../../shared/domain/format'
import {
  CONTENT_KIND_LABELS,
  CONTENT_KIND_SHORT_LABELS,
  TRIP_STATUS_LABELS,
  type TripStatus
} from '../../../../../shared/domain/kinds'
import { columnAt, placeOf, spanOf } from './geometry'

export type GridScale = 'month' | 'quarter' | 'year'

export interface Selection {
  cadre: CalendarCadre
  from: string
  to: string
  /** The round (đợt) holding every chosen day, if one does: the registration form fills it in. */
  round: number | null
  today: string
}

interface Props {
  data: CalendarRange
  scale: GridScale
  onCreate(selection: Selection): void
}

const REGISTRATION_STATUS_LABELS: Record<string, string> = {
  DANG_KY: 'Đã đăng ký',
  BAN_DUYET: 'Ban đã duyệt',
  THUONG_TRUC_DUYET: 'Thường trực đã duyệt'
}

function statusLabel(item: CalendarItem): string {
  return item.type === 'trip'
    ? TRIP_STATUS_LABELS[item.status as TripStatus]
    : `Phiếu đăng ký – ${REGISTRATION_STATUS_LABELS[item.status] ?? item.status}`
}

/** formatDays builds an Intl.NumberFormat per call; a busy quarter asks for the same few lengths hundreds of times. */
const daysWords = new Map<number, string>()
function daysText(days: number): string {
  let text = daysWords.get(days)
  if (text === undefined) {
    text = formatDays(days)
    daysWords.set(days, text)
  }
  return text
}

/** The bar's tooltip: what, when, where, and the conflicts. */
function itemTitle(item: CalendarItem): string {
  const lines = [
    `${item.code} · ${CONTENT_KIND_LABELS[item.kind]} (${statusLabel(item)})`,
    `${formatDateVi(item.startDate)}${item.startHalf === 'CHIEU' ? ' (chiều)' : ''} – ${formatDateVi(item.endDate)}${item.endHalf === 'SANG' ? ' (sáng)' : ''}: ${daysText(item.days)} ngày`
  ]
  if (item.topic) lines.push(item.topic)
  if (item.units.length) lines.push(item.units.join('; '))
  for (const c of item.conflicts) lines.push(`⚠ ${c}`)
  return lines.join('\n')
}

interface Cursor {
  row: number
  col: number
}

interface Drag {
  row: number
  anchor: number
  current: number
}

export function TeamGrid({ data, scale, onCreate }: Props) {
  const days = data.days.length
  const navigate = useNavigate()
  // Plain anchors (hash addresses) with one navigate for all: a router <Link> per bar costs a
  // subscription and a location build each, which is most of the render time of a busy quarter.
  const follow = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      const to = event.currentTarget.dataset.to
      if (!to || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return
      event.preventDefault()
      const [section, code] = to.split('/') as ['chuyen-di' | 'can-bo', string]
      void (section === 'chuyen-di'
        ? navigate({ to: '/chuyen-di/$code', params: { code } })
        : navigate({ to: '/can-bo/$code', params: { code } }))
    },
    [navigate]
  )
  const rows = useMemo(() => data.departments.flatMap((d) => d.cadres), [data])
  const [cursor, setCursor] = useState<Cursor | null>(null)
  // The selection lives in state (to draw it) and in a ref (read by the pointer listeners
  // without re-registering them on every column crossed).
  const [drag, setDragState] = useState<Drag | null>(null)
  const dragRef = useRef<Drag | null>(null)
  const setDrag = useCallback((d: Drag | null) => {
    dragRef.current = d
    setDragState(d)
  }, [])
  const [pressing, setPressing] = useState(false)
  const dragRect = useRef<DOMRect | null>(null)
  const bodyRef = useRef<HTMLDivElement>(null)

  const open = useCallback(
    (row: number, a: number, b: number) => {
      const cadre = rows[row]
      const lo = Math.min(a, b)
      const hi = Math.max(a, b)
      const first = data.days[lo]
      const last = data.days[hi]
      if (!cadre || !first || !last) return
      const chosen = data.days.slice(lo, hi + 1)
      const round = first.round !== null && chosen.every((d) => d.round === first.round) ? first.round : null
      onCreate({ cadre, from: first.date, to: last.date, round, today: data.today })
    },
    [rows, data.days, data.today, onCreate]
  )

  const startDrag = useCallback(
    (row: number, event: MouseEvent<HTMLDivElement>) => {
      if (event.button !== 0) return
      const rect = event.currentTarget.getBoundingClientRect()
      dragRect.current = rect
      const col = columnAt(event.clientX, rect, days)
      setDrag({ row, anchor: col, current: col })
      setCursor({ row, col })
      setPressing(true)
      bodyRef.current?.focus({ preventScroll: true })
      event.preventDefault()
    },
    [days, setDrag]
  )

  useEffect(() => {
    if (!pressing) return
    const move = (e: globalThis.MouseEvent) => {
      const rect = dragRect.current
      const d = dragRef.current
      if (!rect || !d) return
      const col = columnAt(e.clientX, rect, days)
      if (col === d.current) return
      setDrag({ ...d, current: col })
      setCursor({ row: d.row, col })
    }
    const up = () => {
      setPressing(false)
      const d = dragRef.current
      if (d) open(d.row, d.anchor, d.current)
    }
    window.addEventListener('mousemove', move)
    window.addEventListener('mouseup', up)
    return () => {
      window.removeEventListener('mousemove', move)
      window.removeEventListener('mouseup', up)
    }
  }, [pressing, days, open, setDrag])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return
    const c = cursor ?? { row: 0, col: 0 }
    let next: Cursor | null = null
    switch (e.key) {
      case 'ArrowLeft':
        next = { row: c.row, col: Math.max(0, c.col - 1) }
        break
      case 'ArrowRight':
        next = { row: c.row, col: Math.min(days - 1, c.col + 1) }
        break
      case 'ArrowUp':
        next = { row: Math.max(0, c.row - 1), col: c.col }
        break
      case 'ArrowDown':
        next = { row: Math.min(rows.length - 1, c.row + 1), col: c.col }
        break
      case 'Home':
        next = { row: c.row, col: 0 }
        break
      case 'End':
        next = { row: c.row, col: days - 1 }
        break
      case 'Enter':
        e.preventDefault()
        if (drag && drag.row === c.row) open(drag.row, drag.anchor, drag.current)
        else open(c.row, c.col, c.col)
        return
      case 'Escape':
        setDrag(null)
        return
      default:
        return
    }
    e.preventDefault()
    if (e.shiftKey && next.row === c.row && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      const anchor = drag && drag.row === c.row ? drag.anchor : c.col
      // A keyboard selection is a finished drag: no pointer listeners, only the range.
      setDrag({ row: c.row, anchor, current: next.col })
      dragRect.current = null
    } else {
      setDrag(null)
    }
    setCursor(next)
    const rowEl = bodyRef.current?.querySelector(`[data-row="${next.row}"]`)
    rowEl?.scrollIntoView({ block: 'nearest' })
  }

  const style = { '--days': days } as CSSProperties
  const focused = cursor ? rows[cursor.row] : undefined
  const focusDay = cursor ? data.days[cursor.col] : undefined
  let rowIndex = 0

  return (
    <div className={`cal cal-scale-${scale}`} style={style}>
      <GridHeader data={data} scale={scale} />
      <div
        ref={bodyRef}
        className="cal-body"
        role="grid"
        aria-label="Lịch công tác: mỗi dòng một cán bộ, mỗi cột một ngày"
        aria-rowcount={rows.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!cursor && rows.length) setCursor({ row: 0, col: 0 })
        }}
      >
        <DayColumns days={data.days} today={data.today} />
        {data.departments.map((dept) => (
          <div key={dept.code} className="cal-dept-group" role="rowgroup">
            <div className="cal-dept" role="row">
              <span role="rowheader">
                {dept.name} <span className="cal-dept-count">({dept.cadres.length})</span>
              </span>
            </div>
            {dept.cadres.map((cadre) => {
              const row = rowIndex++
              const selected = drag && drag.row === row ? drag : null
              return (
                <CadreRow
                  key={cadre.code}
                  row={row}
                  cadre={cadre}
                  from={data.from}
                  to={data.to}
                  days={days}
                  scale={scale}
                  selFrom={selected ? Math.min(selected.anchor, selected.current) : -1}
                  selTo={selected ? Math.max(selected.anchor, selected.current) : -1}
                  focusCol={cursor && cursor.row === row ? cursor.col : -1}
                  onPress={startDrag}
                  onFollow={follow}
                />
              )
            })}
          </div>
        ))}
      </div>
      <p className="cal-status" aria-live="polite">
        {focused && focusDay
          ? `${focused.code} ${focused.fullName} · ${focusDay.weekday} ${formatDateVi(focusDay.date)}${focusDay.holiday ? ` · ${focusDay.holiday.name}` : ''} — Enter: tạo đăng ký hoặc chuyến đi; Shift+←/→: chọn nhiều ngày`
          : 'Bấm hoặc kéo qua các ngày trên dòng của một cán bộ để tạo đăng ký hoặc chuyến đi; hoặc dùng phím mũi tên và Enter.'}
      </p>
    </div>
  )
}

const MONTH_NAMES = [
  'Tháng 1',
  'Tháng 2',
  'Tháng 3',
  'Tháng 4',
  'Tháng 5',
  'Tháng 6',
  'Tháng 7',
  'Tháng 8',
  'Tháng 9',
  'Tháng 10',
  'Tháng 11',
  'Tháng 12'
]

/** Month band, rounds band, day numbers, weekdays and the count of cadres out per day. */
function GridHeader({ data, scale }: { data: CalendarRange; scale: GridScale }) {
  const months = useMemo(() => {
    const result: Array<{ month: number; start: number; end: number }> = []
    data.days.forEach((d, i) => {
      const month = Number(d.date.slice(5, 7))
      const last = result[result.length - 1]
      if (last && last.month === month) last.end = i + 1
      else result.push({ month, start: i, end: i + 1 })
    })
    return result
  }, [data.days])
  const rounds = data.rounds
    .map((r) => ({ round: r, span: spanOf(data.from, data.to, r) }))
    .filter(
      (r): r is { round: (typeof data.rounds)[number]; span: NonNullable<ReturnType<typeof spanOf>> } =>
        r.span !== null
    )
  const daily = scale !== 'year'
  return (
    <div className="cal-head">
      <div className="cal-head-row cal-months">
        <div className="cal-corner">{scale === 'year' ? 'Cán bộ' : ''}</div>
        <div className="cal-axis">
          {months.map((m) => (
            <div key={m.month} className="cal-month" style={{ gridColumn: `${m.start + 1} / ${m.end + 1}` }}>
              {scale === 'year' ? `T${m.month}` : `${MONTH_NAMES[m.month - 1]}/${data.from.slice(0, 4)}`}
            </div>
          ))}
        </div>
      </div>
      {rounds.length > 0 && (
        <div className="cal-head-row cal-rounds">
          <div className="cal-corner">Đợt</div>
          <div className="cal-axis">
            {rounds.map(({ round, span }) => (
              <div
                key={`${round.year}-${round.quarter}-${round.number}`}
                className="cal-round"
                style={{ gridColumn: `${Math.floor(span.start) + 1} / ${Math.ceil(span.end) + 1}` }}
                title={round.note ? `${round.label} – ${round.note}` : round.label}
              >
                {scale === 'year' ? round.number : `Đợt ${round.number}`}
              </div>
            ))}
          </div>
        </div>
      )}
      {daily && (
        <>
          <div className="cal-head-row cal-daynums">
            <div className="cal-corner">Cán bộ</div>
            <div className="cal-axis">
              {data.days.map((d) => (
                <div key={d.date} className={dayClass(d, data.today)} title={dayTitle(d)} data-date={d.date}>
                  {Number(d.date.slice(8, 10))}
                </div>
              ))}
            </div>
          </div>
          <div className="cal-head-row cal-weekdays">
            <div className="cal-corner" />
            <div className="cal-axis">
              {data.days.map((d) => (
                <div key={d.date} className={dayClass(d, data.today)} title={dayTitle(d)}>
                  {scale === 'month' || d.weekday === 'T2' ? d.weekday : ''}
                </div>
              ))}
            </div>
          </div>
          <div className="cal-head-row cal-out">
            <div className="cal-corner" title="Số cán bộ có chuyến đi (đã thực hiện hoặc dự kiến) trong ngày">
              Số CB đi
            </div>
            <div className="cal-axis">
              {data.days.map((d) => (
                <div
                  key={d.date}
                  className={dayClass(d, data.today)}
                  data-out-date={d.date}
                  title={`${formatDateVi(d.date)}: ${d.out} cán bộ đi cơ sở`}
                >
                  {d.out > 0 ? d.out : ''}
                </div>
              ))}
            </div>
          </div>
        </>
      )}
    </div>
  )
}

function dayTitle(d: CalendarDay): string {
  return [`${d.weekday} ${formatDateVi(d.date)}`, d.holiday?.name, d.round ? `Đợt ${d.round}` : null]
    .filter(Boolean)
    .join(' · ')
}

function dayClass(d: CalendarDay, today: string): string {
  let cls = 'cal-day'
  if (d.weekend) cls += ' is-weekend'
  if (d.holiday) cls += ' is-holiday'
  if (d.round) cls += ' is-round'
  if (d.date === today) cls += ' is-today'
  if (d.date.endsWith('-01')) cls += ' is-month-start'
  if (d.weekday === 'T2') cls += ' is-week-start'
  return cls
}

/** The day columns behind every row: weekends, holidays, rounds, today. One element per day for the whole grid. */
const DayColumns = memo(function DayColumns({ days, today }: { days: CalendarDay[]; today: string }) {
  return (
    <div className="cal-columns" aria-hidden="true">
      {days.map((d) => (
        <div key={d.date} className={dayClass(d, today)} data-col-date={d.date} />
      ))}
    </div>
  )
})

interface RowProps {
  row: number
  cadre: CalendarCadre
  from: string
  to: string
  days: number
  scale: GridScale
  selFrom: number
  selTo: number
  focusCol: number
  onPress(row: number, event: MouseEvent<HTMLDivElement>): void
  onFollow(event: MouseEvent<HTMLAnchorElement>): void
}

const CadreRow = memo(function CadreRow({
  row,
  cadre,
  from,
  to,
  days,
  scale,
  selFrom,
  selTo,
  focusCol,
  onPress,
  onFollow
}: RowProps) {
  return (
    <div className="cal-row" role="row" data-row={row} data-cadre={cadre.code}>
      <div
        className="cal-name"
        role="rowheader"
        title={`${cadre.code} ${cadre.fullName} – ${cadre.position}`}
      >
        <a
          href={`#/can-bo/${encodeURIComponent(cadre.code)}`}
          data-to={`can-bo/${cadre.code}`}
          onClick={onFollow}
          className="cal-name-link"
        >
          {cadre.fullName}
        </a>
        <span className="cal-code">{cadre.code}</span>
      </div>
      <div className="cal-track" onMouseDown={(e) => onPress(row, e)}>
        {cadre.exemptions.map((ex) => {
          const span = spanOf(from, to, { startDate: ex.from, endDate: ex.to })
          if (!span) return null
          return (
            <div
              key={`${ex.from}-${ex.to}`}
              className="cal-exemption"
              style={placeOf(span, days)}
              title={`Miễn giảm: ${ex.label}, ${formatDateVi(ex.from)}–${formatDateVi(ex.to)}`}
            />
          )
        })}
        {cadre.items.map((item) => (
          <ItemBar
            key={`${item.type}-${item.code}`}
            item={item}
            from={from}
            to={to}
            days={days}
            scale={scale}
            onFollow={onFollow}
          />
        ))}
        {selFrom >= 0 && (
          <div
            className="cal-selection"
            style={placeOf({ start: selFrom, end: selTo + 1 }, days)}
            data-testid="cal-selection"
          />
        )}
        {focusCol >= 0 && (
          <div className="cal-focus" style={placeOf({ start: focusCol, end: focusCol + 1 }, days)} />
        )}
      </div>
    </div>
  )
})

interface ItemProps {
  item: CalendarItem
  from: string
  to: string
  days: number
  scale: GridScale
  onFollow(event: MouseEvent<HTMLAnchorElement>): void
}

function ItemBar({ item, from, to, days, scale, onFollow }: ItemProps) {
  const span = spanOf(from, to, item)
  if (!span) return null
  const cls = [
    'cal-item',
    `kind-${item.kind}`,
    item.planned ? 'is-planned' : '',
    item.type === 'registration' ? 'is-registration' : '',
    item.conflicts.length ? 'has-conflict' : ''
  ]
    .filter(Boolean)
    .join(' ')
  const label =
    scale === 'month'
      ? `${item.code} · ${CONTENT_KIND_SHORT_LABELS[item.kind]}`
      : scale === 'quarter'
        ? item.code
        : ''
  const common = {
    className: cls,
    style: placeOf(span, days),
    title: itemTitle(item),
    'data-item': item.code,
    'data-kind': item.kind,
    onMouseDown: (e: MouseEvent) => e.stopPropagation()
  }
  // The "!" needs room: in the quarter and the year the red edge alone marks a conflict.
  const flag = scale === 'month' && item.conflicts.length > 0
  if (item.type === 'trip') {
    return (
      <a
        href={`#/chuyen-di/${encodeURIComponent(item.code)}`}
        data-to={`chuyen-di/${item.code}`}
        onClick={onFollow}
        {...common}
      >
        {flag && (
          <span className="cal-item-flag" aria-label="Có xung đột">
            !
          </span>
        )}
        {label}
      </a>
    )
  }
  return (
    <span {...common}>
      {flag && (
        <span className="cal-item-flag" aria-label="Có xung đột">
          !
        </span>
      )}
      {label}
    </span>
  )
}
