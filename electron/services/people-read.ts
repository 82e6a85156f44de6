/**
 * Read-only lookups the registration forms and trip reports need: one trip by code with its
 * cadres (position and ban) and units (with the unit above), and the cadres of the office
 * with their ban, service period and exemptions. Unknown codes are refused with NOT_FOUND
 * naming the code.
 */
import { asc, eq } from 'drizzle-orm'
import { AppError } from '../../shared/api/errors'
import type { IsoDate } from '../../shared/domain/dates'
import type { ContentKind, ExemptionReason, HalfDay, TripStatus, UnitKind } from '../../shared/domain/kinds'
import { cadres, departments, exemptions, tripParticipants, trips, tripUnits, units } from '../db/schema'
import type { ServiceContext } from './context'
import { parentNamesOn } from './units/state'

export interface DepartmentInfo {
  id: number
  code: string
  name: string
  abbreviation: string
}

export interface CadreInfo {
  id: number
  code: string
  fullName: string
  position: string
  fullTime: boolean
  serviceStart: IsoDate | null
  serviceEnd: IsoDate | null
  department: DepartmentInfo
  exemptions: Array<{ reason: ExemptionReason; from: IsoDate; to: IsoDate; note: string | null }>
}

export interface TripUnitInfo {
  code: string
  name: string
  kind: UnitKind
  /** The unit directly above on the trip's first day ("Đoàn xã Tân Ân" for a chi đoàn of the commune); null at the top. */
  parentName: string | null
}

export interface TripDetail {
  id: number
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  kind: ContentKind
  topic: string | null
  status: TripStatus
  travelOrderNo: string | null
  reportDate: IsoDate | null
  note: string | null
  /** In the trip's order (the first is the one who reports by default). */
  cadres: CadreInfo[]
  units: TripUnitInfo[]
}

/** Every cadre of the office with ban, service period and exemptions, in id order. */
export function readCadres(ctx: ServiceContext): CadreInfo[] {
  const rows = ctx.db
    .select({
      id: cadres.id,
      code: cadres.code,
      fullName: cadres.fullName,
      position: cadres.position,
      fullTime: cadres.fullTime,
      serviceStart: cadres.serviceStart,
      serviceEnd: cadres.serviceEnd,
      departmentId: departments.id,
      departmentCode: departments.code,
      departmentName: departments.name,
      departmentAbbreviation: departments.abbreviation
    })
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .orderBy(asc(cadres.id))
    .all()
  const periods = ctx.db.select().from(exemptions).orderBy(asc(exemptions.fromDate)).all()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    fullName: r.fullName,
    position: r.position,
    fullTime: r.fullTime,
    serviceStart: r.serviceStart,
    serviceEnd: r.serviceEnd,
    department: {
      id: r.departmentId,
      code: r.departmentCode,
      name: r.departmentName,
      abbreviation: r.departmentAbbreviation
    },
    exemptions: periods
      .filter((e) => e.cadreId === r.id)
      .map((e) => ({ reason: e.reason as ExemptionReason, from: e.fromDate, to: e.toDate, note: e.note }))
  }))
}

export function readCadre(ctx: ServiceContext, code: string): CadreInfo {
  const found = readCadres(ctx).find((c) => c.code === code.trim())
  if (!found) throw new AppError('NOT_FOUND', `Không có cán bộ mã "${code}".`)
  return found
}

export function readDepartment(ctx: ServiceContext, code: string): DepartmentInfo {
  const row = ctx.db.select().from(departments).where(eq(departments.code, code.trim())).get()
  if (!row) throw new AppError('NOT_FOUND', `Không có ban mã "${code}".`)
  return row
}

/** Departments in the order they were entered (the office's own order: Văn phòng first, then the bans). */
export function readDepartments(ctx: ServiceContext): DepartmentInfo[] {
  return ctx.db.select().from(departments).orderBy(asc(departments.id)).all()
}

export function readTrip(ctx: ServiceContext, code: string): TripDetail {
  const trip = ctx.db.select().from(trips).where(eq(trips.code, code.trim())).get()
  if (!trip) throw new AppError('NOT_FOUND', `Không có chuyến đi mã "${code}".`)
  const people = ctx.db
    .select({ cadreId: tripParticipants.cadreId, position: tripParticipants.position })
    .from(tripParticipants)
    .where(eq(tripParticipants.tripId, trip.id))
    .orderBy(asc(tripParticipants.position))
    .all()
  const everyone = new Map(readCadres(ctx).map((c) => [c.id, c]))
  const places = ctx.db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
    .from(tripUnits)
    .innerJoin(units, eq(units.id, tripUnits.unitId))
    .where(eq(tripUnits.tripId, trip.id))
    .orderBy(asc(tripUnits.position))
    .all()
  // The unit above as it was when the trip began: a 2024 trip to a commune names its district
  // union, a 2026 trip the Tỉnh đoàn (the tree changed on 01/07/2025).
  const parentName = parentNamesOn(
    ctx.db,
    places.map((p) => p.id),
    trip.startDate
  )
  return {
    id: trip.id,
    code: trip.code,
    startDate: trip.startDate,
    startHalf: trip.startHalf as HalfDay,
    endDate: trip.endDate,
    endHalf: trip.endHalf as HalfDay,
    kind: trip.kind as ContentKind,
    topic: trip.topic,
    status: trip.status as TripStatus,
    travelOrderNo: trip.travelOrderNo,
    reportDate: trip.reportDate,
    note: trip.note,
    cadres: people.map((p) => everyone.get(p.cadreId)).filter((c): c is CadreInfo => c !== undefined),
    units: places.map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind as UnitKind,
      parentName: parentName.get(p.id) ?? null
    }))
  }
}
