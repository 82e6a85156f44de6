/**
 * Registration writes: add, edit, delete (before approval) and the status moves. Approval by
 * the Thường trực makes the planned trip (Dự kiến) through the trips domain's own createTrip,
 * run inside this write's transaction and batch (so one "Hoàn tác" takes back both), and keeps
 * the link registration → trip.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { RegistrationFormValues } from '../../../shared/api/planning'
import { formatDateVi } from '../../../shared/domain/dates'
import {
  canMoveRegistration,
  quarterLabel,
  REGISTRATION_STATUS_LABELS,
  registrationSpanIssues,
  type RegistrationSource,
  type RegistrationStatus
} from '../../../shared/domain/planning'
import { tripDays } from '../../../shared/domain/registration'
import type { AppDatabase } from '../../db/connection'
import { cadres, registrations, registrationUnits, trips, units } from '../../db/schema'
import type { ChangeRecorder, ServiceContext } from '../context'
import { codeSequence } from '../trips/codes'
import { createTrip } from '../trips/write'
import {
  findRound,
  registrationCodeSequence,
  registrationViews,
  requireRegistration,
  type RegistrationRow
} from './read'

/** The registration in the change log's words (codes, ISO dates), as the history shows it. */
export interface RegistrationLogRow {
  code: string
  cadreCode: string
  year: number
  quarter: number
  roundNumber: number | null
  startDate: string
  startHalf: string
  endDate: string
  endHalf: string
  unitCodes: string[]
  kind: string
  topic: string | null
  status: RegistrationStatus
  tripCode: string | null
  note: string | null
}

interface Resolved {
  cadreId: number
  cadreName: string
  unitIds: number[]
  roundId: number | null
}

/** Cadre, units and round of a registration → ids; what does not exist is refused under its field. */
function resolve(db: AppDatabase, values: RegistrationFormValues): Resolved {
  const details: string[] = []
  const cadre = db
    .select({ id: cadres.id, fullName: cadres.fullName })
    .from(cadres)
    .where(eq(cadres.code, values.cadreCode))
    .get()
  if (!cadre) details.push(`cadreCode: Không có cán bộ mã "${values.cadreCode}".`)
  const unitRows = db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, values.unitCodes))
    .all()
  const unitByCode = new Map(unitRows.map((u) => [u.code, u.id]))
  const unknown = values.unitCodes.filter((c) => !unitByCode.has(c))
  if (unknown.length > 0)
    details.push(`unitCodes: Không có đơn vị mã ${unknown.map((c) => `"${c}"`).join(', ')}.`)
  let roundId: number | null = null
  let round = null
  if (values.roundNumber !== null) {
    round = findRound(db, values.year, values.quarter, values.roundNumber)
    if (!round)
      details.push(
        `roundNumber: ${quarterLabel(values.year, values.quarter)} chưa có đợt ${values.roundNumber}.`
      )
    else roundId = round.id
  }
  for (const issue of registrationSpanIssues(values, values.year, values.quarter, round)) {
    details.push(`${issue.field}: ${issue.message}`)
  }
  if (details.length > 0 || !cadre) {
    throw new AppError('VALIDATION', 'Đăng ký chưa lưu được: xem các ô được đánh dấu.', details)
  }
  return {
    cadreId: cadre.id,
    cadreName: cadre.fullName,
    unitIds: values.unitCodes.map((c) => unitByCode.get(c)!),
    roundId
  }
}

function logRowOf(
  code: string,
  values: RegistrationFormValues,
  status: RegistrationStatus,
  tripCode: string | null
): RegistrationLogRow {
  return {
    code,
    cadreCode: values.cadreCode,
    year: values.year,
    quarter: values.quarter,
    roundNumber: values.roundNumber,
    startDate: values.startDate,
    startHalf: values.startHalf,
    endDate: values.endDate,
    endHalf: values.endHalf,
    unitCodes: values.unitCodes,
    kind: values.kind,
    topic: values.topic,
    status,
    tripCode,
    note: values.note
  }
}

/** "DK0003 Lê Minh Đức, 06/10/2025 – 08/10/2025 (3 ngày)". */
export function describeRegistration(
  code: string,
  name: string,
  values: Pick<RegistrationFormValues, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>
): string {
  const days = tripDays(values)
  const dates =
    values.startDate === values.endDate
      ? formatDateVi(values.startDate)
      : `${formatDateVi(values.startDate)} – ${formatDateVi(values.endDate)}`
  return `${code} ${name}, ${dates} (${String(days).replace('.', ',')} ngày)`
}

