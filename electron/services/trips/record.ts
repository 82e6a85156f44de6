/**
 * One trip's record page: every field, its cadres (position, ban) and units (kind, the unit
 * above, validity), the report's due date, and the form's warnings for it as saved.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import type { TripRecord } from '../../../shared/api/trips'
import { yearOf } from '../../../shared/domain/dates'
import type { UnitKind } from '../../../shared/domain/kinds'
import { reportDueDate, reportOverdueDays } from '../../../shared/domain/reports-due'
import { slotCount, tripSlots } from '../../../shared/domain/slots'
import { cadres, departments, tripParticipants, tripUnits, units } from '../../db/schema'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/year'
import { checkTrip } from './check'
import { requireTrip } from './read'

export function getTrip(ctx: ServiceContext, code: string): TripRecord {
  const { db } = ctx
  const trip = requireTrip(db, code)
  const { row, log } = trip
  const people = db
    .select({
      code: cadres.code,
      fullName: cadres.fullName,
      position: cadres.position,
      departmentName: departments.name
    })
    .from(tripParticipants)
    .innerJoin(cadres, eq(cadres.id, tripParticipants.cadreId))
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .where(eq(tripParticipants.tripId, row.id))
    .orderBy(asc(tripParticipants.position))
    .all()
  const places = db
    .select({
      code: units.code,
      name: units.name,
      kind: units.kind,
      parentId: units.parentId,
      validFrom: units.validFrom,
      validTo: units.validTo
    })
    .from(tripUnits)
    .innerJoin(units, eq(units.id, tripUnits.unitId))
    .where(eq(tripUnits.tripId, row.id))
    .orderBy(asc(tripUnits.position))
    .all()
  const parentIds = places.map((p) => p.parentId).filter((id): id is number => id !== null)
  const parents = parentIds.length
    ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, parentIds)).all()
    : []
  const parentName = new Map(parents.map((p) => [p.id, p.name]))
  const dueDays = getYearSettings(db, yearOf(log.endDate)).reportDueDays
  return {
    ...log,
    days: slotCount(tripSlots(log.startDate, log.startHalf, log.endDate, log.endHalf)) / 2,
    createdAt: row.createdAt,
    cadres: people,
    units: places.map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind as UnitKind,
      parentName: p.parentId === null ? null : (parentName.get(p.parentId) ?? null),
      validFrom: p.validFrom,
      validTo: p.validTo
    })),
    reportDueDate: reportDueDate(log.endDate, dueDays),
    overdueDays: reportOverdueDays(log, ctx.clock.today(), dueDays),
    warnings: checkTrip(ctx, { ...log, originalCode: log.code }).warnings
  }
}
