/**
 * The logbook's working copy of the trips: every trip as a compact row (dates, slot range,
 * kind, status, the ids of its cadres and units), with the cadres, units and departments it
 * refers to. Loaded in a few queries and kept until the data changes, so a filter, a sort or
 * the next window of the virtual list is answered from memory (DECISIONS.md, "Chuyến đi":
 * why not SQL paging). What only some lists need (search text, sort orders, credited slots)
 * is built the first time it is asked for and kept with the copy.
 *
 * "The data changed" is read from a stamp: the newest change-log and change-rows ids (every
 * write logs in its own transaction: forms, imports, undo) and the newest trip id (catches
 * rows written without a log, such as a benchmark's bulk insert).
 */
import { max } from 'drizzle-orm'
import { compareVietnamese, compareVietnameseNames } from '../../../shared/domain/collation'
import type { IsoDate } from '../../../shared/domain/dates'
import {
  isCountedStatus,
  type ContentKind,
  type HalfDay,
  type TripStatus,
  type UnitKind
} from '../../../shared/domain/kinds'
import { foldForSearch } from '../../../shared/domain/search'
import { attributeSlots, slotCount, slotOf, type SlotRange } from '../../../shared/domain/slots'
import { parentOn, type UnitMove } from '../../../shared/domain/units'
import type { DatabaseHandle } from '../../db/connection'
import { cadres, changeLog, changeRows, departments, trips, unitMoves, units } from '../../db/schema'
import type { ServiceContext } from '../context'

export interface IndexedTrip {
  /** Position in IndexState.trips (ranks are arrays indexed by it). */
  index: number
  id: number
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  kind: ContentKind
  status: TripStatus
  reportDate: IsoDate | null
  range: SlotRange
  halves: number
  /** In the trip's order; filled by ensureLinks (empty until then). */
  cadreIds: number[]
  unitIds: number[]
}

export interface IndexedCadre {
  id: number
  code: string
  fullName: string
  departmentId: number
}

export interface IndexedUnit {
  id: number
  code: string
  name: string
  kind: UnitKind
  parentId: number | null
}

export interface IndexState {
  stamp: string
  /** In the order of their slots (start, then end, then creation): the list's default order. */
  trips: IndexedTrip[]
  byId: Map<number, IndexedTrip>
  cadres: Map<number, IndexedCadre>
  cadreByCode: Map<string, IndexedCadre>
  units: Map<number, IndexedUnit>
  unitByCode: Map<string, IndexedUnit>
  departmentByCode: Map<string, number>
  /** Each unit's moves to another parent (shared/domain/units.ts decides the parent on a day). */
  movesByUnit: Map<number, UnitMove[]>
  /** Built on first use: links, search text, sort orders and ranks, credited slots. */
  cache: Map<string, unknown>
}

const states = new WeakMap<DatabaseHandle, IndexState>()

function readStamp(ctx: ServiceContext): string {
  const log = ctx.db
    .select({ last: max(changeLog.id) })
    .from(changeLog)
    .get()
  const rows = ctx.db
    .select({ last: max(changeRows.id) })
    .from(changeRows)
    .get()
  const trip = ctx.db
    .select({ last: max(trips.id) })
    .from(trips)
    .get()
  return `${log?.last ?? 0}/${rows?.last ?? 0}/${trip?.last ?? 0}`
}

/** The working copy for this database, reloaded when the stamp says the data changed. */
export function tripIndex(ctx: ServiceContext): IndexState {
  const stamp = readStamp(ctx)
  const current = states.get(ctx.handle)
  if (current && current.stamp === stamp) return current
  const state = load(ctx, stamp)
  states.set(ctx.handle, state)
  return state
}

type TripTuple = [number, string, string, string, string, string, string, string | null]

