/**
 * The year summary service: loads the cadres, exemptions, overrides and trips that touch a
 * counting window in a few indexed queries, then hands them to the pure rules in
 * shared/domain/summary.ts. SQL selects; the domain decides.
 */
import type Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import { inArray } from 'drizzle-orm'
import type { YearSummaryView } from '../../shared/api/contract'
import { AppError } from '../../shared/api/errors'
import { asOfOutsideYear } from '../../shared/domain/as-of'
import { addDays, minDate, type IsoDate } from '../../shared/domain/dates'
import type { ContentKind, ExemptionReason, HalfDay, TripStatus } from '../../shared/domain/kinds'
import type { YearSettings } from '../../shared/domain/settings'
import { computeYearSummary, type SummaryCadre, type SummaryTrip } from '../../shared/domain/summary'
import type { ExemptionPeriod, SubjectOverride } from '../../shared/domain/subject'
import { units } from '../db/schema'
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
  const { db } = ctx
  const outside = asOf === undefined ? null : asOfOutsideYear(year, asOf)
  if (outside) throw new AppError('VALIDATION', outside)
  const effectiveAsOf = asOf ?? defaultAsOf(ctx, settings.windowEnd)

  const rows = loadSummaryRows(ctx, year, settings)
  const summary = computeYearSummary({ settings, asOf: effectiveAsOf, ...rows })
  const unitIds = summary.units.map((u) => u.unitId)
  const unitRows = unitIds.length
    ? chunked(unitIds, (ids) =>
        db
          .select({ id: units.id, code: units.code, name: units.name })
          .from(units)
          .where(inArray(units.id, ids))
          .all()
      )
    : []
  const unitById = new Map(unitRows.map((u) => [u.id, u]))
  return {
    ...summary,
    units: summary.units.map((u) => ({
      ...u,
      code: unitById.get(u.unitId)?.code ?? '',
      name: unitById.get(u.unitId)?.name ?? ''
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
      // The window's rows come back as one JSON text per column list: better-sqlite3 builds a
      // JavaScript array per row (≈ 1 µs each), JSON.parse builds the same arrays ten times faster.
      trips: sqlite
        .prepare(
          `SELECT json_group_array(json_array(t.id, t.code, t.kind, t.status, t.start_date, t.start_half, t.end_date, t.end_half))
           FROM trips t WHERE ${IN_WINDOW}`
        )
        .pluck(),
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
  const unitsByTrip = new Map<number, [number, number][]>()
  const [visitTrips = [], visitUnits = [], visitPositions = []] = parseColumns(
    statements.visits.get(bounds),
    3
  )
  for (let i = 0; i < visitTrips.length; i++) {
    const tripId = visitTrips[i] as number
    const visit: [number, number] = [visitPositions[i] as number, visitUnits[i] as number]
    const list = unitsByTrip.get(tripId)
    if (list) list.push(visit)
    else unitsByTrip.set(tripId, [visit])
  }

  const tripRows = JSON.parse(statements.trips.get(bounds) as string) as TripRow[]
  // Sorted by id here, not in SQL: ORDER BY id makes SQLite scan the whole table by rowid
  // instead of reading the window from the covering index (and an aggregate's ORDER BY sorts
  // the JSON texts). A typed array of id × 2^20 + position sorts natively, no comparator.
  const sorted = sortById(tripRows)
  const summaryTrips: SummaryTrip[] = sorted.map(
    ([id, code, kind, status, startDate, startHalf, endDate, endHalf]) => ({
      id,
      code,
      kind,
      status,
      startDate,
      startHalf,
      endDate,
      endHalf,
      order: id,
      cadreIds: cadresByTrip.get(id) ?? [],
      unitIds: unitIdsInOrder(unitsByTrip.get(id))
    })
  )

  return { cadres: summaryCadres, trips: summaryTrips }
}

type CadreRow = [number, string, string, string, number, IsoDate | null, IsoDate | null, string]
type ExemptionRow = [number, ExemptionReason, IsoDate, IsoDate, string | null]
type OverrideRow = [number, number, string]
type TripRow = [number, string, ContentKind, TripStatus, IsoDate, HalfDay, IsoDate, HalfDay]

/**
 * Rows by id (first cell). A typed array of id × 2^20 + position sorts natively, with no
 * comparator calls: exact while ids stay below 2^33 and rows below 2^20 (else the plain sort).
 */
function sortById(rows: TripRow[]): TripRow[] {
  const SHIFT = 1_048_576
  if (rows.length >= SHIFT) return rows.sort((a, b) => a[0] - b[0])
  const keys = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const id = (rows[i] as TripRow)[0]
    if (id >= 2 ** 33) return rows.sort((a, b) => a[0] - b[0])
    keys[i] = id * SHIFT + i
  }
  keys.sort()
  return Array.from(keys, (key) => rows[key % SHIFT] as TripRow)
}

/** Columns returned as JSON arrays by one aggregate row (json_group_array), all the same length. */
function parseColumns(row: unknown, count: number): number[][] {
  const texts = row as string[]
  const columns: number[][] = []
  for (let i = 0; i < count; i++) columns.push(JSON.parse(texts[i] ?? '[]') as number[])
  return columns
}

/** A trip's visited units by position (trip_units_trip_idx returns them in order already). */
function unitIdsInOrder(visits: [number, number][] | undefined): number[] {
  if (!visits) return []
  if (visits.length > 1) visits.sort((a, b) => a[0] - b[0])
  return visits.map((v) => v[1])
}

/** SQLite limits bound parameters per statement; large IN lists go in chunks. */
function chunked<T>(ids: number[], query: (ids: number[]) => T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 500) out.push(...query(ids.slice(i, i + 500)))
  return out
}
