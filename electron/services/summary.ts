/**
 * The year summary service: loads the cadres, exemptions, overrides and trips that touch a
 * counting window in a few indexed queries, then hands them to the pure rules in
 * shared/domain/summary.ts. SQL selects; the domain decides.
 */
import type Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import type { YearSummaryView } from '../../shared/api/contract'
import { AppError } from '../../shared/api/errors'
import { asOfOutsideYear } from '../../shared/domain/as-of'
import { addDays, minDate, type IsoDate } from '../../shared/domain/dates'
import type { ContentKind, ExemptionReason, HalfDay, TripStatus } from '../../shared/domain/kinds'
import type { YearSettings } from '../../shared/domain/settings'
import { computeYearSummary, type SummaryCadre, type SummaryTrip } from '../../shared/domain/summary'
import type { ExemptionPeriod, SubjectOverride } from '../../shared/domain/subject'
import type { ServiceContext } from './context'
import { getYearSettings } from './settings/year'

/** The default as-of date: today while the year runs, its last day once it is over. */
export function defaultAsOf(ctx: ServiceContext, windowEnd: IsoDate): IsoDate {
  return minDate(ctx.clock.today(), windowEnd)
}

/**
 * `settings` replaces the stored rules of the year: Cài đặt previews the statuses under the
 * rules the clerk is typing before they are saved.
 */
export function loadYearSummaryView(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate,
  settings: YearSettings = getYearSettings(ctx.db, year)
): YearSummaryView {
  const outside = asOf === undefined ? null : asOfOutsideYear(year, asOf)
  if (outside) throw new AppError('VALIDATION', outside)
  const effectiveAsOf = asOf ?? defaultAsOf(ctx, settings.windowEnd)

  const rows = loadSummaryRows(ctx, year, settings)
  const summary = computeYearSummary({ settings, asOf: effectiveAsOf, ...rows })
  const unitById = unitNamesOf(ctx.handle.sqlite, summary.units)
  return {
    ...summary,
    units: summary.units.map((u) => ({
      ...u,
      code: unitById.get(u.unitId)?.[0] ?? '',
      name: unitById.get(u.unitId)?.[1] ?? ''
    })),
    ratioRules: settings.ratioRules,
    targetDays: settings.targetDays
  }
}

/** The summary's statements, prepared once per connection (preparing costs more than a small run). */
interface SummaryStatements {
  longestSpan: Statement
  cadres: Statement
  exemptions: Statement
  overrides: Statement
  trips: Statement
  participants: Statement
  visits: Statement
  unitNames: Statement
}

const preparedByConnection = new WeakMap<Database.Database, SummaryStatements>()

/**
 * Trips touching the window: starting on or before its end and ending on or after its start.
 * `start_date >= @from` (the window's start less the longest trip) adds nothing to that
 * condition but bounds the index range read: without it SQLite walks every year before the
 * window in trips_window_idx.
 */
const IN_WINDOW = 't.start_date <= @end AND t.start_date >= @from AND t.end_date >= @start'

function statementsOf(sqlite: Database.Database): SummaryStatements {
  let prepared = preparedByConnection.get(sqlite)
  if (!prepared) {
    prepared = {
      // trips_span_idx: the longest trip in one index step.
      longestSpan: sqlite
        .prepare('SELECT max(julianday(end_date) - julianday(start_date)) FROM trips')
        .pluck(),
      cadres: sqlite
        .prepare(
          `SELECT c.id, c.code, c.full_name, c.position, c.full_time, c.service_start, c.service_end, d.name
           FROM cadres c JOIN departments d ON d.id = c.department_id`
        )
        .raw(),
      exemptions: sqlite
        .prepare('SELECT cadre_id, reason, from_date, to_date, note FROM exemptions ORDER BY id')
        .raw(),
      overrides: sqlite
        .prepare('SELECT cadre_id, subject, reason FROM cadre_year_overrides WHERE year = ?')
        .raw(),
      // The window's rows come back as one JSON array per column: better-sqlite3 builds a
      // JavaScript array per row (≈ 1 µs each); JSON.parse builds whole columns many times
      // faster, and column arrays cost SQLite less than an array per row (no nested JSON).
      trips: sqlite
        .prepare(
          `SELECT json_group_array(t.id), json_group_array(t.code), json_group_array(t.kind),
             json_group_array(t.status), json_group_array(t.start_date), json_group_array(t.start_half),
             json_group_array(t.end_date), json_group_array(t.end_half)
           FROM trips t WHERE ${IN_WINDOW}`
        )
        .raw(),
      // CROSS JOIN keeps the window first (then one index probe per trip), whatever the statistics say.
      participants: sqlite
        .prepare(
          `SELECT json_group_array(p.trip_id), json_group_array(p.cadre_id)
           FROM trips t CROSS JOIN trip_participants p ON p.trip_id = t.id WHERE ${IN_WINDOW}`
        )
        .raw(),
      visits: sqlite
        .prepare(
          `SELECT json_group_array(u.trip_id), json_group_array(u.unit_id), json_group_array(u.position)
           FROM trips t CROSS JOIN trip_units u ON u.trip_id = t.id WHERE ${IN_WINDOW}`
        )
        .raw(),
      // The visited units' names in one statement: the ids go in as one JSON array, so there is
      // no limit on bound parameters to chunk around.
      unitNames: sqlite
        .prepare('SELECT id, code, name FROM units WHERE id IN (SELECT value FROM json_each(?))')
        .raw()
    }
    preparedByConnection.set(sqlite, prepared)
  }
  return prepared
}

