/**
 * Độ phủ đơn vị (a view of Tổng quan): days and visits per unit over the year, on the unit tree
 * of that year (the tree on "Tính đến ngày"), rolled up to parents. Units never visited are
 * highlighted, and "Chỉ đơn vị chưa được đến" keeps only them (with the units above them, so
 * each is seen where it sits). Each unit opens its record. Rows are virtualised over the
 * window's own scroll, and levels below the first start folded when the tree is large, so a
 * thousand units stay smooth.
 */
import { useWindowRows } from '../../lib/window-rows'
import { keepPreviousData } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { CoverageUnit, CoverageView } from '../../../../shared/api/dashboard'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays, formatNumberVi } from '../../../../shared/domain/format'
import { UNIT_KIND_LABELS } from '../../../../shared/domain/kinds'
import { matchesSearch } from '../../../../shared/domain/search'
import { flattenTree, pruneTree } from '../../../../shared/domain/units'
import { useYearAsOf, YearAsOfFields } from '../../components/YearAsOf'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import '../../styles/dashboard.css'
import type { CoverageSearch } from './coverage-search'
import { DashboardTabs } from './DashboardTabs'

const route = getRouteApi('/tong-quan/don-vi')

const ROW_HEIGHT = 32
/** Up to this many rows everything is in the page (find-in-page works); beyond, rows are virtual. */
const ALL_ROWS_LIMIT = 300

interface Node extends CoverageUnit {
  children: Node[]
}

function neverVisited(u: CoverageUnit): boolean {
  return u.neverVisited
}

/** The service's depth-first list back into a tree (children keep their order). */
function toTree(units: readonly CoverageUnit[]): Node[] {
  const byCode = new Map<string, Node>()
  const roots: Node[] = []
  for (const u of units) {
    const node: Node = { ...u, children: [] }
    byCode.set(u.code, node)
    const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Units with children below the first level: folded at first when the tree is large. */
function foldable(nodes: readonly Node[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children.length > 0 && depth > 0) out.push(n.code)
    foldable(n.children, depth + 1, out)
  }
  return out
}

export function CoveragePage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const setSearch = (patch: Partial<CoverageSearch>) =>
    void navigate({ search: (old: CoverageSearch) => ({ ...old, ...patch }), replace: true })
  const choice = useYearAsOf(search, setSearch)
  const { year, asOf } = choice

  const coverage = useApiQuery(
    'dashboard.coverage',
    { year: year ?? 0, asOf: asOf ?? undefined },
    { enabled: year !== null && asOf !== null, placeholderData: keepPreviousData }
  )

  // The search box types freely; the address follows.
  const [typed, setTyped] = useState(search.q ?? '')
  const [seenQ, setSeenQ] = useState(search.q)
  if (seenQ !== search.q) {
    setSeenQ(search.q)
    if ((search.q ?? '') !== typed) setTyped(search.q ?? '')
  }

  const view = coverage.data
  return (
    <section className="page coverage-page">
      <header className="page-header dash-header">
        <h1>Độ phủ đơn vị{year !== null ? ` năm ${year}` : ''}</h1>
        {choice.listing && year !== null && asOf !== null && (
          <div className="toolbar dash-toolbar">
            {coverage.isFetching && <span className="loading">Đang tính…</span>}
            <YearAsOfFields choice={choice} id="coverage-year" />
          </div>
        )}
      </header>
      <DashboardTabs current="coverage" nam={search.nam} ngay={search.ngay} />

      {choice.listingError && <ErrorAlert error={toErrorInfo(choice.listingError)} />}
      {coverage.error && <ErrorAlert error={toErrorInfo(coverage.error)} />}
      {!view && !coverage.error && !choice.listingError && <p className="muted">Đang tải số liệu…</p>}
      {view && view.units.length === 0 && <NoUnits year={view.year} />}
      {view && view.units.length > 0 && (
        <Coverage
          view={view}
          query={typed.trim()}
          typed={typed}
          onlyNever={search.chua ?? false}
          onType={(text) => {
            setTyped(text)
            setSearch({ q: text.trim() ? text : undefined })
          }}
          onOnlyNever={(value) => setSearch({ chua: value ? true : undefined })}
        />
      )}
    </section>
  )
}

