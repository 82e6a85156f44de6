/**
 * Loaders of the quarterly documents (plan, registration form, registration summary) and of
 * the reports on one trip (trip report, chi đoàn report). Read only; every day figure comes
 * from shared/domain/registration.ts, who serves when from shared/domain/subject.ts.
 */
import { AppError } from '../../shared/api/errors'
import { compareVietnameseNames } from '../../shared/domain/collation'
import { addDays, formatDateVi, quarterRange, type IsoDate } from '../../shared/domain/dates'
import { formatDays } from '../../shared/domain/format'
import {
  CONTENT_KIND_LABELS,
  CONTENT_KINDS,
  EXEMPTION_REASON_LABELS,
  TRIP_STATUS_LABELS
} from '../../shared/domain/kinds'
import {
  departmentHeadTitle,
  isDepartmentHead,
  registeredDays,
  tripDays,
  tripDaysWithin,
  type RegisteredTrip
} from '../../shared/domain/registration'
import { REASON_NOT_FULL_TIME, serviceClip } from '../../shared/domain/subject'
import { emptyDaysByKind } from '../../shared/domain/summary'
import type { ServiceContext } from '../services/context'
import {
  readCadre,
  readCadres,
  readDepartment,
  readDepartments,
  readTrip,
  type CadreInfo,
  type TripDetail
} from '../services/people-read'
import { getYearSettings } from '../services/settings/index'
import { loadYearSummaryView } from '../services/summary'
import { listTripsBetween, type TripListItem } from '../services/trips-read'
import type { ChiDoanReportInput } from './documents/chi-doan-report'
import { capitalise } from './documents/common'
import type { QuarterPlanInput, ScheduleGroup } from './documents/quarter-plan'
import {
  pendingRegistrationTrips,
  registeredTripIds,
  roundGrouping,
  type RoundGrouping
} from './load-planning'
import type { RegistrationFormInput } from './documents/registration-form'
import type {
  RegistrationGroup,
  RegistrationRow,
  RegistrationSummaryInput
} from './documents/registration-summary'
import type { CadreLine, Quarter, ReportedTrip, ScheduledTrip } from './documents/trip-text'
import { isOfficeLeader, quarterWords } from './documents/trip-text'
import type { TripReportInput } from './documents/trip-report'

type Data<I> = Omit<I, 'meta'>

/** The quarter of a request, refused unless it is 1, 2, 3 or 4. */
export function checkQuarter(quarter: number | undefined): Quarter {
  if (quarter === undefined) throw new AppError('VALIDATION', 'Chưa chọn quý (1, 2, 3 hoặc 4).')
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new AppError('VALIDATION', `Quý không hợp lệ: "${quarter}" (chỉ có quý 1, 2, 3 hoặc 4).`)
  }
  return quarter as Quarter
}

function quarterOf(
  year: number,
  quarter: number | undefined
): { quarter: Quarter; from: IsoDate; to: IsoDate } {
  const q = checkQuarter(quarter)
  return { quarter: q, ...quarterRange(year, q) }
}

function toRegistered(trip: TripListItem): RegisteredTrip {
  // Same overlap tie-break as the year summary (services/summary.ts): the trip created first;
  // a registration still waiting (negative id, load-planning.ts) comes after every trip.
  return { ...trip, key: trip.id, order: trip.id < 0 ? Number.MAX_SAFE_INTEGER + trip.id : trip.id }
}

function scheduled(trip: TripListItem, days: number): ScheduledTrip {
  return {
    code: trip.code,
    startDate: trip.startDate,
    startHalf: trip.startHalf,
    endDate: trip.endDate,
    endHalf: trip.endHalf,
    kind: trip.kind,
    topic: trip.topic,
    status: trip.status,
    note: trip.note,
    cadreNames: trip.cadres.map((c) => c.fullName),
    unitNames: trip.units.map((u) => u.name),
    days
  }
}

function cadreLine(c: CadreInfo): CadreLine {
  return { code: c.code, name: c.fullName, position: c.position, departmentName: c.department.name }
}

function servesIn(c: CadreInfo, from: IsoDate, to: IsoDate): boolean {
  return serviceClip(from, to, c.serviceStart, c.serviceEnd) !== null
}

/** Each cadre's trips among `trips`, keyed by cadre id. */
function tripsByCadre(trips: readonly TripListItem[]): Map<number, TripListItem[]> {
  const map = new Map<number, TripListItem[]>()
  for (const trip of trips) {
    for (const c of trip.cadres) {
      const list = map.get(c.id)
      if (list) list.push(trip)
      else map.set(c.id, [trip])
    }
  }
  return map
}

