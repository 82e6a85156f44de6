/**
 * Tổng hợp năm: the year's figures per cadre. Opens on the year the listing suggests (the
 * newest year with trips when the current one has none yet), refuses an as-of date outside
 * the chosen year next to the date field, and keeps its title, toolbar and column headings in
 * view while the window scrolls through a long list. "Xuất Excel" saves the same table (the
 * service builds the file, so the CLI's `summary --xlsx` writes the same one).
 */
import { keepPreviousData } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useLayoutEffect, useState, type CSSProperties } from 'react'
import type { YearTableView } from '../../../../shared/api/dashboard'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import { useYearAsOf, YearAsOfFields, type YearAsOfSearch } from '../../components/YearAsOf'
import { useApiQuery } from '../../lib/api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { canOpenSavedFiles, openSavedFile, saveGeneratedFile } from '../../lib/save'
import { SummaryTable } from './SummaryTable'
import { TotalsStrip } from './TotalsStrip'
import '../../styles/summary.css'

const route = getRouteApi('/tong-hop-nam')

/** The height of the sticky header (a callback ref), so the table's headings stick right under it. */
function useStickyHeight() {
  const [element, setElement] = useState<HTMLElement | null>(null)
  const [height, setHeight] = useState(0)
  useLayoutEffect(() => {
    if (!element) return
    const measure = () => setHeight(Math.ceil(element.getBoundingClientRect().height))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  return [height, setElement] as const
}

export function SummaryPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const choice = useYearAsOf(
    search,
    (patch) => void navigate({ search: (old: YearAsOfSearch) => ({ ...old, ...patch }) })
  )
  const { listing, year, asOf } = choice
  // Through the query cache: a trip saved, an import or an undo anywhere refreshes the table.
  const table = useApiQuery(
    'dashboard.yearTable',
    { year: year ?? 0, asOf: asOf ?? undefined },
    { enabled: year !== null && asOf !== null, placeholderData: keepPreviousData }
  )
  const summary: YearTableView | null = table.data ?? null
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [headerHeight, setHeaderElement] = useStickyHeight()
  const [exporting, setExporting] = useState(false)
  // Where the last Excel file went (null path: the browser's download folder).
  const [saved, setSaved] = useState<{ path: string | null; fileName: string } | null>(null)

  async function exportExcel() {
    if (!summary) return
    setExporting(true)
    setSaved(null)
    try {
      // The table on screen: its year and date, not a date typed since and refused.
      const file = await window.api['dashboard.yearTableExport']({ year: summary.year, asOf: summary.asOf })
      const outcome = await saveGeneratedFile(file)
      if (outcome.kind === 'saved') setSaved({ path: outcome.path, fileName: file.fileName })
      else if (outcome.kind === 'downloaded') setSaved({ path: null, fileName: file.fileName })
    } catch (e) {
      setError(toErrorInfo(e))
    } finally {
      setExporting(false)
    }
  }

  const loading = table.isFetching
  const loadError = choice.listingError ?? table.error
  const style = { '--summary-header-height': `${headerHeight}px` } as CSSProperties

  return (
    <section className="page summary-page" style={style}>
      <header className="page-header summary-header" ref={setHeaderElement}>
        <h1>Tổng hợp năm{year !== null ? ` ${year}` : ''}</h1>
        {listing && year !== null && (
          <div className="toolbar">
            {loading && <span className="loading">Đang tính…</span>}
            <YearAsOfFields choice={choice} id="summary-year" />
            <button
              type="button"
              className="btn"
              onClick={() => void exportExcel()}
              disabled={exporting || loading || !summary || summary.cadres.length === 0}
              title="Lưu bảng này ra tệp Excel (cùng các cột và dòng cộng)"
            >
              {exporting ? 'Đang xuất…' : 'Xuất Excel'}
            </button>
          </div>
        )}
      </header>

      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {loadError && <ErrorAlert error={toErrorInfo(loadError)} />}
      {saved && (
        <div className="alert alert-success summary-saved-file" role="status">
          <div className="alert-body">
            {saved.path ? `Đã lưu bảng tổng hợp vào tệp ${saved.path}` : `Đã tải xuống tệp ${saved.fileName}`}
          </div>
          {saved.path && canOpenSavedFiles() && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void openSavedFile(saved.path!).catch((e: unknown) => setError(toErrorInfo(e)))}
            >
              Mở tệp
            </button>
          )}
          <button
            type="button"
            className="alert-close"
            aria-label="Đóng thông báo"
            onClick={() => setSaved(null)}
          >
            ×
          </button>
        </div>
      )}

      {summary && summary.cadres.length === 0 && <EmptyState year={summary.year} />}

      {summary && summary.cadres.length > 0 && (
        <>
          <p className="page-lead">
            Số liệu từ {formatDateVi(summary.windowStart)} đến {formatDateVi(summary.asOf)}
            {summary.inProgress
              ? ` (năm chưa kết thúc; chỉ tiêu cả năm ${formatDays(summary.targetDays)} ngày/người).`
              : ` (cả năm; chỉ tiêu ${formatDays(summary.targetDays)} ngày/người).`}
          </p>
          <TotalsStrip totals={summary.totals} inProgress={summary.inProgress} />
          <SummaryTable summary={summary} />
        </>
      )}
    </section>
  )
}

function EmptyState({ year }: { year: number }) {
  return (
    <div className="empty-state">
      <h2>Chưa có cán bộ nào trong năm {year}</h2>
      <p>Để bắt đầu, hãy đưa danh sách cán bộ và các chuyến đi cơ sở vào phần mềm:</p>
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
    </div>
  )
}