function load(ctx: ServiceContext, stamp: string): IndexState {
  const { db, handle } = ctx
  // The big reads go straight to better-sqlite3 in raw (array) mode: for 100,000 trips,
  // building drizzle's row objects costs more than the query itself. Only what filters and
  // counts is read here; codes and texts come with the rows shown, and the cadre and unit
  // links the first time a filter, a sort or the totals need them (ensureLinks).
  const tripRows = handle.sqlite
    .prepare('SELECT id, start_date, start_half, end_date, end_half, kind, status, report_date FROM trips')
    .raw()
    .all() as TripTuple[]

  // Ten years hold some 7,000 distinct (date, half day) pairs: each is turned into a slot once.
  const slots = new Map<string, number>()
  const slot = (date: IsoDate, half: HalfDay) => {
    const key = date + half
    let value = slots.get(key)
    if (value === undefined) slots.set(key, (value = slotOf(date, half)))
    return value
  }
  const unsorted = tripRows.map((t): IndexedTrip => {
    const startHalf = t[2] as HalfDay
    const endHalf = t[4] as HalfDay
    const range: SlotRange = { from: slot(t[1], startHalf), to: slot(t[3], endHalf) }
    return {
      index: 0,
      id: t[0],
      startDate: t[1],
      startHalf,
      endDate: t[3],
      endHalf,
      kind: t[5] as ContentKind,
      status: t[6] as TripStatus,
      reportDate: t[7],
      range,
      halves: slotCount(range),
      cadreIds: [],
      unitIds: []
    }
  })
  // The list's default order (by slot: start, then end, then creation), sorted on numbers.
  const from = new Float64Array(unsorted.map((t) => t.range.from))
  const to = new Float64Array(unsorted.map((t) => t.range.to))
  const ids = new Float64Array(unsorted.map((t) => t.id))
  const list = Array.from({ length: unsorted.length }, (_, i) => i)
    .sort((a, b) => from[a]! - from[b]! || to[a]! - to[b]! || ids[a]! - ids[b]!)
    .map((i, index) => Object.assign(unsorted[i]!, { index }))
  const byId = new Map(list.map((t) => [t.id, t]))

  const cadreRows = db
    .select({
      id: cadres.id,
      code: cadres.code,
      fullName: cadres.fullName,
      departmentId: cadres.departmentId
    })
    .from(cadres)
    .all()
  const unitRows = db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind, parentId: units.parentId })
    .from(units)
    .all()
    .map((u) => ({ ...u, kind: u.kind as UnitKind }))
  const departmentRows = db.select({ id: departments.id, code: departments.code }).from(departments).all()
  const moves = db
    .select({ unitId: unitMoves.unitId, parentId: unitMoves.parentId, fromDate: unitMoves.fromDate })
    .from(unitMoves)
    .all()
  const movesByUnit = new Map<number, UnitMove[]>()
  for (const move of moves) {
    const list = movesByUnit.get(move.unitId)
    if (list) list.push(move)
    else movesByUnit.set(move.unitId, [move])
  }

  return {
    stamp,
    trips: list,
    byId,
    cadres: new Map(cadreRows.map((c) => [c.id, c])),
    cadreByCode: new Map(cadreRows.map((c) => [c.code, c])),
    units: new Map(unitRows.map((u) => [u.id, u])),
    unitByCode: new Map(unitRows.map((u) => [u.code, u])),
    departmentByCode: new Map(departmentRows.map((d) => [d.code, d.id])),
    movesByUnit,
    cache: new Map()
  }
}

/** Fills every trip's cadreIds and unitIds (once per working copy). */
export function ensureLinks(ctx: ServiceContext, state: IndexState): void {
  cached(state, 'links', () => {
    const read = (sql: string) =>
      ctx.handle.sqlite.prepare(sql).raw().all() as Array<[number, number, number]>
    attach(read('SELECT trip_id, cadre_id, position FROM trip_participants'), state.byId, (t) => t.cadreIds)
    attach(read('SELECT trip_id, unit_id, position FROM trip_units'), state.byId, (t) => t.unitIds)
    return true
  })
}

/** Puts each link [tripId, id, position] into its trip's list, in the trip's own order. */
function attach(
  links: Array<[number, number, number]>,
  byId: Map<number, IndexedTrip>,
  listOf: (trip: IndexedTrip) => number[]
): void {
  links.sort((a, b) => a[0] - b[0] || a[2] - b[2])
  for (const [tripId, id] of links) {
    const trip = byId.get(tripId)
    if (trip) listOf(trip).push(id)
  }
}

/**
 * The cadre and unit ids of some trips (a window of rows): from the working copy when its
 * links are loaded, else read for these trips only.
 */
