/**
 * Every write of the logbook: add, edit, duplicate, change the status of several, delete.
 * Each runs in one ctx.write transaction, writes rows only through log.rows (so "Hoàn tác"
 * can put them back) and says what changed in words with log.record, in the workbook's
 * terms under the entity 'trips', as the import does.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { TripFormValues } from '../../../shared/api/trips'
import { formatDateVi } from '../../../shared/domain/dates'
import { TRIP_STATUS_LABELS, type HalfDay, type TripStatus } from '../../../shared/domain/kinds'
import type { AppDatabase } from '../../db/connection'
import { cadres, tripParticipants, trips, tripUnits, units } from '../../db/schema'
import type { ChangeRecorder, ServiceContext } from '../context'
import { codeSequence } from './codes'
import { findTrip, requireTrip, requireTrips, type StoredTrip } from './read'
import { describeRowChanges, describeTrip, listCodes, type TripLogRow } from './words'

interface References {
  cadreIds: number[]
  unitIds: number[]
  names: string[]
}

/** Cadre and unit codes → ids; unknown codes are refused under their field. */
function resolveReferences(
  db: AppDatabase,
  cadreCodes: readonly string[],
  unitCodes: readonly string[]
): References {
  const people = cadreCodes.length
    ? db
        .select({ id: cadres.id, code: cadres.code, fullName: cadres.fullName })
        .from(cadres)
        .where(inArray(cadres.code, [...cadreCodes]))
        .all()
    : []
  const places = unitCodes.length
    ? db
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(inArray(units.code, [...unitCodes]))
        .all()
    : []
  const cadreByCode = new Map(people.map((c) => [c.code, c]))
  const unitByCode = new Map(places.map((u) => [u.code, u]))
  const details: string[] = []
  const unknownCadres = cadreCodes.filter((c) => !cadreByCode.has(c))
  const unknownUnits = unitCodes.filter((c) => !unitByCode.has(c))
  if (unknownCadres.length > 0) {
    details.push(`cadreCodes: Không có cán bộ mã ${unknownCadres.map((c) => `"${c}"`).join(', ')}.`)
  }
  if (unknownUnits.length > 0) {
    details.push(`unitCodes: Không có đơn vị mã ${unknownUnits.map((c) => `"${c}"`).join(', ')}.`)
  }
  if (details.length > 0) {
    throw new AppError('VALIDATION', 'Chuyến đi có cán bộ hoặc đơn vị không có trong danh sách.', details)
  }
  return {
    cadreIds: cadreCodes.map((c) => cadreByCode.get(c)!.id),
    unitIds: unitCodes.map((c) => unitByCode.get(c)!.id),
    names: cadreCodes.map((c) => cadreByCode.get(c)!.fullName)
  }
}

function refuseTakenCode(db: AppDatabase, code: string): void {
  const other = findTrip(db, code)
  if (!other) return
  const message = `Mã chuyến "${code}" đã có (chuyến ${describeTrip(
    other.log,
    other.cadres.map((c) => c.fullName)
  )}).`
  throw new AppError('CONFLICT', message, [`code: ${message}`])
}

function logRowOf(values: TripFormValues): TripLogRow {
  return {
    code: values.code,
    startDate: values.startDate,
    startHalf: values.startHalf,
    endDate: values.endDate,
    endHalf: values.endHalf,
    unitCodes: values.unitCodes,
    kind: values.kind,
    topic: values.topic,
    cadreCodes: values.cadreCodes,
    status: values.status,
    travelOrderNo: values.travelOrderNo,
    reportDate: values.reportDate,
    note: values.note
  }
}

function tripColumns(row: TripLogRow) {
  return {
    code: row.code,
    startDate: row.startDate,
    startHalf: row.startHalf,
    endDate: row.endDate,
    endHalf: row.endHalf,
    kind: row.kind,
    topic: row.topic,
    status: row.status,
    travelOrderNo: row.travelOrderNo,
    reportDate: row.reportDate,
    note: row.note
  }
}

