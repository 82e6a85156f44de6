/**
 * Tổng quan: "are we on track?" at one glance for the office meeting (giao ban). The figures
 * of Tổng hợp năm, each cadre's days against the target and the expected mark, the lists to
 * act on (behind pace, overdue reports), progress per department, days per month against last
 * year and the ratio rules. Year and "Tính đến ngày" live in the address; every write anywhere
 * refreshes the reads (lib/api.ts), so the page recomputes without a reload. Prints on A4
 * landscape; each chart saves as PNG.
 */
import { keepPreviousData } from '@tanstack/react-query'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import type { DashboardView } from '../../../../shared/api/dashboard'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays, formatNumberVi } from '../../../../shared/domain/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useYearAsOf, YearAsOfFields } from '../../components/YearAsOf'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import '../../styles/dashboard.css'
import { BehindList } from './BehindList'
import { CadreDaysChart, cadreLegend } from './charts/CadreDaysChart'
import { ChartPanel } from './charts/ChartPanel'
import { PRINT_WIDTHS, usePrinting } from './charts/FitChart'
import { DEPARTMENT_LEGEND, DepartmentChart } from './charts/DepartmentChart'
import { MonthsChart, monthsLegend } from './charts/MonthsChart'
import { RatioChart, ratioLegend } from './charts/RatioChart'
import { TotalsStrip } from '../summary/TotalsStrip'
import { DashboardTabs } from './DashboardTabs'
import { OverdueList } from './OverdueList'
import type { DashboardSearch } from './search'

const route = getRouteApi('/tong-quan')

export function DashboardPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const setSearch = (patch: Partial<DashboardSearch>) =>
    void navigate({ search: (old: DashboardSearch) => ({ ...old, ...patch }) })
  const choice = useYearAsOf(search, setSearch)
  const { year, asOf } = choice

  const overview = useApiQuery(
    'dashboard.overview',
    { year: year ?? 0, asOf: asOf ?? undefined },
    { enabled: year !== null && asOf !== null, placeholderData: keepPreviousData }
  )

  const view = overview.data
  return (
    <section className="page dashboard-page">
      <header className="page-header dash-header">
        <h1>Tổng quan{year !== null ? ` năm ${year}` : ''}</h1>
        {choice.listing && year !== null && asOf !== null && (
          <div className="toolbar dash-toolbar">
            {overview.isFetching && <span className="loading">Đang tính…</span>}
            <YearAsOfFields choice={choice} id="dashboard-year" />
            <button
              type="button"
              className="btn"
              onClick={() => window.print()}
              title="In trang này (khổ A4 ngang)"
            >
              In
            </button>
          </div>
        )}
      </header>
      <DashboardTabs current="overview" nam={search.nam} ngay={search.ngay} />

      {choice.listingError && <ErrorAlert error={toErrorInfo(choice.listingError)} />}
      {overview.error && <ErrorAlert error={toErrorInfo(overview.error)} />}
      {!view && !overview.error && !choice.listingError && <p className="muted">Đang tải số liệu…</p>}
      {view && view.cadres.length === 0 && <EmptyState year={view.year} />}
      {view && view.cadres.length > 0 && <Overview view={view} />}
    </section>
  )
}

