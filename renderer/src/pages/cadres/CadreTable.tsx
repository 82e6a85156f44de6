/**
 * The cadres of the list with the chosen year's figures. Rows come in the service's order
 * (Vietnamese name order); clicking a header sorts, a third click returns to that order.
 * Fixed column widths (the name takes what is left), so the table fits a 1366 px screen.
 */
import { Link } from '@tanstack/react-router'
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type SortingState
} from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import type { CadreListRow } from '../../../../shared/api/cadres'
import { compareVietnamese, compareVietnameseNames } from '../../../../shared/domain/collation'
import { formatDays } from '../../../../shared/domain/format'
import { STATUSES, STATUS_LABELS } from '../../../../shared/domain/summary'
import { servicePeriodText, yesNo } from './format'

const col = createColumnHelper<CadreListRow>()

/** px; the name column has none and takes the rest. */
const WIDTHS: Record<string, number> = {
  code: 62,
  department: 178,
  position: 132,
  fullTime: 86,
  service: 172,
  days: 100,
  status: 196
}
const NUMERIC = new Set(['days'])

function buildColumns(year: number): ColumnDef<CadreListRow, unknown>[] {
  const columns = [
    col.accessor('code', {
      header: 'Mã',
      sortingFn: (a, b) => compareVietnamese(a.original.code, b.original.code)
    }),
    col.accessor('fullName', {
      header: 'Họ và tên',
      sortingFn: (a, b) => compareVietnameseNames(a.original.fullName, b.original.fullName),
      cell: ({ row }) => (
        <Link
          to="/can-bo/$code"
          params={{ code: row.original.code }}
          search={{ nam: year }}
          className="cadre-name cadre-link"
        >
          {row.original.fullName}
        </Link>
      )
    }),
    col.accessor('departmentName', {
      id: 'department',
      header: 'Ban',
      sortingFn: (a, b) => compareVietnamese(a.original.departmentName, b.original.departmentName)
    }),
    col.accessor('position', {
      header: 'Chức vụ',
      sortingFn: (a, b) => compareVietnamese(a.original.position, b.original.position)
    }),
    col.accessor('fullTime', {
      header: 'Chuyên trách',
      cell: ({ getValue }) => yesNo(getValue() as boolean)
    }),
    col.accessor((r) => `${r.serviceStart ?? ''}|${r.serviceEnd ?? ''}`, {
      id: 'service',
      header: 'Công tác',
      cell: ({ row }) => servicePeriodText(row.original.serviceStart, row.original.serviceEnd)
    }),
    col.accessor((r) => r.figures?.days, {
      id: 'days',
      header: `Đã đi / chỉ tiêu`,
      sortUndefined: 'last',
      cell: ({ row }) => {
        const f = row.original.figures
        if (!f) return <span className="muted">—</span>
        return (
          <span
            title={
              f.target === null ? 'Không xét chỉ tiêu' : `Chỉ tiêu năm ${year}: ${formatDays(f.target)} ngày`
            }
          >
            <b>{formatDays(f.days)}</b> / {f.target === null ? '—' : formatDays(f.target)}
          </span>
        )
      }
    }),
    col.accessor((r) => (r.figures ? STATUSES.indexOf(r.figures.status) : undefined), {
      id: 'status',
      header: `Trạng thái ${year}`,
      sortUndefined: 'last',
      cell: ({ row }) => {
        const f = row.original.figures
        if (!f) return <span className="muted">Không công tác trong năm</span>
        return (
          <>
            <span className={`badge badge-${f.status.toLowerCase()}`}>{STATUS_LABELS[f.status]}</span>
            {f.behindPace && <span className="badge badge-behind cadre-behind">Chậm tiến độ</span>}
            {f.reason && <div className="status-reason">{f.reason}</div>}
          </>
        )
      }
    })
  ]
  return columns as ColumnDef<CadreListRow, unknown>[]
}

function HeaderCell({ header }: { header: Header<CadreListRow, unknown> }) {
  const column = header.column
  const className = NUMERIC.has(column.id) ? 'num sortable' : 'sortable'
  const dir = column.getIsSorted()
  return (
    <th
      className={className}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="th-button" onClick={column.getToggleSortingHandler()}>
        {flexRender(column.columnDef.header, header.getContext())}
        {dir && <span className="sort-mark">{dir === 'asc' ? '▲' : '▼'}</span>}
      </button>
    </th>
  )
}

export function CadreTable({ rows, year }: { rows: CadreListRow[]; year: number }) {
  const [sorting, setSorting] = useState<SortingState>([])
  const columns = useMemo(() => buildColumns(year), [year])
  // The app does not use React Compiler, so TanStack's non-memoisable table instance is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.code
  })
  return (
    <div className="table-wrap">
      <table className="data-table cadre-table">
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={WIDTHS[c.id] ? { width: WIDTHS[c.id] } : undefined} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => (
                <HeaderCell key={h.id} header={h} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-code={row.original.code}
              className={
                row.original.figures?.status === 'MIEN' || !row.original.figures ? 'row-exempt' : undefined
              }
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={NUMERIC.has(cell.column.id) ? 'num' : undefined}
                  data-col={cell.column.id}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
