/**
 * The calendar of a date range: the days (weekday, public holiday, round, cadres out), the
 * rounds, and per ban its cadres in service with their trips, pending registrations and
 * exemption periods, each item with its conflicts. Reads only; the rows are read in a few
 * indexed queries and grouped here.
 */
import { and, asc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm'
import type {
  CalendarCadre,
  CalendarDay,
  CalendarDepartment,
  CalendarItem,
  CalendarRange,
  CalendarRangeInput,
  CalendarRegistrationStatus,
  CalendarRound
} from '../../../shared/api/calendar'
import { AppError } from '../../../shared/api/errors'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import {
  formatDateVi,
  fromDayNumber,
  maxDate,
  minDate,
  toDayNumber,
  type IsoDate
} from '../../../shared/domain/dates'
import { isWeekend, publicHolidaysBetween, weekdayShortVi } from '../../../shared/domain/holidays'
import {
  EXEMPTION_REASON_LABELS,
  type ContentKind,
  type ExemptionReason,
  type HalfDay,
  type TripStatus
} from '../../../shared/domain/kinds'
import { intersect, isEmpty, slotCount, tripSlots } from '../../../shared/domain/slots'
import { serviceClip } from '../../../shared/domain/subject'
import {
  cadres,
  departments,
  exemptions,
  planningRounds,
  registrations,
  registrationUnits,
  tripParticipants,
  trips,
  tripUnits,
  units
} from '../../db/schema'
import type { ServiceContext } from '../context'
import { conflictsOf } from './conflicts'

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV']

export function roundLabel(r: {
  quarter: number
  number: number
  startDate: IsoDate
  endDate: IsoDate
}): string {
  return `Quý ${ROMAN_QUARTERS[r.quarter - 1] ?? r.quarter} – Đợt ${r.number}: ${formatDateVi(r.startDate)}–${formatDateVi(r.endDate)}`
}

interface Draft extends Omit<CalendarItem, 'conflicts'> {
  cadreId: number
  cadreCode: string
  unitCodes: string[]
  unitValidity: Array<{ validFrom: string | null; validTo: string | null }>
  tripStatus: TripStatus
}

export function loadCalendarRange(ctx: ServiceContext, input: CalendarRangeInput): CalendarRange {
  const { db } = ctx
  const { from, to } = input
  const departmentCode = input.departmentCode?.trim() || undefined
  const cadreCode = input.cadreCode?.trim() || undefined

  const allDepartments = db.select().from(departments).orderBy(asc(departments.id)).all()
  if (departmentCode && !allDepartments.some((d) => d.code === departmentCode)) {
    throw new AppError('NOT_FOUND', `Không có ban mã "${departmentCode}".`, [
      `departmentCode: Không có ban mã "${departmentCode}".`
    ])
  }
  const inService = db
    .select()
    .from(cadres)
    .all()
    .filter((c) => serviceClip(from, to, c.serviceStart, c.serviceEnd) !== null)
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
  const departmentById = new Map(allDepartments.map((d) => [d.id, d]))
  if (cadreCode && !inService.some((c) => c.code === cadreCode)) {
    throw new AppError(
      'NOT_FOUND',
      `Không có cán bộ mã "${cadreCode}" công tác trong khoảng ${formatDateVi(from)}–${formatDateVi(to)}.`,
      [`cadreCode: Không có cán bộ mã "${cadreCode}" công tác trong khoảng này.`]
    )
  }
  const shown = inService.filter(
    (c) =>
      (!cadreCode || c.code === cadreCode) &&
      (!departmentCode || departmentById.get(c.departmentId)?.code === departmentCode)
  )
  const shownIds = shown.map((c) => c.id)
  const codeOfCadre = new Map(shown.map((c) => [c.id, c.code]))

  const drafts: Draft[] = [
    ...tripDrafts(ctx, shownIds, from, to, codeOfCadre),
    ...registrationDrafts(ctx, shownIds, from, to, codeOfCadre)
  ]

  const exemptionRows = shownIds.length
    ? db
        .select()
        .from(exemptions)
        .where(
          and(
            inArray(exemptions.cadreId, shownIds),
            lte(exemptions.fromDate, to),
            gte(exemptions.toDate, from)
          )
        )
        .all()
    : []

  const itemsByCadre = new Map<number, CalendarItem[]>()
  const cadreById = new Map(shown.map((c) => [c.id, c]))
  for (const d of drafts) {
    const { cadreId, cadreCode: who, unitCodes, unitValidity: _validity, tripStatus, ...item } = d
    const cadre = cadreById.get(cadreId)
    const conflicts =
      cadre && mayConflict(d, drafts, exemptionRows, cadre, from, to)
        ? conflictsOf(ctx, {
            tripCode: item.type === 'trip' ? item.code : undefined,
            cadreCode: who,
            startDate: item.startDate,
            startHalf: item.startHalf,
            endDate: item.endDate,
            endHalf: item.endHalf,
            kind: item.kind,
            status: tripStatus,
            unitCodes
          })
        : []
    const list = itemsByCadre.get(cadreId) ?? []
    list.push({ ...item, conflicts })
    itemsByCadre.set(cadreId, list)
  }

  const groups = new Map<number, CalendarCadre[]>()
  for (const c of shown) {
    const items = (itemsByCadre.get(c.id) ?? []).sort((a, b) =>
      a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.code < b.code ? -1 : 1
    )
    const row: CalendarCadre = {
      code: c.code,
      fullName: c.fullName,
      position: c.position,
      fullTime: c.fullTime,
      serviceStart: c.serviceStart,
      serviceEnd: c.serviceEnd,
      items,
      exemptions: exemptionRows
        .filter((e) => e.cadreId === c.id)
        .sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1))
        .map((e) => ({
          reason: e.reason as ExemptionReason,
          label: EXEMPTION_REASON_LABELS[e.reason as ExemptionReason] ?? e.reason,
          from: e.fromDate,
          to: e.toDate
        }))
    }
    const list = groups.get(c.departmentId) ?? []
    list.push(row)
    groups.set(c.departmentId, list)
  }
  const departmentRows: CalendarDepartment[] = allDepartments
    .filter((d) => groups.has(d.id))
    .map((d) => ({
      code: d.code,
      name: d.name,
      abbreviation: d.abbreviation,
      cadres: groups.get(d.id) ?? []
    }))

  const rounds = loadRounds(ctx, from, to)
  return {
    from,
    to,
    today: ctx.clock.today(),
    days: buildDays(from, to, rounds, departmentRows),
    rounds,
    departments: departmentRows,
    choices: {
      departments: allDepartments.map((d) => ({ code: d.code, name: d.name })),
      cadres: inService.map((c) => ({
        code: c.code,
        fullName: c.fullName,
        departmentCode: departmentById.get(c.departmentId)?.code ?? ''
      }))
    }
  }
}

