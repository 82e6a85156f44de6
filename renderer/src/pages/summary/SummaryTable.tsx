/**
 * The cadres of a year summary. Rows come in the service's order (Vietnamese name order);
 * clicking a header sorts, a third click returns to that order. While the year runs, "Tiến độ"
 * says how far ahead or behind each cadre is (shared/domain/progress.ts paceStanding). The
 * footer holds the totals strip's figures under their columns. The Excel file
 * (electron/services/dashboard/year-table-xlsx.ts) has these columns in this order.
 */
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type Header,
  type SortingState
} from '@tanstack/react-table'
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import {
  ratioRuleNote,
  shownStatusLabel,
  yearTableTotalsTexts,
  type YearTableCadre,
  type YearTableView
} from '../../../../shared/api/dashboard'
import { compareVietnameseNames } from '../../../../shared/domain/collation'
import { formatDateVi } from '../../../../shared/domain/dates'
import { CONTENT_KINDS, CONTENT_KIND_SHORT_LABELS } from '../../../../shared/domain/kinds'
import { formatDays, formatNumberVi, formatPercent } from '../../../../shared/domain/format'
import { STATUSES } from '../../../../shared/domain/summary'

type Row = YearTableCadre
const col = createColumnHelper<Row>()

function isExempt(r: Row): boolean {
  return r.status === 'MIEN'
}

function notStarted(r: Row): boolean {
  return r.standing?.kind === 'notStarted'
}

function buildColumns(summary: YearTableView): ColumnDef<Row, unknown>[] {
  const words = yearTableTotalsTexts(summary.totals)
  const columns = [
    col.display({
      id: 'stt',
      header: 'STT',
      meta: { className: 'num col-stt', width: 40 },
      cell: ({ row, table }) => table.getRowModel().rows.findIndex((r) => r.id === row.id) + 1
    }),
    col.accessor('name', {
      header: 'Họ và tên',
      meta: { className: 'col-name' },
      footer: () => words.name,
      sortingFn: (a, b) => compareVietnameseNames(a.original.name, b.original.name),
      cell: ({ row }) => (
        <>
          <Link
            className="cadre-name"
            to="/can-bo/$code"
            params={{ code: row.original.code }}
            search={{ nam: summary.year }}
            title={`Mở hồ sơ ${row.original.name}`}
          >
            {row.original.name}
          </Link>
          <div className="cadre-sub">
            {[row.original.position, row.original.departmentName].filter(Boolean).join(' · ')}
          </div>
        </>
      )
    }),
    col.accessor((r) => r.target ?? undefined, {
      id: 'target',
      header: 'Chỉ tiêu',
      sortUndefined: 'last',
      meta: { className: 'num', width: 56 },
      cell: ({ getValue }) => {
        const v = getValue()
        return v === undefined ? '—' : formatDays(v)
      }
    }),
    col.accessor('days', {
      header: 'Đã đi',
      meta: { className: 'num col-days', width: 52 },
      cell: ({ getValue }) => formatDays(getValue()),
      footer: () => formatDays(summary.totals.totalDays)
    }),
    col.group({
      id: 'kinds',
      header: 'Theo nội dung (ngày)',
      columns: CONTENT_KINDS.map((kind) =>
        col.accessor((r) => r.daysByKind[kind], {
          id: `kind-${kind}`,
          header: CONTENT_KIND_SHORT_LABELS[kind],
          meta: { className: 'num', width: 58 },
          cell: ({ getValue }) => formatDays(getValue()),
          footer: () => (
            <span title={`${formatPercent(summary.totals.shareByKind[kind])} tổng số ngày`}>
              {formatDays(summary.totals.daysByKind[kind])}
            </span>
          )
        })
      )
    }),
    col.group({
      id: 'ratios',
      header: 'Tỉ lệ cơ cấu',
      columns: summary.ratioRules.map((rule) =>
        col.accessor((r) => (isExempt(r) ? undefined : (r.ratios[rule.id] ?? 0)), {
          id: `ratio-${rule.id}`,
          header: () => (
            <span title={`${rule.label}: tối thiểu ${rule.minPercent}% số ngày đã đi`}>
              {rule.label}
              <span className="th-note">{ratioRuleNote(rule)}</span>
            </span>
          ),
          sortUndefined: 'last',
          meta: { className: 'num', width: 86 },
          cell: ({ row, getValue }) => {
            const share = getValue()
            if (share === undefined) return '—'
            const check = row.original.ratioChecks.find((c) => c.ruleId === rule.id)
            const low = rule.enabled && check !== undefined && !check.met
            return (
              <span
                className={low ? 'ratio ratio-low' : 'ratio'}
                title={low ? `Dưới mức tối thiểu ${formatNumberVi(rule.minPercent)}%` : undefined}
              >
                {formatPercent(share)}
              </span>
            )
          },
          footer: () => (
            <span title="Tỉ lệ trên tổng số ngày của cán bộ thuộc đối tượng">
              {formatPercent(summary.ratioTotals[rule.id] ?? 0)}
            </span>
          )
        })
      )
    }),
    col.accessor((r) => (notStarted(r) ? -1 : STATUSES.indexOf(r.status)), {
      id: 'status',
      header: 'Trạng thái',
      meta: { width: 170 },
      cell: ({ row }) => (
        <>
          <span
            className={`badge badge-${notStarted(row.original) ? 'not-started' : row.original.status.toLowerCase()}`}
          >
            {shownStatusLabel(row.original)}
          </span>
          {row.original.reason && <div className="status-reason">{row.original.reason}</div>}
        </>
      ),
      footer: () => <span className="totals-status">{words.status}</span>
    }),
    col.group({
      id: 'progress',
      header: () => (
        <span
          title={`Số ngày cần có đến ${formatDateVi(summary.asOf)} nếu đi đều theo chỉ tiêu cả năm, và số ngày chậm hay vượt so với số đó`}
        >
          Tiến độ
        </span>
      ),
      columns: [
        col.accessor((r) => r.pace?.expectedDays, {
          id: 'expected',
          header: 'Cần đạt',
          sortUndefined: 'last',
          meta: { className: 'num', width: 52 },
          cell: ({ getValue }) => {
            const v = getValue()
            return v === undefined ? <span className="muted">—</span> : formatDays(v)
          }
        }),
        // Sorting by the gap to the expected days puts the cadres furthest behind first.
        col.accessor((r) => (r.pace && !notStarted(r) ? r.days - r.pace.expectedDays : undefined), {
          id: 'pace',
          header: 'So với tiến độ',
          sortUndefined: 'last',
          meta: { width: 108 },
          cell: ({ row }) => {
            const { standing, standingText, pace } = row.original
            if (!standing || !standingText) return <span className="muted">—</span>
            return (
              <>
                <div className={`standing standing-${standing.kind}`}>{standingText}</div>
                {pace?.behind && <span className="badge badge-behind">Chậm tiến độ</span>}
              </>
            )
          },
          footer: () => (
            <span className={summary.totals.behindPace > 0 ? 'totals-behind' : undefined}>
              {words.behind}
            </span>
          )
        })
      ]
    })
  ]
  return columns as ColumnDef<Row, unknown>[]
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    className?: string
    /** Fixed width in px; the name column takes what is left, so the table fits 1366 px. */
    width?: number
  }
}