/** One block per round in order, then "Ngoài các đợt" for what lies outside them. */
function groupByRound(
  planned: readonly TripListItem[],
  rounds: RoundGrouping,
  from: IsoDate,
  to: IsoDate
): ScheduleGroup[] {
  const groups = new Map<string, ScheduledTrip[]>(rounds.labels.map((l) => [l, []]))
  const outside: ScheduledTrip[] = []
  for (const trip of planned) {
    const label = rounds.labelOf(trip)
    const item = scheduled(trip, tripDaysWithin(trip, from, to))
    if (label && groups.has(label)) groups.get(label)!.push(item)
    else outside.push(item)
  }
  const blocks = [...groups.entries()]
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => ({ label, trips: list }))
  return outside.length > 0 ? [...blocks, { label: 'Ngoài các đợt', trips: outside }] : blocks
}

/**
 * The schedule's blocks when the quarter has no rounds (đợt): trips grouped by the month they
 * start in (a trip begun in the previous quarter goes to the first month).
 */
function groupByMonth(trips: readonly ScheduledTrip[], from: IsoDate): ScheduleGroup[] {
  const groups = new Map<string, ScheduledTrip[]>()
  for (const trip of trips) {
    const start = trip.startDate < from ? from : trip.startDate
    const key = start.slice(0, 7)
    const list = groups.get(key)
    if (list) list.push(trip)
    else groups.set(key, [trip])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({ label: `Tháng ${Number(key.slice(5, 7))}/${key.slice(0, 4)}`, trips: list }))
}

/**
 * The quarter plan's data: what is planned for the quarter, not what is already logged as
 * done: the registrations still waiting for approval, the trips approved registrations
 * became (whatever their status since: the plan stays the plan), and planned trips (dự kiến)
 * entered straight in the logbook. Grouped by round (đợt) when the quarter has rounds.
 */
export function loadQuarterPlanData(
  ctx: ServiceContext,
  year: number,
  quarterNumber?: number
): Data<QuarterPlanInput> {
  const { quarter, from, to } = quarterOf(year, quarterNumber)
  const settings = getYearSettings(ctx.db, year)
  const registered = registeredTripIds(ctx, year, quarter)
  const planned = [
    ...listTripsBetween(ctx, from, to).filter((t) => t.status === 'DU_KIEN' || registered.has(t.id)),
    ...pendingRegistrationTrips(ctx, year, quarter)
  ].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.code.localeCompare(b.code))
  const rounds = roundGrouping(ctx, year, quarter)
  const daysByKind = emptyDaysByKind()
  let totalDays = 0
  // Each cadre's planned slots counted once inside the quarter, as a registration counts them.
  for (const own of tripsByCadre(planned).values()) {
    const r = registeredDays(own.map(toRegistered), from, to)
    for (const k of CONTENT_KINDS) daysByKind[k] += r.daysByKind[k]
    totalDays += r.totalDays
  }
  const unitNames = new Map<number, string>()
  for (const trip of planned)
    for (const u of trip.units) if (!unitNames.has(u.id)) unitNames.set(u.id, u.name)
  return {
    year,
    quarter,
    from,
    to,
    groups:
      rounds.labels.length > 0
        ? groupByRound(planned, rounds, from, to)
        : groupByMonth(
            planned.map((t) => scheduled(t, tripDaysWithin(t, from, to))),
            from
          ),
    cadreCount: new Set(planned.flatMap((t) => t.cadres.map((c) => c.id))).size,
    unitNames: [...unitNames.values()],
    daysByKind,
    totalDays,
    targetDays: settings.targetDays,
    reportDueDays: settings.reportDueDays,
    legalBasis: settings.legalBasis
  }
}

/** The head of a ban on record during the period (first by id), or null. */
function headOf(
  everyone: readonly CadreInfo[],
  departmentId: number,
  from: IsoDate,
  to: IsoDate
): CadreInfo | null {
  return (
    everyone.find(
      (c) => c.department.id === departmentId && isDepartmentHead(c.position) && servesIn(c, from, to)
    ) ?? null
  )
}