/**
 * The rows a year summary is computed from: every cadre (with exemptions and the year's
 * override) and the trips touching the counting window. Other figures of the year (Tổng quan's
 * days per month) are computed from the same rows, so they agree with the summary.
 *
 * Read as arrays with prepared statements (no row objects, no query building): at national
 * scale turning rows into objects cost more than SQLite's own work.
 */
export function loadSummaryRows(
  ctx: ServiceContext,
  year: number,
  settings: YearSettings
): { cadres: SummaryCadre[]; trips: SummaryTrip[] } {
  const statements = statementsOf(ctx.handle.sqlite)

  const exemptionsByCadre = new Map<number, ExemptionPeriod[]>()
  for (const [cadreId, reason, from, to, note] of statements.exemptions.all() as ExemptionRow[]) {
    const period: ExemptionPeriod = { reason, from, to, note }
    const list = exemptionsByCadre.get(cadreId)
    if (list) list.push(period)
    else exemptionsByCadre.set(cadreId, [period])
  }
  const overrideByCadre = new Map<number, SubjectOverride>()
  for (const [cadreId, subject, reason] of statements.overrides.all(year) as OverrideRow[]) {
    // The first row wins, as Array.find did (the primary key allows one per cadre and year anyway).
    if (!overrideByCadre.has(cadreId)) overrideByCadre.set(cadreId, { subject: subject === 1, reason })
  }
  const summaryCadres: SummaryCadre[] = (statements.cadres.all() as CadreRow[]).map(
    ([id, code, fullName, position, fullTime, serviceStart, serviceEnd, departmentName]) => ({
      id,
      code,
      fullName,
      position,
      fullTime: fullTime === 1,
      serviceStart,
      serviceEnd,
      departmentName,
      exemptions: exemptionsByCadre.get(id) ?? [],
      override: overrideByCadre.get(id) ?? null
    })
  )

  const longest = statements.longestSpan.get() as number | null
  const bounds = {
    start: settings.windowStart,
    end: settings.windowEnd,
    from: longest === null ? settings.windowStart : addDays(settings.windowStart, -Math.ceil(longest))
  }
  const cadresByTrip = new Map<number, number[]>()
  const [participantTrips = [], participantCadres = []] = parseColumns(statements.participants.get(bounds), 2)
  for (let i = 0; i < participantTrips.length; i++) {
    const tripId = participantTrips[i] as number
    const list = cadresByTrip.get(tripId)
    if (list) list.push(participantCadres[i] as number)
    else cadresByTrip.set(tripId, [participantCadres[i] as number])
  }
  const [visitTrips = [], visitUnits = [], visitPositions = []] = parseColumns(
    statements.visits.get(bounds),
    3
  )
  const unitsByTrip = unitIdsByTrip(visitTrips, visitUnits, visitPositions)

  const [ids, codes, kinds, statuses, startDates, startHalves, endDates, endHalves] = (
    statements.trips.get(bounds) as string[]
  ).map((column) => JSON.parse(column) as unknown[]) as TripColumns
  // Sorted by id here, not in SQL: ORDER BY id makes SQLite scan the whole table by rowid
  // instead of reading the window from the covering index (and an aggregate's ORDER BY sorts
  // the JSON texts).
  const summaryTrips: SummaryTrip[] = indexesById(ids).map((i) => {
    const id = ids[i] as number
    return {
      id,
      code: codes[i] as string,
      kind: kinds[i] as ContentKind,
      status: statuses[i] as TripStatus,
      startDate: startDates[i] as IsoDate,
      startHalf: startHalves[i] as HalfDay,
      endDate: endDates[i] as IsoDate,
      endHalf: endHalves[i] as HalfDay,
      order: id,
      cadreIds: cadresByTrip.get(id) ?? [],
      unitIds: unitsByTrip.get(id) ?? []
    }
  })

  return { cadres: summaryCadres, trips: summaryTrips }
}

