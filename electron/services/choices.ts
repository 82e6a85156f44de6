/**
 * What the pickers of the "Văn bản" screen choose from: cadres (in Vietnamese name order),
 * departments, and the trips of a year or quarter. Also the lookups by code the document
 * services use, which name the missing code when there is none.
 */
import { eq } from 'drizzle-orm'
import type { CadreChoice, DepartmentChoice, TripChoice } from '../../shared/api/documents'
import { AppError } from '../../shared/api/errors'
import { compareVietnamese, compareVietnameseNames } from '../../shared/domain/collation'
import { quarterRange, yearEnd, yearStart } from '../../shared/domain/dates'
import type { ContentKind } from '../../shared/domain/kinds'
import { cadres, departments, trips } from '../db/schema'
import type { ServiceContext } from './context'
import { listTripsBetween } from './trips-read'

export function listCadres(ctx: ServiceContext): CadreChoice[] {
  return ctx.db
    .select({
      id: cadres.id,
      code: cadres.code,
      fullName: cadres.fullName,
      position: cadres.position,
      departmentCode: departments.code,
      departmentName: departments.name
    })
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .all()
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.code.localeCompare(b.code))
}

export function listDepartments(ctx: ServiceContext): DepartmentChoice[] {
  return ctx.db
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      abbreviation: departments.abbreviation
    })
    .from(departments)
    .all()
    .sort((a, b) => compareVietnamese(a.name, b.name))
}

/** Trips touching the year (or one quarter of it), by start date; optionally one content kind. */
export function listTripChoices(
  ctx: ServiceContext,
  filter: { year: number; quarter?: number; kind?: ContentKind }
): TripChoice[] {
  const range =
    filter.quarter === undefined
      ? { from: yearStart(filter.year), to: yearEnd(filter.year) }
      : quarterRange(filter.year, filter.quarter as 1 | 2 | 3 | 4)
  return listTripsBetween(ctx, range.from, range.to)
    .filter((t) => filter.kind === undefined || t.kind === filter.kind)
    .map((t) => ({
      id: t.id,
      code: t.code,
      startDate: t.startDate,
      startHalf: t.startHalf,
      endDate: t.endDate,
      endHalf: t.endHalf,
      kind: t.kind,
      status: t.status,
      topic: t.topic,
      units: t.units.map(({ code, name }) => ({ code, name })),
      cadres: t.cadres.map(({ code, fullName }) => ({ code, fullName }))
    }))
}

export function findCadre(ctx: ServiceContext, code: string): { code: string; fullName: string } {
  const row = ctx.db
    .select({ code: cadres.code, fullName: cadres.fullName })
    .from(cadres)
    .where(eq(cadres.code, code))
    .get()
  if (!row) throw new AppError('NOT_FOUND', `Không có cán bộ mã "${code}".`)
  return row
}

export function findDepartment(ctx: ServiceContext, code: string): DepartmentChoice {
  const row = ctx.db
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      abbreviation: departments.abbreviation
    })
    .from(departments)
    .where(eq(departments.code, code))
    .get()
  if (!row) throw new AppError('NOT_FOUND', `Không có ban mã "${code}".`)
  return row
}

export function findTrip(ctx: ServiceContext, code: string): { code: string; kind: ContentKind } {
  const row = ctx.db.select({ code: trips.code, kind: trips.kind }).from(trips).where(eq(trips.code, code)).get()
  if (!row) throw new AppError('NOT_FOUND', `Không có chuyến đi mã "${code}".`)
  return { code: row.code, kind: row.kind as ContentKind }
}