function SortMark({ column }: { column: Column<Row, unknown> }) {
  const dir = column.getIsSorted()
  if (!dir) return null
  return <span className="sort-mark">{dir === 'asc' ? '▲' : '▼'}</span>
}

function HeaderCell({
  header,
  rowSpan,
  colSpan
}: {
  header: Header<Row, unknown>
  rowSpan?: number
  colSpan?: number
}) {
  const column = header.column
  const className = column.columnDef.meta?.className ?? ''
  const content = flexRender(column.columnDef.header, header.getContext())
  if (!column.getCanSort()) {
    return (
      <th className={className} rowSpan={rowSpan} colSpan={colSpan} data-col={column.id}>
        {content}
      </th>
    )
  }
  const dir = column.getIsSorted()
  return (
    <th
      className={`${className} sortable`}
      rowSpan={rowSpan}
      colSpan={colSpan}
      data-col={column.id}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="th-button" onClick={column.getToggleSortingHandler()}>
        {content}
        <SortMark column={column} />
      </button>
    </th>
  )
}

export function SummaryTable({ summary }: { summary: YearTableView }) {
  const [sorting, setSorting] = useState<SortingState>([])
  const columns = useMemo(() => buildColumns(summary), [summary])
  // The app does not use React Compiler, so TanStack's non-memoisable table instance is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: summary.cadres,
    columns,
    // Pace only exists while the year runs; at its end the column would be all dashes.
    state: { sorting, columnVisibility: { expected: summary.inProgress, pace: summary.inProgress } },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => String(r.cadreId)
  })
  const [top, bottom] = table.getHeaderGroups()
  const words = yearTableTotalsTexts(summary.totals)

  return (
    // Not a scroll box: the window scrolls, so the headings can stick under the page header.
    <div className="table-wrap summary-table-wrap">
      <table className="data-table summary-table">
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={c.columnDef.meta?.width ? { width: c.columnDef.meta.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          {/* Two header rows: columns outside a group span both rows. */}
          <tr>
            {top?.headers.map((h) =>
              h.isPlaceholder ? (
                <HeaderCell key={h.id} header={h} rowSpan={2} />
              ) : (
                <th key={h.id} colSpan={h.colSpan} className="th-group">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              )
            )}
          </tr>
          <tr>
            {bottom?.headers
              .filter((h) => h.column.parent !== undefined)
              .map((h) => (
                <HeaderCell key={h.id} header={h} />
              ))}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={isExempt(row.original) ? 'row-exempt' : undefined}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.className} data-col={cell.column.id}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {/* The totals strip's figures under their columns, empty where nothing adds up. */}
          <tr className="totals-row">
            {bottom?.headers.map((h) => (
              <td key={h.id} className={h.column.columnDef.meta?.className} data-col={h.column.id}>
                {h.column.columnDef.footer ? flexRender(h.column.columnDef.footer, h.getContext()) : null}
              </td>
            ))}
          </tr>
          <tr className="average-row">
            {bottom?.headers.map((h) => (
              <td key={h.id} className={h.column.columnDef.meta?.className} data-col={h.column.id}>
                {h.column.id === 'name' ? words.average : null}
                {h.column.id === 'days' ? formatNumberVi(summary.totals.averageDays, 2) : null}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
