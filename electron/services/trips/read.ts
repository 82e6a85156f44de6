/**
 * One trip read straight from the database (not the list's working copy): for the record
 * page, the form, and inside write transactions, where the rows must be the current ones.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { ContentKind, HalfDay, TripStatus } from '../../../shared/domain/kinds'
import type { AppDatabase } from '../../db/connection'
import { cadres, tripParticipants, trips, tripUnits, units } from '../../db/schema'
import type { TripLogRow } from './words'

export type TripTableRow = typeof trips.$inferSelect

export interface StoredTrip {
  row: TripTableRow
  log: TripLogRow
  cadres: Array<{ id: number; code: string; fullName: string }>
  units: Array<{ id: number; code: string; name: string }>
}

export function findTrip(db: AppDatabase, code: string): StoredTrip | null {
  const row = db.select().from(trips).where(eq(trips.code, code)).get()
  return row ? storedTrip(db, row) : null
}

export function requireTrip(db: AppDatabase, code: string): StoredTrip {
  const found = findTrip(db, code)
  if (!found) throw new AppError('NOT_FOUND', `Không có chuyến đi mã "${code}" (có thể đã bị xóa).`)
  return found
}

/** Several trips by code; unknown codes are refused all together, naming each. */
export function requireTrips(db: AppDatabase, codes: readonly string[]): StoredTrip[] {
  const rows: TripTableRow[] = []
  for (let i = 0; i < codes.length; i += 500) {
    rows.push(
      ...db
        .select()
        .from(trips)
        .where(inArray(trips.code, codes.slice(i, i + 500)))
        .all()
    )
  }
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const missing = codes.filter((c) => !byCode.has(c))
  if (missing.length > 0) {
    throw new AppError(
      'NOT_FOUND',
      `Không có chuyến đi mã ${missing.map((c) => `"${c}"`).join(', ')} (có thể đã bị xóa).`,
      missing.map((c) => `codes: không có chuyến đi mã "${c}".`)
    )
  }
  return [...new Set(codes)].map((c) => storedTrip(db, byCode.get(c)!))
}

function storedTrip(db: AppDatabase, row: TripTableRow): StoredTrip {
  const people = db
    .select({ id: cadres.id, code: cadres.code, fullName: cadres.fullName })
    .from(tripParticipants)
    .innerJoin(cadres, eq(cadres.id, tripParticipants.cadreId))
    .where(eq(tripParticipants.tripId, row.id))
    .orderBy(asc(tripParticipants.position))
    .all()
  const places = db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(tripUnits)
    .innerJoin(units, eq(units.id, tripUnits.unitId))
    .where(eq(tripUnits.tripId, row.id))
    .orderBy(asc(tripUnits.position))
    .all()
  return {
    row,
    cadres: people,
    units: places,
    log: {
      code: row.code,
      startDate: row.startDate,
      startHalf: row.startHalf as HalfDay,
      endDate: row.endDate,
      endHalf: row.endHalf as HalfDay,
      unitCodes: places.map((u) => u.code),
      kind: row.kind as ContentKind,
      topic: row.topic,
      cadreCodes: people.map((c) => c.code),
      status: row.status as TripStatus,
      travelOrderNo: row.travelOrderNo,
      reportDate: row.reportDate,
      note: row.note
    }
  }
}
