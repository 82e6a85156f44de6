/**
 * The logbook list: filter, sort and cut a window out of the working copy (trip-index.ts),
 * with the totals of everything the filter keeps. The ordered result of a filter is kept for
 * the next windows of the same list (scrolling asks for one window after another).
 */
import type {
  TripFilters,
  TripListRow,
  TripSearchResult,
  TripSortKey,
  TripTotals
} from '../../../shared/api/trips'
import { daySpanSlots, intersect, slotCount, type SlotRange } from '../../../shared/domain/slots'
import {
  daysInMonth,
  quarterRange,
  toDayNumber,
  yearEnd,
  yearOf,
  yearStart,
  type IsoDate
} from '../../../shared/domain/dates'
import { CONTENT_KINDS, TRIP_STATUSES } from '../../../shared/domain/kinds'
import { reportOverdueDays, type TripReportState } from '../../../shared/domain/reports-due'
import { foldForSearch } from '../../../shared/domain/search'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/year'
import {
  allTexts,
  cached,
  codeRanks,
  creditedRanges,
  ensureLinks,
  linksOf,
  nameCompare,
  rankBy,
  searchTexts,
  textCompare,
  textsOf,
  tripIndex,
  underOn,
  type IndexState,
  type IndexedTrip,
  type TripTexts
} from './trip-index'

/** Filters as the service applies them ('current' already made a year; every field may be absent). */
export type ParsedFilters = {
  [K in Exclude<keyof TripFilters, 'year'>]?: Exclude<TripFilters[K], undefined>
} & { year?: number | undefined }