type CadreRow = [number, string, string, string, number, IsoDate | null, IsoDate | null, string]
type ExemptionRow = [number, ExemptionReason, IsoDate, IsoDate, string | null]
type OverrideRow = [number, number, string]
type TripColumns = [
  number[],
  string[],
  ContentKind[],
  TripStatus[],
  IsoDate[],
  HalfDay[],
  IsoDate[],
  HalfDay[]
]

/**
 * The positions of `ids` in ascending id order. A typed array of id × 2^20 + position sorts
 * natively, with no comparator calls: exact while ids stay below 2^33 and rows below 2^20
 * (else the plain sort).
 */
function indexesById(ids: readonly number[]): number[] {
  const SHIFT = 1_048_576
  const plain = () => Array.from(ids.keys()).sort((a, b) => (ids[a] as number) - (ids[b] as number))
  if (ids.length >= SHIFT) return plain()
  const keys = new Float64Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number
    if (id >= 2 ** 33) return plain()
    keys[i] = id * SHIFT + i
  }
  keys.sort()
  return Array.from(keys, (key) => key % SHIFT)
}

/** Columns returned as JSON arrays by one aggregate row (json_group_array), all the same length. */
function parseColumns(row: unknown, count: number): number[][] {
  const texts = row as string[]
  const columns: number[][] = []
  for (let i = 0; i < count; i++) columns.push(JSON.parse(texts[i] ?? '[]') as number[])
  return columns
}

/**
 * Each trip's visited units in their order (by position). The probe of trip_units_trip_idx
 * (trip_id, position, unit_id) returns each trip's rows together and in position order, so
 * one pass builds the lists; should a future query plan return them otherwise, they are
 * sorted by position instead (same result, slower).
 */
function unitIdsByTrip(trips: number[], unitIds: number[], positions: number[]): Map<number, number[]> {
  const byTrip = new Map<number, number[]>()
  let current: number[] = []
  let previousTrip = Number.NaN
  let previousPosition = 0
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as number
    const position = positions[i] as number
    if (trip === previousTrip) {
      if (position < previousPosition) return unitIdsSortedByPosition(trips, unitIds, positions)
      current.push(unitIds[i] as number)
    } else {
      if (byTrip.has(trip)) return unitIdsSortedByPosition(trips, unitIds, positions)
      current = [unitIds[i] as number]
      byTrip.set(trip, current)
      previousTrip = trip
    }
    previousPosition = position
  }
  return byTrip
}

function unitIdsSortedByPosition(
  trips: number[],
  unitIds: number[],
  positions: number[]
): Map<number, number[]> {
  const visits = new Map<number, [number, number][]>()
  for (let i = 0; i < trips.length; i++) {
    const visit: [number, number] = [positions[i] as number, unitIds[i] as number]
    const list = visits.get(trips[i] as number)
    if (list) list.push(visit)
    else visits.set(trips[i] as number, [visit])
  }
  const byTrip = new Map<number, number[]>()
  for (const [trip, list] of visits)
    byTrip.set(
      trip,
      list.sort((a, b) => a[0] - b[0]).map((v) => v[1])
    )
  return byTrip
}

/** Code and name of the units a summary lists, by id. */
function unitNamesOf(
  sqlite: Database.Database,
  visited: readonly { unitId: number }[]
): Map<number, [string, string]> {
  const names = new Map<number, [string, string]>()
  if (visited.length === 0) return names
  const ids = JSON.stringify(visited.map((u) => u.unitId))
  for (const [id, code, name] of statementsOf(sqlite).unitNames.all(ids) as [number, string, string][])
    names.set(id, [code, name])
  return names
}
