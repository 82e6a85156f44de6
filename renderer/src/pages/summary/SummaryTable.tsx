/**
 * The cadres of a year summary. Rows come in the service's order (Vietnamese name order);
 * clicking a header sorts, a third click returns to that order.
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
import { useMemo, useState } from 'react'
import type { YearSummaryView } from '../../../../shared/api/contract'
import { compareVietnameseNames } from '../../../../shared/domain/collation'
import { CONTENT_KINDS, CONTENT_KIND_SHORT_LABELS } from '../../../../shared/domain/kinds'
import { formatDays, formatNumberVi, formatPercent } from '../../../../shared/domain/format'
import { STATUSES, STATUS_LABELS, type CadreYearResult } from '../../../../shared/domain/summary'

const col = createColumnHelper<CadreYearResult>()

function isExempt(r: CadreYearResult): boolean {
  return r.status === 'MIEN'
}

function buildColumns(summary: YearSummaryView): ColumnDef<CadreYearResult, never>[] {
  const columns = [
    col.display({
      id: 'stt',
      header: 'STT',
      meta: { className: 'num col-stt' },
      cell: ({ row, table }) => table.getRowModel().rows.findIndex((r) => r.id === row.id) + 1
    }),
    col.accessor('name', {
      header: 'Họ và tên',
      meta: { className: 'col-name' },
      sortingFn: (a, b) => compareVietnameseNames(a.original.name, b.original.name),
      cell: ({ row }) => (
        <>
          <div className="cadre-name">{row.original.name}</div>
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
      meta: { className: 'num' },
      cell: ({ getValue }) => {
        const v = getValue()
        return v === undefined ? '—' : formatDays(v)
      }
    }),
    col.accessor('days', {
      header: 'Đã đi',
      meta: { className: 'num col-days' },
      cell: ({ getValue }) => formatDays(getValue())
    }),
    col.group({
      id: 'kinds',
      header: 'Theo nội dung (ngày)',
      columns: CONTENT_KINDS.map((kind) =>
        col.accessor((r) => r.daysByKind[kind], {
          id: `kind-${kind}`,
          header: CONTENT_KIND_SHORT_LABELS[kind],
          meta: { className: 'num col-kind' },
          cell: ({ getValue }) => formatDays(getValue())
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
              <span className="th-note">
                {rule.enabled ? ` (≥ ${formatNumberVi(rule.minPercent)}%)` : ' (không xét)'}
              </span>
            </span>
          ),
          sortUndefined: 'last',
          meta: { className: 'num col-ratio' },
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
          }
        })
      )
    }),
    col.accessor((r) => STATUSES.indexOf(r.status), {
      id: 'status',
      header: 'Trạng thái',
      meta: { className: 'col-status' },
      cell: ({ row }) => (
        <>
          <span className={`badge badge-${row.original.status.toLowerCase()}`}>
            {STATUS_LABELS[row.original.status]}
          </span>
          {row.original.reason && <div className="status-reason">{row.original.reason}</div>}
        </>
      )
    }),
    // Sorting by the gap to the expected days puts the cadres furthest behind first.
    col.accessor((r) => (r.pace ? r.days - r.pace.expectedDays : undefined), {
      id: 'pace',
      header: 'Tiến độ',
      sortUndefined: 'last',
      meta: { className: 'col-pace' },
      cell: ({ row }) => {
        const pace = row.original.pace
        if (!pace) return <span className="muted">—</span>
        return (
          <>
            <div className="pace-expected">Cần đạt {formatDays(pace.expectedDays)} ngày</div>
            {pace.behind && <span className="badge badge-behind">Chậm tiến độ</span>}
          </>
        )
      }
    })
  ]
  return columns as ColumnDef<CadreYearResult, never>[]
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    className?: string
  }
}

function SortMark({ column }: { column: Column<CadreYearResult, unknown> }) {
  const dir = column.getIsSorted()
  if (!dir) return null
  return <span className="sort-mark">{dir === 'asc' ? '▲' : '▼'}</span>
}

function HeaderCell({
  header,
  rowSpan,
  colSpan
}: {
  header: Header<CadreYearResult, unknown>
  rowSpan?: number
  colSpan?: number
}) {
  const column = header.column
  const className = column.columnDef.meta?.className ?? ''
  const content = flexRender(column.columnDef.header, header.getContext())
  if (!column.getCanSort()) {
    return (
      <th className={className} rowSpan={rowSpan} colSpan={colSpan}>
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
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="th-button" onClick={column.getToggleSortingHandler()}>
        {content}
        <SortMark column={column} />
      </button>
    </th>
  )
}

export function SummaryTable({ summary }: { summary: YearSummaryView }) {
  const [sorting, setSorting] = useState<SortingState>([])
  const columns = useMemo(() => buildColumns(summary), [summary])
  const table = useReactTable({
    data: summary.cadres,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => String(r.cadreId)
  })
  const [top, bottom] = table.getHeaderGroups()
  const t = summary.totals

  return (
    <div className="table-wrap">
      <table className="data-table summary-table">
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
              .map((h) => <HeaderCell key={h.id} header={h} />)}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={isExempt(row.original) ? 'row-exempt' : undefined}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td className="col-name">Cộng (cán bộ thuộc đối tượng)</td>
            <td />
            <td className="num col-days">{formatDays(t.totalDays)}</td>
            {CONTENT_KINDS.map((kind) => (
              <td key={kind} className="num col-kind" title={`${formatPercent(t.shareByKind[kind])} tổng số ngày`}>
                {formatDays(t.daysByKind[kind])}
              </td>
            ))}
            {summary.ratioRules.map((rule) => (
              <td key={rule.id} />
            ))}
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