export function linksOf(
  ctx: ServiceContext,
  state: IndexState,
  trips: readonly IndexedTrip[]
): Array<{ cadreIds: number[]; unitIds: number[] }> {
  if (state.cache.has('links')) return trips.map((t) => ({ cadreIds: t.cadreIds, unitIds: t.unitIds }))
  const found = new Map<number, { cadreIds: number[]; unitIds: number[] }>(
    trips.map((t) => [t.id, { cadreIds: [], unitIds: [] }])
  )
  const ids = trips.map((t) => t.id)
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const marks = chunk.map(() => '?').join(',')
    const read = (sql: string) =>
      (
        ctx.handle.sqlite
          .prepare(sql)
          .raw()
          .all(...chunk) as Array<[number, number, number]>
      ).sort((a, b) => a[0] - b[0] || a[2] - b[2])
    for (const [tripId, id] of read(
      `SELECT trip_id, cadre_id, position FROM trip_participants WHERE trip_id IN (${marks})`
    )) {
      found.get(tripId)?.cadreIds.push(id)
    }
    for (const [tripId, id] of read(
      `SELECT trip_id, unit_id, position FROM trip_units WHERE trip_id IN (${marks})`
    )) {
      found.get(tripId)?.unitIds.push(id)
    }
  }
  return trips.map((t) => found.get(t.id)!)
}

export function cached<T>(state: IndexState, key: string, build: () => T): T {
  if (state.cache.has(key)) return state.cache.get(key) as T
  const value = build()
  state.cache.set(key, value)
  return value
}

export interface TripTexts {
  code: string
  topic: string | null
  travelOrderNo: string | null
}

/**
 * Code, topic and travel order number of every trip, by trip index: read the first time a
 * search or a sort needs them all (a window of rows reads its own, see textsOf).
 */
export function allTexts(ctx: ServiceContext, state: IndexState): TripTexts[] {
  return cached(state, 'texts', () => {
    const texts: TripTexts[] = new Array(state.trips.length)
    const rows = ctx.handle.sqlite
      .prepare('SELECT id, code, topic, travel_order_no FROM trips')
      .raw()
      .all() as Array<[number, string, string | null, string | null]>
    for (const [id, code, topic, travelOrderNo] of rows) {
      const trip = state.byId.get(id)
      if (trip) texts[trip.index] = { code, topic, travelOrderNo }
    }
    return texts
  })
}

/** The texts of some trips: from the full set when it is loaded, else read for these only. */
export function textsOf(ctx: ServiceContext, state: IndexState, trips: readonly IndexedTrip[]): TripTexts[] {
  const all = state.cache.get('texts') as TripTexts[] | undefined
  if (all) return trips.map((t) => all[t.index]!)
  const byId = new Map<number, TripTexts>()
  const ids = trips.map((t) => t.id)
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const rows = ctx.handle.sqlite
      .prepare(
        `SELECT id, code, topic, travel_order_no FROM trips WHERE id IN (${chunk.map(() => '?').join(',')})`
      )
      .raw()
      .all(...chunk) as Array<[number, string, string | null, string | null]>
    for (const [id, code, topic, travelOrderNo] of rows) byId.set(id, { code, topic, travelOrderNo })
  }
  return trips.map((t) => byId.get(t.id)!)
}

/**
 * Each trip's code, topic and travel order number through foldForSearch, by trip index.
 * Topics and order numbers repeat a lot: each distinct one is folded once.
 */
export function searchTexts(ctx: ServiceContext, state: IndexState): string[] {
  return cached(state, 'folded', () => {
    const folded = new Map<string, string>()
    const fold = (text: string | null) => {
      if (!text) return ''
      let value = folded.get(text)
      if (value === undefined) folded.set(text, (value = foldForSearch(text)))
      return value
    }
    return allTexts(ctx, state).map(
      (t) => `${foldForSearch(t.code)} ${fold(t.topic)} ${fold(t.travelOrderNo)}`
    )
  })
}

/**
 * A rank per trip (by IndexedTrip.index) in the order of `compare`, comparing each distinct
 * value once (a list of 100,000 trips has a few thousand distinct cadre lists or unit names),
 * so sorting by rank is a number comparison however slow the collation. Null ranks last.
 */