interface UnitRow {
  code: string
  name: string
  position: number
  validFrom: string | null
  validTo: string | null
}

interface ItemUnits {
  labels: string[]
  codes: string[]
  validity: Array<{ validFrom: string | null; validTo: string | null }>
}

/**
 * A cheap necessary condition for a conflict, from the rows already loaded, so the full check
 * (several queries per item) runs only where it can find something: another trip of the cadre
 * on the same half days, an exemption period, a unit not valid on the dates, a day outside the
 * service period. An item reaching outside the range is always checked, since what it could
 * conflict with there was not loaded.
 */
function mayConflict(
  d: Draft,
  all: Draft[],
  exemptionRows: Array<{ cadreId: number; fromDate: string; toDate: string }>,
  cadre: { serviceStart: string | null; serviceEnd: string | null },
  from: IsoDate,
  to: IsoDate
): boolean {
  if (d.startDate < from || d.endDate > to) return true
  const served = serviceClip(d.startDate, d.endDate, cadre.serviceStart, cadre.serviceEnd)
  if (!served || served.from !== d.startDate || served.to !== d.endDate) return true
  if (
    d.unitValidity.some(
      (u) =>
        (u.validFrom !== null && d.startDate < u.validFrom) || (u.validTo !== null && d.endDate > u.validTo)
    )
  )
    return true
  if (
    exemptionRows.some((e) => e.cadreId === d.cadreId && e.fromDate <= d.endDate && e.toDate >= d.startDate)
  )
    return true
  const range = tripSlots(d.startDate, d.startHalf, d.endDate, d.endHalf)
  return all.some(
    (o) =>
      o !== d &&
      o.type === 'trip' &&
      o.cadreId === d.cadreId &&
      !(o.type === d.type && o.code === d.code) &&
      !isEmpty(intersect(range, tripSlots(o.startDate, o.startHalf, o.endDate, o.endHalf)))
  )
}

