/**
 * Kế hoạch quý's main read: the quarter's rounds, its registrations with the trips approval
 * made, and planned vs done per cadre and per round.
 */
import { and, eq, gte, lte } from 'drizzle-orm'
import type { CadrePlanRow, QuarterPlanView, RoundView } from '../../../shared/api/planning'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import { quarterRange } from '../../../shared/domain/dates'
import { isCountedStatus, type HalfDay, type TripStatus } from '../../../shared/domain/kinds'
import {
  isPendingRegistration,
  quarterChoices,
  quarterLabel,
  roundLabel,
  type Quarter
} from '../../../shared/domain/planning'
import { tripDaysWithin } from '../../../shared/domain/registration'
import { cadres, departments, planningRounds, registrations, tripParticipants, trips } from '../../db/schema'
import type { ServiceContext } from '../context'
import { registrationsOfQuarter, registrationViews, roundsOf } from './read'

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

export function quarterPlan(ctx: ServiceContext, year: number, quarter: Quarter): QuarterPlanView {
  const { db } = ctx
  const { from, to } = quarterRange(year, quarter)
  const rounds = roundsOf(db, year, quarter)
  const regs = registrationViews(db, registrationsOfQuarter(db, year, quarter))
  regs.sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      compareVietnameseNames(a.cadreName, b.cadreName) ||
      a.code.localeCompare(b.code)
  )

  const roundViews: RoundView[] = rounds.map((r) => {
    const mine = regs.filter((g) => g.roundNumber === r.number)
    const approved = mine.filter((g) => g.status === 'THUONG_TRUC_DUYET')
    return {
      id: r.id,
      number: r.number,
      label: roundLabel(quarter, r.number),
      startDate: r.startDate,
      endDate: r.endDate,
      note: r.note,
      registrationCount: mine.filter((g) => g.status !== 'TU_CHOI').length,
      plannedDays: sum(approved.map((g) => g.days)),
      doneDays: sum(approved.map((g) => g.doneDays))
    }
  })

  // Done trips of the quarter that no registration planned.
  const linked = new Set(
    db
      .select({ tripId: registrations.tripId })
      .from(registrations)
      .all()
      .map((r) => r.tripId)
      .filter((id): id is number => id !== null)
  )
  const quarterTrips = db
    .select({
      id: trips.id,
      status: trips.status,
      startDate: trips.startDate,
      startHalf: trips.startHalf,
      endDate: trips.endDate,
      endHalf: trips.endHalf,
      cadreId: tripParticipants.cadreId
    })
    .from(trips)
    .innerJoin(tripParticipants, eq(tripParticipants.tripId, trips.id))
    .where(and(lte(trips.startDate, to), gte(trips.endDate, from)))
    .all()
  const unplannedByCadre = new Map<number, number>()
  for (const t of quarterTrips) {
    if (linked.has(t.id) || !isCountedStatus(t.status as TripStatus)) continue
    const days = tripDaysWithin(
      {
        startDate: t.startDate,
        startHalf: t.startHalf as HalfDay,
        endDate: t.endDate,
        endHalf: t.endHalf as HalfDay
      },
      from,
      to
    )
    unplannedByCadre.set(t.cadreId, (unplannedByCadre.get(t.cadreId) ?? 0) + days)
  }

  const cadreCodes = new Set(regs.map((g) => g.cadreCode))
  const people = db
    .select({ id: cadres.id, code: cadres.code, fullName: cadres.fullName, departmentName: departments.name })
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .all()
  const rows: CadrePlanRow[] = people
    .filter((p) => cadreCodes.has(p.code) || unplannedByCadre.has(p.id))
    .map((p) => {
      const mine = regs.filter((g) => g.cadreCode === p.code)
      const approved = mine.filter((g) => g.status === 'THUONG_TRUC_DUYET')
      return {
        cadreCode: p.code,
        name: p.fullName,
        departmentName: p.departmentName,
        pendingDays: sum(mine.filter((g) => isPendingRegistration(g.status)).map((g) => g.days)),
        approvedDays: sum(approved.map((g) => g.days)),
        doneDays: sum(approved.map((g) => g.doneDays)),
        unplannedDoneDays: unplannedByCadre.get(p.id) ?? 0
      }
    })
    .sort((a, b) => compareVietnameseNames(a.name, b.name) || a.cadreCode.localeCompare(b.cadreCode))

  const years = db
    .selectDistinct({ year: planningRounds.year })
    .from(planningRounds)
    .all()
    .map((r) => r.year)
  const regYears = db
    .selectDistinct({ year: registrations.year })
    .from(registrations)
    .all()
    .map((r) => r.year)
  const today = ctx.clock.today()
  return {
    year,
    quarter,
    label: quarterLabel(year, quarter),
    from,
    to,
    today,
    choices: quarterChoices(today, [...years, ...regYears, year]),
    rounds: roundViews,
    registrations: regs,
    cadres: rows
  }
}
