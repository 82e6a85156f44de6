/**
 * Tổng hợp năm: the year's figures per cadre. Opens on the year the listing suggests (the
 * newest year with trips when the current one has none yet), refuses an as-of date outside
 * the chosen year next to the date field, and keeps its title, toolbar and column headings in
 * view while the window scrolls through a long list.
 */
import { useEffect, useLayoutEffect, useState, type CSSProperties } from 'react'
import { Link } from '@tanstack/react-router'
import type { YearListing, YearSummaryView } from '../../../shared/api/contract'
import { asOfOutsideYear } from '../../../shared/domain/as-of'
import { formatDateVi, yearEnd, type IsoDate } from '../../../shared/domain/dates'
import { formatDays } from '../../../shared/domain/format'
import { DateField } from '../components/DateField'
import { ErrorAlert } from '../components/ErrorAlert'
import { toErrorInfo, type ErrorInfo } from '../lib/errors'
import { SummaryTable } from './summary/SummaryTable'
import { TotalsStrip } from './summary/TotalsStrip'
import '../styles/summary.css'

/** Today while the year runs; the year's last day for any other year. */
function defaultAsOf(year: number, listing: YearListing): IsoDate {
  return year === listing.currentYear ? listing.today : yearEnd(year)
}

interface Query {
  year: number
  asOf: IsoDate
}

/** A date the clerk typed that the screen refused, shown in the field with the reason. */
interface Refused {
  asOf: IsoDate
  message: string
}

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
  const [listing, setListing] = useState<YearListing | null>(null)
  const [query, setQuery] = useState<Query | null>(null)
  const [refused, setRefused] = useState<Refused | null>(null)
  const [summary, setSummary] = useState<YearSummaryView | null>(null)
  // The query whose answer (summary or error) is on screen; anything else is still loading.
  const [answered, setAnswered] = useState<Query | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [headerHeight, setHeaderElement] = useStickyHeight()

  useEffect(() => {
    window.api['years.list']({}).then(
      (l) => {
        setListing(l)
        setQuery({ year: l.defaultYear, asOf: defaultAsOf(l.defaultYear, l) })
      },
      (e: unknown) => setError(toErrorInfo(e))
    )
  }, [])

  useEffect(() => {
    if (!query) return
    // A slower earlier answer must not overwrite the one the clerk asked for last.
    let current = true
    window.api['summary.year']({ year: query.year, asOf: query.asOf }).then(
      (s) => {
        if (!current) return
        setSummary(s)
        setError(null)
        setAnswered(query)
      },
      (e: unknown) => {
        if (!current) return
        setError(toErrorInfo(e))
        setAnswered(query)
      }
    )
    return () => {
      current = false
    }
  }, [query])

  function chooseAsOf(asOf: IsoDate) {
    if (!query) return
    const problem = asOfOutsideYear(query.year, asOf)
    if (problem) {
      setRefused({ asOf, message: problem })
      return
    }
    setRefused(null)
    setQuery({ year: query.year, asOf })
  }

  const loading = query !== null && answered !== query
  const style = { '--summary-header-height': `${headerHeight}px` } as CSSProperties

  return (
    <section className="page summary-page" style={style}>
      <header className="page-header summary-header" ref={setHeaderElement}>
        <h1>Tổng hợp năm{query ? ` ${query.year}` : ''}</h1>
        {listing && query && (
          <div className="toolbar">
            {loading && <span className="loading">Đang tính…</span>}
            <div className="field">
              <label htmlFor="summary-year">Năm</label>
              <select
                id="summary-year"
                className="input"
                value={query.year}
                onChange={(e) => {
                  const year = Number(e.target.value)
                  setRefused(null)
                  setQuery({ year, asOf: defaultAsOf(year, listing) })
                }}
              >
                {listing.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                    {listing.dataYears.includes(y) ? '' : ' (chưa có chuyến đi)'}
                  </option>
                ))}
              </select>
            </div>
            <DateField
              label="Tính đến ngày"
              value={refused?.asOf ?? query.asOf}
              error={refused?.message ?? null}
              onChange={chooseAsOf}
            />
          </div>
        )}
      </header>

      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}

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
