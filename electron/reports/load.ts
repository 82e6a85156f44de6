/**
 * Loaders: the plain data each document needs, read through the services. Documents never
 * query the database; they get what these functions return.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm'
import type { YearSummaryView } from '../../shared/api/contract'
import { AppError } from '../../shared/api/errors'
import { formatDateVi, type IsoDate } from '../../shared/domain/dates'
import { signingAuthorityLine } from '../../shared/domain/issuer'
import { reportDueDate, reportOverdueDays } from '../../shared/domain/reports-due'
import { signers, units } from '../db/schema'
import type { ServiceContext } from '../services/context'
import { getOrganisation, getYearSettings } from '../services/settings/index'
import { loadYearSummaryView } from '../services/summary'
import { listTripsBetween } from '../services/trips-read'
import { parentNamesOn } from '../services/units/state'
import type { IssuerInfo, SignerInfo } from './documents/common'
import type { OverdueTrip } from './documents/progress-report'
import type { VisitedUnitInfo } from './documents/year-report'

/** Printed when the office has not entered its details yet: visibly a placeholder, never a real name. */
export const PLACEHOLDER = '……………'

export interface IssuerData {
  issuer: IssuerInfo
  signer: SignerInfo
  /** False when the organisation is not set up: no congress term, so no number can be issued. */
  configured: boolean
  /** What the clerk should know about defaults used (Vietnamese). */
  notes: string[]
  /** The same about the signer, apart: documents of a ban or a cadre are not signed by the signer. */
  signerNotes: string[]
}

/**
 * Who issues and who signs. The signer is the one the clerk chose (`signerId`, an active
 * signer of Cài đặt), else the default one, else the first active one.
 */
export function loadIssuer(ctx: ServiceContext, signerId?: number): IssuerData {
  const notes: string[] = []
  const org = getOrganisation(ctx)
  const issuer: IssuerInfo = org ?? {
    issuerName: `BCH ĐOÀN TỈNH ${PLACEHOLDER}`,
    placeName: PLACEHOLDER,
    issuerAbbreviation: 'TĐTN',
    issuerLevelName: 'TỈNH ĐOÀN',
    congressTerm: ''
  }
  if (!org) {
    notes.push(
      'Chưa khai báo thông tin đơn vị ban hành (tên, địa danh, nhiệm kỳ): văn bản dùng tên và địa danh để trống ' +
        `"${PLACEHOLDER}", cần điền trước khi trình ký.`
    )
  }
  let row: typeof signers.$inferSelect | null
  if (signerId !== undefined) {
    row = ctx.db.select().from(signers).where(eq(signers.id, signerId)).get() ?? null
    if (!row) {
      const message = 'Không tìm thấy người ký đã chọn; hãy chọn lại trong danh sách người ký.'
      throw new AppError('NOT_FOUND', message, [`signerId: ${message}`])
    }
    if (!row.active) {
      const message = `${row.fullName} đã ngừng ký (Cài đặt › Người ký); hãy chọn người ký khác.`
      throw new AppError('VALIDATION', message, [`signerId: ${message}`])
    }
  } else {
    row =
      ctx.db
        .select()
        .from(signers)
        .where(eq(signers.active, true))
        .orderBy(desc(signers.isDefault), asc(signers.id))
        .get() ?? null
  }
  const signer: SignerInfo = row
    ? // "TM. BAN THƯỜNG VỤ" as entered (the workbook's default) prints with the level: "… TỈNH ĐOÀN".
      {
        authority: signingAuthorityLine(row.authority, issuer.issuerLevelName),
        position: row.position,
        fullName: row.fullName
      }
    : { authority: `TM. BAN THƯỜNG VỤ ${issuer.issuerLevelName}`, position: 'BÍ THƯ', fullName: PLACEHOLDER }
  const signerNotes: string[] = []
  if (!row) {
    signerNotes.push(
      `Chưa khai báo người ký: văn bản ghi "${signer.authority} / ${signer.position}" và để trống họ tên người ký.`
    )
  }
  return { issuer, signer, configured: org !== null && org.congressTerm.trim() !== '', notes, signerNotes }
}

/**
 * The unit above each visited unit and when it was active, for Phụ lục 02: the parent on the
 * unit's last day in the year (a district union for a commune closed on 30/06/2025), and a
 * note for a unit that opened or closed during the year (two units of one name, before and
 * after a merger, read apart).
 */
function visitedUnitInfo(ctx: ServiceContext, summary: YearSummaryView): Record<string, VisitedUnitInfo> {
  const ids = summary.units.map((u) => u.unitId)
  const rows: Array<{ id: number; code: string; validFrom: string | null; validTo: string | null }> = []
  // SQLite limits bound parameters per statement: read in chunks.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    rows.push(
      ...ctx.db
        .select({ id: units.id, code: units.code, validFrom: units.validFrom, validTo: units.validTo })
        .from(units)
        .where(inArray(units.id, chunk))
        .all()
    )
  }
  const lastDay = (r: (typeof rows)[number]): IsoDate =>
    r.validTo && r.validTo < summary.windowEnd ? r.validTo : summary.windowEnd
  const byDay = new Map<IsoDate, number[]>()
  for (const r of rows) byDay.set(lastDay(r), [...(byDay.get(lastDay(r)) ?? []), r.id])
  const parents = new Map<number, string | null>()
  for (const [day, dayIds] of byDay)
    for (const [id, name] of parentNamesOn(ctx.db, dayIds, day)) parents.set(id, name)
  const out: Record<string, VisitedUnitInfo> = {}
  for (const r of rows) {
    const notes: string[] = []
    if (r.validFrom && r.validFrom > summary.windowStart)
      notes.push(`Hoạt động từ ${formatDateVi(r.validFrom)}`)
    if (r.validTo && r.validTo < summary.windowEnd) notes.push(`Hoạt động đến ${formatDateVi(r.validTo)}`)
    out[r.code] = { parentName: parents.get(r.id) ?? null, note: notes.length ? notes.join('; ') : null }
  }
  return out
}

export function loadYearReportData(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate
): { summary: YearSummaryView; legalBasis: string | null; visitedUnits: Record<string, VisitedUnitInfo> } {
  const summary = loadYearSummaryView(ctx, year, asOf)
  return {
    summary,
    legalBasis: getYearSettings(ctx.db, year).legalBasis,
    visitedUnits: visitedUnitInfo(ctx, summary)
  }
}

export interface ProgressReportData {
  summary: YearSummaryView
  behindPaceDays: number
  reportDueDays: number
  overdueTrips: OverdueTrip[]
}

export function loadProgressReportData(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate
): ProgressReportData {
  const settings = getYearSettings(ctx.db, year)
  const summary = loadYearSummaryView(ctx, year, asOf)
  const overdueTrips = listTripsBetween(ctx, settings.windowStart, summary.asOf)
    .map((trip) => ({ trip, overdueDays: reportOverdueDays(trip, summary.asOf, settings.reportDueDays) }))
    .filter(({ overdueDays }) => overdueDays > 0)
    .map(({ trip, overdueDays }) => ({
      code: trip.code,
      startDate: trip.startDate,
      endDate: trip.endDate,
      kind: trip.kind,
      cadreNames: trip.cadres.map((c) => c.fullName),
      unitNames: trip.units.map((u) => u.name),
      dueDate: reportDueDate(trip.endDate, settings.reportDueDays),
      overdueDays
    }))
    .sort((a, b) => b.overdueDays - a.overdueDays || a.code.localeCompare(b.code))
  return {
    summary,
    behindPaceDays: settings.behindPaceDays,
    reportDueDays: settings.reportDueDays,
    overdueTrips
  }
}