/** Inserts a registration and its units inside an open write; returns its id. */
export function insertRegistration(
  ctx: ServiceContext,
  log: ChangeRecorder,
  code: string,
  values: RegistrationFormValues,
  resolved: Resolved,
  source: RegistrationSource
): number {
  const row = log.rows.insert(registrations, {
    code,
    cadreId: resolved.cadreId,
    year: values.year,
    quarter: values.quarter,
    roundId: resolved.roundId,
    startDate: values.startDate,
    startHalf: values.startHalf,
    endDate: values.endDate,
    endHalf: values.endHalf,
    kind: values.kind,
    topic: values.topic,
    status: 'DANG_KY',
    source,
    note: values.note,
    createdAt: ctx.clock.now()
  })
  resolved.unitIds.forEach((unitId, position) =>
    log.rows.insert(registrationUnits, { registrationId: row.id, unitId, position })
  )
  log.record('registrations', code, 'insert', null, logRowOf(code, values, 'DANG_KY', null))
  return row.id
}

export { resolve as resolveRegistration }

export function createRegistration(
  ctx: ServiceContext,
  values: RegistrationFormValues
): Saved<{ code: string }> {
  const resolved = resolve(ctx.db, values)
  const code = registrationCodeSequence(ctx.db).next()
  const label = `Đăng ký đi cơ sở ${describeRegistration(code, resolved.cadreName, values)}`
  return ctx.write(label, (_tx, log) => {
    insertRegistration(ctx, log, code, values, resolved, 'FORM')
    return { value: { code }, change: { batchId: log.batchId, label } }
  })
}

function refuseDecided(row: RegistrationRow, what: string): void {
  if (row.status === 'THUONG_TRUC_DUYET') {
    throw new AppError(
      'CONFLICT',
      `Đăng ký ${row.code} đã được Thường trực duyệt (đã thành chuyến đi dự kiến): không ${what} được nữa; hãy sửa chuyến đi trong Sổ chuyến đi.`
    )
  }
}

function logRowOfStored(db: AppDatabase, row: RegistrationRow): RegistrationLogRow {
  const view = registrationViews(db, [row])[0]!
  return {
    code: row.code,
    cadreCode: view.cadreCode,
    year: row.year,
    quarter: row.quarter,
    roundNumber: view.roundNumber,
    startDate: row.startDate,
    startHalf: row.startHalf,
    endDate: row.endDate,
    endHalf: row.endHalf,
    unitCodes: view.unitCodes,
    kind: row.kind,
    topic: row.topic,
    status: row.status as RegistrationStatus,
    tripCode: view.tripCode,
    note: row.note
  }
}

export function updateRegistration(
  ctx: ServiceContext,
  input: RegistrationFormValues & { code: string }
): Saved<{ code: string }> {
  const { code, ...values } = input
  const before = requireRegistration(ctx.db, code)
  refuseDecided(before, 'sửa')
  const resolved = resolve(ctx.db, values)
  const beforeLog = logRowOfStored(ctx.db, before)
  const label = `Sửa đăng ký ${describeRegistration(code, resolved.cadreName, values)}`
  return ctx.write(label, (_tx, log) => {
    log.rows.update(registrations, eq(registrations.id, before.id), {
      cadreId: resolved.cadreId,
      year: values.year,
      quarter: values.quarter,
      roundId: resolved.roundId,
      startDate: values.startDate,
      startHalf: values.startHalf,
      endDate: values.endDate,
      endHalf: values.endHalf,
      kind: values.kind,
      topic: values.topic,
      note: values.note
    })
    const current = beforeLog.unitCodes
    if (current.join('\n') !== values.unitCodes.join('\n')) {
      log.rows.delete(registrationUnits, eq(registrationUnits.registrationId, before.id))
      resolved.unitIds.forEach((unitId, position) =>
        log.rows.insert(registrationUnits, { registrationId: before.id, unitId, position })
      )
    }
    log.record(
      'registrations',
      code,
      'update',
      beforeLog,
      logRowOf(code, values, before.status as RegistrationStatus, null)
    )
    return { value: { code }, change: { batchId: log.batchId, label } }
  })
}

