/**
 * What the pickers of the "Văn bản" screen choose from: cadres (in Vietnamese name order),
 * departments, and the trips of a year or quarter.
 */
import { eq } from 'drizzle-orm'
import type { CadreChoice, DepartmentChoice, TripChoice } from '../../shared/api/documents'
import { compareVietnameseNames } from '../../shared/domain/collation'
import { quarterRange, yearEnd, yearStart } from '../../shared/domain/dates'
import type { ContentKind } from '../../shared/domain/kinds'
import { cadres, departments } from '../db/schema'
import type { ServiceContext } from './context'
import { readDepartments } from './people-read'
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

/** In the office's own order (Văn phòng first, then the bans), as the documents list them. */
export function listDepartments(ctx: ServiceContext): DepartmentChoice[] {
  return readDepartments(ctx).map(({ id, code, name, abbreviation }) => ({ id, code, name, abbreviation }))
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
