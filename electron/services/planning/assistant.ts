/**
 * The planning assistant's service side: loads the year's rows, hands them to the pure
 * algorithm (shared/domain/planning-assistant.ts) with the public holidays, and stores the
 * proposals the clerk accepts as registrations (approved ones with their planned trips).
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Saved } from '../../../shared/api/history'
import type { AcceptValues, ProposalResult, RegistrationFormValues } from '../../../shared/api/planning'
import { quarterRange, type IsoDate } from '../../../shared/domain/dates'
import { isPublicHoliday } from '../../../shared/domain/holidays'
import type { ContentKind, HalfDay, UnitKind } from '../../../shared/domain/kinds'
import { proposePlan, type PendingRegistration } from '../../../shared/domain/planning-assistant'
import { quarterLabel, type Quarter } from '../../../shared/domain/planning'
import { registrations, registrationUnits, units } from '../../db/schema'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/year'
import { loadSummaryRows } from '../summary'
import { oversightAreas } from './oversight'
import { registrationCodeSequence, roundsOf } from './read'
import { approveWithinWrite, insertRegistration, resolveRegistration } from './registrations'

/** Registrations waiting for a decision in the year: they hold their cadre's days. */
function pendingOf(ctx: ServiceContext, year: number): PendingRegistration[] {
  const rows = ctx.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.year, year), inArray(registrations.status, ['DANG_KY', 'BAN_DUYET'])))
    .all()
  if (rows.length === 0) return []
  const links = ctx.db
    .select()
    .from(registrationUnits)
    .where(
      inArray(
        registrationUnits.registrationId,
        rows.map((r) => r.id)
      )
    )
    .all()
  return rows.map((r) => ({
    cadreId: r.cadreId,
    kind: r.kind as ContentKind,
    startDate: r.startDate,
    startHalf: r.startHalf as HalfDay,
    endDate: r.endDate,
    endHalf: r.endHalf as HalfDay,
    unitIds: links
      .filter((l) => l.registrationId === r.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => l.unitId)
  }))
}

export function propose(
  ctx: ServiceContext,
  input: { year: number; quarter: Quarter; asOf: IsoDate }
): ProposalResult {
  const { year, quarter, asOf } = input
  const settings = getYearSettings(ctx.db, year)
  const rows = loadSummaryRows(ctx, year, settings)
  const rounds = roundsOf(ctx.db, year, quarter)
  const q = quarterRange(year, quarter)
  const unitRows = ctx.db.select().from(units).all()
  const result = proposePlan({
    settings,
    year,
    quarter,
    asOf,
    cadres: rows.cadres,
    trips: rows.trips,
    pending: pendingOf(ctx, year),
    rounds: rounds.map((r) => ({ id: r.id, number: r.number, startDate: r.startDate, endDate: r.endDate })),
    units: unitRows.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind as UnitKind,
      validFrom: u.validFrom,
      validTo: u.validTo
    })),
    oversight: oversightAreas(ctx.db, q.from, q.to).byCadre,
    isHoliday: isPublicHoliday
  })
  const unitById = new Map(unitRows.map((u) => [u.id, u]))
  const cadreById = new Map(rows.cadres.map((c) => [c.id, c]))
  return {
    year,
    quarter,
    label: quarterLabel(year, quarter),
    asOf,
    from: result.from,
    to: result.to,
    roundCount: rounds.length,
    proposals: result.proposals.map((p) => ({
      cadreCode: p.cadreCode,
      cadreName: p.cadreName,
      departmentName: cadreById.get(p.cadreId)?.departmentName ?? '',
      roundNumber: p.roundNumber,
      startDate: p.startDate,
      startHalf: p.startHalf,
      endDate: p.endDate,
      endHalf: p.endHalf,
      days: p.days,
      kind: p.kind,
      unitCodes: p.unitIds.map((id) => unitById.get(id)?.code ?? ''),
      unitNames: p.unitIds.map((id) => unitById.get(id)?.name ?? ''),
      reason: p.reason
    })),
    cadres: result.cadres,
    impossible: result.impossible
  }
}

export function accept(
  ctx: ServiceContext,
  input: AcceptValues
): Saved<{ codes: string[]; tripCodes: string[] }> {
  const { year, quarter } = input
  const prepared = input.proposals.map((p) => {
    const values: RegistrationFormValues = {
      cadreCode: p.cadreCode,
      year,
      quarter,
      roundNumber: p.roundNumber,
      startDate: p.startDate,
      startHalf: p.startHalf,
      endDate: p.endDate,
      endHalf: p.endHalf,
      unitCodes: p.unitCodes,
      kind: p.kind,
      topic: p.topic,
      note: p.reason
    }
    return { values, resolved: resolveRegistration(ctx.db, values) }
  })
  const sequence = registrationCodeSequence(ctx.db)
  const codes = prepared.map(() => sequence.next())
  const label = `Nhận ${prepared.length} đề xuất của trợ lý lập kế hoạch, ${quarterLabel(year, quarter)}${
    input.approve ? ' (Thường trực duyệt, tạo chuyến đi dự kiến)' : ''
  }`
  return ctx.write(label, (tx, log) => {
    const ids = prepared.map(({ values, resolved }, i) =>
      insertRegistration(ctx, log, codes[i]!, values, resolved, 'TRO_LY')
    )
    let tripCodes: string[] = []
    if (input.approve) {
      const rows = tx.select().from(registrations).where(inArray(registrations.id, ids)).all()
      rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      tripCodes = approveWithinWrite(ctx, tx, log, rows)
    }
    return { value: { codes, tripCodes }, change: { batchId: log.batchId, label } }
  })
}