export function loadRegistrationFormData(
  ctx: ServiceContext,
  year: number,
  quarterNumber: number | undefined,
  cadreCode: string | undefined
): Data<RegistrationFormInput> {
  const { quarter, from, to } = quarterOf(year, quarterNumber)
  if (!cadreCode?.trim()) throw new AppError('VALIDATION', 'Chưa chọn cán bộ đăng ký.')
  const cadre = readCadre(ctx, cadreCode)
  if (!servesIn(cadre, from, to)) {
    const since =
      cadre.serviceStart && cadre.serviceStart > to
        ? ` (công tác từ ngày ${formatDateVi(cadre.serviceStart)})`
        : ''
    const until =
      cadre.serviceEnd && cadre.serviceEnd < from
        ? ` (công tác đến ngày ${formatDateVi(cadre.serviceEnd)})`
        : ''
    throw new AppError(
      'VALIDATION',
      `Đồng chí ${cadre.fullName} không công tác trong ${quarterWords(quarter, year)}${since}${until}.`
    )
  }
  // The cadre's trips of the quarter and the registrations still waiting for approval.
  const own = [...listTripsBetween(ctx, from, to), ...pendingRegistrationTrips(ctx, year, quarter)]
    .filter((t) => t.cadres.some((c) => c.id === cadre.id))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.code.localeCompare(b.code))
  const r = registeredDays(own.map(toRegistered), from, to)
  let confirmer: RegistrationFormInput['confirmer'] = null
  // A ban's head and a leader (filed under the Văn phòng) are confirmed by the Thường trực, not by a head of ban.
  if (!isDepartmentHead(cadre.position) && !isOfficeLeader(cadre.position)) {
    const head = headOf(readCadres(ctx), cadre.department.id, from, to)
    confirmer = head
      ? { title: head.position.trim(), name: head.fullName }
      : { title: departmentHeadTitle(cadre.department.name), name: '' }
  }
  let doneBefore: RegistrationFormInput['doneBefore'] = null
  if (quarter > 1) {
    // What the cadre has done this year before the quarter, as the year summary counts it.
    const asOf = addDays(from, -1)
    const result = loadYearSummaryView(ctx, year, asOf).cadres.find((c) => c.code === cadre.code)
    if (result) doneBefore = { asOf, days: result.days, target: result.target }
  }
  return {
    year,
    quarter,
    from,
    to,
    cadre: cadreLine(cadre),
    confirmer,
    trips: own.map((t) => scheduled(t, r.byTrip.get(t.id) ?? 0)),
    totalDays: r.totalDays,
    doneBefore
  }
}

/** Remarks on a cadre's row: why fewer days may be expected, what is done, or nothing registered. */
function rowNotes(c: CadreInfo, from: IsoDate, to: IsoDate, total: number, done: number): string[] {
  const notes: string[] = []
  if (!c.fullTime) notes.push(capitalise(REASON_NOT_FULL_TIME))
  if (c.serviceStart && c.serviceStart > from) notes.push(`Công tác từ ${formatDateVi(c.serviceStart)}`)
  if (c.serviceEnd && c.serviceEnd < to) notes.push(`Công tác đến ${formatDateVi(c.serviceEnd)}`)
  for (const e of c.exemptions) {
    if (e.to < from || e.from > to) continue
    const label = EXEMPTION_REASON_LABELS[e.reason]
    const start = e.from > from ? ` từ ${formatDateVi(e.from)}` : ''
    const end = e.to < to ? ` đến ${formatDateVi(e.to)}` : ''
    notes.push(`${label}${start}${end}`)
  }
  if (total === 0) notes.push('Chưa đăng ký')
  else if (done > 0) notes.push(`${TRIP_STATUS_LABELS.DA_THUC_HIEN} ${formatDays(done)} ngày`)
  return notes
}

