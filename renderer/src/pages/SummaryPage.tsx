import { useEffect, useState } from 'react'
import type { YearListing, YearSummaryView } from '../../../shared/api/contract'
import { formatDateVi, yearEnd, type IsoDate } from '../../../shared/domain/dates'
import { formatDays } from '../../../shared/domain/format'
import { DateField } from '../components/DateField'
import { ErrorAlert } from '../components/ErrorAlert'
import { toErrorInfo, type ErrorInfo } from '../lib/errors'
import { Link } from '@tanstack/react-router'
import { SummaryTable } from './summary/SummaryTable'
import { TotalsStrip } from './summary/TotalsStrip'

/** Today while the year runs; the year's last day for any other year. */
function defaultAsOf(year: number, listing: YearListing): IsoDate {
  return year === listing.currentYear ? listing.today : yearEnd(year)
}

interface Query {
  year: number
  asOf: IsoDate
}

export function SummaryPage() {
  const [listing, setListing] = useState<YearListing | null>(null)
  const [query, setQuery] = useState<Query | null>(null)
  const [summary, setSummary] = useState<YearSummaryView | null>(null)
  // The query whose answer (summary or error) is on screen; anything else is still loading.
  const [answered, setAnswered] = useState<Query | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  useEffect(() => {
    window.api['years.list']({}).then(
      (l) => {
        setListing(l)
        setQuery({ year: l.currentYear, asOf: defaultAsOf(l.currentYear, l) })
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

  const loading = query !== null && answered !== query

  return (
    <section className="page">
      <header className="page-header">
        <h1>Tổng hợp năm{query ? ` ${query.year}` : ''}</h1>
        {listing && query && (
          <div className="toolbar">
            <div className="field">
              <label htmlFor="summary-year">Năm</label>
              <select
                id="summary-year"
                className="input"
                value={query.year}
                onChange={(e) => {
                  const year = Number(e.target.value)
                  setQuery({ year, asOf: defaultAsOf(year, listing) })
                }}
              >
                {listing.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <DateField
              label="Tính đến ngày"
              value={query.asOf}
              onChange={(asOf) => setQuery({ year: query.year, asOf })}
            />
            {loading && <span className="loading">Đang tính…</span>}
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
          <TotalsStrip summary={summary} />
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
