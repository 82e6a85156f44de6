/**
 * The logbook's table, virtualized against the window's scroll (the window scrolls, not an
 * inner box): only the rows on screen exist in the page, fetched a window of 100 at a time
 * from 'trips.search', so 100,000 trips scroll as smoothly as 100. Rows have one fixed
 * height (one line, long text cut with "…" and shown whole on hover) so no row is measured.
 *
 * The header sticks to the top of the window and the totals of the whole filter to its bottom.
 */
import { useWindowRows } from '../../lib/window-rows'
import { keepPreviousData, useQueries } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { memo, useMemo, type ReactNode } from 'react'
import {
  formatTripSpan,
  type TripFilters,
  type TripListRow,
  type TripSearchResult,
  type TripSortKey
} from '../../../../shared/api/trips'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays, formatNumberVi } from '../../../../shared/domain/format'
import { CONTENT_KIND_LABELS, CONTENT_KIND_SHORT_LABELS } from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { apiQueryKey, callApi, useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { StatusBadge } from './StatusBadge'

export const PAGE_SIZE = 100
/** The rendered height of a row (32px cell + 1px border): the virtualizer never measures. */
export const ROW_HEIGHT = 33

interface Column {
  key: string
  header: string
  sort?: TripSortKey
  width?: number
  className?: string
  cell(row: TripListRow): ReactNode
  title?(row: TripListRow): string | undefined
}

/**
 * The dates in a narrow column: the year once when both ends share it, the half day only
 * where it is not the default ("22/07 chiều – 25/07/2025"). The cell's title has it whole.
 */
export function formatSpanCompact(
  r: Pick<TripListRow, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>
): string {
  const half = (h: TripListRow['startHalf']) => (h === 'SANG' ? 'sáng' : 'chiều')
  if (r.startDate === r.endDate) {
    const day = formatDateVi(r.startDate)
    return r.startHalf === r.endHalf ? `${day} ${half(r.startHalf)}` : day
  }
  const start =
    r.startDate.slice(0, 4) === r.endDate.slice(0, 4)
      ? formatDateVi(r.startDate).slice(0, 5)
      : formatDateVi(r.startDate)
  return `${start}${r.startHalf === 'CHIEU' ? ' chiều' : ''} – ${formatDateVi(r.endDate)}${r.endHalf === 'SANG' ? ' sáng' : ''}`
}

/** formatDays builds an Intl.NumberFormat per call: a row's few values are formatted once. */
const dayTexts = new Map<number, string>()
function daysText(days: number): string {
  let text = dayTexts.get(days)
  if (text === undefined) dayTexts.set(days, (text = formatDays(days)))
  return text
}

const names = (list: Array<{ fullName?: string; name?: string }>) =>
  list.map((x) => x.fullName ?? x.name ?? '').join(', ')

const COLUMNS: Column[] = [
  {
    key: 'code',
    header: 'Mã chuyến',
    sort: 'code',
    width: 72,
    cell: (r) => (
      <Link to="/chuyen-di/$code" params={{ code: r.code }} className="trip-code">
        {r.code}
      </Link>
    )
  },
  {
    key: 'dates',
    header: 'Thời gian',
    sort: 'startDate',
    width: 162,
    cell: (r) => formatSpanCompact(r),
    title: (r) => formatTripSpan(r)
  },
  {
    key: 'days',
    header: 'Số ngày',
    sort: 'days',
    width: 50,
    className: 'num',
    cell: (r) => daysText(r.days)
  },
  {
    key: 'kind',
    header: 'Loại nội dung',
    sort: 'kind',
    width: 134,
    cell: (r) => (
      <>
        <span className={`kind-dot kind-${r.kind}`} aria-hidden="true" />
        {CONTENT_KIND_SHORT_LABELS[r.kind]}
      </>
    ),
    title: (r) => CONTENT_KIND_LABELS[r.kind]
  },
  {
    key: 'topic',
    header: 'Nội dung',
    sort: 'topic',
    cell: (r) => r.topic ?? '',
    title: (r) => r.topic ?? undefined
  },
  {
    key: 'cadres',
    header: 'Cán bộ tham gia',
    sort: 'cadres',
    width: 142,
    cell: (r) => names(r.cadres),
    title: (r) => r.cadres.map((c) => `${c.code} ${c.fullName}`).join('\n')
  },
  {
    key: 'units',
    header: 'Đơn vị',
    sort: 'units',
    width: 142,
    cell: (r) => names(r.units),
    title: (r) => r.units.map((u) => `${u.code} ${u.name}`).join('\n')
  },
  {
    key: 'status',
    header: 'Trạng thái',
    sort: 'status',
    width: 130,
    cell: (r) => <StatusBadge status={r.status} overdueDays={r.overdueDays} />
  },
  {
    key: 'travelOrderNo',
    header: 'Số công lệnh',
    sort: 'travelOrderNo',
    width: 74,
    cell: (r) => r.travelOrderNo ?? '',
    title: (r) => r.travelOrderNo ?? undefined
  },
  {
    key: 'reportDate',
    header: 'Ngày nộp báo cáo',
    sort: 'reportDate',
    width: 78,
    cell: (r) => (r.reportDate ? formatDateVi(r.reportDate) : '')
  }
]

interface RowProps {
  row: TripListRow
  rowIndex: number
  /** Offset of the row in the body, in px. */
  top: number
  columns: Column[]
  selected: boolean
  onToggle: ((code: string, on: boolean) => void) | undefined
}

/**
 * One row. Memoized: while the list scrolls, the rows already on screen keep their row
 * object (the window's data) and are not rendered again; only the rows coming in are.
 */
const TripRow = memo(function TripRow({ row, rowIndex, top, columns, selected, onToggle }: RowProps) {
  return (
    <tr
      role="row"
      className={selected ? 'trip-row selected' : 'trip-row'}
      aria-rowindex={rowIndex}
      data-code={row.code}
      style={{ transform: `translateY(${top}px)` }}
    >
      {onToggle && (
        <td role="cell" className="col-select">
          <input
            type="checkbox"
            aria-label={`Chọn chuyến ${row.code}`}
            checked={selected}
            onChange={(e) => onToggle(row.code, e.target.checked)}
          />
        </td>
      )}
      {columns.map((c) => (
        <td role="cell" key={c.key} className={c.className} title={c.title?.(row)} data-col={c.key}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  )
})

export interface TripSelection {
  selected: ReadonlySet<string>
  toggle(code: string, on: boolean): void
  /** Select (or clear) every trip the filter keeps. */
  toggleAll(on: boolean, total: number): void
}

interface Props {
  filters: TripFilters
  onSort(key: TripSortKey): void
  selection?: TripSelection
  /** Columns left out (the cadre's own list drops nothing by default). */
  hide?: readonly string[]
  label: string
  /** Shown instead of the empty table. */
  empty: ReactNode
}

export function TripsTable({ filters, onSort, selection, hide = [], label, empty }: Props) {
  const hidden = hide.join(',')
  const columns = useMemo(() => COLUMNS.filter((c) => !hidden.split(',').includes(c.key)), [hidden])
  const head = useApiQuery(
    'trips.search',
    { ...filters, offset: 0, limit: PAGE_SIZE },
    { placeholderData: keepPreviousData }
  )
  const total = head.data?.total ?? 0
  // The footer's totals come in their own call: the rows never wait for them.
  const totalsQuery = useApiQuery('trips.totals', filters, { placeholderData: keepPreviousData })

  const { bodyRef, virtualizer } = useWindowRows<HTMLTableSectionElement>({
    count: total,
    rowHeight: ROW_HEIGHT,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const pageNumbers: number[] = []
  for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++)
    if (p > 0) pageNumbers.push(p)
  const pages = useQueries({
    queries: pageNumbers.map((p) => ({
      queryKey: apiQueryKey('trips.search', { ...filters, offset: p * PAGE_SIZE, limit: PAGE_SIZE }),
      queryFn: () => callApi('trips.search', { ...filters, offset: p * PAGE_SIZE, limit: PAGE_SIZE }),
      placeholderData: keepPreviousData
    }))
  })
  const pageData = (p: number): TripSearchResult | undefined =>
    p === 0 ? head.data : (pages[pageNumbers.indexOf(p)]?.data as TripSearchResult | undefined)
  const rowAt = (index: number): TripListRow | undefined => {
    const p = Math.floor(index / PAGE_SIZE)
    const data = pageData(p)
    return data && data.offset === p * PAGE_SIZE ? data.rows[index - p * PAGE_SIZE] : undefined
  }

  if (head.error) return <ErrorAlert error={toErrorInfo(head.error)} />
  if (head.data && total === 0 && !head.isPlaceholderData) return <>{empty}</>

  // Rows are laid out as grids, each placed with a transform in a body as tall as the whole
  // list: a row coming in or going out never makes the browser lay out the others again.
  const template = [
    selection ? '28px' : null,
    ...columns.map((c) => (c.width ? `${c.width}px` : 'minmax(0, 1fr)'))
  ]
    .filter(Boolean)
    .join(' ')
  // Totals of the previous filter would sit next to the new count: "đang tính" until they come.
  const totals = totalsQuery.isPlaceholderData ? undefined : totalsQuery.data
  const sortKey = filters.sort ?? 'startDate'
  const desc = filters.desc ?? filters.sort === undefined
  const allSelected = selection !== undefined && total > 0 && selection.selected.size >= total

  return (
    <table
      role="table"
      className="data-table trips-table"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-busy={head.isFetching || pages.some((p) => p.isFetching)}
      style={{ ['--trip-columns' as string]: template }}
    >
      <thead role="rowgroup">
        <tr role="row">
          {selection && (
            <th role="columnheader" className="col-select">
              <input
                type="checkbox"
                aria-label="Chọn mọi chuyến đi theo bộ lọc"
                checked={allSelected}
                onChange={(e) => selection.toggleAll(e.target.checked, total)}
              />
            </th>
          )}
          {columns.map((c) => {
            const active = c.sort !== undefined && c.sort === sortKey
            return (
              <th
                role="columnheader"
                key={c.key}
                className={c.className}
                aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
              >
                {c.sort ? (
                  <button type="button" className="th-button" onClick={() => onSort(c.sort!)}>
                    {c.header}
                    {active && <span className="sort-mark">{desc ? '▼' : '▲'}</span>}
                  </button>
                ) : (
                  c.header
                )}
              </th>
            )
          })}
        </tr>
      </thead>
      <tbody role="rowgroup" ref={bodyRef} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(item.index)
          const top = item.start - virtualizer.options.scrollMargin
          if (!row) {
            return (
              <tr
                role="row"
                key={item.key}
                className="trip-row trip-row-loading"
                aria-rowindex={item.index + 2}
                style={{ transform: `translateY(${top}px)` }}
              >
                <td role="cell">Đang tải…</td>
              </tr>
            )
          }
          return (
            <TripRow
              key={item.key}
              row={row}
              rowIndex={item.index + 2}
              top={top}
              columns={columns}
              selected={selection?.selected.has(row.code) ?? false}
              onToggle={selection?.toggle}
            />
          )
        })}
      </tbody>
      {head.data && (
        <tfoot role="rowgroup">
          <tr role="row">
            <td role="cell" className="trips-totals" data-testid="trips-totals" aria-busy={!totals}>
              <span>
                <b>{formatNumberVi(total)}</b> chuyến đi
              </span>
              {totals ? (
                <>
                  <span title="Số ngày của mỗi chuyến × số cán bộ tham gia (chỉ các cán bộ đang lọc, trong thời gian đang lọc)">
                    <b>{formatDays(totals.cadreDays)}</b> ngày-người
                  </span>
                  <span title="Chỉ chuyến đã thực hiện, đã báo cáo; buổi trùng của một cán bộ chỉ tính một lần (RULES.md §3)">
                    <b>{formatDays(totals.creditedDays)}</b> ngày được tính
                  </span>
                  {totals.overdue > 0 && (
                    <span className="trips-totals-overdue">
                      <b>{formatNumberVi(totals.overdue)}</b> quá hạn báo cáo
                    </span>
                  )}
                </>
              ) : (
                <span className="muted">đang tính số ngày…</span>
              )}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  )
}