/** Inserts a trip and its links; returns its id. */
function insertTrip(log: ChangeRecorder, row: TripLogRow, refs: References, createdAt: string): number {
  const trip = log.rows.insert(trips, { ...tripColumns(row), createdAt })
  refs.cadreIds.forEach((cadreId, position) =>
    log.rows.insert(tripParticipants, { tripId: trip.id, cadreId, position })
  )
  refs.unitIds.forEach((unitId, position) =>
    log.rows.insert(tripUnits, { tripId: trip.id, unitId, position })
  )
  log.record('trips', row.code, 'insert', null, row)
  return trip.id
}

export function createTrip(ctx: ServiceContext, values: TripFormValues): Saved<{ code: string }> {
  const row = logRowOf(values)
  const refs = resolveReferences(ctx.db, row.cadreCodes, row.unitCodes)
  refuseTakenCode(ctx.db, row.code)
  const label = `Thêm chuyến đi ${describeTrip(row, refs.names)}`
  return ctx.write(label, (_tx, log) => {
    insertTrip(log, row, refs, ctx.clock.now())
    return { value: { code: row.code }, change: { batchId: log.batchId, label } }
  })
}

/**
 * Replaces a trip's links with `ids` in that order, touching only what differs (a link that
 * stays keeps its row, so the history holds only real changes).
 */
function relink(
  log: ChangeRecorder,
  table: typeof tripParticipants | typeof tripUnits,
  tripId: number,
  current: number[],
  wanted: number[]
): void {
  const column = table === tripParticipants ? tripParticipants.cadreId : tripUnits.unitId
  const removed = current.filter((id) => !wanted.includes(id))
  if (removed.length > 0) log.rows.delete(table, and(eq(table.tripId, tripId), inArray(column, removed)))
  wanted.forEach((id, position) => {
    if (!current.includes(id)) {
      const values =
        table === tripParticipants ? { tripId, cadreId: id, position } : { tripId, unitId: id, position }
      log.rows.insert(table, values as never)
    } else if (current.indexOf(id) !== position) {
      log.rows.update(table, and(eq(table.tripId, tripId), eq(column, id)), { position })
    }
  })
}

export function updateTrip(
  ctx: ServiceContext,
  input: TripFormValues & { originalCode: string }
): Saved<{ code: string }> {
  const { originalCode, ...values } = input
  const before = requireTrip(ctx.db, originalCode)
  const after = logRowOf(values)
  const refs = resolveReferences(ctx.db, after.cadreCodes, after.unitCodes)
  if (after.code !== before.row.code) refuseTakenCode(ctx.db, after.code)
  const label = `Sửa chuyến đi ${before.row.code}: ${describeRowChanges(before.log, after)}`
  return ctx.write(label, (_tx, log) => {
    const tripId = before.row.id
    log.rows.update(trips, eq(trips.id, tripId), tripColumns(after))
    relink(
      log,
      tripParticipants,
      tripId,
      before.cadres.map((c) => c.id),
      refs.cadreIds
    )
    relink(
      log,
      tripUnits,
      tripId,
      before.units.map((u) => u.id),
      refs.unitIds
    )
    log.record('trips', after.code, 'update', before.log, after)
    return { value: { code: after.code }, change: { batchId: log.batchId, label } }
  })
}

export interface CopyValues {
  startDate: string
  startHalf: HalfDay
  endDate: string
  endHalf: HalfDay
  cadreCodes: string[]
}

/**
 * Copies of a trip for other cadres or other dates: each copy gets the next free code, its own
 * dates and cadres, the source's kind, topic, units and note, and the status asked for (the
 * source's by default). The report date is never copied (a report is handed in per trip), and
 * the travel order number only when the copy keeps the source's dates (the same công lệnh).
 */