interface CoverageProps {
  view: CoverageView
  query: string
  typed: string
  onlyNever: boolean
  onType(text: string): void
  onOnlyNever(value: boolean): void
}

function Coverage({ view, query, typed, onlyNever, onType, onOnlyNever }: CoverageProps) {
  const roots = useMemo(() => toTree(view.units), [view.units])
  // Large trees open on their first two levels; the clerk unfolds the rest.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() =>
    view.units.length > ALL_ROWS_LIMIT ? new Set(foldable(roots)) : new Set()
  )
  const filtering = onlyNever || query !== ''
  const shown = useMemo(() => {
    if (!filtering) return roots
    return pruneTree(
      roots,
      (n) => (!onlyNever || neverVisited(n)) && (!query || matchesSearch(query, n.name, n.code))
    )
  }, [roots, filtering, onlyNever, query])
  const rows = useMemo(
    () => flattenTree(shown, (n) => !filtering && collapsed.has(n.code)),
    [shown, filtering, collapsed]
  )
  const toggle = (code: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (next.has(code)) next.delete(code)
      else next.add(code)
      return next
    })
  const { counts, totals } = view

  return (
    <>
      <p className="page-lead">
        Cây đơn vị ngày {formatDateVi(view.treeDate)}; chuyến đi từ {formatDateVi(view.windowStart)} đến{' '}
        {formatDateVi(view.asOf)}. Số ngày là ngày-người của cán bộ thuộc đối tượng trên các chuyến đã thực
        hiện (một chuyến đến hai đơn vị tính cho cả hai); cột “cả trực thuộc” gồm các đơn vị bên dưới, mỗi
        chuyến của một cán bộ chỉ tính một lần.
      </p>
      <div className="stats coverage-stats">
        <Stat id="units" label="Đơn vị trên cây" value={formatNumberVi(counts.units)} />
        <Stat id="visited" label="Đã được đến" value={formatNumberVi(counts.visited)} />
        <Stat
          id="never"
          label="Chưa được đến"
          value={formatNumberVi(counts.neverVisited)}
          warn={counts.neverVisited > 0}
        />
        <Stat id="days" label="Ngày-người" value={formatDays(totals.days)} />
        <Stat id="visits" label="Lượt chuyến đi" value={formatNumberVi(totals.visits)} />
      </div>

      <div className="toolbar coverage-toolbar">
        <div className="field">
          <label htmlFor="coverage-search">Tìm đơn vị</label>
          <input
            id="coverage-search"
            type="search"
            className="input coverage-search"
            placeholder="Tên hoặc mã (gõ không dấu)"
            value={typed}
            onChange={(e) => onType(e.target.value)}
          />
        </div>
        <label className="coverage-never-toggle">
          <input type="checkbox" checked={onlyNever} onChange={(e) => onOnlyNever(e.target.checked)} /> Chỉ
          đơn vị chưa được đến
        </label>
        <div className="coverage-expand">
          <button
            type="button"
            className="btn btn-small"
            disabled={filtering}
            onClick={() => setCollapsed(new Set())}
          >
            Mở hết
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={filtering}
            onClick={() => setCollapsed(new Set(foldable(roots)))}
          >
            Thu gọn
          </button>
        </div>
      </div>

      {rows.length === 0 ? (
        <div className="empty-state">
          {onlyNever && !query ? (
            <p>Mọi đơn vị trên cây ngày {formatDateVi(view.treeDate)} đều đã được đến ít nhất một lần.</p>
          ) : (
            <p>
              Không có đơn vị nào khớp “{query}”. Thử bỏ bớt chữ, hoặc bỏ chọn “Chỉ đơn vị chưa được đến”.
            </p>
          )}
        </div>
      ) : (
        <CoverageRows
          rows={rows}
          collapsed={collapsed}
          filtering={filtering}
          onlyNever={onlyNever}
          query={query}
          onToggle={toggle}
        />
      )}
    </>
  )
}

