/**
 * A cadre's record page (#/can-bo/A03?nam=2025): their fields, the year at a glance, the
 * per-year override, the exemption periods, and the year's trips with a day-by-day strip. The code in the address is the key, so a
 * reload or a link lands on the same record.
 */
import { getRouteApi, Link } from '@tanstack/react-router'
import { useState } from 'react'
import type { CadreRecord } from '../../../../shared/api/cadres'
import { formatDateVi } from '../../../../shared/domain/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import { EndServiceDialog } from './EndServiceDialog'
import { ExemptionsPanel } from './ExemptionsPanel'
import { dateText, genderText, isNotFound, yesNo } from './format'
import { OverridePanel } from './OverridePanel'
import { UnknownCadre } from './UnknownCadre'
import { YearPanel } from './YearPanel'
import { CadreTrips } from '../trips/CadreTrips'
import { YearStrip } from '../trips/YearStrip'
import '../../styles/cadres.css'

const routeApi = getRouteApi('/can-bo/$code')

export function CadreRecordPage() {
  const { code } = routeApi.useParams()
  const { nam } = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  // Another year of the same cadre keeps the page on screen while it loads; another cadre does not.
  const detail = useApiQuery(
    'cadres.get',
    { code, year: nam },
    { placeholderData: (previous) => (previous?.cadre.code === code ? previous : undefined) }
  )
  const [ending, setEnding] = useState(false)

  if (detail.error && isNotFound(detail.error)) return <UnknownCadre code={code} />
  const data = detail.data

  return (
    <section className="page cadre-record-page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/can-bo" search={searchFor('/can-bo') as never}>
          ← Danh sách cán bộ
        </Link>
      </nav>
      {detail.error && <ErrorAlert error={toErrorInfo(detail.error)} />}
      {!data && !detail.error && <p className="loading">Đang tải…</p>}
      {data && (
        <>
          <header className="page-header">
            <div className="cadre-title">
              <h1>{data.cadre.fullName}</h1>
              <span className="code-chip" title="Mã cán bộ">
                {data.cadre.code}
              </span>
              {data.cadre.serviceEnd && (
                <span className="badge badge-mien">
                  Kết thúc công tác {formatDateVi(data.cadre.serviceEnd)}
                </span>
              )}
            </div>
            <div className="toolbar">
              <div className="field">
                <label htmlFor="cadre-record-year">Năm</label>
                <select
                  id="cadre-record-year"
                  className="input"
                  value={data.year.year}
                  onChange={(e) => void navigate({ search: { nam: Number(e.target.value) }, replace: true })}
                >
                  {data.year.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <Link
                to="/can-bo/$code/sua"
                params={{ code: data.cadre.code }}
                search={{ nam }}
                className="btn btn-link"
              >
                Sửa thông tin
              </Link>
              {!data.cadre.serviceEnd && (
                <button type="button" className="btn" onClick={() => setEnding(true)}>
                  Kết thúc công tác
                </button>
              )}
            </div>
          </header>

          <div className="cadre-record-grid">
            <div className="cadre-record-side">
              <CadreInfo cadre={data.cadre} />
              <OverridePanel key={`${data.cadre.code}-${data.year.year}`} detail={data} />
            </div>
            <div className="cadre-record-main">
              <YearPanel view={data.year} />
              <ExemptionsPanel key={data.cadre.code} detail={data} />
            </div>
          </div>
          {/* The year day by day (gaps, overlaps, exemptions at a glance), then the trips. */}
          <section className="panel cadre-year-trips" aria-label={`Chuyến đi năm ${data.year.year}`}>
            <YearStrip
              cadreCode={data.cadre.code}
              year={data.year.year}
              title={`Các ngày năm ${data.year.year}`}
            />
            <CadreTrips cadreCode={data.cadre.code} year={data.year.year} hide={['cadres']} />
          </section>
          {/* Mounted only while asked: a fresh form each time, one dialog on the page. */}
          {ending && (
            <EndServiceDialog
              cadre={data.cadre}
              referenceYear={data.year.year}
              onClose={() => setEnding(false)}
            />
          )}
        </>
      )}
    </section>
  )
}

function CadreInfo({ cadre }: { cadre: CadreRecord }) {
  const rows: Array<[string, string]> = [
    ['Mã cán bộ', cadre.code],
    ['Họ và tên', cadre.fullName],
    ['Giới tính', genderText(cadre.gender)],
    ['Ngày sinh', dateText(cadre.birthDate)],
    ['Chức vụ', cadre.position],
    ['Ban', cadre.departmentName],
    ['Chuyên trách', yesNo(cadre.fullTime)],
    ['Ngày bắt đầu công tác', dateText(cadre.serviceStart)],
    ['Ngày kết thúc công tác', dateText(cadre.serviceEnd, 'Đang công tác')]
  ]
  return (
    <section className="panel cadre-panel" aria-labelledby="cadre-info-title">
      <h2 id="cadre-info-title">Thông tin cán bộ</h2>
      <dl className="cadre-info" data-testid="cadre-info">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
