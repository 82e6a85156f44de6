/**
 * Reads of the planning domain: rounds and registrations of a quarter with their cadres,
 * units and the trips approval made. Codes, not ids, leave this module.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { RegistrationView } from '../../../shared/api/planning'
import {
  roundKey,
  type Quarter,
  type RegistrationSource,
  type RegistrationStatus
} from '../../../shared/domain/planning'
import type { ContentKind, HalfDay, TripStatus } from '../../../shared/domain/kinds'
import { tripDays, tripDaysWithin } from '../../../shared/domain/registration'
import { quarterRange } from '../../../shared/domain/dates'
import type { AppDatabase } from '../../db/connection'
import {
  cadres,
  departments,
  planningRounds,
  registrations,
  registrationUnits,
  trips,
  units
} from '../../db/schema'

export type RoundRow = typeof planningRounds.$inferSelect
export type RegistrationRow = typeof registrations.$inferSelect

export function roundsOf(db: AppDatabase, year: number, quarter: number): RoundRow[] {
  return db
    .select()
    .from(planningRounds)
    .where(and(eq(planningRounds.year, year), eq(planningRounds.quarter, quarter)))
    .orderBy(asc(planningRounds.number))
    .all()
}

export function findRound(db: AppDatabase, year: number, quarter: number, number: number): RoundRow | null {
  return (
    db
      .select()
      .from(planningRounds)
      .where(
        and(
          eq(planningRounds.year, year),
          eq(planningRounds.quarter, quarter),
          eq(planningRounds.number, number)
        )
      )
      .get() ?? null
  )
}

export function requireRound(db: AppDatabase, year: number, quarter: number, number: number): RoundRow {
  const round = findRound(db, year, quarter, number)
  if (!round) {
    throw new AppError('NOT_FOUND', `Không có đợt ${number} của quý ${quarter}/${year}.`, [
      `roundNumber: Quý ${quarter}/${year} chưa có đợt ${number}.`
    ])
  }
  return round
}

export function roundWords(round: Pick<RoundRow, 'year' | 'quarter' | 'number'>): string {
  return roundKey(round.year, round.quarter, round.number)
}

/** Registrations as the screens show them, in the order of their dates then cadre name. */
export function registrationViews(db: AppDatabase, rows: readonly RegistrationRow[]): RegistrationView[] {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const cadreRows = db
    .select({ id: cadres.id, code: cadres.code, fullName: cadres.fullName, departmentName: departments.name })
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .where(inArray(cadres.id, [...new Set(rows.map((r) => r.cadreId))]))
    .all()
  const cadreById = new Map(cadreRows.map((c) => [c.id, c]))
  const links: Array<{ registrationId: number; position: number; code: string; name: string }> = []
  for (let i = 0; i < ids.length; i += 500) {
    links.push(
      ...db
        .select({
          registrationId: registrationUnits.registrationId,
          position: registrationUnits.position,
          code: units.code,
          name: units.name
        })
        .from(registrationUnits)
        .innerJoin(units, eq(units.id, registrationUnits.unitId))
        .where(inArray(registrationUnits.registrationId, ids.slice(i, i + 500)))
        .all()
    )
  }
  links.sort((a, b) => a.position - b.position)
  const tripIds = rows.map((r) => r.tripId).filter((id): id is number => id !== null)
  const tripRows = tripIds.length ? db.select().from(trips).where(inArray(trips.id, tripIds)).all() : []
  const tripById = new Map(tripRows.map((t) => [t.id, t]))
  const roundRows = db
    .select()
    .from(planningRounds)
    .where(
      inArray(
        planningRounds.id,
        rows.map((r) => r.roundId).filter((id): id is number => id !== null)
      )
    )
    .all()
  const roundById = new Map(roundRows.map((r) => [r.id, r]))
  return rows.map((r) => {
    const cadre = cadreById.get(r.cadreId)
    const mine = links.filter((l) => l.registrationId === r.id)
    const trip = r.tripId === null ? null : (tripById.get(r.tripId) ?? null)
    const tripStatus = (trip?.status ?? null) as TripStatus | null
    const { from, to } = quarterRange(r.year, r.quarter as Quarter)
    return {
      code: r.code,
      cadreCode: cadre?.code ?? '',
      cadreName: cadre?.fullName ?? '',
      departmentName: cadre?.departmentName ?? '',
      year: r.year,
      quarter: r.quarter as Quarter,
      roundNumber: r.roundId === null ? null : (roundById.get(r.roundId)?.number ?? null),
      startDate: r.startDate,
      startHalf: r.startHalf as HalfDay,
      endDate: r.endDate,
      endHalf: r.endHalf as HalfDay,
      days: tripDays({
        startDate: r.startDate,
        startHalf: r.startHalf as HalfDay,
        endDate: r.endDate,
        endHalf: r.endHalf as HalfDay
      }),
      kind: r.kind as ContentKind,
      topic: r.topic,
      unitCodes: mine.map((l) => l.code),
      unitNames: mine.map((l) => l.name),
      status: r.status as RegistrationStatus,
      source: r.source as RegistrationSource,
      note: r.note,
      tripCode: trip?.code ?? null,
      tripStatus,
      doneDays:
        trip && (tripStatus === 'DA_THUC_HIEN' || tripStatus === 'DA_BAO_CAO')
          ? tripDaysWithin(
              {
                startDate: trip.startDate,
                startHalf: trip.startHalf as HalfDay,
                endDate: trip.endDate,
                endHalf: trip.endHalf as HalfDay
              },
              from,
              to
            )
          : 0
    }
  })
}

export function registrationsOfQuarter(db: AppDatabase, year: number, quarter: number): RegistrationRow[] {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.year, year), eq(registrations.quarter, quarter)))
    .orderBy(asc(registrations.startDate), asc(registrations.id))
    .all()
}

export function findRegistration(db: AppDatabase, code: string): RegistrationRow | null {
  return db.select().from(registrations).where(eq(registrations.code, code)).get() ?? null
}

export function requireRegistration(db: AppDatabase, code: string): RegistrationRow {
  const row = findRegistration(db, code)
  if (!row) throw new AppError('NOT_FOUND', `Không có đăng ký mã "${code}".`)
  return row
}

/** "DK0001", "DK0002" …: the next free registration code. */
export function registrationCodeSequence(db: AppDatabase): { next(): string } {
  const rows = db.select({ code: registrations.code }).from(registrations).all()
  const taken = new Set(rows.map((r) => r.code))
  let number = 0
  for (const { code } of rows) {
    const m = /^DK(\d+)$/.exec(code)
    if (m) number = Math.max(number, Number(m[1]))
  }
  return {
    next() {
      let code: string
      do {
        number += 1
        code = `DK${String(number).padStart(4, '0')}`
      } while (taken.has(code))
      taken.add(code)
      return code
    }
  }
}