export function rankBy<T>(
  state: IndexState,
  key: string,
  valueOf: (trip: IndexedTrip) => T | null,
  keyOf: (value: T) => string,
  compare: (a: T, b: T) => number
): Int32Array {
  return cached(state, `rank:${key}`, () => {
    const distinct = new Map<string, T>()
    const keys = state.trips.map((t) => {
      const value = valueOf(t)
      if (value === null) return null
      const k = keyOf(value)
      if (!distinct.has(k)) distinct.set(k, value)
      return k
    })
    const ordered = [...distinct.entries()].sort((a, b) => compare(a[1], b[1]))
    const rankOf = new Map<string, number>()
    ordered.forEach(([k, value], i) => {
      const previous = ordered[i - 1]
      // Values the collation finds equal share a rank, so the sort's tie-breaker decides.
      rankOf.set(k, previous && compare(previous[1], value) === 0 ? rankOf.get(previous[0])! : i)
    })
    const ranks = new Int32Array(state.trips.length).fill(ordered.length)
    keys.forEach((k, i) => {
      if (k !== null) ranks[i] = rankOf.get(k)!
    })
    return ranks
  })
}

/**
 * Codes rank by their letters (Vietnamese collation, distinct prefixes only) then their
 * number, as the collation's numeric order does for the office's "CD0241" codes, without a
 * collation call per pair of 100,000 codes. Codes with no trailing number follow the same
 * collation whole.
 */
export function codeRanks(ctx: ServiceContext, state: IndexState): Int32Array {
  return cached(state, 'rank:code', () => {
    const parts = allTexts(ctx, state).map(({ code }) => {
      const m = /^(.*?)(\d+)$/.exec(code)
      return m ? { prefix: m[1]!, number: Number(m[2]), code } : { prefix: code, number: -1, code }
    })
    const prefixes = [...new Set(parts.map((p) => p.prefix))].sort(compareVietnamese)
    const prefixRank = new Map(prefixes.map((p, i) => [p, i]))
    const order = parts
      .map((p, i) => ({ i, prefix: prefixRank.get(p.prefix)!, number: p.number, code: p.code }))
      .sort((a, b) => a.prefix - b.prefix || a.number - b.number || compareVietnamese(a.code, b.code))
    const ranks = new Int32Array(state.trips.length)
    order.forEach((o, n) => {
      ranks[o.i] = n
    })
    return ranks
  })
}

export const textCompare = compareVietnamese
export const nameCompare = compareVietnameseNames

/**
 * The slots each counted trip credits to each of its cadres (RULES.md §3, through
 * attributeSlots): by trip index, a range per entry of cadreIds (null: not counted).
 */
export function creditedRanges(
  ctx: ServiceContext,
  state: IndexState
): Array<Array<SlotRange | null> | null> {
  ensureLinks(ctx, state)
  return cached(state, 'credited', () => {
    const byCadre = new Map<number, IndexedTrip[]>()
    for (const trip of state.trips) {
      if (!isCountedStatus(trip.status)) continue
      for (const cadreId of trip.cadreIds) {
        const list = byCadre.get(cadreId)
        if (list) list.push(trip)
        else byCadre.set(cadreId, [trip])
      }
    }
    const result: Array<Array<SlotRange | null> | null> = new Array(state.trips.length).fill(null)
    for (const [cadreId, list] of byCadre) {
      const owned = attributeSlots(list.map((t) => ({ key: t.index, range: t.range, order: t.id })))
      for (const [index, range] of owned) {
        const trip = state.trips[index]!
        const perCadre = (result[index] ??= trip.cadreIds.map(() => null))
        perCadre[trip.cadreIds.indexOf(cadreId)] = range
      }
    }
    return result
  })
}

/**
 * "A unit and the units under it" on a day: true when `unitId` is one of `roots` or its
 * parent chain on `date` (parentOn, shared/domain/units.ts: the tree changes over time, so
 * a commune counts under its district union only while it sat under it) reaches one of
 * them. Answers are kept per unit and day for the filter that asks.
 */
export function underOn(
  state: IndexState,
  roots: readonly number[]
): (unitId: number, date: IsoDate) => boolean {
  const inside = new Set(roots)
  const known = new Map<string, boolean>()
  return (unitId, date) => {
    if (inside.has(unitId)) return true
    const key = `${unitId}|${date}`
    const hit = known.get(key)
    if (hit !== undefined) return hit
    const seen = new Set<number>([unitId])
    let current = state.units.get(unitId)
    let result = false
    while (current) {
      const parentId = parentOn(current, state.movesByUnit.get(current.id) ?? [], date)
      if (parentId === null || seen.has(parentId)) break // the top, or a loop in hand-edited data
      if (inside.has(parentId)) {
        result = true
        break
      }
      seen.add(parentId)
      current = state.units.get(parentId)
    }
    known.set(key, result)
    return result
  }
}