/** The date range a filter's year, quarter and month select; null for every year. */
export function periodOf(filters: ParsedFilters): { from: IsoDate; to: IsoDate } | null {
  if (filters.year === undefined) return null
  const year = filters.year
  if (filters.month !== undefined) {
    const mm = String(filters.month).padStart(2, '0')
    return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${daysInMonth(year, filters.month)}` }
  }
  if (filters.quarter !== undefined) return quarterRange(year, filters.quarter as 1 | 2 | 3 | 4)
  return { from: yearStart(year), to: yearEnd(year) }
}

/**
 * Days a trip's report is overdue today (reports-due.ts), with the due days of the year the
 * trip ends in (each year has its own setting). Many trips share a status, report date and
 * end date: each combination is asked once per call.
 */
export function overdueDaysOf(ctx: ServiceContext, today: IsoDate): (trip: TripReportState) => number {
  const dueDays = new Map<number, number>()
  const known = new Map<string, number>()
  return (trip) => {
    const key = `${trip.status}|${trip.reportDate ?? ''}|${trip.endDate}`
    const hit = known.get(key)
    if (hit !== undefined) return hit
    const year = yearOf(trip.endDate)
    let days = dueDays.get(year)
    if (days === undefined) {
      days = getYearSettings(ctx.db, year).reportDueDays
      dueDays.set(year, days)
    }
    const late = reportOverdueDays(trip, today, days)
    known.set(key, late)
    return late
  }
}

interface Filtered {
  key: string
  trips: IndexedTrip[]
  /** Computed when asked for ('trips.totals'), then kept with the list. */
  totals?: TripTotals
}

/** The last few filtered lists per working copy (a list scrolls through one filter at a time). */
const recent = new WeakMap<IndexState, Filtered[]>()
const RECENT = 6

function filterKey(filters: ParsedFilters, today: IsoDate): string {
  const {
    year,
    quarter,
    month,
    cadreCodes,
    departmentCode,
    kind,
    unitCodes,
    status,
    overdue,
    q,
    sort,
    desc
  } = filters
  return JSON.stringify([
    today,
    year,
    quarter,
    month,
    cadreCodes,
    departmentCode,
    kind,
    unitCodes,
    status,
    overdue,
    q,
    sort,
    desc
  ])
}

export function filterTrips(
  ctx: ServiceContext,
  filters: ParsedFilters
): { state: IndexState; filtered: Filtered; overdueDays: (trip: TripReportState) => number } {
  const state = tripIndex(ctx)
  const today = ctx.clock.today()
  const overdueDays = overdueDaysOf(ctx, today)
  const key = filterKey(filters, today)
  const kept = recent.get(state) ?? []
  const hit = kept.find((f) => f.key === key)
  if (hit) return { state, filtered: hit, overdueDays }

  const period = periodOf(filters)
  const sort = filters.sort ?? 'startDate'
  const needsLinks =
    Boolean(filters.cadreCodes?.length) ||
    filters.departmentCode !== undefined ||
    Boolean(filters.unitCodes?.length) ||
    sort === 'cadres' ||
    sort === 'units'
  if (needsLinks) ensureLinks(ctx, state)
  const people = peopleFilter(state, filters)
  const under =
    filters.unitCodes && filters.unitCodes.length > 0
      ? underOn(
          state,
          filters.unitCodes
            .map((c) => state.unitByCode.get(c)?.id)
            .filter((id): id is number => id !== undefined)
        )
      : null
  const words = foldForSearch(filters.q ?? '')
    .split(' ')
    .filter(Boolean)
  const texts = words.length > 0 ? searchTexts(ctx, state) : null

  // Walking the whole list in the asked order keeps the result in that order: no sort here.
  const trips = sortedTrips(
    ctx,
    state,
    filters.sort ?? 'startDate',
    filters.desc ?? filters.sort === undefined
  ).filter((t) => {
    if (period && (t.startDate > period.to || t.endDate < period.from)) return false
    if (filters.kind !== undefined && t.kind !== filters.kind) return false
    if (filters.status !== undefined && t.status !== filters.status) return false
    if (people && !t.cadreIds.some((id) => people.has(id))) return false
    // The tree of the day the trip started (units move: RULES.md §9).
    if (under && !t.unitIds.some((id) => under(id, t.startDate))) return false
    // matchesSearch (shared/domain/search.ts) with each trip's text folded once, kept.
    if (texts && !words.every((w) => texts[t.index]!.includes(w))) return false
    if (filters.overdue && overdueDays(t) === 0) return false
    return true
  })
  const filtered: Filtered = { key, trips }
  recent.set(state, [filtered, ...kept].slice(0, RECENT))
  return { state, filtered, overdueDays }
}

/** The totals of a filter (the list's footer), asked apart from the rows so rows come first. */
export function tripTotals(ctx: ServiceContext, filters: ParsedFilters): TripTotals {
  const { state, filtered, overdueDays } = filterTrips(ctx, filters)
  if (!filtered.totals) {
    filtered.totals = totalsOf(
      ctx,
      state,
      filtered.trips,
      periodOf(filters),
      peopleFilter(state, filters),
      overdueDays
    )
  }
  return filtered.totals
}

/** Cadres the list is about: the chosen ones, those of the chosen ban, or both (null: everyone). */
function peopleFilter(state: IndexState, filters: ParsedFilters): Set<number> | null {
  const chosen =
    filters.cadreCodes && filters.cadreCodes.length > 0
      ? new Set(filters.cadreCodes.map((c) => state.cadreByCode.get(c)?.id ?? -1))
      : null
  if (filters.departmentCode === undefined) return chosen
  const departmentId = state.departmentByCode.get(filters.departmentCode) ?? -1
  const inBan = new Set<number>()
  for (const cadre of state.cadres.values()) {
    if (cadre.departmentId === departmentId && (!chosen || chosen.has(cadre.id))) inBan.add(cadre.id)
  }
  return inBan
}

function totalsOf(
  ctx: ServiceContext,
  state: IndexState,
  trips: IndexedTrip[],
  period: { from: IsoDate; to: IsoDate } | null,
  people: Set<number> | null,
  overdueDays: (trip: TripReportState) => number
): TripTotals {
  const window: SlotRange | null = period ? daySpanSlots(period.from, period.to) : null
  const credited = creditedRanges(ctx, state)
  let halves = 0
  let creditedHalves = 0
  let overdue = 0
  for (const trip of trips) {
    const length = window ? slotCount(intersect(trip.range, window)) : trip.halves
    const owned = credited[trip.index]
    trip.cadreIds.forEach((cadreId, i) => {
      if (people && !people.has(cadreId)) return
      halves += length
      const range = owned?.[i]
      if (range) creditedHalves += slotCount(window ? intersect(range, window) : range)
    })
    if (overdueDays(trip) > 0) overdue += 1
  }
  return { trips: trips.length, cadreDays: halves / 2, creditedDays: creditedHalves / 2, overdue }
}

const KIND_ORDER = new Map(CONTENT_KINDS.map((k, i) => [k, i]))
const STATUS_ORDER = new Map(TRIP_STATUSES.map((s, i) => [s, i]))

/**
 * Every trip in one column's order, kept with the working copy (built once per column and
 * direction). Text columns use Vietnamese collation through ranks; empty values go last in
 * both directions; ties fall back to the start, then the creation order.
 */
function sortedTrips(ctx: ServiceContext, state: IndexState, key: TripSortKey, desc: boolean): IndexedTrip[] {
  // The working copy is loaded in slot order: by start date, the order is there already.
  if (key === 'startDate')
    return desc ? cached(state, 'order:start:desc', () => [...state.trips].reverse()) : state.trips
  return cached(state, `order:${key}:${desc}`, () => {
    const direction = desc ? -1 : 1
    const n = state.trips.length
    // Sort keys in typed arrays: 100,000 trips sort in a few dozen milliseconds.
    const from = new Float64Array(n)
    const to = new Float64Array(n)
    const id = new Float64Array(n)
    const value = new Float64Array(n)
    const empty = new Uint8Array(n)
    const primary = primaryKey(ctx, state, key)
    for (const t of state.trips) {
      from[t.index] = t.range.from
      to[t.index] = t.range.to
      id[t.index] = t.id
      const v = primary ? primary(t) : 0
      if (v === null) empty[t.index] = 1
      else value[t.index] = v
    }
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        empty[a]! - empty[b]! ||
        (value[a]! - value[b]! || from[a]! - from[b]! || to[a]! - to[b]! || id[a]! - id[b]!) * direction
    )
    return order.map((i) => state.trips[i]!)
  })
}

/** A number to sort by for each trip (null: empty, goes last); null key = by start. */
function primaryKey(
  ctx: ServiceContext,
  state: IndexState,
  key: TripSortKey
): ((t: IndexedTrip) => number | null) | null {
  const texts = () => allTexts(ctx, state)
  switch (key) {
    case 'startDate':
      return null
    case 'code': {
      const rank = codeRanks(ctx, state)
      return (t) => rank[t.index]!
    }
    case 'days':
      return (t) => t.halves
    case 'kind':
      return (t) => KIND_ORDER.get(t.kind) ?? 0
    case 'status':
      return (t) => STATUS_ORDER.get(t.status) ?? 0
    case 'reportDate':
      return (t) => (t.reportDate === null ? null : toDayNumber(t.reportDate))
    case 'topic':
      return ranked(
        state,
        'topic',
        (t) => texts()[t.index]!.topic,
        (v) => v,
        textCompare
      )
    case 'travelOrderNo':
      return ranked(
        state,
        'travelOrderNo',
        (t) => texts()[t.index]!.travelOrderNo,
        (v) => v,
        textCompare
      )
    case 'cadres': {
      // Each cadre's place in name order first (a hundred names), then lists by those places.
      const place = placesBy([...state.cadres.values()], (c) => c.fullName, nameCompare)
      return ranked(
        state,
        'cadres',
        (t) => (t.cadreIds.length === 0 ? null : t.cadreIds.map((id) => place.get(id) ?? -1)),
        (v) => v.join(','),
        compareNumberLists
      )
    }
    case 'units': {
      const place = placesBy([...state.units.values()], (u) => u.name, textCompare)
      return ranked(
        state,
        'units',
        (t) => (t.unitIds.length === 0 ? null : t.unitIds.map((id) => place.get(id) ?? -1)),
        (v) => v.join(','),
        compareNumberLists
      )
    }
  }
}

/** id → place in the order of `compare` on `name` (equal names share a place). */
function placesBy<T extends { id: number }>(
  items: T[],
  name: (item: T) => string,
  compare: (a: string, b: string) => number
): Map<number, number> {
  const sorted = [...items].sort((a, b) => compare(name(a), name(b)))
  const place = new Map<number, number>()
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1]
    place.set(item.id, previous && compare(name(previous), name(item)) === 0 ? place.get(previous.id)! : i)
  })
  return place
}

function compareNumberLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!
  }
  return a.length - b.length
}

function ranked<T>(
  state: IndexState,
  key: string,
  valueOf: (t: IndexedTrip) => T | null,
  keyOf: (value: T) => string,
  compare: (a: T, b: T) => number
): (t: IndexedTrip) => number | null {
  const rank = rankBy(state, key, valueOf, keyOf, compare)
  return (t) => (valueOf(t) === null ? null : rank[t.index]!)
}

export function toListRow(
  state: IndexState,
  trip: IndexedTrip,
  texts: TripTexts,
  links: { cadreIds: number[]; unitIds: number[] },
  overdueDays: number
): TripListRow {
  return {
    code: texts.code,
    startDate: trip.startDate,
    startHalf: trip.startHalf,
    endDate: trip.endDate,
    endHalf: trip.endHalf,
    days: trip.halves / 2,
    kind: trip.kind,
    topic: texts.topic,
    status: trip.status,
    travelOrderNo: texts.travelOrderNo,
    reportDate: trip.reportDate,
    overdueDays,
    cadres: links.cadreIds.map((id) => {
      const c = state.cadres.get(id)
      return { code: c?.code ?? '', fullName: c?.fullName ?? '' }
    }),
    units: links.unitIds.map((id) => {
      const u = state.units.get(id)
      return { code: u?.code ?? '', name: u?.name ?? '' }
    })
  }
}

export function searchTrips(
  ctx: ServiceContext,
  input: ParsedFilters & { offset: number; limit: number }
): TripSearchResult {
  const { state, filtered, overdueDays } = filterTrips(ctx, input)
  const today = ctx.clock.today()
  const window = filtered.trips.slice(input.offset, input.offset + input.limit)
  const texts = textsOf(ctx, state, window)
  const links = linksOf(ctx, state, window)
  return {
    total: filtered.trips.length,
    offset: input.offset,
    rows: window.map((t, i) => toListRow(state, t, texts[i]!, links[i]!, overdueDays(t))),
    today
  }
}