function Overview({ view }: { view: DashboardView }) {
  const navigate = useNavigate()
  const printing = usePrinting()
  const wide = printing ? PRINT_WIDTHS.wide : null
  const half = printing ? PRINT_WIDTHS.half : null
  const subject = view.cadres.filter((c) => c.status !== 'MIEN')
  const exempt = view.cadres.filter((c) => c.status === 'MIEN')
  const openCadre = (code: string) =>
    void navigate({ to: '/can-bo/$code', params: { code }, search: { nam: view.year } })
  const stem = `tong-quan-${view.year}`

  return (
    <>
      <p className="page-lead">
        Số liệu từ {formatDateVi(view.windowStart)} đến {formatDateVi(view.asOf)}
        {view.inProgress
          ? ` (năm chưa kết thúc; chỉ tiêu cả năm ${formatDays(view.targetDays)} ngày/người).`
          : ` (cả năm; chỉ tiêu ${formatDays(view.targetDays)} ngày/người).`}
      </p>
      <TotalsStrip totals={view.totals} inProgress={view.inProgress} className="dash-stats" />

      <div className="dash-grid">
        <ChartPanel
          id="cadres"
          className="dash-wide"
          title="Số ngày đi cơ sở của từng cán bộ"
          note={
            <>
              {formatNumberVi(subject.length)} cán bộ thuộc đối tượng, theo loại nội dung.
              <span className="no-print"> Bấm vào một cán bộ để mở hồ sơ.</span>
              {exempt.length > 0 &&
                ` Không vẽ ${formatNumberVi(exempt.length)} cán bộ miễn: ${exempt.map((c) => c.name).join(', ')}.`}
            </>
          }
          legend={cadreLegend(view.inProgress, view.asOf)}
          fileName={`${stem}-ngay-theo-can-bo.png`}
          drawable={subject.length > 0}
        >
          {subject.length > 0 ? (
            <CadreDaysChart cadres={subject} onOpen={openCadre} printWidth={wide} />
          ) : (
            <p className="dash-empty">Năm {view.year} chưa có cán bộ nào thuộc đối tượng.</p>
          )}
        </ChartPanel>

        <BehindList view={view} />
        <OverdueList view={view} />

        <ChartPanel
          id="departments"
          title="Tiến độ theo ban"
          note="Số ngày đã đi của cán bộ thuộc đối tượng so với tổng chỉ tiêu của ban."
          legend={DEPARTMENT_LEGEND}
          fileName={`${stem}-tien-do-theo-ban.png`}
          drawable={view.departments.length > 0}
        >
          {view.departments.length > 0 ? (
            <DepartmentChart departments={view.departments} printWidth={half} />
          ) : (
            <p className="dash-empty">Chưa có ban nào có cán bộ thuộc đối tượng.</p>
          )}
        </ChartPanel>

        <ChartPanel
          id="months"
          title={`Số ngày theo tháng: ${view.year} so với ${view.previousYear}`}
          note="Số ngày đi cơ sở của cán bộ thuộc đối tượng trong từng tháng."
          legend={monthsLegend(view.year, view.previousYear, view.previousYearHasTrips)}
          fileName={`${stem}-ngay-theo-thang.png`}
        >
          <MonthsChart
            months={view.months}
            year={view.year}
            previousYear={view.previousYear}
            printWidth={half}
          />
        </ChartPanel>

        {subject.length > 0 &&
          view.ratioRules.map((rule) => (
            <ChartPanel
              key={rule.id}
              id={`ratio-${rule.id}`}
              title={`Cơ cấu: ${rule.label} (tối thiểu ${rule.minPercent}%)`}
              note="Tỉ lệ trên số ngày đã đi của từng cán bộ thuộc đối tượng."
              legend={ratioLegend(rule)}
              fileName={`${stem}-co-cau-${rule.id.toLowerCase().replace(/_/g, '-')}.png`}
            >
              <RatioChart rule={rule} cadres={subject} printWidth={half} />
            </ChartPanel>
          ))}
      </div>
    </>
  )
}

function EmptyState({ year }: { year: number }) {
  return (
    <div className="empty-state">
      <h2>Chưa có cán bộ nào trong năm {year}</h2>
      <p>Tổng quan vẽ biểu đồ khi đã có danh sách cán bộ và các chuyến đi cơ sở:</p>
      <ol>
        <li>
          Mở trang <Link to="/nhap-xuat">Nhập / xuất Excel</Link> và bấm <b>Tải mẫu nhập liệu</b>.
        </li>
        <li>Điền các trang Ban, Đơn vị, Cán bộ, Miễn giảm, Chuyến đi trong tệp Excel vừa tải.</li>
        <li>
          Chọn tệp đó ở trang <Link to="/nhap-xuat">Nhập / xuất Excel</Link>, xem trước rồi bấm{' '}
          <b>Nhập dữ liệu</b>.
        </li>
      </ol>
      <p>
        Hoặc thêm từng người ở trang <Link to="/can-bo">Cán bộ</Link> và từng chuyến ở trang{' '}
        <Link to="/chuyen-di">Chuyến đi</Link>.
      </p>
    </div>
  )
}