function Stat({ id, label, value, warn }: { id: string; label: string; value: string; warn?: boolean }) {
  return (
    <div className={warn ? 'stat stat-warn' : 'stat'} data-testid={`coverage-${id}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
    </div>
  )
}

interface RowsProps {
  rows: ReturnType<typeof flattenTree<Node>>
  collapsed: ReadonlySet<string>
  filtering: boolean
  onlyNever: boolean
  query: string
  onToggle(code: string): void
}

function CoverageRows({ rows, collapsed, filtering, onlyNever, query, onToggle }: RowsProps) {
  const { bodyRef, virtualizer } = useWindowRows<HTMLDivElement>({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    overscan: rows.length <= ALL_ROWS_LIMIT ? rows.length : 12
  })

  return (
    <div className="coverage-tree" role="treegrid" aria-label="Độ phủ đơn vị" aria-rowcount={rows.length + 1}>
      <div className="coverage-row coverage-head" role="row" aria-rowindex={1}>
        <div role="columnheader">Tên đơn vị</div>
        <div role="columnheader">Mã</div>
        <div role="columnheader">Loại</div>
        <div
          role="columnheader"
          className="num"
          title="Ngày-người của các chuyến đến đơn vị và các đơn vị trực thuộc"
        >
          Số ngày (cả trực thuộc)
        </div>
        <div role="columnheader" className="num" title="Số chuyến đi đến đơn vị hoặc một đơn vị trực thuộc">
          Lượt (cả trực thuộc)
        </div>
        <div role="columnheader" className="num" title="Ngày-người của các chuyến đến chính đơn vị này">
          Số ngày (trực tiếp)
        </div>
        <div role="columnheader" className="num" title="Số chuyến đi đến chính đơn vị này">
          Lượt (trực tiếp)
        </div>
      </div>
      <div ref={bodyRef} className="coverage-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { node, depth } = rows[item.index]!
          const open = filtering || !collapsed.has(node.code)
          const never = neverVisited(node)
          // Shown only to place a match (its own figures are not what the filter asked for).
          const context =
            (onlyNever && !never) || (query !== '' && !matchesSearch(query, node.name, node.code))
          const classes = [
            'coverage-row',
            never && 'coverage-never',
            node.closed && 'coverage-closed',
            context && 'coverage-context'
          ]
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
              <div role="gridcell" className="coverage-name" style={{ paddingLeft: 6 + depth * 20 }}>
                {node.children.length > 0 ? (
                  <button
                    type="button"
                    className="coverage-toggle"
                    onClick={() => onToggle(node.code)}
                    disabled={filtering}
                    aria-label={`${open ? 'Thu gọn' : 'Mở'} ${node.name}`}
                  >
                    {open ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="coverage-toggle-space" aria-hidden="true" />
                )}
                <Link
                  to="/don-vi/$code"
                  params={{ code: node.code }}
                  className="coverage-unit"
                  title={node.name}
                >
                  {node.name}
                </Link>
                {node.children.length > 0 && !open && (
                  <span className="coverage-count">({node.children.length})</span>
                )}
                {never && <span className="coverage-badge">Chưa được đến</span>}
                {node.closed && (
                  <span className="coverage-badge coverage-badge-closed">Đã ngừng hoạt động</span>
                )}
              </div>
              <div role="gridcell" className="coverage-code">
                {node.code}
              </div>
              <div role="gridcell">{UNIT_KIND_LABELS[node.kind] ?? node.kind}</div>
              <div role="gridcell" className="num" data-col="days">
                {formatDays(node.days)}
              </div>
              <div role="gridcell" className="num" data-col="visits">
                {formatNumberVi(node.visits)}
              </div>
              <div role="gridcell" className="num" data-col="own-days">
                {formatDays(node.ownDays)}
              </div>
              <div role="gridcell" className="num" data-col="own-visits">
                {formatNumberVi(node.ownVisits)}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}

function NoUnits({ year }: { year: number }) {
  return (
    <div className="empty-state">
      <h2>Năm {year} chưa có đơn vị nào trên cây</h2>
      <p>Độ phủ đơn vị cho biết mỗi đơn vị đã được cán bộ đến bao nhiêu lượt, bao nhiêu ngày trong năm.</p>
      <ol>
        <li>
          Thêm các đơn vị ở trang <Link to="/don-vi">Đơn vị</Link>, hoặc nhập trang tính “Đơn vị” ở trang{' '}
          <Link to="/nhap-xuat">Nhập / xuất Excel</Link>;
        </li>
        <li>
          ghi các chuyến đi ở trang <Link to="/chuyen-di">Chuyến đi</Link>.
        </li>
      </ol>
    </div>
  )
}
