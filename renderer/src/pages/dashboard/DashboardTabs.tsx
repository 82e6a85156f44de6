/** Tổng quan's two views, side by side under the title: the figures and charts, and the coverage of units. */
import { Link } from '@tanstack/react-router'

export function DashboardTabs({
  current,
  nam,
  ngay
}: {
  current: 'overview' | 'coverage'
  nam?: number
  ngay?: string
}) {
  // The year and date follow the clerk from one view to the other.
  const search = { nam, ngay }
  return (
    <nav className="dash-tabs no-print" aria-label="Các phần của Tổng quan">
      <Link
        to="/tong-quan"
        search={search}
        activeOptions={{ exact: true, includeSearch: false }}
        className={current === 'overview' ? 'dash-tab active' : 'dash-tab'}
      >
        Tiến độ và biểu đồ
      </Link>
      <Link
        to="/tong-quan/don-vi"
        search={search}
        activeOptions={{ exact: true, includeSearch: false }}
        className={current === 'coverage' ? 'dash-tab active' : 'dash-tab'}
      >
        Độ phủ đơn vị
      </Link>
    </nav>
  )
}
