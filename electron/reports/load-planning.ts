/**
 * What the quarterly documents (quarter plan, registration form, registration summary) take
 * from Kế hoạch quý: the registrations still waiting for approval, shown as planned trips
 * (approved ones already are trips, linked to their registration), the trips registrations
 * became, and the rounds (đợt) to group the plan's schedule by.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { type IsoDate } from '../../shared/domain/dates'
import type { ContentKind, HalfDay } from '../../shared/domain/kinds'
import { roundSpanLabel, type Quarter } from '../../shared/domain/planning'
import { cadres, planningRounds, registrations, registrationUnits, units } from '../db/schema'
import type { ServiceContext } from '../services/context'
import type { TripListItem } from '../services/trips-read'

/**
 * Registrations of the quarter waiting for a decision (đăng ký, ban duyệt), as planned trips:
 * negative ids keep them apart from real trips, the registration's code stands as the code.
 */
export function pendingRegistrationTrips(
  ctx: ServiceContext,
  year: number,
  quarter: Quarter
): TripListItem[] {
  const rows = ctx.db
    .select({ r: registrations, cadreCode: cadres.code, fullName: cadres.fullName })
    .from(registrations)
    .innerJoin(cadres, eq(cadres.id, registrations.cadreId))
    .where(
      and(
        eq(registrations.year, year),
        eq(registrations.quarter, quarter),
        inArray(registrations.status, ['DANG_KY', 'BAN_DUYET'])
      )
    )
    .all()
  if (rows.length === 0) return []
  const links = ctx.db
    .select({
      registrationId: registrationUnits.registrationId,
      position: registrationUnits.position,
      id: units.id,
      code: units.code,
      name: units.name
    })
    .from(registrationUnits)
    .innerJoin(units, eq(units.id, registrationUnits.unitId))
    .where(
      inArray(
        registrationUnits.registrationId,
        rows.map((x) => x.r.id)
      )
    )
    .all()
    .sort((a, b) => a.position - b.position)
  return rows.map(({ r, cadreCode, fullName }) => ({
    id: -r.id,
    code: r.code,
    startDate: r.startDate,
    startHalf: r.startHalf as HalfDay,
    endDate: r.endDate,
    endHalf: r.endHalf as HalfDay,
    kind: r.kind as ContentKind,
    topic: r.topic,
    status: 'DU_KIEN',
    travelOrderNo: null,
    reportDate: null,
    note: r.note,
    cadres: [{ id: r.cadreId, code: cadreCode, fullName }],
    units: links
      .filter((l) => l.registrationId === r.id)
      .map((l) => ({ id: l.id, code: l.code, name: l.name }))
  }))
}

/** Ids of the trips that approved registrations of the quarter became (whatever their status now). */
export function registeredTripIds(ctx: ServiceContext, year: number, quarter: Quarter): Set<number> {
  return new Set(
    ctx.db
      .select({ tripId: registrations.tripId })
      .from(registrations)
      .where(and(eq(registrations.year, year), eq(registrations.quarter, quarter)))
      .all()
      .map((r) => r.tripId)
      .filter((id): id is number => id !== null)
  )
}

export interface RoundGrouping {
  /** "Đợt 2 (10/11 – 14/11/2025)" for a trip (or pending registration) of a round; null outside the rounds. */
  labelOf(trip: { id: number; startDate: IsoDate }): string | null
  /** Rounds in order, as labels (empty when the quarter has none). */
  labels: string[]
}

/**
 * The round of each item of the schedule: the registration's own round (for its trip too),
 * otherwise the round its start date falls in.
 */
export function roundGrouping(ctx: ServiceContext, year: number, quarter: Quarter): RoundGrouping {
  const rounds = ctx.db
    .select()
    .from(planningRounds)
    .where(and(eq(planningRounds.year, year), eq(planningRounds.quarter, quarter)))
    .all()
    .sort((a, b) => a.number - b.number)
  const label = new Map(rounds.map((r) => [r.id, roundSpanLabel(r)]))
  const regs = ctx.db
    .select({ id: registrations.id, tripId: registrations.tripId, roundId: registrations.roundId })
    .from(registrations)
    .where(and(eq(registrations.year, year), eq(registrations.quarter, quarter)))
    .all()
  const byTrip = new Map(
    regs.filter((r) => r.tripId !== null && r.roundId !== null).map((r) => [r.tripId!, r.roundId!])
  )
  const byRegistration = new Map(regs.filter((r) => r.roundId !== null).map((r) => [r.id, r.roundId!]))
  return {
    labels: rounds.map((r) => label.get(r.id)!),
    labelOf(trip) {
      const own = trip.id < 0 ? byRegistration.get(-trip.id) : byTrip.get(trip.id)
      if (own !== undefined) return label.get(own) ?? null
      const round = rounds.find((r) => r.startDate <= trip.startDate && trip.startDate <= r.endDate)
      return round ? label.get(round.id)! : null
    }
  }
}
