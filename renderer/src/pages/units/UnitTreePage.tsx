/**
 * "Đơn vị": the unit tree of one day (#/don-vi?ngay=2022-01-01). On 01/01/2022 the district
 * unions hold their communes; on 01/01/2026 the communes sit directly under the Tỉnh đoàn.
 * The search keeps the matching units with their ancestors, so a match is always seen where
 * it sits. Rows are virtualised over the window's own scroll, so a thousand units stay smooth.
 */
import { useWindowRows } from '../../lib/window-rows'
import { keepPreviousData } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { UnitTreeItem } from '../../../../shared/api/units'
import { formatDateVi } from '../../../../shared/domain/dates'
import { matchesSearch } from '../../../../shared/domain/search'
import { flattenTree, pruneTree, validityText } from '../../../../shared/domain/units'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { kindLabel } from './format'
import '../../styles/units.css'

const routeApi = getRouteApi('/don-vi')

const ROW_HEIGHT = 32
/** Up to this many rows everything is in the page (find-in-page works); beyond, rows are virtual. */
const ALL_ROWS_LIMIT = 300

function countMatches(nodes: readonly UnitTreeItem[], q: string): number {
  return nodes.reduce(
    (n, node) => n + (matchesSearch(q, node.name, node.code) ? 1 : 0) + countMatches(node.children, q),
    0
  )
}

function codesWithChildren(nodes: readonly UnitTreeItem[], depth = 0, out: string[] = []): string[] {
  for (const node of nodes) {
    // Roots stay open: "Thu gọn" shows the first level under them.
    if (node.children.length > 0 && depth > 0) out.push(node.code)
    codesWithChildren(node.children, depth + 1, out)
  }
  return out
}

export function UnitTreePage() {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const listing = useApiQuery('years.list', {})
  const date = search.ngay ?? listing.data?.today
  const includeClosed = search.hienDaDong ?? false
  const tree = useApiQuery(
    'units.tree',
    { date: date ?? '', includeClosed },
    { enabled: date !== undefined, placeholderData: keepPreviousData }
  )
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())

  // The search box types freely; the address follows (a reload or the sidebar brings it back).
  const [typed, setTyped] = useState(search.q ?? '')
  const [seenQ, setSeenQ] = useState(search.q)
  if (seenQ !== search.q) {
    setSeenQ(search.q)
    if ((search.q ?? '') !== typed) setTyped(search.q ?? '')
  }
  const q = typed.trim()

  const roots = useMemo(() => tree.data?.roots ?? [], [tree.data])
  const shown = useMemo(
    () => (q ? pruneTree(roots, (n) => matchesSearch(q, n.name, n.code)) : roots),
    [roots, q]
  )
  const rows = useMemo(() => flattenTree(shown, (n) => !q && collapsed.has(n.code)), [shown, q, collapsed])
  const matches = useMemo(() => (q ? countMatches(shown, q) : 0), [shown, q])

  const error = listing.error ?? tree.error
  const data = tree.data
  const loading = tree.isFetching

  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })

  const toggle = (code: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (next.has(code)) next.delete(code)
      else next.add(code)
      return next
    })

  return (
    <section className="page unit-tree-page">
      <header className="page-header">
        <h1>Đơn vị</h1>
        <div className="toolbar">
          <Link
            to="/don-vi/sap-nhap"
            search={{ ngay: undefined, nguon: undefined }}
            className="btn unit-link-btn"
          >
            Sáp nhập đơn vị
          </Link>
          <Link to="/don-vi/them" className="btn btn-primary unit-link-btn">
            Thêm đơn vị
          </Link>
        </div>
      </header>

      <div className="toolbar unit-toolbar">
        {date && <DateField label="Cây đơn vị ngày" value={date} onChange={(ngay) => setSearch({ ngay })} />}
        {listing.data && date !== listing.data.today && (
          <button
            type="button"
            className="btn btn-small unit-today"
            onClick={() => setSearch({ ngay: undefined })}
          >
            Hôm nay
          </button>
        )}
        <div className="field">
          <label htmlFor="unit-search">Tìm đơn vị</label>
          <input
            id="unit-search"
            type="search"
            className="input unit-search"
            placeholder="Tên hoặc mã (gõ không dấu)"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value)
              setSearch({ q: e.target.value.trim() ? e.target.value : undefined })
            }}
          />
        </div>
        <label className="unit-closed-toggle">
          <input
            type="checkbox"
            checked={includeClosed}
            onChange={(e) => setSearch({ hienDaDong: e.target.checked ? true : undefined })}
          />{' '}
          Hiện cả đơn vị đã giải thể / sáp nhập
        </label>
        {data && data.existing + data.closedShown > 0 && (
          <div className="unit-expand">
            <button
              type="button"
              className="btn btn-small"
              disabled={!!q}
              onClick={() => setCollapsed(new Set())}
            >
              Mở hết
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={!!q}
              onClick={() => setCollapsed(new Set(codesWithChildren(roots)))}
            >
              Thu gọn
            </button>
          </div>
        )}
        {loading && <span className="loading">Đang tải…</span>}
      </div>

      {error && <ErrorAlert error={toErrorInfo(error)} />}

      {data && data.totalUnits === 0 && <NoUnitsYet />}

      {data && data.totalUnits > 0 && (
        <>
          <p className="page-lead" data-testid="unit-tree-lead">
            Cây tổ chức ngày {formatDateVi(data.date)}: {data.existing} đơn vị đang hoạt động
            {data.closedShown > 0 && `, ${data.closedShown} đơn vị đã giải thể hoặc sáp nhập (chữ xám)`}
            {q && `; ${matches} đơn vị khớp “${q}”`}.
          </p>
          {rows.length === 0 ? (
            <div className="empty-state">
              {q ? (
                <p>
                  Không có đơn vị nào khớp “{q}” trong cây ngày {formatDateVi(data.date)}. Thử bỏ bớt chữ,
                  hoặc xem ngày khác.
                </p>
              ) : (
                <p>
                  Ngày {formatDateVi(data.date)} chưa có đơn vị nào hoạt động. Chọn ngày khác, hoặc đánh dấu
                  “Hiện cả đơn vị đã giải thể / sáp nhập”.
                </p>
              )}
            </div>
          ) : (
            <TreeRows rows={rows} date={data.date} collapsed={collapsed} query={q} onToggle={toggle} />
          )}
        </>
      )}
    </section>
  )
}