export function deleteRegistration(ctx: ServiceContext, code: string): Saved<{ code: string }> {
  const row = requireRegistration(ctx.db, code)
  refuseDecided(row, 'xóa')
  const beforeLog = logRowOfStored(ctx.db, row)
  const name =
    ctx.db.select({ n: cadres.fullName }).from(cadres).where(eq(cadres.id, row.cadreId)).get()?.n ?? ''
  const label = `Xóa đăng ký ${describeRegistration(code, name, beforeLog as never)}`
  return ctx.write(label, (_tx, log) => {
    // The units first, through log.rows: a cascade would remove them where undo cannot see.
    log.rows.delete(registrationUnits, eq(registrationUnits.registrationId, row.id))
    log.rows.delete(registrations, eq(registrations.id, row.id))
    log.record('registrations', code, 'delete', beforeLog, null)
    return { value: { code }, change: { batchId: log.batchId, label } }
  })
}

/**
 * A service context whose writes join the open transaction and batch: the trips domain's own
 * write functions run inside a planning write this way, and one "Hoàn tác" reverts everything.
 */
function joinedContext(ctx: ServiceContext, tx: AppDatabase, log: ChangeRecorder): ServiceContext {
  return {
    ...ctx,
    db: tx,
    write: <T>(_source: string, fn: (tx: AppDatabase, log: ChangeRecorder) => T): T => fn(tx, log)
  }
}

/**
 * Approves registrations inside an open write: each becomes a planned trip (Dự kiến) of its
 * cadre, its units, kind, topic and dates, made by the trips domain; returns the trip codes.
 */
export function approveWithinWrite(
  ctx: ServiceContext,
  tx: AppDatabase,
  log: ChangeRecorder,
  rows: readonly RegistrationRow[]
): string[] {
  const inner = joinedContext(ctx, tx, log)
  const views = registrationViews(tx, rows)
  const tripCodes: string[] = []
  rows.forEach((row, i) => {
    const view = views[i]!
    const before = logRowOfStored(tx, row)
    const code = codeSequence(inner).next()
    createTrip(inner, {
      code,
      startDate: row.startDate,
      startHalf: view.startHalf,
      endDate: row.endDate,
      endHalf: view.endHalf,
      unitCodes: view.unitCodes,
      kind: view.kind,
      topic: row.topic,
      cadreCodes: [view.cadreCode],
      status: 'DU_KIEN',
      travelOrderNo: null,
      reportDate: null,
      note: `Theo đăng ký ${row.code}`
    })
    const tripId = tx.select({ id: trips.id }).from(trips).where(eq(trips.code, code)).get()!.id
    log.rows.update(registrations, eq(registrations.id, row.id), { status: 'THUONG_TRUC_DUYET', tripId })
    log.record('registrations', row.code, 'update', before, {
      ...before,
      status: 'THUONG_TRUC_DUYET',
      tripCode: code
    })
    tripCodes.push(code)
  })
  return tripCodes
}

export function setRegistrationStatus(
  ctx: ServiceContext,
  input: { codes: string[]; status: RegistrationStatus; note: string | null }
): Saved<{ count: number; tripCodes: string[] }> {
  const rows = ctx.db.select().from(registrations).where(inArray(registrations.code, input.codes)).all()
  const found = new Set(rows.map((r) => r.code))
  const missing = input.codes.filter((c) => !found.has(c))
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `Không có đăng ký mã ${missing.map((c) => `"${c}"`).join(', ')}.`)
  }
  const target = REGISTRATION_STATUS_LABELS[input.status]
  const refused = rows.filter((r) => !canMoveRegistration(r.status as RegistrationStatus, input.status))
  if (refused.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Không chuyển được sang "${target}": ${refused
        .map((r) => `${r.code} đang ở "${REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus]}"`)
        .join('; ')}.`
    )
  }
  const ordered = input.codes.map((c) => rows.find((r) => r.code === c)!)
  const label =
    ordered.length === 1
      ? `${target}: đăng ký ${ordered[0]!.code}`
      : `${target}: ${ordered.length} đăng ký (${ordered
          .slice(0, 5)
          .map((r) => r.code)
          .join(', ')}${ordered.length > 5 ? ', …' : ''})`
  return ctx.write(label, (tx, log) => {
    if (input.status === 'THUONG_TRUC_DUYET') {
      const tripCodes = approveWithinWrite(ctx, tx, log, ordered)
      return { value: { count: ordered.length, tripCodes }, change: { batchId: log.batchId, label } }
    }
    for (const row of ordered) {
      const before = logRowOfStored(tx, row)
      const note = input.note ?? row.note
      log.rows.update(registrations, and(eq(registrations.id, row.id)), { status: input.status, note })
      log.record('registrations', row.code, 'update', before, { ...before, status: input.status, note })
    }
    return { value: { count: ordered.length, tripCodes: [] }, change: { batchId: log.batchId, label } }
  })
}
