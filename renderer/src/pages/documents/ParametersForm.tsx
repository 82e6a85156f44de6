/**
 * The data a document is made from: year, and as the chosen document needs them a quarter,
 * a trip, a cadre, a department and the day figures are computed for.
 */
import type {
  CadreChoice,
  DepartmentChoice,
  DocumentCatalogEntry,
  TripChoice
} from '../../../../shared/api/documents'
import { formatDateVi, type IsoDate } from '../../../../shared/domain/dates'
import { CONTENT_KIND_LABELS, isCountedStatus, TRIP_STATUS_LABELS } from '../../../../shared/domain/kinds'
import { DateField } from '../../components/DateField'

export interface DocumentParams {
  year: number
  quarter: 1 | 2 | 3 | 4
  tripCode: string
  cadreCode: string
  /** Who reports on the chosen trip (one of its cadres); empty for its first cadre. */
  reporterCode: string
  departmentCode: string
  asOf: IsoDate
  /** End with the per-cadre chart (documents whose catalog entry allows it). */
  withChart: boolean
  /** 3 chủ động papers of one registered unit; empty for every unit. */
  unitCode: string
}

interface Props {
  entry: DocumentCatalogEntry
  params: DocumentParams
  years: number[]
  trips: TripChoice[] | null
  cadres: CadreChoice[] | null
  departments: DepartmentChoice[] | null
  /** The year's registered units (3 chủ động papers), null while loading. */
  units?: Array<{ code: string; name: string }> | null
  onChange: (change: Partial<DocumentParams>) => void
}

function tripLabel(trip: TripChoice): string {
  const days =
    trip.startDate === trip.endDate
      ? formatDateVi(trip.startDate)
      : `${formatDateVi(trip.startDate).slice(0, 5)}–${formatDateVi(trip.endDate)}`
  const place = trip.units.map((u) => u.name).join(', ')
  const people = trip.cadres.map((c) => c.fullName).join(', ')
  // A planned trip cannot be reported on yet; say so in the list rather than after choosing it.
  const planned = isCountedStatus(trip.status) ? '' : `(${TRIP_STATUS_LABELS[trip.status].toLowerCase()})`
  return [trip.code, days, place, people, planned].filter(Boolean).join(' · ')
}

const optional = (use: string) => (use === 'optional' ? ' (không bắt buộc)' : '')

export function ParametersForm({ entry, params, years, trips, cadres, departments, units, onChange }: Props) {
  const p = entry.parameters
  const chosenTrip = trips?.find((t) => t.code === params.tripCode) ?? null
  return (
    <fieldset className="form-section">
      <legend>Thông số</legend>
      <div className="form-row">
        <div className="field">
          <label htmlFor="doc-year">Năm</label>
          <select
            id="doc-year"
            className="input"
            value={params.year}
            onChange={(e) => onChange({ year: Number(e.target.value) })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {p.quarter !== 'none' && (
          <div className="field">
            <label htmlFor="doc-quarter">Quý</label>
            <select
              id="doc-quarter"
              className="input"
              value={params.quarter}
              onChange={(e) =>
                onChange({
                  quarter: Number(e.target.value) as DocumentParams['quarter'],
                  tripCode: '',
                  reporterCode: ''
                })
              }
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Quý {q === 1 ? 'I' : q === 2 ? 'II' : q === 3 ? 'III' : 'IV'}
                </option>
              ))}
            </select>
          </div>
        )}
        {p.asOf !== 'none' && (
          <DateField label="Tính đến ngày" value={params.asOf} onChange={(asOf) => onChange({ asOf })} />
        )}
      </div>
      {p.unit && (
        <div className="field">
          <label htmlFor="doc-unit">Đơn vị (không bắt buộc)</label>
          <select
            id="doc-unit"
            className="input"
            value={params.unitCode}
            disabled={!units}
            onChange={(e) => onChange({ unitCode: e.target.value })}
          >
            <option value="">Tất cả đơn vị đã đăng ký (mỗi đơn vị một trang)</option>
            {(units ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.name} ({u.code})
              </option>
            ))}
          </select>
        </div>
      )}
      {p.chart && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={params.withChart}
            onChange={(e) => onChange({ withChart: e.target.checked })}
          />
          Kèm biểu đồ số ngày đi cơ sở của từng cán bộ (phụ lục cuối)
        </label>
      )}

      {p.trip !== 'none' && (
        <div className="field">
          <label htmlFor="doc-trip">
            Chuyến đi{p.tripKind ? ` (${CONTENT_KIND_LABELS[p.tripKind].toLowerCase()})` : ''}
            {optional(p.trip)}
          </label>
          <select
            id="doc-trip"
            className="input"
            value={params.tripCode}
            disabled={trips === null}
            onChange={(e) => onChange({ tripCode: e.target.value, reporterCode: '' })}
          >
            <option value="">
              {trips === null
                ? 'Đang tải…'
                : trips.length === 0
                  ? 'Không có chuyến đi nào trong kỳ'
                  : '— Chọn chuyến đi —'}
            </option>
            {trips?.map((t) => (
              <option key={t.code} value={t.code}>
                {tripLabel(t)}
              </option>
            ))}
          </select>
        </div>
      )}

      {p.cadre !== 'none' && p.cadreOfTrip && (
        <div className="field">
          <label htmlFor="doc-reporter">Người báo cáo</label>
          <select
            id="doc-reporter"
            className="input"
            value={params.reporterCode}
            disabled={!chosenTrip}
            onChange={(e) => onChange({ reporterCode: e.target.value })}
          >
            <option value="">
              {chosenTrip ? 'Cán bộ đầu tiên của chuyến đi (mặc định)' : 'Chọn chuyến đi trước'}
            </option>
            {chosenTrip?.cadres.map((c) => (
              <option key={c.code} value={c.code}>
                {c.fullName}
              </option>
            ))}
          </select>
        </div>
      )}

      {p.cadre !== 'none' && !p.cadreOfTrip && (
        <div className="field">
          <label htmlFor="doc-cadre">Cán bộ{optional(p.cadre)}</label>
          <select
            id="doc-cadre"
            className="input"
            value={params.cadreCode}
            disabled={cadres === null}
            onChange={(e) => onChange({ cadreCode: e.target.value })}
          >
            <option value="">{cadres === null ? 'Đang tải…' : '— Chọn cán bộ —'}</option>
            {cadres?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.fullName} · {c.position}, {c.departmentName}
              </option>
            ))}
          </select>
        </div>
      )}

      {p.department !== 'none' && (
        <div className="field">
          <label htmlFor="doc-department">{p.departmentRole === 'drafting' ? 'Ban soạn thảo' : 'Ban'}</label>
          <select
            id="doc-department"
            className="input"
            value={params.departmentCode}
            disabled={departments === null}
            onChange={(e) => onChange({ departmentCode: e.target.value })}
          >
            <option value="">
              {p.department === 'required'
                ? '— Chọn ban —'
                : p.departmentRole === 'drafting'
                  ? 'Văn phòng (mặc định, ký hiệu VP)'
                  : 'Toàn cơ quan (tất cả các ban)'}
            </option>
            {departments?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name} ({d.abbreviation})
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  )
}