interface TreeRowsProps {
  rows: ReturnType<typeof flattenTree<UnitTreeItem>>
  date: string
  collapsed: ReadonlySet<string>
  query: string
  onToggle(code: string): void
}

function TreeRows({ rows, date, collapsed, query, onToggle }: TreeRowsProps) {
  const { bodyRef, virtualizer } = useWindowRows<HTMLDivElement>({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    overscan: rows.length <= ALL_ROWS_LIMIT ? rows.length : 12
  })

  return (
    <div
      className="unit-tree"
      role="treegrid"
      aria-label={`Cây tổ chức ngày ${formatDateVi(date)}`}
      aria-rowcount={rows.length + 1}
    >
      <div className="unit-tree-row unit-tree-head" role="row" aria-rowindex={1}>
        <div role="columnheader">Tên đơn vị</div>
        <div role="columnheader">Mã</div>
        <div role="columnheader">Loại</div>
        <div role="columnheader">Hiệu lực</div>
      </div>
      <div ref={bodyRef} className="unit-tree-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { node, depth } = rows[item.index]!
          const open = !collapsed.has(node.code) || query !== ''
          const hit = query !== '' && matchesSearch(query, node.name, node.code)
          const classes = ['unit-tree-row', node.closed && 'unit-row-closed', hit && 'unit-row-match']
          return (
            <div
              key={node.code}
              role="row"
              aria-rowindex={item.index + 2}
              aria-level={depth + 1}
              aria-expanded={node.children.length > 0 ? open : undefined}
              className={classes.filter(Boolean).join(' ')}
              data-code={node.code}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div role="gridcell" className="unit-cell-name" style={{ paddingLeft: 6 + depth * 22 }}>
                {node.children.length > 0 ? (
                  <button
                    type="button"
                    className="unit-toggle"
                    onClick={() => onToggle(node.code)}
                    disabled={query !== ''}
                    aria-label={`${open ? 'Thu gọn' : 'Mở'} ${node.name}`}
                  >
                    {open ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="unit-toggle-space" aria-hidden="true" />
                )}
                <Link to="/don-vi/$code" params={{ code: node.code }} className="unit-name" title={node.name}>
                  {node.name}
                </Link>
                {node.children.length > 0 && !open && (
                  <span className="unit-count">({node.children.length})</span>
                )}
                {node.closed && (
                  <span className="unit-badge unit-badge-closed">
                    {node.mergedInto ? `Đã sáp nhập vào ${node.mergedInto.name}` : 'Đã ngừng hoạt động'}
                  </span>
                )}
                {node.parentMissing && (
                  <span
                    className="unit-badge unit-badge-warn"
                    title="Hãy chuyển đơn vị này sang đơn vị cấp trên đang hoạt động"
                  >
                    Đơn vị cấp trên không hoạt động ngày này
                  </span>
                )}
              </div>
              <div role="gridcell" className="unit-cell-code">
                {node.code}
              </div>
              <div role="gridcell">{kindLabel(node.kind)}</div>
              <div role="gridcell" className="unit-cell-validity">
                {validityText(node.validFrom, node.validTo) || <span className="muted">—</span>}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}

function NoUnitsYet() {
  return (
    <div className="empty-state">
      <h2>Chưa có đơn vị nào</h2>
      <p>
        Cây đơn vị giúp ghi chuyến đi đến đúng đơn vị và in báo cáo theo cây tổ chức của từng năm. Có hai cách
        bắt đầu:
      </p>
      <ol>
        <li>
          <Link to="/don-vi/them">Thêm đơn vị</Link> từng đơn vị một, bắt đầu từ Tỉnh đoàn;
        </li>
        <li>
          hoặc nhập cả danh sách từ tệp Excel (trang tính “Đơn vị”) ở trang{' '}
          <Link to="/nhap-xuat">Nhập / xuất Excel</Link>.
        </li>
      </ol>
    </div>
  )
}