export function duplicateTrip(
  ctx: ServiceContext,
  input: { code: string; copies: CopyValues[]; status?: TripStatus | undefined }
): Saved<{ codes: string[] }> {
  const source = requireTrip(ctx.db, input.code)
  const sequence = codeSequence(ctx)
  const planned = input.copies.map((copy) => {
    const refs = resolveReferences(ctx.db, copy.cadreCodes, source.log.unitCodes)
    const sameDates =
      copy.startDate === source.log.startDate &&
      copy.startHalf === source.log.startHalf &&
      copy.endDate === source.log.endDate &&
      copy.endHalf === source.log.endHalf
    const row: TripLogRow = {
      ...source.log,
      code: sequence.next(),
      startDate: copy.startDate,
      startHalf: copy.startHalf,
      endDate: copy.endDate,
      endHalf: copy.endHalf,
      cadreCodes: copy.cadreCodes,
      status: input.status ?? source.log.status,
      travelOrderNo: sameDates ? source.log.travelOrderNo : null,
      reportDate: null
    }
    return { row, refs }
  })
  const codes = planned.map((p) => p.row.code)
  const label =
    planned.length === 1
      ? `Nhân bản chuyến đi ${source.row.code} thành ${describeTrip(planned[0]!.row, planned[0]!.refs.names)}`
      : `Nhân bản chuyến đi ${source.row.code} thành ${planned.length} chuyến: ${listCodes(codes)}`
  return ctx.write(label, (_tx, log) => {
    const now = ctx.clock.now()
    for (const { row, refs } of planned) insertTrip(log, row, refs, now)
    return { value: { codes }, change: { batchId: log.batchId, label } }
  })
}

export function setTripStatus(
  ctx: ServiceContext,
  input: { codes: string[]; status: TripStatus; reportDate: string | null }
): Saved<{ count: number }> {
  const found = requireTrips(ctx.db, input.codes)
  const codes = found.map((t) => t.row.code)
  const what = `${TRIP_STATUS_LABELS[input.status]}${input.reportDate ? `, ngày nộp báo cáo ${formatDateVi(input.reportDate)}` : ''}`
  const label =
    found.length === 1
      ? `Đổi trạng thái chuyến đi ${codes[0]} thành ${what}`
      : `Đổi trạng thái ${found.length} chuyến đi thành ${what}: ${listCodes(codes)}`
  return ctx.write(label, (_tx, log) => {
    for (const trip of found) {
      const values = { status: input.status, reportDate: input.reportDate ?? trip.row.reportDate }
      log.rows.update(trips, eq(trips.id, trip.row.id), values)
      log.record(
        'trips',
        trip.row.code,
        'update',
        { status: trip.log.status, reportDate: trip.log.reportDate },
        { status: values.status, reportDate: values.reportDate }
      )
    }
    return { value: { count: found.length }, change: { batchId: log.batchId, label } }
  })
}

/**
 * Deletes trips with their links. The links go first, each through log.rows: the foreign
 * key's cascade would remove them unseen, and "Hoàn tác" could not bring them back.
 */
export function deleteTrips(ctx: ServiceContext, input: { codes: string[] }): Saved<{ count: number }> {
  const found = requireTrips(ctx.db, input.codes)
  const label =
    found.length === 1
      ? `Xóa chuyến đi ${describeTrip(
          found[0]!.log,
          found[0]!.cadres.map((c) => c.fullName)
        )}`
      : `Xóa ${found.length} chuyến đi: ${listCodes(found.map((t) => t.row.code))}`
  return ctx.write(label, (_tx, log) => {
    for (const trip of found) removeTrip(log, trip)
    return { value: { count: found.length }, change: { batchId: log.batchId, label } }
  })
}

function removeTrip(log: ChangeRecorder, trip: StoredTrip): void {
  log.rows.delete(tripParticipants, eq(tripParticipants.tripId, trip.row.id))
  log.rows.delete(tripUnits, eq(tripUnits.tripId, trip.row.id))
  log.rows.delete(trips, eq(trips.id, trip.row.id))
  log.record('trips', trip.row.code, 'delete', trip.log, null)
}
