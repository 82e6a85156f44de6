/**
 * Builders for domain tests: a cadre subject all year and a done trip by default, so each test
 * states only what it is about.
 */
import { addDays, type IsoDate } from '../../../shared/domain/dates'
import type { ContentKind, HalfDay, TripStatus } from '../../../shared/domain/kinds'
import { defaultYearSettings, type YearSettings } from '../../../shared/domain/settings'
import {
  computeYearSummary,
  type CadreYearResult,
  type SummaryCadre,
  type SummaryTrip,
  type YearSummary
} from '../../../shared/domain/summary'

export function cadre(id: number, patch: Partial<SummaryCadre> = {}): SummaryCadre {
  return {
    id,
    code: `C${id.toString().padStart(2, '0')}`,
    fullName: `Nguyễn Văn Cán ${id}`,
    position: 'Chuyên viên',
    departmentName: 'Ban Xây dựng Đoàn',
    fullTime: true,
    serviceStart: null,
    serviceEnd: null,
    exemptions: [],
    override: null,
    ...patch
  }
}

let nextTripId = 1000

export interface TripSpec {
  from: IsoDate
  to?: IsoDate
  fromHalf?: HalfDay
  toHalf?: HalfDay
  kind?: ContentKind
  status?: TripStatus
  cadres?: number[]
  units?: number[]
  id?: number
  order?: number
}

export function trip(spec: TripSpec): SummaryTrip {
  const id = spec.id ?? nextTripId++
  return {
    id,
    code: `T${id}`,
    kind: spec.kind ?? 'CHUYEN_DE',
    status: spec.status ?? 'DA_THUC_HIEN',
    startDate: spec.from,
    startHalf: spec.fromHalf ?? 'SANG',
    endDate: spec.to ?? spec.from,
    endHalf: spec.toHalf ?? 'CHIEU',
    order: spec.order ?? id,
    cadreIds: spec.cadres ?? [1],
    unitIds: spec.units ?? [1]
  }
}

/** Trips of one cadre giving `days` per kind, one after the other from 2 January. */
export function tripsWith(
  daysByKind: Partial<Record<ContentKind, number>>,
  cadreId = 1,
  from = '2025-01-02'
): SummaryTrip[] {
  const out: SummaryTrip[] = []
  let date = from
  for (const [kind, days] of Object.entries(daysByKind) as Array<[ContentKind, number]>) {
    if (!days) continue
    const whole = Math.floor(days)
    if (whole > 0) {
      out.push(trip({ from: date, to: addDays(date, whole - 1), kind, cadres: [cadreId] }))
      date = addDays(date, whole)
    }
    if (days > whole) {
      out.push(trip({ from: date, to: date, toHalf: 'SANG', kind, cadres: [cadreId] }))
      date = addDays(date, 1)
    }
  }
  return out
}

/** A run of `count` whole-day trips of one kind on consecutive days from `from`. */
export function dailyTrips(
  from: IsoDate,
  count: number,
  kind: ContentKind,
  cadres: number[] = [1]
): SummaryTrip[] {
  const start = Date.parse(`${from}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10)
    return trip({ from: date, kind, cadres })
  })
}

export function summarize(opts: {
  cadres?: SummaryCadre[]
  trips: SummaryTrip[]
  asOf?: IsoDate
  settings?: YearSettings
  year?: number
}): YearSummary {
  const settings = opts.settings ?? defaultYearSettings(opts.year ?? 2025)
  return computeYearSummary({
    settings,
    asOf: opts.asOf ?? settings.windowEnd,
    cadres: opts.cadres ?? [cadre(1)],
    trips: opts.trips
  })
}

/** The result of one cadre; fails the test when the cadre is missing. */
export function resultOf(summary: YearSummary, cadreId = 1): CadreYearResult {
  const r = summary.cadres.find((c) => c.cadreId === cadreId)
  if (!r) throw new Error(`cadre ${cadreId} not in the summary`)
  return r
}