function unitLabelsByKey<K>(rows: Array<UnitRow & { key: K }>): Map<K, ItemUnits> {
  const result = new Map<K, ItemUnits>()
  for (const r of [...rows].sort((a, b) => a.position - b.position)) {
    const entry = result.get(r.key) ?? { labels: [], codes: [], validity: [] }
    entry.labels.push(`${r.code} – ${r.name}`)
    entry.codes.push(r.code)
    entry.validity.push({ validFrom: r.validFrom, validTo: r.validTo })
    result.set(r.key, entry)
  }
  return result
}

/** Trips of the shown cadres touching the range, one draft per (trip, cadre). */
function tripDrafts(
  ctx: ServiceContext,
  cadreIds: number[],
  from: IsoDate,
  to: IsoDate,
  codeOfCadre: Map<number, string>
): Draft[] {
  if (cadreIds.length === 0) return []
  const rows = ctx.db
    .select({
      cadreId: tripParticipants.cadreId,
      id: trips.id,
      code: trips.code,
      startDate: trips.startDate,
      startHalf: trips.startHalf,
      endDate: trips.endDate,
      endHalf: trips.endHalf,
      kind: trips.kind,
      topic: trips.topic,
      status: trips.status
    })
    .from(tripParticipants)
    .innerJoin(trips, eq(trips.id, tripParticipants.tripId))
    .where(
      and(inArray(tripParticipants.cadreId, cadreIds), lte(trips.startDate, to), gte(trips.endDate, from))
    )
    .all()
  const tripIds = [...new Set(rows.map((r) => r.id))]
  const unitsOf = unitLabelsByKey(
    tripIds.length
      ? ctx.db
          .select({
            key: tripUnits.tripId,
            code: units.code,
            name: units.name,
            position: tripUnits.position,
            validFrom: units.validFrom,
            validTo: units.validTo
          })
          .from(tripUnits)
          .innerJoin(units, eq(units.id, tripUnits.unitId))
          .where(inArray(tripUnits.tripId, tripIds))
          .all()
      : []
  )
  return rows.map((r) => {
    const startHalf = r.startHalf as HalfDay
    const endHalf = r.endHalf as HalfDay
    const status = r.status as TripStatus
    return {
      type: 'trip' as const,
      cadreId: r.cadreId,
      cadreCode: codeOfCadre.get(r.cadreId) ?? '',
      code: r.code,
      startDate: r.startDate,
      startHalf,
      endDate: r.endDate,
      endHalf,
      kind: r.kind as ContentKind,
      status,
      tripStatus: status,
      planned: status === 'DU_KIEN',
      topic: r.topic,
      units: unitsOf.get(r.id)?.labels ?? [],
      unitCodes: unitsOf.get(r.id)?.codes ?? [],
      unitValidity: unitsOf.get(r.id)?.validity ?? [],
      days: slotCount(tripSlots(r.startDate, startHalf, r.endDate, endHalf)) / 2
    }
  })
}

/**
 * Registrations still waiting to become a trip (not refused, no planned trip yet): once
 * approved they are drawn through their trip, so nothing shows twice.
 */
