/**
 * What the logbook's pickers and filters choose from: cadres (Vietnamese name order, with
 * their ban and service period), units (as a tree: each after its parent, siblings by name,
 * with validity dates so the form can offer the units valid on the trip's dates first), the
 * bans, and the years with trips.
 */
import { asc, eq, sql } from 'drizzle-orm'
import type { TripChoices, TripUnitChoice } from '../../../shared/api/trips'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import { yearOf } from '../../../shared/domain/dates'
import type { UnitKind } from '../../../shared/domain/kinds'
import { compareUnits, flattenTree, unitTreeOn, type UnitRecord } from '../../../shared/domain/units'
import { cadres, departments, trips, unitMoves, units } from '../../db/schema'
import type { ServiceContext } from '../context'

export function tripChoices(ctx: ServiceContext): TripChoices {
  const { db } = ctx
  const people = db
    .select({
      code: cadres.code,
      fullName: cadres.fullName,
      position: cadres.position,
      departmentCode: departments.code,
      departmentName: departments.name,
      serviceStart: cadres.serviceStart,
      serviceEnd: cadres.serviceEnd
    })
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .all()
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.code.localeCompare(b.code))

  const today = ctx.clock.today()
  const tripYears = db
    .selectDistinct({ year: sql<string>`substr(${trips.startDate}, 1, 4)` })
    .from(trips)
    .all()
    .map((r) => Number(r.year))
  return {
    cadres: people,
    units: unitTree(ctx),
    departments: db
      .select({ code: departments.code, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.id))
      .all(),
    years: [...new Set([yearOf(today), ...tripYears])].sort((a, b) => b - a),
    today
  }
}

/**
 * Units in tree order as of today (shared/domain/units.ts: each under its parent today,
 * siblings by name), closed units included under their parent on their last day: a trip of
 * 2024 may be entered for a district union that closed in 2025.
 */
function unitTree(ctx: ServiceContext): TripUnitChoice[] {
  const records: UnitRecord[] = ctx.db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      parentId: units.parentId,
      validFrom: units.validFrom,
      validTo: units.validTo,
      mergedIntoId: units.mergedIntoId
    })
    .from(units)
    .all()
    .map((u) => ({ ...u, kind: u.kind as UnitKind }))
  const moves = ctx.db
    .select({ unitId: unitMoves.unitId, parentId: unitMoves.parentId, fromDate: unitMoves.fromDate })
    .from(unitMoves)
    .all()
  const byId = new Map(records.map((u) => [u.id, u]))
  const today = ctx.clock.today()
  const rows = flattenTree(unitTreeOn(records, moves, today, { includeClosed: true }))
  // A unit not founded yet is not in today's tree: listed after it, under its founding parent.
  const listed = new Set(rows.map((r) => r.node.unit.id))
  const later = records.filter((u) => !listed.has(u.id)).sort(compareUnits)
  return [
    ...rows.map(({ node }) => ({ unit: node.unit, parentId: node.parentId })),
    ...later.map((unit) => ({ unit, parentId: unit.parentId }))
  ].map(({ unit, parentId }) => {
    const up = parentId === null ? undefined : byId.get(parentId)
    return {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentCode: up?.code ?? null,
      parentName: up?.name ?? null,
      validFrom: unit.validFrom,
      validTo: unit.validTo
    }
  })
}
