/**
 * One trip's record page: every field, its cadres (position, ban) and units (kind, the unit
 * above, validity), the report's due date, and the form's warnings for it as saved.
 */
import { asc, eq } from 'drizzle-orm'
import type { TripRecord } from '../../../shared/api/trips'
import { yearOf } from '../../../shared/domain/dates'
import type { UnitKind } from '../../../shared/domain/kinds'
import { reportDueDate, reportOverdueDays } from '../../../shared/domain/reports-due'
import { slotCount, tripSlots } from '../../../shared/domain/slots'
import { cadres, departments, tripParticipants, tripUnits, units } from '../../db/schema'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/year'
import { parentNamesOn } from '../units/state'
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
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      validFrom: units.validFrom,
      validTo: units.validTo
    })
    .from(tripUnits)
    .innerJoin(units, eq(units.id, tripUnits.unitId))
    .where(eq(tripUnits.tripId, row.id))
    .orderBy(asc(tripUnits.position))
    .all()
  // The unit above as it was when the trip began (the tree changed on 01/07/2025).
  const parentName = parentNamesOn(
    db,
    places.map((p) => p.id),
    log.startDate
  )
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
      parentName: parentName.get(p.id) ?? null,
      validFrom: p.validFrom,
      validTo: p.validTo
    })),
    reportDueDate: reportDueDate(log.endDate, dueDays),
    overdueDays: reportOverdueDays(log, ctx.clock.today(), dueDays),
    warnings: checkTrip(ctx, { ...log, originalCode: log.code }).warnings
  }
}