function registrationDrafts(
  ctx: ServiceContext,
  cadreIds: number[],
  from: IsoDate,
  to: IsoDate,
  codeOfCadre: Map<number, string>
): Draft[] {
  if (cadreIds.length === 0) return []
  const rows = ctx.db
    .select()
    .from(registrations)
    .where(
      and(
        inArray(registrations.cadreId, cadreIds),
        lte(registrations.startDate, to),
        gte(registrations.endDate, from),
        ne(registrations.status, 'TU_CHOI'),
        isNull(registrations.tripId)
      )
    )
    .all()
  const ids = rows.map((r) => r.id)
  const unitsOf = unitLabelsByKey(
    ids.length
      ? ctx.db
          .select({
            key: registrationUnits.registrationId,
            code: units.code,
            name: units.name,
            position: registrationUnits.position,
            validFrom: units.validFrom,
            validTo: units.validTo
          })
          .from(registrationUnits)
          .innerJoin(units, eq(units.id, registrationUnits.unitId))
          .where(inArray(registrationUnits.registrationId, ids))
          .all()
      : []
  )
  return rows.map((r) => {
    const startHalf = r.startHalf as HalfDay
    const endHalf = r.endHalf as HalfDay
    return {
      type: 'registration' as const,
      cadreId: r.cadreId,
      cadreCode: codeOfCadre.get(r.cadreId) ?? '',
      code: r.code,
      startDate: r.startDate,
      startHalf,
      endDate: r.endDate,
      endHalf,
      kind: r.kind as ContentKind,
      status: r.status as CalendarRegistrationStatus,
      // A registration is checked as the planned trip it would become.
      tripStatus: 'DU_KIEN' as const,
      planned: true,
      topic: r.topic,
      units: unitsOf.get(r.id)?.labels ?? [],
      unitCodes: unitsOf.get(r.id)?.codes ?? [],
      unitValidity: unitsOf.get(r.id)?.validity ?? [],
      days: slotCount(tripSlots(r.startDate, startHalf, r.endDate, endHalf)) / 2
    }
  })
}

function loadRounds(ctx: ServiceContext, from: IsoDate, to: IsoDate): CalendarRound[] {
  return ctx.db
    .select()
    .from(planningRounds)
    .where(and(lte(planningRounds.startDate, to), gte(planningRounds.endDate, from)))
    .orderBy(asc(planningRounds.startDate), asc(planningRounds.number))
    .all()
    .map((r) => ({
      year: r.year,
      quarter: r.quarter,
      number: r.number,
      startDate: r.startDate,
      endDate: r.endDate,
      note: r.note,
      label: roundLabel(r)
    }))
}

/**
 * One entry per day. "Out" counts the cadres shown with a trip (done or planned) on at least
 * one half day of the date; a registration not yet approved is an intention, not an absence.
 */
function buildDays(
  from: IsoDate,
  to: IsoDate,
  rounds: CalendarRound[],
  groups: CalendarDepartment[]
): CalendarDay[] {
  const first = toDayNumber(from)
  const count = toDayNumber(to) - first + 1
  const out = new Array<number>(count).fill(0)
  for (const group of groups) {
    for (const cadre of group.cadres) {
      const days = new Set<number>()
      for (const item of cadre.items) {
        if (item.type !== 'trip') continue
        const a = toDayNumber(maxDate(item.startDate, from)) - first
        const b = toDayNumber(minDate(item.endDate, to)) - first
        for (let i = a; i <= b; i++) days.add(i)
      }
      for (const i of days) out[i] = (out[i] ?? 0) + 1
    }
  }
  const holidays = new Map(publicHolidaysBetween(from, to).map((h) => [h.date, h]))
  const result: CalendarDay[] = []
  for (let i = 0; i < count; i++) {
    const date = fromDayNumber(first + i)
    const holiday = holidays.get(date)
    result.push({
      date,
      weekday: weekdayShortVi(date),
      weekend: isWeekend(date),
      holiday: holiday ? { name: holiday.name, kind: holiday.kind } : null,
      round: rounds.find((r) => r.startDate <= date && date <= r.endDate)?.number ?? null,
      out: out[i] ?? 0
    })
  }
  return result
}