export function loadRegistrationSummaryData(
  ctx: ServiceContext,
  year: number,
  quarterNumber: number | undefined,
  departmentCode?: string
): Data<RegistrationSummaryInput> {
  const { quarter, from, to } = quarterOf(year, quarterNumber)
  const only = departmentCode?.trim() ? readDepartment(ctx, departmentCode) : null
  const everyone = readCadres(ctx)
  const serving = everyone.filter(
    (c) => servesIn(c, from, to) && (only === null || c.department.id === only.id)
  )
  const byCadre = tripsByCadre([
    ...listTripsBetween(ctx, from, to),
    ...pendingRegistrationTrips(ctx, year, quarter)
  ])
  const departments = only ? [only] : readDepartments(ctx)
  const groups: RegistrationGroup[] = []
  const totals = { cadres: 0, registered: 0, daysByKind: emptyDaysByKind(), totalDays: 0 }
  for (const department of departments) {
    const members = serving
      .filter((c) => c.department.id === department.id)
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.code.localeCompare(b.code))
    if (members.length === 0 && only === null) continue
    const rows: RegistrationRow[] = members.map((c) => {
      const r = registeredDays((byCadre.get(c.id) ?? []).map(toRegistered), from, to)
      totals.cadres += 1
      if (r.totalDays > 0) totals.registered += 1
      for (const k of CONTENT_KINDS) totals.daysByKind[k] += r.daysByKind[k]
      totals.totalDays += r.totalDays
      return {
        code: c.code,
        name: c.fullName,
        position: c.position,
        daysByKind: r.daysByKind,
        totalDays: r.totalDays,
        notes: rowNotes(c, from, to, r.totalDays, r.doneDays)
      }
    })
    groups.push({ departmentName: department.name, rows })
  }
  let department: RegistrationSummaryInput['department'] = null
  if (only) {
    const head = headOf(everyone, only.id, from, to)
    department = {
      name: only.name,
      abbreviation: only.abbreviation,
      head: head
        ? { title: head.position.trim(), name: head.fullName }
        : { title: departmentHeadTitle(only.name), name: '' }
    }
  }
  return { year, quarter, from, to, department, groups, totals }
}

interface TripReportData {
  trip: ReportedTrip
  reporter: CadreLine
  companions: CadreLine[]
}

/** A done trip and who reports on it: the given cadre (one of the trip's) or the first one listed. */
function reportedTrip(ctx: ServiceContext, trip: TripDetail, cadreCode?: string): TripReportData {
  if (trip.status === 'DU_KIEN') {
    throw new AppError(
      'VALIDATION',
      `Chuyến đi ${trip.code} còn ở trạng thái "${TRIP_STATUS_LABELS.DU_KIEN}": chỉ lập báo cáo kết quả cho chuyến đi đã thực hiện.`
    )
  }
  let reporter = trip.cadres[0]
  if (!reporter) throw new AppError('VALIDATION', `Chuyến đi ${trip.code} chưa có cán bộ tham gia.`)
  if (cadreCode?.trim()) {
    const wanted = readCadre(ctx, cadreCode)
    reporter = trip.cadres.find((c) => c.id === wanted.id)
    if (!reporter) {
      throw new AppError(
        'VALIDATION',
        `Đồng chí ${wanted.fullName} (mã ${wanted.code}) không tham gia chuyến đi ${trip.code}.`,
        [`Cán bộ của chuyến đi: ${trip.cadres.map((c) => `${c.fullName} (${c.code})`).join(', ')}.`]
      )
    }
  }
  const reporterId = reporter.id
  return {
    trip: {
      code: trip.code,
      startDate: trip.startDate,
      startHalf: trip.startHalf,
      endDate: trip.endDate,
      endHalf: trip.endHalf,
      kind: trip.kind,
      topic: trip.topic,
      travelOrderNo: trip.travelOrderNo,
      days: tripDays(trip),
      units: trip.units.map(({ name, kind, parentName }) => ({ name, kind, parentName }))
    },
    reporter: cadreLine(reporter),
    companions: trip.cadres.filter((c) => c.id !== reporterId).map(cadreLine)
  }
}

export function loadTripReportData(
  ctx: ServiceContext,
  tripCode: string | undefined,
  cadreCode?: string
): Data<TripReportInput> {
  if (!tripCode?.trim()) throw new AppError('VALIDATION', 'Chưa chọn chuyến đi.')
  return reportedTrip(ctx, readTrip(ctx, tripCode), cadreCode)
}

export function loadChiDoanReportData(
  ctx: ServiceContext,
  tripCode: string | undefined,
  cadreCode?: string
): Data<ChiDoanReportInput> {
  if (!tripCode?.trim()) throw new AppError('VALIDATION', 'Chưa chọn chuyến đi dự sinh hoạt chi đoàn.')
  const trip = readTrip(ctx, tripCode)
  // The kind is checked before the status: a report of the wrong kind is refused whatever its state.
  if (trip.kind !== 'DU_SH_CHI_DOAN') {
    throw new AppError(
      'VALIDATION',
      `Chuyến đi ${trip.code} là "${CONTENT_KIND_LABELS[trip.kind]}", không phải ` +
        `"${CONTENT_KIND_LABELS.DU_SH_CHI_DOAN}": báo cáo dự sinh hoạt chi đoàn chỉ lập cho chuyến đi dự sinh hoạt chi đoàn.`
    )
  }
  return reportedTrip(ctx, trip, cadreCode)
}
